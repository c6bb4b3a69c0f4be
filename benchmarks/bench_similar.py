"""Benchmark "has this been written already?": accuracy on rewritten drafts, false alarms, latency, the repost pass.

    python benchmarks/bench_similar.py                         # accuracy (1k) + latency at 1k, 10k
    python benchmarks/bench_similar.py --sizes 1000 --folds 2  # quick
    python benchmarks/bench_similar.py --latency-root ARCHIVE --latency-cache DIR   # an archive as it is

**Accuracy.**  One seed page is held out per fold; the archive is the other four real
pages plus filler pages (``filler_pages``: the seeds' layouts with their bodies made of
sentences drawn from all four, so every real sentence is repeated in the filler, as
boilerplate is in a real archive).  Drafts are rewrites (``rewrites.py``) of the real
pages' articles with a paragraph of the held-out page added; unrelated drafts are
rewrites of the held-out page's articles (real Liaocheng news about events the archive
does not hold).  A draft is right when its top result has verdict ``same event`` and is
its source.  Styles and seeds are split: ``TUNING_STYLES`` with seeds below 1000 (what the
thresholds were set on) and ``HELD_OUT_STYLES`` with seeds from 1000 (never tuned on).

**Latency.**  ``find_similar`` over drafts rewritten from the archive's articles, warm
(jieba loaded), p50 / p95 / max; and the repost pass's time against the cold build.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from rewrites import HELD_OUT_STYLES, TUNING_STYLES, rewrite  # noqa: E402
from synthetic import make_archive, pages_for_articles  # noqa: E402

SEEDS = HERE.parent / "seeds"
DRAFT_MIN_CHARS = 300


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] if values else float("nan")


def _open(archive: Path, cache: Path, link: bool):
    from liaocheng_tui.search.service import open_search
    from liaocheng_tui.similar.reposts import link_new_articles

    return open_search([archive], cache_dir=cache, after_index=link_new_articles if link else None)


def _articles(service, limit: int | None = None):
    store = service.store
    out = []
    for page in store.iter_pages():
        out.extend(a for a in page.articles if a.title and len(a.body) >= DRAFT_MIN_CHARS)
        if limit and len(out) >= limit:
            break
    return out


def _held_out_articles(page_file: Path):
    from liaocheng_tui.archive.loader import read_page

    page = read_page(page_file)
    return [a for a in page.articles if len(a.body) >= 200]


def accuracy(folds: int, size: int, drafts_per_fold: int, work: Path) -> dict:
    from liaocheng_tui.similar.matching import find_similar
    from liaocheng_tui.similar.scoring import SAME_EVENT

    pages = sorted(SEEDS.glob("*.txt"))
    rows: dict[str, list[dict]] = {"tuning": [], "held-out": []}
    for fold in range(folds):
        held = pages[fold % len(pages)]
        seeds = work / f"seeds-{fold}"
        seeds.mkdir(parents=True, exist_ok=True)
        for p in pages:
            if p != held:
                shutil.copy(p, seeds / p.name)
        archive = work / f"archive-{fold}"
        filler_pages(archive, pages_for_articles(size, seeds), seeds, random.Random(fold))
        for p in seeds.glob("*.txt"):
            shutil.copy(p, archive / p.name)
        service = _open(archive, work / f"cache-{fold}", link=True)
        try:
            pool = [a for a in _articles(service) if a.page is not None and "filler" not in a.page.source]
            others = _held_out_articles(held)
            extra = [p for a in others for p in a.body.split("\n") if len(p) >= 60]
            for split, styles, base in (("tuning", TUNING_STYLES, 0), ("held-out", HELD_OUT_STYLES, 1000)):
                rng = random.Random(base + fold)
                for i in range(drafts_per_fold):
                    source = rng.choice(pool)
                    style = styles[i % len(styles)]
                    draft = rewrite(source.body, rng, style, rng.choice(extra) if extra else "")
                    rows[split].append(_judge(find_similar(draft, service, 5), source, True))
                for i, article in enumerate(others):
                    for k in range(2):
                        style = styles[(i + k) % len(styles)]
                        padding = rng.choice(extra) if k and extra else ""
                        draft = rewrite(article.body, rng, style, padding)
                        rows[split].append(_judge(find_similar(draft, service, 5), None, False))
        finally:
            service.close()
    out = {}
    for split, judged in rows.items():
        related = [r for r in judged if r["related"]]
        unrelated = [r for r in judged if not r["related"]]
        out[split] = {
            "drafts": len(related),
            "top1_same_event": sum(r["right"] for r in related) / max(1, len(related)),
            "unrelated_drafts": len(unrelated),
            "unrelated_same_event": sum(r["verdict"] == SAME_EVENT for r in unrelated) / max(1, len(unrelated)),
            "rows": judged,
        }
    return out


def filler_pages(folder: Path, n_pages: int, seeds: Path, rng: random.Random) -> None:
    """``n_pages`` pages in the seeds' layouts whose body blocks are sentences drawn from all the seeds."""
    from synthetic import BODY_MIN, _blocks, seed_texts

    from rewrites import sentences

    texts = seed_texts(seeds)
    pool = [s for t in texts for b in _blocks(t) if len(b.replace("\n", "")) >= BODY_MIN
            for s in sentences(b.replace("\n", ""))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_pages):
        blocks = _blocks(texts[i % len(texts)])
        out = []
        for block in blocks:
            if len(block.replace("\n", "")) < BODY_MIN:  # headlines and bylines stay; every body is redrawn
                out.append(block)
                continue
            size, body = len(block), ""
            while len(body) < size:
                body += rng.choice(pool)
            out.append(body)
        (folder / f"filler_{i:05d}.txt").write_text("\n\n".join(out) + "\n", encoding="utf-8")


def _judge(matches, source, related: bool) -> dict:
    from liaocheng_tui.similar.scoring import SAME_EVENT

    top = matches[0] if matches else None
    right = bool(top and source is not None and top.verdict == SAME_EVENT and top.article.id == source.id)
    return {"related": related, "right": right, "verdict": top.verdict if top else None,
            "score": top.score if top else 0.0,
            "source_rank": next((i for i, m in enumerate(matches) if source is not None and m.article.id == source.id),
                                None)}


def latency(archive: Path, cache: Path, drafts: int, build: bool) -> dict:
    """find_similar's warm latency; with ``build``, the cold build and the repost pass timed apart."""
    from liaocheng_tui.similar.matching import find_similar
    from liaocheng_tui.similar.reposts import duplicates, link_new_articles

    out: dict = {}
    if build:
        t = time.perf_counter()
        service = _open(archive, cache, link=False)
        out["build_s"] = time.perf_counter() - t
        t = time.perf_counter()
        out["linked"] = link_new_articles(service.store)
        out["pass_s"] = time.perf_counter() - t
        out["pass_share"] = out["pass_s"] / out["build_s"]
        service.close()
    service = _open(archive, cache, link=True)
    try:
        out["articles"] = service.article_count
        pool = _articles(service, limit=2000)
        rng = random.Random(7)
        find_similar(rng.choice(pool).body, service, 10)  # jieba loaded, caches warm
        times = []
        for _ in range(drafts):
            draft = rewrite(rng.choice(pool).body, rng, HELD_OUT_STYLES[0])
            t = time.perf_counter()
            find_similar(draft, service, 10)
            times.append(time.perf_counter() - t)
        out.update(p50_s=pct(times, 50), p95_s=pct(times, 95), max_s=max(times))
        out["groups"] = len(duplicates(service.store))
    finally:
        service.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--accuracy-size", type=int, default=1000)
    parser.add_argument("--drafts", type=int, default=40, help="rewritten drafts per fold and split")
    parser.add_argument("--latency-drafts", type=int, default=20)
    parser.add_argument("--latency-root", type=Path, help="measure this archive as it is (with --latency-cache)")
    parser.add_argument("--latency-cache", type=Path)
    parser.add_argument("--no-accuracy", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=HERE / "results-similar.json")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-similar-"))
    results: dict = {}
    if not args.no_accuracy:
        results["accuracy"] = accuracy(args.folds, args.accuracy_size, args.drafts, work / "accuracy")
        for split, r in results["accuracy"].items():
            print(f"{split}: top-1 same event {r['top1_same_event']:.3f} of {r['drafts']}; "
                  f"unrelated same event {r['unrelated_same_event']:.3f} of {r['unrelated_drafts']}", flush=True)
    results["latency"] = {}
    if args.latency_root:
        r = latency(args.latency_root, args.latency_cache, args.latency_drafts, build=False)
        results["latency"][str(r["articles"])] = r
        print(r, flush=True)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        archive = work / f"latency-{size}"
        if not archive.exists():
            make_archive(archive, pages_for_articles(size, SEEDS), SEEDS)
        r = latency(archive, work / f"latency-cache-{size}", args.latency_drafts, build=True)
        results["latency"][str(size)] = r
        print(size, r, flush=True)
    slim = json.loads(json.dumps(results))
    for r in slim.get("accuracy", {}).values():
        r["score_p10_right"] = pct([x["score"] for x in r["rows"] if x["related"]], 10)
        r["score_p90_unrelated"] = pct([x["score"] for x in r["rows"] if not x["related"]], 90)
        r["median_score"] = statistics.median([x["score"] for x in r["rows"]] or [0])
        r.pop("rows")
    args.out.write_text(json.dumps(slim, indent=1, ensure_ascii=False))
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
