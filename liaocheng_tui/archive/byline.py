"""A small byline grammar: who wrote an article, and where its lead ends.

A byline is a sequence of ROLE NAME... groups, optionally behind a marker
(■ □ ●), a dateline (本报讯, 本报聊城12月27日讯, 大众网聊城5月2日讯) or
brackets, optionally followed by 报道 / 摄.  Roles are data (the tables
below); names are 2–4 ideographs separated by spaces or 、, or run together
after a role (记者胡欣).  Letter-spaced roles (本 报 记 者) and roles with
export spaces (记 者) are matched by allowing whitespace between characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --- roles: data --------------------------------------------------------------
# Each entry: (role text, which list the names go to).  Longest first is not
# needed: the alternation is built sorted by length.
REPORTER_ROLES = [
    "本报记者", "记者", "本报全媒体记者", "全媒体记者", "融媒体记者", "本报融媒体记者",
    "见习记者", "本报见习记者", "实习记者", "本报实习记者", "特约记者", "本报特约记者",
    "首席记者", "本报首席记者", "摄影记者", "本报摄影记者", "实习生", "本报实习生",
    "融媒体", "全媒体", "编辑", "作者", "本报评论员", "评论员", "特约评论员",
]
# One-character roles are roles only before a slash or colon (文/记者 X 图/Y, 摄影：Z):
# 图片新闻 and 文化 are no bylines.
SLASH_ROLE = r"(?:文\s*[/／]\s*[图圖]|文[图圖]|[文图圖攝摄]|[摄攝]影)\s*[/／:：]"
# Collective voices that sign without a name.
NAMELESS_ROLES = ("本报评论员", "评论员", "特约评论员", "本报编辑部", "本报记者组", "本报调查组")
CORRESPONDENT_ROLES = ["通讯员", "本报通讯员", "特约通讯员", "本报特约通讯员"]
# Another outlet's staff: 大众日报记者, 大众日报首席记者, 新华社记者, 大众网记者.
# Words that close a byline and are no name.
CLOSING_WORDS = ["报道", "摄影报道", "摄", "供图", "整理", "发自"]
# Markers printed before a byline or photo credit.
MARKERS = "■□●◆▲◇"
# Two-character things in brackets that look like names but are not.
NOT_NAMES = {
    "右图", "左图", "上图", "下图", "资料图", "图片", "视频", "记者", "本报", "通讯员", "报道", "摄影",
    # 记者手记 / 记者观察 …: column names that start with a role word
    "手记", "观察", "调查", "视点", "札记", "走基层", "探访", "追踪", "连线", "直击", "体验", "感言",
}

_SEP = r"[\s\u3000、，,/／·:：]"
# Traditional forms of the characters bylines are made of (本報訊（記者 X 通訊員 Y）).
TRADITIONAL = {
    "报": "報", "记": "記", "讯": "訊", "员": "員", "摄": "攝", "实": "實", "习": "習", "见": "見",
    "约": "約", "体": "體", "网": "網", "众": "眾衆", "图": "圖", "编": "編", "辑": "輯", "华": "華",
    "闻": "聞", "电": "電", "导": "導", "席": "席", "发": "發", "优": "優",
}


def _char(ch: str) -> str:
    alt = TRADITIONAL.get(ch)
    return f"[{ch}{alt}]" if alt else re.escape(ch)


def _spaced(word: str) -> str:
    """A regex for ``word`` allowing whitespace between its characters (本 报 记 者)
    and its traditional form (本報記者)."""
    return r"\s*".join(_char(ch) for ch in word)


def _alternation(words: list[str]) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


# Other outlets' names, simplified and traditional (data; extend freely).
OTHER_OUTLETS = (
    "大众日报", "聊城日报", "聊城晚报", "齐鲁晚报", "人民日报", "光明日报", "经济日报", "农民日报", "法治日报",
    "科技日报", "工人日报", "中国青年报", "新华社", "中国新闻社", "中新社", "大众网", "齐鲁网", "新华网",
    "人民网", "央视网", "闪电新闻", "海报新闻", "山东广播电视台", "聊城广播电视台", "中央广播电视总台",
)
OTHER_OUTLET_ROLE = (
    rf"(?:{'|'.join(_spaced(o) for o in OTHER_OUTLETS)})"
    r"(?:首席|全媒体|融媒体|[见見][习習]|[实實][习習]|特[约約])?[记記]\s*者"
)


ROLE_RE = re.compile(
    rf"(?P<other>{OTHER_OUTLET_ROLE})|(?P<corr>{_alternation(CORRESPONDENT_ROLES)})|(?P<rep>{_alternation(REPORTER_ROLES)}|{SLASH_ROLE})"
)
CLOSING_RE = re.compile(rf"(?:{_alternation(CLOSING_WORDS)})(?=$|{_SEP}|[）)])")
NAME_CHAR_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f·]")  # rare name characters live beyond the BMP
SEP_RE = re.compile(rf"(?:{_SEP}|[{MARKERS}])+")

# Datelines: 本报讯, 本报聊城讯, 本报聊城12月27日讯, 大众网聊城5月2日讯, 新华社北京3月5日电.
DATELINE_RE = re.compile(
    r"(?:据\s*)?(?:本\s*[报報]|大[众眾衆][网網]|大[众眾衆]日[报報]|聊城日[报報]|新[华華]社|中新[网網]|中新社|人民[网網]|[齐齊][鲁魯][网網])"
    r"[\u4e00-\u9fff\d\s月日]{0,14}?[讯訊电電](?![\u4e00-\u9fff]{0,1}[息号])"
)


@dataclass
class People:
    """Names read out of a byline, by role."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    roles_seen: int = 0

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents)

    def extend(self, other: People) -> None:
        add_names(self.reporters, other.reporters)
        add_names(self.correspondents, other.correspondents)
        self.roles_seen += other.roles_seen


def add_names(target: list[str], names: list[str]) -> None:
    """Append the names not yet in ``target``, keeping printed order."""
    target.extend(name for name in dict.fromkeys(names) if name not in target)


MAX_NAME_CHARS = 4  # Han names; names with · (minority names) may be longer
MAX_DOT_NAME_CHARS = 12


def _plausible_name(run: str) -> bool:
    if "·" in run:
        return 3 <= len(run) <= MAX_DOT_NAME_CHARS and not run.startswith("·") and not run.endswith("·")
    return 2 <= len(run) <= MAX_NAME_CHARS and run not in NOT_NAMES


# Two-character surnames: a four-character run starting with one is one name (欧阳晓东).
COMPOUND_SURNAMES = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "西门", "南宫", "独孤", "端木", "轩辕", "呼延", "万俟", "申屠", "澹台", "闻人",
}
_LETTER_SPACED_RE = re.compile(r"(?<![^\s（(])[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff](?![^\s）)]))+")


def _unspace(text: str) -> str:
    """``记 者 林 晨`` → ``记者林晨``: letter-spaced runs of single characters closed up."""
    return _LETTER_SPACED_RE.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text)


def _split_run(run: str) -> list[str]:
    """Names printed without a separator (记者林晨黄振): a four-character run is two
    names unless it starts with a compound surname.  Longer runs are no names."""
    if len(run) == 4 and "·" not in run and run[:2] not in COMPOUND_SURNAMES:
        return [run[:2], run[2:]]
    return [run]


def parse_people(text: str, *, allow_roleless: bool = False) -> People | None:
    """Parse a whole string as a byline (``记者 林晨 黄振``, ``本 报 记 者 苑莘``,
    ``记者 薛良诚 通讯员 刘淑娟 罗珂 报道``, ``文/记者 胡欣 图/王五``, ``记者林晨黄振``).

    Returns None when anything in it is not a role, a name, a separator or a
    closing word — the caller then knows the text is not a byline.  Names with
    no role before them are accepted only with ``allow_roleless``.
    """
    text = _unspace(text)
    people = People()
    role: str | None = "rep" if allow_roleless else None
    pos = 0
    n = len(text)
    while pos < n:
        sep = SEP_RE.match(text, pos)
        if sep:
            pos = sep.end()
            continue
        closing = CLOSING_RE.match(text, pos)
        if closing:
            pos = closing.end()
            continue
        m = ROLE_RE.match(text, pos)
        if m:
            role = "corr" if m.group("corr") else "rep"
            people.roles_seen += 1
            pos = m.end()
            continue
        end = pos
        while end < n and NAME_CHAR_RE.match(text, end):
            if end > pos and (ROLE_RE.match(text, end) and not _role_is_name_tail(text, pos, end)):
                break
            if end > pos + 1 and CLOSING_RE.match(text, end):
                break
            end += 1
        names = _split_run(text[pos:end])
        if role is None or not all(_plausible_name(name) for name in names):
            return None
        add_names(people.correspondents if role == "corr" else people.reporters, names)
        pos = end
    return people if people else None


def _role_is_name_tail(text: str, start: int, at: int) -> bool:
    """A one-character role (文, 图, 摄) inside a name run is part of the name (王文斌)."""
    m = ROLE_RE.match(text, at)
    return m is not None and len(m.group(0).replace(" ", "")) == 1


# --- whole lines ------------------------------------------------------------------

_MARKER_LINE_RE = re.compile(rf"^[{MARKERS}]\s*")


def byline_line(line: str) -> People | None:
    """People if the whole line is a byline (``■ 本报记者 赵琦``, ``本报通讯员 赵怀建``,
    ``□记 者 薛良诚``, ``通讯员 刘淑娟 罗珂 报道``, ``■ 田柏林``), else None."""
    text = line.strip()
    if not text or len(text) > 60 or any(c in text for c in "。！？!?；;，"):
        return None  # a line of running text, even one that starts with 记者
    marked = bool(_MARKER_LINE_RE.match(text))
    body = _MARKER_LINE_RE.sub("", text)
    if body.replace(" ", "") in NAMELESS_ROLES:  # 本报评论员: a byline without a name
        return People(roles_seen=1)
    people = parse_people(body)
    if people is not None and people.roles_seen:
        return people
    if marked:  # ■ 田柏林: a credit printed without a role
        return parse_people(body, allow_roleless=True)
    return None


# --- the lead of a paragraph ---------------------------------------------------------

_BRACKET_RE = re.compile(r"\s*[（(]([^（）()]{1,80})[）)]\s*")


@dataclass
class Lead:
    """The byline/dateline lead at the start of a paragraph, and where the body begins."""

    dateline: str | None
    byline: str | None
    people: People
    end: int  # offset in the paragraph text where the article's own text starts


def match_lead(text: str) -> Lead | None:
    """Recognise ``本报讯（记者 X 通讯员 Y）``, ``本报聊城讯``, ``本报讯 记者胡欣 …``,
    ``（记者 X）…`` and ``大众网聊城5月2日讯 记者 X …`` at the start of a paragraph."""
    pos = len(text) - len(text.lstrip())
    dateline = None
    m = DATELINE_RE.match(text, pos)
    if m:
        dateline = text[m.start() : m.end()]
        pos = m.end()
    b = _BRACKET_RE.match(text, pos)
    if b:
        inner = b.group(1)
        people = parse_people(inner) or (parse_people(inner, allow_roleless=True) if dateline else None)
        if people is not None:
            byline_text = text[b.start() : b.end()].strip()
            return Lead(dateline, byline_text, people, b.end())
    if dateline is None:
        return None
    # Unbracketed: 本报讯 记者 胡欣 通讯员 王五 近日，… — take role/name tokens while they parse.
    people, end = _unbracketed_people(text, pos)
    byline_text = text[pos:end].strip() or None
    return Lead(dateline, byline_text, people or People(), end if people else pos)


_TOKEN_RE = re.compile(r"\s*([^\s\u3000]+)")


def _unbracketed_people(text: str, pos: int) -> tuple[People | None, int]:
    """Byline tokens after a dateline with no brackets (``本报讯 记者 胡欣 通讯员 王五 近日，…``):
    roles and names separated by spaces; the first other token starts the body."""
    people = People()
    role: str | None = None
    end = pos
    while True:
        m = _TOKEN_RE.match(text, end)
        if not m:
            break
        token = m.group(1)
        role_match = ROLE_RE.fullmatch(token)
        if people and CLOSING_RE.fullmatch(token):  # 本报讯 记者 张晨 报道
            end = m.end()
            break
        if role_match:
            role = "corr" if role_match.group("corr") else "rep"
            people.roles_seen += 1
        elif role is None or not _is_name_token(token) or _looks_like_text_start(text, m.end()):
            glued = parse_people(token)  # 记者胡欣: role and name run together
            if glued is None or not glued.roles_seen or _looks_like_text_start(text, m.end()):
                break
            people.extend(glued)
            role = "corr" if glued.correspondents and not glued.reporters else "rep"
        else:
            target = people.correspondents if role == "corr" else people.reporters
            target.append(token)
        end = m.end()
    return (people if people else None), end


def _is_name_token(token: str) -> bool:
    return _plausible_name(token) and all(NAME_CHAR_RE.match(c) for c in token)


def _looks_like_text_start(text: str, after: int) -> bool:
    """A token glued to what follows (近日，…) or ending the text is the body, not a name."""
    return after >= len(text) or not text[after].isspace()


# --- trailing credits ------------------------------------------------------------------

_TRAIL_MARKER_RE = re.compile(rf"[{MARKERS}]\s*([^{MARKERS}\n]{{1,40}})$")
_TRAIL_BRACKET_RE = re.compile(r"[（(]([^（）()]{2,60})[）)]\s*$")
_TRAIL_PHOTO_RE = re.compile(r"(?:(?<=[。！？!?”])|^)\s*((?:本报)?(?:摄影)?记\s*者[^。！？]{2,30}?摄)\s*$")


@dataclass
class Credit:
    """A byline printed at the end of a paragraph and the text before it."""

    text_before: str
    credit: str
    people: People
    is_photo: bool  # ■-style or 摄: a photo credit rather than an article byline


def trailing_credit(text: str) -> Credit | None:
    """``…2.8亿元。 ■ 本报记者 吴兆旭``, ``…。■ 姚绪禹``, ``…（记者 张三 通讯员 李四）``, ``…本报记者 X 摄``."""
    m = _TRAIL_MARKER_RE.search(text)
    if m:
        people = parse_people(m.group(1)) or parse_people(m.group(1), allow_roleless=True)
        if people is not None:
            return Credit(text[: m.start()].rstrip(), text[m.start() :].strip(), people, True)
    m = _TRAIL_BRACKET_RE.search(text)
    if m:
        inner = m.group(1)
        people = parse_people(inner)
        if people is None and len(inner.split()) >= 2:  # （孙亚飞 高田）: names printed without a role
            people = parse_people(inner, allow_roleless=True)
            if people is not None:
                people.roles_seen = 0
        if people is not None and (people.roles_seen or len(people.reporters) >= 2):
            is_photo = bool(re.search(r"[摄攝](?:影)?\s*$|图/|圖/", inner))
            return Credit(text[: m.start()].rstrip(), text[m.start() :].strip(), people, is_photo)
    m = _TRAIL_PHOTO_RE.search(text)
    if m:
        people = parse_people(m.group(1))
        if people is not None:
            return Credit(text[: m.start(1)].rstrip(), m.group(1).strip(), people, True)
    return None
