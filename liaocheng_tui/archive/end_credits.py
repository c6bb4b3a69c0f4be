"""Credits printed at the end of a paragraph: the end credit of an article or a photo's credit.

``…（记者 X 通讯员 Y）``, ``…。（X）``, ``…。■ 本报记者 X``, ``…表演。霍然摄``, ``…通车。图/田柏林``,
``…落地。记者 X 通讯员 Y``: the credit is read with the grammar of ``byline.py``; what comes
before it stays the paragraph's text, character for character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaocheng_tui.archive.byline import CREDIT_HINT, ROLE_RE, People, parse_people
from liaocheng_tui.archive.credit_words import (
    CLOSING_WORDS,
    MARKERS,
    OFFICE_ENDINGS,
    REPOST_WORDS,
    SOURCE_QUALIFIERS,
    SOURCE_WORDS,
)
from liaocheng_tui.archive.folding import narrow
from liaocheng_tui.archive.furniture import TRAILING_JUMP
from liaocheng_tui.archive.names import plausible_name, split_run
from liaocheng_tui.archive.outlets import outlet_chain
from liaocheng_tui.archive.surnames import starts_with_surname

# （本网记者）, （本报记者）: a role printed in brackets with no name signs the item all the same.
_NAMELESS_BRACKET_RE = re.compile(rf"\s*(?:本报|本网|{outlet_chain()})?\s*(?:记者|通讯员|评论员|综合|编辑部)\s*")
# （中国台湾网、聊城市台办联合报道）: outlets and offices that report jointly, named but no person.
_JOINT_PART = r"[\u4e00-\u9fff·]{2,14}?"
_JOINT_REPORT_RE = re.compile(rf"\s*{_JOINT_PART}(?:\s*[、，,和与]\s*{_JOINT_PART})+\s*联合(?:报道|供稿|采写)\s*")
_OUTLET_IN_RE = re.compile(rf"本报|本网|{outlet_chain()}")
# （聊城市台办供稿）, （县委宣传部供稿）: an office that supplied the item, no person.
_OFFICE = rf"[\u4e00-\u9fff·]{{2,14}}?(?:{'|'.join(sorted(OFFICE_ENDINGS, key=len, reverse=True))})"
_OFFICE_SUPPLIED_RE = re.compile(rf"\s*{_OFFICE}\s*(?:供稿|供图)\s*")
# A picture an office or an outlet supplied, no person named, closing its caption: （图片来源:聊城市
# 台港澳办）, （图源:X）, （图片由X提供）, …观看。 东阿县委宣传部提供, （X供图）.  The caption is a
# photo item credited to no one.
_SUPPLIER = rf"(?:{outlet_chain()}|{_OFFICE})"
_PICTURE_SUPPLIED_RE = re.compile(
    rf"(?:[（(]\s*(?:(?:图片|照片)?来源|图源|图片由|照片由)\s*[:：]?\s*{_SUPPLIER}\s*(?:提供)?\s*[）)]"
    rf"|[（(]\s*{_SUPPLIER}\s*(?:提供|供图)\s*[）)]"
    rf"|(?:(?<=[。！？!?”])|(?<=[。！？!?”]\s)|(?<=\S\s))(?:图片来源\s*[:：]\s*{_SUPPLIER}|{_SUPPLIER}\s*(?:提供|供图)))\s*$"
)
# （摄影:X）, （图/X）, （… 摄）, （通讯员 X 供图）, （□记者 X 报道）: the credit of a picture.
_PHOTO_BRACKET_RE = re.compile(rf"摄(?:影)?\s*$|供图\s*$|/\s*摄|图/|^\s*(?:摄影|摄像|图片|图)\s*[:/]|^\s*[{MARKERS}]")

# …。(X) 来源:聊城日报, …（记者 X）（来源：大众日报）, …。稿源:X, …（X） 转自聊城日报: where the item came
# from, glued after its end credit (or after its last sentence).  The source is read off first, the
# credit before it as if printed alone; both stay the item's printed credit.
SOURCE_NAME_MAX_CHARS = 20  # 大众网·海报新闻, 聊城市新闻传媒中心, 冠县融媒体中心; a longer run is text
_SOURCE_NAME = rf"(?:{_SUPPLIER}|[^\s。！？!?，,；;：:（）()]{{2,{SOURCE_NAME_MAX_CHARS}}})"
_SOURCE_WORD = rf"(?:{'|'.join(SOURCE_QUALIFIERS)})?(?:{'|'.join(SOURCE_WORDS)})"
_TRAIL_SOURCE_RE = re.compile(
    rf"(?:(?<=[。！？!?”）)])|(?<=\s))\s*(?:[（(]\s*{_SOURCE_WORD}\s*[:：]\s*{_SOURCE_NAME}\s*[）)]"
    rf"|{_SOURCE_WORD}\s*[:：]\s*{_SOURCE_NAME}"
    rf"|[（(]?\s*(?:{'|'.join(REPOST_WORDS)})\s*[:：]?\s*(?:{outlet_chain()})\s*[）)]?)\s*$"
)
_SOURCE_HINT = re.compile("|".join((*SOURCE_WORDS, *REPOST_WORDS)))

_TRAIL_MARKER_RE = re.compile(rf"[{MARKERS}]\s*([^{MARKERS}\n]{{1,40}})$")
_TRAIL_BRACKET_RE = re.compile(r"[（(]([^（）()]{2,100})[）)]\s*$")
# …测量血压。新华社发（X 摄）: an agency or paper that sent the picture, glued before its credit.
_SENT_BY_RE = re.compile(rf"(?:{outlet_chain()})\s*发\s*$")
# …表演。本报记者 王五 摄 / …表演。霍然摄: a photo credit run on after the caption's last sentence.
_TRAIL_PHOTO_RE = re.compile(r"(?:(?<=[。！？!?”])|^|(?<=\s))\s*([^。！？!?”\s][^。！？!?”]{1,40}?(?:摄|摄影|摄影报道))\s*$")
# …通车。图/田柏林, …现场。摄影/X: a picture credit run on after the caption.
_TRAIL_PICTURE_PREFIX_RE = re.compile(r"(?<=[。！？!?”])\s*((?:图|摄影|图片|图文)\s*/\s*[^。！？!?”/]{2,30})\s*$")
_SENTENCE_END_BEFORE = re.compile(r"[。！？!?”…）)]\s*$")


TRAILING_CREDIT_MAX_CHARS = 120  # a credit at the end of a paragraph is never longer
# a marker, a slash, a closing bracket or 摄 at the end, or any role word (an unbracketed end credit)
_TRAILING_HINT = re.compile(rf"[{MARKERS}/／]|[)）]\s*$|[摄攝](?:影)?(?:[报報]道)?\s*$|(?:提供|供[图圖])\s*$|{CREDIT_HINT.pattern}")


@dataclass
class Credit:
    """A credit printed at the end of a paragraph and the text before it."""

    text_before: str
    credit: str
    people: People
    is_photo: bool  # ■-style or 摄: a photo credit rather than an article byline


def trailing_credit(text: str) -> Credit | None:
    """``…2.8亿元。 ■ 本报记者 吴兆旭``, ``…。■ 姚绪禹``, ``…（记者 张三 通讯员 李四）``,
    ``…。（孙亚飞 高田）``, ``…奋斗。（林晨）``, ``…本报记者 X 摄``, ``…表演。霍然摄``."""
    end = text[-TRAILING_CREDIT_MAX_CHARS:]
    # …。（下转第二版）, …（记者 X）（下转A2版） broken across a line end: the paragraph's part on this
    # page ends there; the jump is kept with its credit (or alone, for an unsigned item)
    jump = TRAILING_JUMP.search(narrow(end)) if "版" in end else None
    if jump is not None:
        at = len(text) - len(end) + jump.start()
        rest = text[:at].rstrip()
        if rest.strip():
            credit = _credit_or_source(rest)
            if credit is None:
                return Credit(rest, text[at:].strip(), People(), False)
            return Credit(credit.text_before, text[len(credit.text_before) :].strip(), credit.people, credit.is_photo)
    return _credit_or_source(text)


def _credit_or_source(text: str) -> Credit | None:
    """The credit at the end of ``text``, a source glued after it read off first."""
    end = text[-TRAILING_CREDIT_MAX_CHARS:]
    source = _TRAIL_SOURCE_RE.search(narrow(end)) if _SOURCE_HINT.search(end) else None
    if source is not None:
        at = len(text) - len(end) + source.start()
        signed = _credit_before(text[:at].rstrip())
        if signed is not None:  # …。(X) 来源:聊城日报: the credit, the source kept with it
            return Credit(signed.text_before, text[len(signed.text_before) :].strip(), signed.people, signed.is_photo)
        credit = _credit_before(text)
        if credit is not None or not text[:at].strip():
            return credit
        # …落地。来源:聊城日报, no one named: the item ends there, signed by no one
        return Credit(text[:at].rstrip(), text[at:].strip(), People(), False)
    return _credit_before(text)


def _credit_before(text: str) -> Credit | None:
    """The credit at the very end of ``text`` (no source after it)."""
    tail = max(0, len(text) - TRAILING_CREDIT_MAX_CHARS)
    if not _TRAILING_HINT.search(text, tail):
        return None  # no marker, no closing bracket, no 摄 or slash at the end: no credit
    folded = text[:tail] + narrow(text[tail:])  # credits are matched at the end, on folded text
    supplied = _PICTURE_SUPPLIED_RE.search(folded, tail)
    if supplied and text[: supplied.start()].strip():  # a caption closed by who supplied its picture
        return Credit(text[: supplied.start()].rstrip(), text[supplied.start() :].strip(), People(roles_seen=1), True)
    m = _TRAIL_MARKER_RE.search(folded)
    if m:
        inner = text[m.start(1) : m.end(1)]
        people = parse_people(inner) or parse_people(inner, allow_roleless=True)
        if people is not None:
            return Credit(text[: m.start()].rstrip(), text[m.start() :].strip(), people, True)
    m = _TRAIL_BRACKET_RE.search(folded)
    if m:
        inner = text[m.start(1) : m.end(1)]
        people = parse_people(inner)
        before = text[: m.start()]
        if people is None and _roleless_bracket_ok(inner, before):  # （孙亚飞 高田） / …奋斗。（林晨）
            people = parse_people(inner, allow_roleless=True)
            if people is not None:
                people.roles_seen = 0
        if people is None and _nameless_bracket(narrow(inner)):  # （本网记者）, （X、Y联合报道）
            people = People(roles_seen=1)
        sent = _SENT_BY_RE.search(folded[: m.start()]) if people is None else None
        if sent and _PHOTO_BRACKET_RE.search(narrow(inner)):  # 新华社发（X 摄）
            people = parse_people(inner, allow_roleless=True)
            if people is not None:
                return Credit(text[: sent.start()].rstrip(), text[sent.start() :].strip(), people, True)
        if people is not None:
            # （… 摄）, （图/X）, （摄影:X）, （□记者 X 报道） (大众日报 prints photo credits behind □)
            is_photo = bool(people) and bool(_PHOTO_BRACKET_RE.search(narrow(inner)))
            return Credit(before.rstrip(), text[m.start() :].strip(), people, is_photo)
    m = _TRAIL_PICTURE_PREFIX_RE.search(folded)
    if m:
        inner = text[m.start(1) : m.end(1)]
        people = parse_people(inner)
        if people is not None:
            return Credit(text[: m.start(1)].rstrip(), inner.strip(), people, True)
    role_credit = _trailing_role_credit(text, folded)  # anchored at the sentence end: tried first
    if role_credit is not None:
        return role_credit
    m = _TRAIL_PHOTO_RE.search(folded)
    if m:
        inner = text[m.start(1) : m.end(1)]
        people = parse_people(inner) or parse_people(inner, allow_roleless=True)
        if people is not None and (m.start(1) == 0 or _SENTENCE_END_BEFORE.search(text[: m.start(1)]) or people.roles_seen):
            return Credit(text[: m.start(1)].rstrip(), inner.strip(), people, True)
    return None


# …落地。记者 X 通讯员 Y / …奋斗。本报记者 X: a credit run on after the last sentence, unbracketed.
_TRAIL_ROLE_RE = re.compile(r"(?<=[。！？!?”])\s*([^。！？!?”“（）()，,；;：]{3,60})$")


def _trailing_role_credit(text: str, folded: str) -> Credit | None:
    """An end credit with no brackets and no marker: it must open with a role word (记者,
    本报记者, 文/记者 …), and every name in it must start with a surname — so 记者了解到
    or 通讯员说 at a paragraph's end stay text."""
    m = _TRAIL_ROLE_RE.search(folded)
    if not m:
        return None
    inner = text[m.start(1) : m.end(1)]
    head = ROLE_RE.match(narrow(inner.strip()))
    if head is None or head.group("bare"):
        return None
    people = parse_people(inner)
    if people is None or not people.roles_seen:
        return None
    if not all(starts_with_surname(n) for n in [*people.reporters, *people.correspondents] if "·" not in n):
        return None
    is_photo = bool(re.search(r"摄(?:影)?(?:报道)?\s*$", narrow(inner)))
    return Credit(text[: m.start(1)].rstrip(), inner.strip(), people, is_photo)


def _nameless_bracket(inner: str) -> bool:
    """A credit in brackets that names no person: a role alone (本网记者), outlets and
    offices reporting jointly, at least one of them an outlet (中国台湾网、聊城市台办联合报道),
    or an office that supplied the item (聊城市台办供稿)."""
    if _NAMELESS_BRACKET_RE.fullmatch(inner):
        return True
    if _OFFICE_SUPPLIED_RE.fullmatch(inner) and len(inner.strip()) >= 6:  # 聊城市台办 + 供稿: an office, no name
        return True
    return _JOINT_REPORT_RE.fullmatch(inner) is not None and _OUTLET_IN_RE.search(inner) is not None


def _roleless_bracket_ok(inner: str, before: str) -> bool:
    """Names in brackets with no role sign an item only where a sentence ended just
    before them (…奋斗。（林晨）) and each looks like a name (a common surname first)."""
    tokens = inner.split()
    while tokens and tokens[-1] in CLOSING_WORDS:  # （邵可 供图）, （宋明远 整理）: a closing after the names
        tokens.pop()
    if not tokens or not _SENTENCE_END_BEFORE.search(before) and before.strip():
        return False
    names = [name for t in tokens for name in split_run(t)]
    return all(starts_with_surname(n) and plausible_name(n) for n in names)
