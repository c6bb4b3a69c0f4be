"""No text is lost or invented: every non-whitespace character of a page ends up in
exactly one place (an article field, a byline/dateline, or the page's residue),
and the parser never raises, whatever the text."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.seeds import seeds_dir

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
