"""Score the parser on pages with known articles: headlines, credits, roles, dates.

    python benchmarks/score_credits.py [FOLDER ...] [--generated tuned|held-out|all] [--details]

A FOLDER holds ``<name>.txt`` pages with ``<name>.json`` expectations (the format
of tests/archive/layouts/ and tests/archive/heldout/).  ``--generated`` scores the
pages composed from the credit survey (tests/support/credit_pages.py) instead.
With neither, the held-out folder is scored.

Figures (over all pages):

* headline F1 — titles found vs titles expected (an item with no title counts by its
  kind and body start, so a lost or invented photo item counts too);
* everyone credited found — expected names that the parser credits on the page;
* roles right — of those, the share credited in the expected role (reporter or
  correspondent);
* pages dated wrong — pages given a date that is not the page's date (no date is
  never wrong; a page whose expectation has no ``issue_date`` key is not scored for it).

``--seed-exports`` scores the five seed pages re-exported in every (unflipped) style of
tests/support/exports.py against their annotations (dates not scored: the styles print
datelines with dates of their own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from liaocheng_tui.archive.cjk import squeeze  # noqa: E402
from liaocheng_tui.archive.decoding import decode_bytes  # noqa: E402
from liaocheng_tui.archive.loader import parse_page  # noqa: E402

HELD_OUT = ROOT / "tests" / "archive" / "heldout"


@dataclass
class Score:
    pages: int = 0
    titles_got: int = 0
    titles_want: int = 0
    titles_matched: int = 0
    names_want: int = 0
    names_found: int = 0
    roles_right: int = 0
    dated_wrong: int = 0
    dated: int = 0

    def add(self, other: Score) -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    @property
    def headline_f1(self) -> float:
        if not self.titles_got and not self.titles_want:
            return 1.0
        p = self.titles_matched / self.titles_got if self.titles_got else 0.0
        r = self.titles_matched / self.titles_want if self.titles_want else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def credited_found(self) -> float:
        return self.names_found / self.names_want if self.names_want else 1.0

    @property
    def roles(self) -> float:
        return self.roles_right / self.names_found if self.names_found else 1.0


def _key(kind: str, title: str | None, body_start: str) -> str:
    return title if title else f"[{kind}] {body_start[:6]}"


def score_page(text: str, name: str, want: dict) -> tuple[Score, list[str]]:
    page = parse_page(text, f"{name}.txt")
    score = Score(pages=1)
    notes: list[str] = []
    got_keys = Counter(_key(a.kind.value, a.title, squeeze(a.body)) for a in page.articles)
    want_keys = Counter(_key(w["kind"], w["title"], w["body_start"]) for w in want["articles"])
    score.titles_got, score.titles_want = sum(got_keys.values()), sum(want_keys.values())
    score.titles_matched = sum((got_keys & want_keys).values())
    if got_keys != want_keys:
        notes.append(f"items: missing {dict(want_keys - got_keys)}, extra {dict(got_keys - want_keys)}")
    got_roles: dict[str, set[str]] = {}
    for a in page.articles:
        for n in a.reporters:
            got_roles.setdefault(n, set()).add("reporter")
        for n in a.correspondents:
            got_roles.setdefault(n, set()).add("correspondent")
    for w in want["articles"]:
        for role, names in (("reporter", w["reporters"]), ("correspondent", w["correspondents"])):
            for n in names:
                score.names_want += 1
                if n in got_roles:
                    score.names_found += 1
                    if role in got_roles[n]:
                        score.roles_right += 1
                    else:
                        notes.append(f"{n}: {sorted(got_roles[n])}, want {role}")
                else:
                    notes.append(f"{n} not credited")
    want_date = want.get("issue_date")
    if page.issue_date is not None and "issue_date" in want and not want.get("date_not_scored"):
        score.dated += 1
        if page.issue_date.isoformat() != want_date:
            score.dated_wrong += 1
            notes.append(f"dated {page.issue_date} want {want_date}")
    return score, notes


def read_text(path: Path) -> str:
    if path.name.endswith(".gbk.txt"):
        return decode_bytes(path.read_bytes()).text
    return path.read_text(encoding="utf-8")


def folder_cases(folder: Path) -> list[tuple[str, str, dict]]:
    cases = []
    for txt in sorted(folder.glob("*.txt")):
        stem = txt.name[: -len(".txt")]
        want = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
        cases.append((stem, read_text(txt), want))
    return cases


def generated_cases(which: str) -> list[tuple[str, str, dict]]:
    from support.credit_pages import expectation, pages_for, split_rows

    tuned, held = split_rows()
    rows = {"tuned": tuned, "held-out": held, "all": tuned + held}[which]
    return [(p.name, p.text, expectation(p)) for p in pages_for(rows, "")]


def seed_export_cases() -> list[tuple[str, str, dict]]:
    """The five seed pages re-exported in every style of tests/support/exports.py."""
    from liaocheng_tui.archive.classify import classify_all
    from liaocheng_tui.archive.loader import read_page
    from liaocheng_tui.archive.orientation import headline_first
    from liaocheng_tui.archive.reflow import reflow
    from liaocheng_tui.seeds import seeds_dir
    from support.exports import STYLES, render

    cases = []
    for path in sorted(seeds_dir().glob("*.txt")):
        want = json.loads((ROOT / "tests" / "annotations" / f"{path.stem}.json").read_text(encoding="utf-8"))
        # the styles print datelines with dates of their own (本报聊城6月19日讯): dates are not scored
        want = {"issue_date": None, "date_not_scored": True, "articles": want["articles"]}
        text = path.read_text(encoding="utf-8")
        first = headline_first(classify_all(reflow(text)))
        original = read_page(path)
        for style in STYLES:
            if style.flip:
                continue  # kicker/subtitle sides differ when flipped; titles are compared whole elsewhere
            cases.append((f"{path.stem}-{style.name}", render(original, style, first), want))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--generated", choices=("tuned", "held-out", "all"))
    parser.add_argument("--seed-exports", action="store_true", help="the seed pages re-exported in other styles")
    parser.add_argument("--details", action="store_true", help="print what went wrong on each page")
    args = parser.parse_args(argv)
    if args.seed_exports:
        cases = seed_export_cases()
        label = "seed re-exports"
    elif args.generated:
        cases = generated_cases(args.generated)
        label = f"generated ({args.generated})"
    else:
        folders = args.folders or [HELD_OUT]
        cases = [c for f in folders for c in folder_cases(f)]
        label = ", ".join(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f) for f in folders)
    total = Score()
    for name, text, want in cases:
        score, notes = score_page(text, name, want)
        total.add(score)
        if args.details and notes:
            print(f"{name}:\n  " + "\n  ".join(notes))
    print(f"{label}: {total.pages} pages, {total.titles_want} items, {total.names_want} names credited")
    print(f"{'headline F1':<26}{total.headline_f1:.3f}")
    print(f"{'everyone credited found':<26}{total.credited_found:.3f}")
    print(f"{'roles right':<26}{total.roles:.3f}")
    print(f"{'pages dated wrong':<26}{total.dated_wrong} of {total.pages} ({total.dated} dated)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
