"""The seed files themselves, re-encoded and re-spaced as other tools save them,
give exactly the same articles: BOM + CRLF, CR only, GB18030, UTF-16, full-width
indents, trailing spaces."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive.decoding import decode_bytes
from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.archive.reflow import reflow
from liaocheng_tui.seeds import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def fullwidth_indents(text: str) -> str:
    """Every paragraph's first line indented with two U+3000 and other ASCII indents turned
    into U+3000, as Word and many e-paper exports print them.  Which lines start a
    paragraph is taken from the parse of the original file."""
    firsts = []
    for para in reflow(text):
        firsts += [True] + [False] * (len(para.lines) - 1)
    out, k = [], 0
    for line in text.split("\n"):
        stripped = line.strip(" ")
        if stripped:
            first = firsts[k] if k < len(firsts) else False
            k += 1
            line = ("\u3000\u3000" if first else "") + stripped
        out.append(line)
    return "\n".join(out)


VARIANTS = {
    "utf8-bom-crlf": lambda t: ("\ufeff" + t.replace("\n", "\r\n")).encode("utf-8"),
    "cr-only": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    "utf16-le-bom": lambda t: t.encode("utf-16"),
    "utf16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "fullwidth-indents": lambda t: fullwidth_indents(t).encode("utf-8"),
    "trailing-spaces": lambda t: "\n".join(line + "  " if line else line for line in t.split("\n")).encode("utf-8"),
}


def snapshot(page) -> list[tuple]:
    return [
        (a.kind, a.title, a.kicker, a.subtitle, a.reporters, a.correspondents, a.subheads, a.body)
        for a in page.articles
    ]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_same_articles_from_another_encoding_or_spacing(path, variant: str) -> None:
    text = path.read_text(encoding="utf-8")
    original = parse_page(text, path.name)
    decoded = decode_bytes(VARIANTS[variant](text))
    page = parse_page(decoded.text, path.name)
    assert snapshot(page) == snapshot(original)
