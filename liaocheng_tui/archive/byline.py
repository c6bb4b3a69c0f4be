"""The credit grammar: who is credited for an item, in which role, and where its lead ends.

A credit is a sequence of groups, optionally behind a marker (■ □ ●), a
dateline (本报讯, 本报聊城12月27日讯, 齐鲁网·闪电新闻5月2日讯, 聊城新闻网讯) or
brackets, optionally closed by 报道, a place + 报道 (聊城报道), 摄 or 文/图::

    credit  := marker? group+ closing?
    group   := role-phrase names | names            (names alone only where allowed)
    role    := prefix? outlet? role-word | prefix | outlet   (文/ 图/ 文/图 摄影/ 视频/ …)
    outlet  := a name from outlets.OUTLETS, several joined by ·, or any city's paper or site
    names   := name (sep name)* | names run together (记者林晨黄振)

Role words and outlets are data (``credit_words.py``, ``outlets.py``); what may be a
name and where names printed run together are cut is ``names.py``; credits at the end of
a paragraph are ``end_credits.py``.  Matching runs on the text folded to simplified
script and half width (``folding.narrow``), so 本報訊（記者 X） and 全角 punctuation read
alike; every offset is an offset into the printed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from liaocheng_tui.archive.credit_words import (
    CLOSING_WORDS,
    CORRESPONDENT_WORDS,
    MARKERS,
    NAMELESS_ROLES,
    PICTURE_CLOSINGS,
    PLACE_AND_BODY_ENDINGS,
    PREFIX,
    REPORT_PLACES,
    REPORTER_WORDS,
    SLASH_CLOSINGS,
)
from liaocheng_tui.archive.folding import narrow
from liaocheng_tui.archive.names import MAX_NAME_CHARS, NAME_CHAR_RE, is_outlet_word, plausible_name, split_run, unspace
from liaocheng_tui.archive.outlets import GENERIC_NEWS, NAMED_OUTLETS, outlet_alternation, outlet_chain
from liaocheng_tui.archive.surnames import starts_with_surname

_SP = r"[^\S\n]*"  # export spaces inside a word (记 者, 本 报 记 者)
_SEP = r"[\s、，,/:·]"


def _spaced(word: str) -> str:
    """A regex for ``word`` allowing export spaces between its characters (本 报 记 者)."""
    return _SP.join(re.escape(ch) for ch in word)


def _alternation(words: list[str]) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


_SELF = rf"(?:{_spaced('本报')}|{_spaced('本网')})"
_OUTLET = rf"(?:{outlet_chain()})"
ROLE_RE = re.compile(
    rf"(?P<prefix>{PREFIX}\s*)?"
    rf"(?:(?P<outlet>{_SELF}|{_OUTLET}|{GENERIC_NEWS})\s*)?"
    # (融媒体 / 全媒体 before 中心 is a media centre's name, not a role: 莘县融媒体中心记者 X)
    rf"(?:(?P<corr>{_alternation(CORRESPONDENT_WORDS)})|(?P<rep>{_alternation(REPORTER_WORDS)})(?!{_SP}中{_SP}心))"
    rf"|(?P<bare>{PREFIX})"
    # an outlet with no role word before the names: （中国台湾网 X 摄）, 新华社 X Y
    rf"|(?P<outlet_only>{_OUTLET})(?=[^\S\n]*[:：]|[^\S\n]+)"
)
CLOSING_RE = re.compile(rf"(?:{_alternation(CLOSING_WORDS)})(?=$|{_SEP}|[)）])")
# A closing glued to the name before it is printed without export spaces (王丽摄, 王丽图文): so
# 王丽图 文/图 keeps its name whole (图 文 is no closing inside a name).
_GLUED_CLOSING_RE = re.compile(
    rf"(?:{'|'.join(re.escape(w) for w in sorted(CLOSING_WORDS, key=len, reverse=True))})(?=$|{_SEP}|[)）])"
)
# 聊城报道 / 北京报道: a place glued to 报道 at the end of a credit; 发自临清 the same, before it.
PLACE_REPORT_RE = re.compile(r"[\u4e00-\u9fff]{2,4}报道(?=$|[\s)）])|发自[\u4e00-\u9fff]{2,4}(?=$|[\s)）])")
# X Y(摄): a picture closing printed in brackets of its own at the end of the credit.
_BRACKETED_CLOSING_RE = re.compile(r"[(（]\s*(?:摄影|摄|供图)\s*[)）]")
SEP_RE = re.compile(rf"(?:{_SEP}|[{MARKERS}])+")
# 邵可/文 临报融媒记者 …, 张强/摄: a slash closing is read before the slash as a separator.
SLASH_CLOSING_RE = re.compile(
    rf"{_SP}(?:{'|'.join(_SP.join(re.escape(c) for c in w) for w in sorted(SLASH_CLOSINGS, key=len, reverse=True))})"
    # (张丽/文报道, 刘丽/文记者 张丽, 陈丽/文聊城报道: a line end joined the closing to the next
    # closing, role or place + 报道)
    rf"(?=$|\s|[)）{MARKERS}]|{'|'.join(re.escape(w) for w in CLOSING_WORDS)}|{ROLE_RE.pattern}|{PLACE_REPORT_RE.pattern})"
)

# A closing run into the next role with no space (…报道 / 摄影 X, joined at a line end).
_CLOSING_BEFORE_ROLE_RE = re.compile(
    rf"(?:{'|'.join(re.escape(w) for w in sorted(CLOSING_WORDS, key=len, reverse=True))})(?={ROLE_RE.pattern})"
)

# Datelines: 本报讯, 本报聊城讯, 本报聊城12月27日讯, 大众网聊城5月2日讯, 新华社北京3月5日电,
# 齐鲁网·闪电新闻5月2日讯, 聊城新闻网讯, 本网讯, 中国台湾网10月28日消息.
DATELINE_RE = re.compile(
    rf"(?:据\s*)?(?:{_SELF}|{outlet_chain()})"
    r"[\u4e00-\u9fff\d\s月日]{0,14}?(?:[讯电](?![\u4e00-\u9fff]{0,1}[息号]|员)|消息)"  # 本报通讯员 is no 本报…讯
)


DATELINE_MAX_CHARS = 40  # 据 + joined outlets + place + date + 讯 fit in this many characters
DATELINE_HINT = re.compile("[讯訊电電]|消息")


def starts_with_dateline(text: str) -> bool:
    """Does the text open with a dateline (本报讯, 本報訊, 聊城新闻网讯, 新华社北京3月5日电)?"""
    head = text[:DATELINE_MAX_CHARS]
    if not DATELINE_HINT.search(head):
        return False  # most lines: no 讯/电 near the start, no dateline (and no folding to pay for)
    return DATELINE_RE.match(narrow(head)) is not None




@dataclass
class People:
    """Names read out of a credit, by role; ``roleless`` are those printed without a role."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    roles_seen: int = 0
    roleless: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents)

    def extend(self, other: People) -> None:
        add_names(self.reporters, other.reporters)
        add_names(self.correspondents, other.correspondents)
        add_names(self.roleless, other.roleless)
        self.roles_seen += other.roles_seen


def add_names(target: list[str], names: list[str]) -> None:
    """Append the names not yet in ``target``, keeping printed order."""
    target.extend(name for name in dict.fromkeys(names) if name not in target)


def parse_people(text: str, *, allow_roleless: bool = False) -> People | None:
    """Parse a whole string as a credit (``记者 林晨 黄振``, ``本 报 记 者 苑莘``,
    ``记者 薛良诚 通讯员 刘淑娟 罗珂 报道``, ``文/记者 胡欣 图/王五``, ``记者林晨黄振``,
    ``大众网·海报新闻记者 X 实习记者 Y Z 聊城报道``, ``■ 文/图 本报记者 X``).

    Returns None when anything in it is not a role, a name, a separator or a
    closing word — the caller then knows the text is not a credit.  Names with
    no role before them are accepted only with ``allow_roleless``.
    """
    printed = unspace(text)
    folded = narrow(printed)
    people = People()
    role: str | None = "rep" if allow_roleless else None
    role_printed = False
    outlet_group = False  # the names since the last role follow an outlet alone
    group: list[str] = []  # names since the last role word (for 摄 after them)
    pos = 0
    n = len(folded)
    while pos < n:
        slash = SLASH_CLOSING_RE.match(folded, pos) if people else None
        if slash:
            if slash.group(0).replace(" ", "") in PICTURE_CLOSINGS:
                for name in group:
                    if name in people.roleless:
                        people.roleless.remove(name)
            pos = slash.end()
            group = []
            continue
        sep = SEP_RE.match(folded, pos)
        if sep:
            pos = sep.end()
            continue
        place = PLACE_REPORT_RE.match(folded, pos)
        if place and place.end() == len(folded.rstrip(" )）")) and people and _is_place(_place_of(place.group(0))):
            pos = place.end()  # 聊城报道 / 发自临清 closing the credit
            continue
        closing = CLOSING_RE.match(folded, pos) if people else None  # 文/图 first is a prefix, last a closing
        if closing is None and people:
            closing = _BRACKETED_CLOSING_RE.match(folded, pos)  # 霍然 简宁宁(摄)
        if closing is None and people:
            closing = _CLOSING_BEFORE_ROLE_RE.match(folded, pos)  # 报道摄影 X: a line end joined them
        if closing:
            if closing.group(0).replace(" ", "") in PICTURE_CLOSINGS:
                for name in group:
                    if name in people.roleless:
                        people.roleless.remove(name)
            pos = closing.end()
            group = []
            continue
        m = ROLE_RE.match(folded, pos)
        if m and role is not None and _name_before_unknown_outlet(folded, pos, pos) > pos + 1:
            # 记者 X 张丽潍坊日报社记者 Y: a name, then the paper (read as a name run below); where no
            # name can stand (a credit's first word) it is the outlet: 高唐县广播电视台记者 X
            m = None
        if m:
            role = "corr" if m.group("corr") else "rep"
            # an outlet alone prints no role (齐鲁晚报·齐鲁壹点 X, 东昌府融媒:X), unless one was
            # printed earlier in the credit (闪电新闻记者 X 东阿融媒 Y)
            outlet_group = m.group("outlet_only") is not None and not role_printed
            role_printed = role_printed or not outlet_group
            people.roles_seen += 1
            pos = m.end()
            group = []
            continue
        end = pos
        while end < n and NAME_CHAR_RE.match(folded, end):
            if end > pos and _role_starts(folded, end):
                if end - pos == 1 and SLASH_CLOSING_RE.match(folded, end + 1):
                    end += 1  # 王图/文 临报…: the name 王图 and a closing /文, not 王 and a prefix 图/文
                    continue
                end = _name_before_unknown_outlet(folded, pos, _name_before_prefix(folded, pos, end))
                break
            if end > pos + 1 and (_GLUED_CLOSING_RE.match(folded, end) or _place_report_at(folded, end)):
                break
            end += 1
        if end == pos:
            return None
        if is_outlet_word(printed[pos:end]):
            return None  # 记者 X 聊城日报: an outlet cut from its role is no name
        names = split_run(printed[pos:end])
        if role is None or not all(plausible_name(name) for name in names):
            return None
        if outlet_group and not all(starts_with_surname(name) for name in names if "·" not in name):
            return None  # 人民日报 点赞聊城: after an outlet alone, only names that start with a surname
        add_names(people.correspondents if role == "corr" else people.reporters, names)
        if not role_printed:
            add_names(people.roleless, names)
        group.extend(names)
        pos = end
    return people if people else None


def _place_of(closing: str) -> str:
    """The place in 聊城报道 or 发自临清; none in 摄影报道 (a closing word, not a place)."""
    if closing in CLOSING_WORDS:
        return ""
    return closing[2:] if closing.startswith("发自") else closing[:-2]


def _is_place(word: str) -> bool:
    """聊城 in 聊城报道 is a place; 麻春生 in 麻春生报道 (a name glued to 报道) is not."""
    return bool(word) and (word in REPORT_PLACES or not starts_with_surname(word))


def _place_report_at(text: str, at: int) -> bool:
    """Does a place + 报道 closing the credit start at ``at``, inside a run of name
    characters (麻春生聊城报道)?  Not where the run is a name and a role (冀图南摄影报道:
    南 starts no place) or where a known place starts further on."""
    m = PLACE_REPORT_RE.fullmatch(text.rstrip(" )）"), at)
    if not m:
        return False
    if m.group(0).startswith("发自"):
        return True  # 张榕博发自临清: the name, then where the report was filed from
    word = _place_of(m.group(0))
    if not word:
        return False
    if word in REPORT_PLACES:
        return True
    if any(word[k:] in REPORT_PLACES for k in range(1, len(word) - 1)):
        return False  # 生聊城报道: the place is 聊城, further on
    return not starts_with_surname(word) and not any(_role_starts(text, k) for k in range(at, m.end() - 2))


def _name_before_prefix(text: str, pos: int, at: int) -> int:
    """王文图/记者: the role found at ``at`` (文图/记者) would leave a one-character name;
    the same role starting a character later (图/记者) leaves 王文; 王图/通讯员: the role
    通讯员 after a slash leaves 王图."""
    first = ROLE_RE.match(text, at)
    if first is None or at - pos >= 2:
        return at
    for k in range(at + 1, min(pos + MAX_NAME_CHARS + 1, first.end())):
        m = ROLE_RE.match(text, k)
        if m is not None and m.end() == first.end():
            name = text[pos:k].rstrip(" /、，,:·")  # 王图/通讯员 Y: 王图, a slash, the role
            if name and all(NAME_CHAR_RE.match(c) for c in name):
                return pos + len(name)
    return at


_NAMED_OUTLET_RE = re.compile(rf"{_SELF}|{outlet_alternation(NAMED_OUTLETS, generic=False)}")


def _name_before_unknown_outlet(text: str, pos: int, at: int) -> int:
    """Where a name run into an unknown outlet ends (张丽潍坊日报社记者: 张丽, not 张 +
    丽潍坊日报社): the role found at ``at`` starts with a paper no table names, so the same
    role starting later — the shortest such paper, the longest name — is the one meant."""
    first = ROLE_RE.match(text, at)
    outlet = first.group("outlet") or first.group("outlet_only") if first else None
    if first is None or not outlet or first.group("prefix") or _NAMED_OUTLET_RE.search(outlet):
        return at
    # the same role starting later, with a shorter paper or none (陈丽融媒体记者: 陈丽 and the
    # role 融媒体记者, not a paper 陈丽融媒体): the longest name that is a name wins
    for k in range(min(pos + MAX_NAME_CHARS, first.end() - 1), at, -1):
        m = ROLE_RE.match(text, k)
        if m is None or m.end() != first.end():
            continue
        name = text[pos:k]
        if name[-1] in PLACE_AND_BODY_ENDINGS:
            continue  # 高唐县广播电视台: a county and its station, not a name 高唐县 and a station
        if all(NAME_CHAR_RE.match(c) for c in name) and plausible_name(name) and starts_with_surname(name):
            return k
    return at  # 哈尔滨日报: 哈 is no name, the paper is the whole run


# After a slash prefix found inside a run of name characters: nothing, or one character
# before a space, a bracket or the end (the 图 of 王图/图) — no name follows, so no prefix.
_BARE_PREFIX_CLOSES = re.compile(r"[^\S\n]*(?:[\u4e00-\u9fff](?=[\s)）]|$))?[^\S\n)）]*(?:[)）]|$|\s)")


def _role_starts(text: str, at: int) -> bool:
    """Does a role word start at ``at``, inside a run of name characters (胡欣通讯员李四)?
    Every role the grammar knows is two characters or more (one-character prefixes need
    their slash), so 王文斌 and 张图南 stay whole."""
    m = ROLE_RE.match(text, at)
    if m is not None and m.group("bare") and _BARE_PREFIX_CLOSES.match(text, m.end()):
        # 王文/图 at the end, 王图/图 临报…: 王文 and a closing /图, not 王 and a prefix 文/ with no name after
        return False
    return m is not None and len(m.group(0).replace(" ", "")) > 1


_ROLE_AT_END_RE = re.compile(rf"(?:{ROLE_RE.pattern})\s*$")


def ends_with_role(text: str) -> bool:
    """Does a credit line end in a role word with no name after it (…大众报业·农村大众摄影 /
    记者 X: a credit broken at the line end right after its role)?"""
    folded = narrow(text.strip())
    # one search from 16 characters before the end: its leftmost match is the first start that matches
    found = _ROLE_AT_END_RE.search(folded, max(0, len(folded) - 16))
    return found is not None and found.start() < len(folded)


# --- whole lines ------------------------------------------------------------------

_MARKER_LINE_RE = re.compile(rf"^[{MARKERS}]\s*")
#: Every credit line holds a role word, a slash prefix or a marker: most lines can skip the grammar.
CREDIT_HINT = re.compile(
    rf"[记記]\s*者|通\s*[讯訊]\s*[员員]|[文图圖视視频頻片]\s*[/／:：]|[摄攝]\s*[影像]|实\s*习|實\s*習|评\s*论|評\s*論"
    rf"|编\s*[辑輯]|編\s*輯|作\s*者|[{MARKERS}]|[报報]\s*道\s*$|[摄攝]\s*$|全\s*媒|融\s*媒"
    rf"|供\s*稿|策\s*[划劃]|统\s*筹|統\s*籌|撰\s*稿"
    # and every role word and prefix of the tables, so one added there is a hint here (制片人, 口述:)
    rf"|{'|'.join(_spaced(w) for w in sorted({*REPORTER_WORDS, *CORRESPONDENT_WORDS}, key=len, reverse=True) if len(w) > 1)}"
    rf"|{PREFIX}"
)
MAX_CREDIT_LINE = 60  # longer lines are running text, even when they start with 记者
# A line opening with an outlet and a name, no role word (齐鲁晚报·齐鲁壹点 X, 东昌府融媒:X).
_OUTLET_OPENS_RE = re.compile(rf"[{MARKERS}]?\s*(?:{_OUTLET})[^\S\n]*(?:[:：][^\S\n]*|[^\S\n]+)[\u4e00-\u9fff]")


_GAP_RE = re.compile(r"\S[ \u3000:：]")
_SENTENCE_MARK_RE = re.compile(r"[。！？!?；;，]")


@lru_cache(maxsize=16384)  # split_lines asks for every line, the grammar again for the credit lines
def could_be_credit(line: str) -> bool:
    """The cheap test before the grammar: a role word, a prefix or a marker in the line, or
    an outlet opening it."""
    folded = narrow(line)
    # on the folded line only: the hint lists every traditional and full-width form beside its folded one
    if CREDIT_HINT.search(folded):  # 製片人 read as 制片人
        return True
    if len(line) > MAX_CREDIT_LINE or not _GAP_RE.search(line) or _SENTENCE_MARK_RE.search(line):
        return False  # running text: no space or colon after an outlet, or a sentence's punctuation
    return _OUTLET_OPENS_RE.match(folded.strip()) is not None


def byline_line(line: str) -> People | None:
    """People if the whole line is a credit (``■ 本报记者 赵琦``, ``本报通讯员 赵怀建``,
    ``□记 者 薛良诚``, ``通讯员 刘淑娟 罗珂 报道``, ``■ 田柏林``, ``记者:张三 李四``), else None."""
    text = line.strip()
    if "，" in text and not any(c in text for c in "。！？!?；;"):
        return _comma_listed(text)  # 记者 宋明远，韩雪: names listed with a comma
    if not text or len(text) > MAX_CREDIT_LINE or any(c in text for c in "。！？!?；;，"):
        return None  # a line of running text, even one that starts with 记者
    marked = bool(_MARKER_LINE_RE.match(text))
    if not marked and not could_be_credit(text):
        return None  # no role word at all: no credit line (names alone are name_line's)
    body = _MARKER_LINE_RE.sub("", text)
    if body.replace(" ", "") in NAMELESS_ROLES:  # 本报评论员: a byline without a name
        return People(roles_seen=1)
    if marked and ROLE_RE.fullmatch(narrow(unspace(body)).strip()):
        return People(roles_seen=1)  # □聊城日报全媒体记者: a marked role with no name signs all the same
    people = parse_people(body)
    if people is not None and people.roles_seen:
        return people
    if marked:  # ■ 田柏林: a credit printed without a role
        return parse_people(body, allow_roleless=True)
    return None


def _comma_listed(text: str) -> People | None:
    """A credit line whose names are listed with commas (记者 宋明远，韩雪 通讯员 邵可): read as
    if listed with 、, only when a role opens it and every name starts with a surname — so
    记者了解到，… and 通讯员王明说，… stay text."""
    if not ROLE_RE.match(narrow(_MARKER_LINE_RE.sub("", text))):
        return None
    people = byline_line(text.replace("，", "、"))
    if people is None or not people.roles_seen:
        return None
    if not all(starts_with_surname(n) for n in [*people.reporters, *people.correspondents] if "·" not in n):
        return None
    return people


def name_line(line: str) -> People | None:
    """A line of one to three names and nothing else (宋明远 / 王忠友 张晓萌 周家伟), each
    starting with a common surname: a credit printed without a role, above or under
    an article.  Titles of two or three characters rarely start with a surname."""
    text = line.strip()
    tokens = text.split()
    if not tokens or len(tokens) > 3 or not all(2 <= len(t) <= 3 and starts_with_surname(t) for t in tokens):
        return None
    if any(t[-1] in PLACE_AND_BODY_ENDINGS for t in tokens):
        return None  # 高新区, 阳谷县, 东关街: a place or a body (a kicker), not a person
    if not all(NAME_CHAR_RE.fullmatch(c) for t in tokens for c in t) or not all(plausible_name(t) for t in tokens):
        return None
    return parse_people(text, allow_roleless=True)
