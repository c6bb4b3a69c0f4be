"""A group of headline lines → kicker 引题, title 主题, subtitle 副题.

Typography (the kicker set small above the title) is lost in a text export,
so the split uses what survives: dashes (a kicker ending ——, a subtitle
starting ——), what a kicker usually is (an organisation or place name, a pair
of parallel phrases, a finished clause), and where the headline sits (on a
headline-first page a separate line under the title is its subtitle; on a
headline-after page a title is often broken over two lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaocheng_tui.archive.cjk import is_ideograph, print_width

# Words an organisation or place name ends with: 东昌府区, 市市场监管局, 东阿瑞泓水务有限公司.
ENTITY_SUFFIXES = (
    "区", "县", "市", "局", "委", "会", "院", "镇", "乡", "街道", "公司", "集团", "中心",
    "办", "厅", "部", "所", "站", "队", "村", "社区", "学校", "大学", "医院", "银行", "园",
)
MAX_ENTITY_CHARS = 12
# A first line ending with one of these is a finished statement set as a kicker.
FINISHED_CLAUSE = re.compile(r"(举行|召开|开幕|闭幕|启动|发布|开展|举办|印发|出台|落幕|成立)$")
# Joined, two lines longer than this are two headlines, not one broken title.
MAX_BROKEN_TITLE_CHARS = 30
# A first line narrower than this share of the next is a kicker, not a wrapped title.
SHORTER_KICKER = 0.8
# Column names printed above a column's items; data, extend freely.
COLUMN_LABELS = {
    "简讯", "快讯", "短评", "评论", "时评", "社论", "编者按", "图片新闻", "新闻速览", "本报评论员",
    "记者手记", "延伸阅读", "相关链接", "链接", "图说", "一线采风", "热点关注", "新闻链接",
}


@dataclass
class Heading:
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None


def clean_heading(lines: list[str]) -> str:
    """Join headline lines as printed: no letter-spacing, no export spaces around
    Latin/digits/punctuation, one space between two Chinese phrases."""
    return "".join(_clean_line(line) for line in lines)


# A headline line whose tokens are at least this share single characters is letter-spaced.
LETTER_SPACED_SHARE = 0.6


def _clean_line(line: str) -> str:
    tokens = line.split()
    if not tokens:
        return ""
    singles = sum(1 for t in tokens if len(t) == 1)
    if (len(tokens) >= 3 and singles / len(tokens) >= LETTER_SPACED_SHARE) or singles == len(tokens):  # 我 市 强 化 / 简  讯
        return "".join(tokens)
    out = tokens[0]
    for token in tokens[1:]:
        left, right = out[-1], token[0]
        keep = (is_ideograph(left) and is_ideograph(right)) or (
            left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
        )
        out += (" " if keep else "") + token
    return out


def _is_kicker_like(text: str, headline_first: bool) -> bool:
    if text.endswith(("——", "：", ":")):
        return True
    if " " not in text and len(text) <= MAX_ENTITY_CHARS and text.endswith(ENTITY_SUFFIXES):
        return True
    parts = text.split(" ")
    if 2 <= len(parts) <= 4 and all(2 <= len(p) <= 8 for p in parts):  # 强化预警 备足物资 / 铸魂 强基 赋能
        return True
    # A finished statement over another headline: on headline-first pages the
    # second line is the subtitle instead (山东省工商联…召开 / 时间为…).
    return not headline_first and bool(FINISHED_CLAUSE.search(text))


def _blocks(groups: list[list[str]]) -> list[list[str]]:
    """Split printed headline paragraphs further at dashes: ``…方案——`` ends a kicker,
    ``——…`` starts a subtitle, even inside one paragraph."""
    blocks: list[list[str]] = []
    for lines in groups:
        current: list[str] = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("—") and current:
                blocks.append(current)
                current = []
            current.append(stripped)
            if stripped.endswith("——"):
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
    return blocks


def is_column_label(text: str) -> bool:
    """简讯, 短 评, 【快讯】: the name of a column printed above its items."""
    return text.strip("【】[]〔〕 \u3000").replace(" ", "").replace("\u3000", "") in COLUMN_LABELS


def _widest(lines: list[str]) -> int:
    return max(print_width(line.strip()) for line in lines)


def _open_quote(text: str) -> bool:
    """A quotation mark or bracket opened and not closed on this line."""
    return any(text.count(o) > text.count(c) for o, c in ("“”", "《》", "（）", "()", "‘’"))


def _is_letter_spaced(line: str) -> bool:
    tokens = line.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


def _join_letter_spaced(blocks: list[list[str]]) -> list[list[str]]:
    """东 阿 县 新 增 两 家 / 省 级 专 精 特 新 / 企 业: a letter-spaced title set over
    several lines is one title, even with blank lines between its lines."""
    out: list[list[str]] = []
    for block in blocks:
        if out and all(_is_letter_spaced(line) for line in out[-1] + block):
            out[-1] = out[-1] + block
        else:
            out.append(list(block))
    return out


def _kicker_line(lines: list[str], headline_first: bool) -> bool:
    """Is the first of these adjacent headline lines a kicker set above the title?
    A title wrapped over two lines fills its first line; a kicker is a line of its
    own, usually shorter than the title under it."""
    if _is_letter_spaced(lines[0]) and _is_letter_spaced(lines[1]):
        return False  # 市 直 机 关 运 动 会 / 开 幕: spaced out to one width, one title
    first = clean_heading(lines[:1])
    if _open_quote(first):
        return False  # “七十五载风华盛 / 繁森家乡看发展”…: a quote goes on into the next line
    if is_column_label(first) or _is_kicker_like(first, headline_first):
        return True
    return print_width(lines[0].strip()) < SHORTER_KICKER * print_width(lines[1].strip())


def split_heading(groups: list[list[str]], headline_first: bool) -> Heading:
    """``groups``: the headline paragraphs in page order, each as its printed lines."""
    blocks = _join_letter_spaced([b for b in _blocks(groups) if clean_heading(b)])
    heading = Heading()
    if not blocks:
        return heading
    subtitles: list[str] = []
    while len(blocks) > 1 and blocks[-1][0].startswith("—"):
        subtitles.insert(0, clean_heading(blocks.pop()))
    first = clean_heading(blocks[0])
    if len(blocks) > 1 and not _open_quote(first) and (
        is_column_label(first)
        or _is_kicker_like(first, headline_first)
        or _widest(blocks[0]) < SHORTER_KICKER * _widest(blocks[1])
    ):
        heading.kicker = first
        blocks.pop(0)
    elif len(blocks) == 1 and len(blocks[0]) >= 2 and _kicker_line(blocks[0], headline_first):
        heading.kicker = clean_heading(blocks[0][:1])
        blocks[0] = blocks[0][1:]
    texts = [clean_heading(b) for b in blocks]
    if len(texts) > 1:
        if headline_first:
            subtitles[:0] = texts[1:]
            texts = texts[:1]
        elif heading.kicker is None and len("".join(texts)) > MAX_BROKEN_TITLE_CHARS:
            heading.kicker = texts.pop(0)
    heading.title = "".join(texts)
    heading.subtitle = "".join(subtitles) or None
    return heading
