"""Page furniture: the folio line at the top of a page, jump lines, source lines and the
editor credits at the end.

Some exports keep the page's folio (``聊城日报 2024年06月21日 第A2版：要闻``) and
its credits (``（责任编辑：张三）``).  They are no article text: they are taken
off before parsing, kept on the page (nothing is lost), and the folio tells
the page's paper and date outright.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from liaocheng_tui.archive.credit_words import EDITOR_WORDS, REPOST_WORDS, SOURCE_QUALIFIERS, SOURCE_WORDS
from liaocheng_tui.archive.folding import narrow
from liaocheng_tui.archive.outlets import FOLIO_PAPERS, outlet_alternation, outlet_chain

PAPERS = FOLIO_PAPERS

_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年\-./]\s*(?P<m>\d{1,2})\s*[月\-./]\s*(?P<d>\d{1,2})\s*日?")
# A folio line: a paper's name, a page number (第A2版), a weekday, or a full date, and little else.
_FOLIO_MARKS = re.compile(
    rf"({'|'.join(PAPERS)}|第\s*[A-Za-z]?\s*\d{{1,3}}\s*版|星期[一二三四五六日天]|周[一二三四五六日]|{_DATE.pattern})"
)
_FOLIO_MAX_CHARS = 60
# Besides its marks a folio holds little: a section name, a time, a place (要闻, 08:30 山东).
FOLIO_OTHER_CHARS = 24
# Where the article came from (e-paper and WeChat pages): a line of its own, anywhere —
# 来源：… (供稿来源：…, 信息来源：…), or 据新华社 / 据新闻联播 under a reprinted item.
# 转自聊城日报 / 摘自:大众日报 (a repost: a known outlet, or any city's paper, site or media centre).
SOURCE_WORD = rf"(?:{'|'.join(SOURCE_QUALIFIERS)})?(?:{'|'.join(SOURCE_WORDS)})"
REPOST = rf"(?:{'|'.join(REPOST_WORDS)})\s*[:：]?\s*(?:{outlet_chain()})"
_SOURCE = re.compile(
    rf"^[（(]?\s*(?:{SOURCE_WORD}\s*[:：].{{0,30}}|{REPOST}[）)]?"
    rf"|据\s*(?:{outlet_alternation(generic=False)}|新闻联播|央视新闻|新闻联播报道)(?:电|讯|报道)?[）)]?)$"
    # a web page's meta line: 2022-01-26 09:40:00 来源: 大众网·海报新闻 作者: 赵志鹏 / 发布:… 来源:… 浏览次
    r"|^(?:发布|时间|日期|\d{4}-\d{1,2}-\d{1,2})[^。！？]{0,40}(?:来源|來源)\s*[:：][^。！？]{0,60}$"
)
FOOTER_MIN_CHARS = 8  # 聊城新闻网 2006-2022 版权所有 …; a lone © is no footer
# A site's footer and breadcrumb: 聊城新闻网 2006-2022 版权所有 …, 您的位置:首页>要闻 >,
# and what an e-paper page's HTML leaves behind (…content_47875.html 1 图片新闻 /enpproperty-->).
_FOOTER = re.compile(
    r"版权所有|Copyright|©|ICP备|许可证编号|举报电话|举报邮箱|^您(?:的|所在的)位置\s*[:：]|enpproperty|content_\d+\.html"
)
# Jump lines between pages, furniture wherever they sit (never a headline, never text): a jump
# word, the page, 版: （上接第一版）, （下转第三版）, 详见C02版, 转A3版, 见第2版, 接A2版, →4版.
# The words that name the direction (上接, 下转 …) take any page name (（下转要闻版）); the
# short ones (转, 接, 见 …) only a page number, so 转型升级版 or 见证版 stays a headline.
JUMP_DIRECTION_WORDS = ("上接", "下转", "接上", "转下", "下接", "紧接", "续", "转第", "接第")
JUMP_SHORT_WORDS = ("详见", "请见", "参见", "转至", "转到", "转", "接", "见", "→", "->")
_ANY_PAGE = r"第?\s*[\u4e00-\u9fa5\dA-Za-z]{1,4}"
_PAGE_NUMBER = r"第?\s*(?:[A-Za-z]{0,2}\s*\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])"
_JUMP_BODY = (
    rf"(?:(?:{'|'.join(JUMP_DIRECTION_WORDS)})\s*{_ANY_PAGE}"
    rf"|(?:{'|'.join(re.escape(w) for w in JUMP_SHORT_WORDS)})\s*{_PAGE_NUMBER})\s*版面?"
)
_JUMP = re.compile(rf"^(?:[（(]\s*{_JUMP_BODY}\s*[）)]|{_JUMP_BODY})$")
# …支持。（下转第三版）, …落地。详见C02版: a jump at the end of a paragraph's last line.
TRAILING_JUMP = re.compile(rf"[（(]\s*{_JUMP_BODY}\s*[）)]\s*$|(?<=[。！？!?”])\s*{_JUMP_BODY}\s*$")
# E-paper navigation: 上一版 下一版 / 上一篇 下一篇 / 返回目录 / 放大 缩小 默认 (and the folio
# words that come with them), or the site's name (聊城日报数字报, 大众日报电子版).
_NAV_WORD = r"(?:上一版|下一版|上一篇|下一篇|上一期|下一期|返回目录|返回首页|返回顶部|放大\+?|缩小-?|默认o?|打印|关闭|收藏|分享|字号|A\+\s*A-|大字体|小字体|扫码带走|相关新闻|推荐阅读|第\s*[A-Za-z]?\d{1,3}\s*版[:：]?\S{0,6}|版面导航|标题导航)"
_NAV = re.compile(rf"^(?:{_NAV_WORD}[\s\u3000|｜·]*)+$")
_SITE = re.compile(rf"^(?:{'|'.join(PAPERS)})\s*(?:数字报|电子版|数字报刊|电子报)$")
# Folio lines are looked for among this many first lines (a WeChat title comes first).
FOLIO_SEARCH_LINES = 6
_EDITOR = "|".join(sorted(EDITOR_WORDS, key=len, reverse=True))
# Editor and layout credits printed at the end of a page or article.
_CREDITS = re.compile(rf"^[（(【\[]?\s*(?:{_EDITOR})\s*[:：]")
# A line made only of editor credits, anywhere on the page (under an article's body, above its
# dateline): 初审编辑:X / 责任编辑:Y 美术编辑:Z / 【纠错】 【责任编辑:W】 / 审核:V 责编: (an editor
# left blank) — each a role of EDITOR_WORDS, a colon and up to three short names.
EDITOR_NAME_MAX_CHARS = 5  # 欧阳晓明; a longer run after the colon is text, not a name
_EDITOR_NAMES = rf"(?:[\u4e00-\u9fff·]{{1,{EDITOR_NAME_MAX_CHARS}}}(?:[\s、，,]+[\u4e00-\u9fff·]{{1,{EDITOR_NAME_MAX_CHARS}}}){{0,2}})?"
_EDITOR_GROUP = rf"[（(【\[]?\s*(?:{_EDITOR})\s*[:：]\s*{_EDITOR_NAMES}\s*[）)】\]]?"
_CORRECTION = r"[【\[]\s*纠错\s*[】\]]"  # 新华网's 【纠错】 link, printed before the editor
_EDITOR_LINE = re.compile(rf"^(?:{_CORRECTION}\s*)?{_EDITOR_GROUP}(?:[\s|｜/]*{_EDITOR_GROUP})*$|^{_CORRECTION}$")
# A web page's meta line of fields only, 来源 among them, in any order: 作者: X 来源: 大众日报,
# 来源: 聊城日报 责任编辑: Y, 2024-12-17 作者: X 来源: Z 浏览次.
_META_FIELD = r"(?:来源|稿源|作者|编辑|责任编辑|发布时间|发布|时间|日期|浏览次数|浏览|点击|字号)"
_META_LINE = re.compile(
    rf"^(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*)?"
    rf"(?:{_META_FIELD}\s*[:：]\s*[^\s:：。，]{{0,24}}\s*){{2,}}(?:浏览次|阅读次)?$"
)


def is_editor_line(line: str) -> bool:
    """A line of editor credits only (初审编辑:X 责任编辑:Y, 【纠错】 【责任编辑:Z】)."""
    return bool(_EDITOR_LINE.match(narrow(line.strip())))


def _is_meta_line(line: str) -> bool:
    folded = narrow(line.strip())
    return bool(_META_LINE.match(folded)) and bool(re.search(r"来源|稿源", folded))


def _is_footer(line: str) -> bool:
    """A site's footer or breadcrumb line (never a line of running text, never a lone sign)."""
    return len(line) >= FOOTER_MIN_CHARS and bool(_FOOTER.search(line)) and not any(c in line for c in "。，")


@dataclass
class Furniture:
    lines: list[str] = field(default_factory=list)
    # the last text line of each item an editor credit or a source line was printed under
    # (初审编辑:X, 据新华社 under an article's body): that item ends there, whatever follows it
    item_ends: set[str] = field(default_factory=set)
    paper: str | None = None
    date: dt.date | None = None


# A folio never holds a role word: 聊城日报记者 X 大众日报 / 客户端 记者 Y is a credit broken at a line end.
_ROLE_WORD = re.compile(r"[记記]\s*者|通\s*[讯訊]\s*[员員]|[实實]\s*[习習]\s*生")


def _is_folio(line: str) -> bool:
    if len(line) > _FOLIO_MAX_CHARS or "。" in line or _ROLE_WORD.search(line):
        return False
    marks = list(_FOLIO_MARKS.finditer(line))
    covered = sum(m.end() - m.start() for m in marks)
    if len(marks) >= 2 and len(line) - covered <= FOLIO_OTHER_CHARS:
        return True
    return bool(_DATE.fullmatch(line.strip())) or bool(re.fullmatch(r"第\s*[A-Za-z]?\s*\d{1,3}\s*版.{0,12}", line.strip()))


def take_furniture(text: str) -> tuple[str, Furniture]:
    """Take folio lines (among the first few lines), source lines (anywhere) and the
    editor credits at the end off the text; each taken line leaves a blank line behind."""
    lines = text.split("\n")
    furniture = Furniture()
    taken: set[int] = set()
    seen = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if (
            (seen <= FOLIO_SEARCH_LINES and (_is_folio(stripped) or _SITE.match(stripped)))
            or _SOURCE.match(stripped)
            or is_editor_line(stripped)
            or _is_meta_line(stripped)
            or _JUMP.match(stripped)
            or _NAV.match(stripped)
            or (seen <= FOLIO_SEARCH_LINES and _is_footer(stripped))  # a breadcrumb above the text
        ):
            taken.add(i)
    bottom = len(lines)
    while bottom > 0:
        stripped = lines[bottom - 1].strip()
        if stripped and not (
            _CREDITS.match(stripped) or _SOURCE.match(stripped) or _JUMP.match(stripped) or _NAV.match(stripped)
            or _is_footer(stripped)
        ):
            break
        if stripped:
            taken.add(bottom - 1)
        bottom -= 1
    for i in sorted(taken):
        # printed under the item: an editor line, a source, a jump to the page it goes on
        if is_editor_line(lines[i]) or _SOURCE.match(lines[i].strip()) or _JUMP.match(lines[i].strip()):
            above = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip() and j not in taken), None)
            if above is not None:
                furniture.item_ends.add(above)
        furniture.lines.append(lines[i].strip())
        lines[i] = ""
    for i, line in enumerate(lines):
        jump = TRAILING_JUMP.search(line)
        if jump and jump.start() > 0:
            furniture.lines.append(jump.group(0).strip())
            lines[i] = line[: jump.start()]
            furniture.item_ends.add(lines[i].strip())  # the item goes on on another page
    for line in furniture.lines:
        for paper in PAPERS:
            if paper in line and furniture.paper is None:
                furniture.paper = paper
        m = _DATE.search(line)
        if m and furniture.date is None:
            try:
                furniture.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                pass  # an impossible date on a folio is no date
    return "\n".join(lines), furniture
