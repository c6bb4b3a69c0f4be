"""No text is lost or invented: every non-whitespace character of a page ends up in
exactly one place (an article field, a byline/dateline, or the page's residue or
furniture), and the parser never raises, whatever the text.

"Non-whitespace" is ``str.isspace``'s: zero-width characters (U+200B–U+200D,
U+2060, U+FEFF) are not whitespace and must not vanish either, nor move: every
piece is a verbatim run of the page with them (whitespace ignored).
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.seeds import seeds_dir

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_WHITESPACE = re.compile(r"\s+")
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")


def squeeze(text: str) -> str:
    """The text without whitespace; zero-width characters stay (they are not whitespace)."""
    return _WHITESPACE.sub("", text)


def visible_run(text: str) -> str:
    """The text without whitespace or zero-width characters (to compare layouts)."""
    return _ZERO_WIDTH.sub("", squeeze(text))


SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))}


def accounted(text: str) -> list[str]:
    """Every piece the parse placed somewhere, after checking each is a verbatim run of the page."""
    page = parse_page(text, "page.txt")
    squeezed = squeeze(text)
    pieces = page.raw_pieces()
    for piece in pieces:
        for part in piece.split("\n"):
            assert squeeze(part) in squeezed, f"piece not in the page as printed: {part[:40]!r}"
    return pieces


def assert_no_loss(text: str, name: str = "page") -> None:
    got = Counter(squeeze("".join(accounted(text))))
    want = Counter(squeeze(text))
    assert got - want == Counter(), f"{name}: invented {dict(got - want)}"
    assert want - got == Counter(), f"{name}: lost {dict(want - got)}"


def test_seed_pages_lose_and_invent_nothing() -> None:
    for name, text in SEED_TEXTS.items():
        assert_no_loss(text, name)


# --- generated pages: real lines shuffled into new layouts ---------------------------

SEED_LINES = sorted({line for text in SEED_TEXTS.values() for line in text.split("\n")})
BYLINES = [
    "本报讯（记者 白文斌）", "■ 本报记者 赵琦", "本报通讯员 赵怀建", "□记者 薛良诚 通讯员 刘淑娟 罗珂 报道",
    "本报聊城讯 ", "本报讯 (记者 林晨 黄振) ", "■ 本 报 记 者 苑莘", "大众日报记者 孙亚飞", "■ 田柏林",
    "（记者 张三 通讯员 李四）", "本报记者 王五 摄", "文/记者 胡欣 图/王五", "大众网聊城5月2日讯 记者胡欣 ",
    "▶“三新”产业澎湃发展动能◀", "——微电影《为了下一代》开机仪式现场见闻", "我 市 强 化 青 少 年", "",
]
line_strategy = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(BYLINES), st.text(max_size=40))


@st.composite
def with_zero_width(draw, line: st.SearchStrategy[str]) -> str:
    """A line with zero-width characters put anywhere: its start, its end, inside, or alone."""
    text = draw(line)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(alphabet=ZERO_WIDTH + " \u3000", min_size=1, max_size=3)) + text[at:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_strategy, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_pages_lose_and_invent_nothing(lines: list[str], newline: str) -> None:
    assert_no_loss(newline.join(lines))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    page = parse_page(text, "random.txt")
    assert isinstance(page.articles, list)
    assert_no_loss(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=80))
def test_any_sample_of_real_lines_keeps_every_character(lines: list[str]) -> None:
    assert_no_loss("\n".join(lines))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(with_zero_width(st.sampled_from(SEED_LINES + BYLINES)), max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_zero_width_characters_are_never_lost(lines: list[str], newline: str) -> None:
    """Real lines and bylines with zero-width characters anywhere (arbitrary text holding them
    is the arbitrary-text property's)."""
    assert_no_loss(newline.join(lines))


@settings(max_examples=100, deadline=None)
@given(st.lists(with_zero_width(st.sampled_from(SEED_LINES)), min_size=1, max_size=80))
def test_real_lines_with_zero_width_characters_keep_every_character(lines: list[str]) -> None:
    assert_no_loss("\n".join(lines))


def test_zero_width_characters_of_a_wechat_page_stay_on_the_page() -> None:
    """Blank lines of U+200B, a U+FEFF before an indent, a U+200D inside a word, a U+2060
    after a full stop: each ends up once on the page, the one inside the word in its text."""
    text = SEED_TEXTS["001_5d684e7cc0ae9713.txt"]
    lines = text.split("\n")
    lines = ["\u200b" if not line.strip() else line for line in lines]
    lines[3] = "\ufeff" + lines[3]
    lines[4] = lines[4][:3] + "\u200d" + lines[4][3:]
    lines[5] = lines[5] + "\u2060"
    page_text = "\n".join(lines)
    assert_no_loss(page_text)
    page = parse_page(page_text, "page.txt")
    inside = lines[4].strip()
    assert any(inside in piece for piece in page.raw_pieces()), f"U+200D not kept in its text: {inside!r}"
    plain = parse_page(text, "page.txt")
    titles = [visible_run(a.title or "") for a in page.articles]
    assert titles == [visible_run(a.title or "") for a in plain.articles], "zero-width characters changed the layout"
