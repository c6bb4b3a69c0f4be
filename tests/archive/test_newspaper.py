"""attribute_newspaper: bylines and datelines decide; another outlet's named reporter never does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.model import Article, ArticleKind, Page, Paragraph
from liaocheng_tui.archive.newspaper import (
    DAZHONG_DAILY,
    EVIDENCE,
    LIAOCHENG_DAILY,
    attribute_newspaper,
)
from liaocheng_tui.seeds import seeds_dir


def article(byline: str | None = None, dateline: str | None = None, body: str = "正文。", **kw) -> Article:
    return Article(byline=byline, dateline=dateline, paragraphs=[Paragraph(body)], **kw)


def page(*articles: Article, residue: list[str] | None = None) -> Page:
    return Page(source="page.txt", articles=list(articles), residue=residue or [])


# --- one layout per test -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "dateline"),
    [
        ("（记者 岳耀军）", "本报讯"),  # 本报讯（记者 X）
        ("(记者 林晨)", "本报讯"),  # half-width brackets
        ("（记者 林晨 黄振）", "本报讯 "),  # several names, trailing space
        ("本报讯（记者 白文斌）", None),  # a parser that keeps the dateline in the byline
        ("（記者 白文斌）", "本報訊"),  # a traditional-script export
    ],
)
def test_benbaoxun_dateline_is_liaocheng_daily(byline: str, dateline: str | None) -> None:
    assert attribute_newspaper(page(article(byline, dateline))) == LIAOCHENG_DAILY


@pytest.mark.parametrize(
    "byline",
    [
        "■ 本报记者 赵琦",  # feature byline
        "■ 本 报 记 者 苑莘\n本报通讯员 赵怀建",  # letter-spaced, correspondent on its own line
        "■ 田柏林",  # photo credit
    ],
)
def test_black_square_bylines_are_liaocheng_daily(byline: str) -> None:
    assert attribute_newspaper(page(article(byline))) == LIAOCHENG_DAILY


@pytest.mark.parametrize(
    ("byline", "dateline"),
    [
        ("□记者 薛良诚 通讯员 金增秀 报道", "本报聊城讯"),
        ("□记 者 薛良诚\n通讯员 刘淑娟 罗珂 报道", "本报聊城讯"),  # letter-spaced, over two lines
        ("□记者 薛良诚 通讯员 宋健 报道", "本报临清讯"),
        ("□记者 高田 报道", "本报东阿讯"),
        ("□ 本报记者 胡磊 薛良诚", None),  # feature byline
        (None, "本报聊城12月27日讯"),  # a place dateline with the date inside
        ("（记者胡欣、李娜）", "本报聊城12月27日讯"),  # …and names run together
        ("□記者 高田 報道", "本報東阿訊"),  # a traditional-script export
    ],
)
def test_white_square_bylines_and_place_datelines_are_dazhong_daily(byline: str | None, dateline: str | None) -> None:
    assert attribute_newspaper(page(article(byline, dateline))) == DAZHONG_DAILY


def test_dazhong_reporter_in_a_joint_team_does_not_flip_the_page() -> None:
    # seed 001's layout: a 聊城日报 feature by a joint team
    joint = article("■ 本报记者 夏旭光 郭绍隆\n大众日报记者 孙亚飞")
    assert attribute_newspaper(page(joint)) == LIAOCHENG_DAILY


def test_many_outlet_bylines_do_not_outvote_one_own_byline() -> None:
    others = [article("大众日报记者 孙亚飞 报道") for _ in range(5)]
    assert attribute_newspaper(page(article("（记者 林晨）", "本报讯"), *others)) == LIAOCHENG_DAILY


@pytest.mark.parametrize(
    "byline",
    [
        "大众日报记者 孙亚飞",
        "聊城日报记者 林晨 报道",
        "大众日报全媒体记者 孙亚飞 高田",
        "新华社记者 张三",
        "大眾日報記者 孫亞飛",  # traditional script
    ],
)
def test_an_outlet_named_reporter_alone_says_nothing(byline: str) -> None:
    assert attribute_newspaper(page(article(byline))) is None


def test_correspondent_line_is_not_a_place_dateline() -> None:
    # 本报通讯员 contains 本报…讯 but is no 本报聊城讯-style dateline.
    assert attribute_newspaper(page(article("本报通讯员 赵怀建"))) is None
    assert attribute_newspaper(page(article("本报记者 林晨 本报通讯员 赵怀建"))) is None
    assert attribute_newspaper(page(article("本報通訊員 趙懷建"))) is None


def test_majority_of_evidence_wins() -> None:
    mixed = page(
        article("□记者 高田 报道", "本报聊城讯"),
        article("□记者 孙亚飞 报道", "本报聊城讯"),
        article("■ 田柏林", kind=ArticleKind.PHOTO),
    )
    assert attribute_newspaper(mixed) == DAZHONG_DAILY


def test_evenly_split_evidence_is_undecided() -> None:
    assert attribute_newspaper(page(article("（记者 林晨）", "本报讯"), article(None, "本报聊城讯"))) is None


def test_no_evidence_is_undecided() -> None:
    assert attribute_newspaper(page()) is None
    assert attribute_newspaper(page(article(body="聊城日报传媒有限公司主办的报告会举行。"))) is None


# --- when no byline was parsed, the text is read ----------------------------------------------------


def test_text_is_read_when_no_byline_was_parsed() -> None:
    body = page(article(body="本报讯（记者 岳耀军）8月4日，记者从市市场监管局获悉…"))
    assert attribute_newspaper(body) == LIAOCHENG_DAILY
    dz = page(article(body="□记者 高田 报道\n本报东阿讯 3月5日，客服人员…"))
    assert attribute_newspaper(dz) == DAZHONG_DAILY


def test_residue_is_read_too() -> None:
    assert attribute_newspaper(page(residue=["■ 本报记者 林晨"])) == LIAOCHENG_DAILY


def test_bylines_outrank_text() -> None:
    # The text quotes a dateline style, but the bylines say 大众日报.
    quoted = article("□记者 高田 报道", "本报聊城讯", body="文中提到“本报讯”三个字。")
    assert attribute_newspaper(page(quoted)) == DAZHONG_DAILY


def test_baodao_in_running_text_is_not_a_byline() -> None:
    # "…予以宣传报道" ends many sentences; only a byline's 报道 counts.
    assert attribute_newspaper(page(article(body="记者注意到，中央电视台予以宣传报道"))) is None


def test_every_evidence_rule_names_its_layout() -> None:
    assert all(e.handles and e.weight > 0 for e in EVIDENCE)
    assert {e.paper for e in EVIDENCE} == {LIAOCHENG_DAILY, DAZHONG_DAILY}


# --- the seed pages, read as text only (independent of the parser) ----------------------------------


@pytest.mark.parametrize(
    ("seed", "paper"),
    [
        ("000_83967fa1bd91df59.txt", LIAOCHENG_DAILY),
        ("001_5d684e7cc0ae9713.txt", LIAOCHENG_DAILY),  # despite 大众日报记者 孙亚飞
        ("002_c539cd11dd96f731.txt", LIAOCHENG_DAILY),
        ("003_1d8b0c37187465ce.txt", LIAOCHENG_DAILY),
        ("004_44ab08e54eea3468.txt", DAZHONG_DAILY),
    ],
)
def test_seed_pages_by_text(seed: str, paper: str) -> None:
    text = (seeds_dir() / seed).read_text(encoding="utf-8")
    blocks = [Paragraph(b) for b in text.split("\n\n") if b.strip()]
    assert attribute_newspaper(page(Article(paragraphs=blocks))) == paper


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["□记者 高田 报道", "■ 本报记者 林晨", "大众日报记者 孙亚飞"])),
            st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["本报讯", "本报聊城讯", "本报通讯员"])),
            st.text(max_size=80),
        ),
        max_size=8,
    ),
    st.lists(st.text(max_size=40), max_size=3),
)
def test_attribution_never_raises(items: list[tuple[str | None, str | None, str]], residue: list[str]) -> None:
    result = attribute_newspaper(page(*(article(b, d, body) for b, d, body in items), residue=residue))
    assert result in (LIAOCHENG_DAILY, DAZHONG_DAILY, None)
