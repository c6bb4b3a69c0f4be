"""The lead that opens a paragraph: a dateline (``本报讯``, ``大众网聊城5月2日讯``) and the credit
printed with it, bracketed, closed by a colon or as bare role and name tokens, and where the
article's own text starts.  The credit grammar itself is ``byline``'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaocheng_tui.archive.byline import (
    CLOSING_RE,
    DATELINE_HINT,
    DATELINE_MAX_CHARS,
    DATELINE_RE,
    ROLE_RE,
    People,
    parse_people,
)
from liaocheng_tui.archive.folding import narrow
from liaocheng_tui.archive.names import NAME_CHAR_RE, plausible_name

_BRACKET_RE = re.compile(r"\s*[（(]([^（）()]{1,100})[）)]\s*")
_COLON_CREDIT_RE = re.compile(r"\s*([^:：\s，。,（）()][^:：，。,（）()\n]{1,30}?)\s*[:：]\s*")


@dataclass
class Lead:
    """The byline/dateline lead at the start of a paragraph, and where the body begins."""

    dateline: str | None
    byline: str | None
    people: People
    end: int  # offset in the paragraph text where the article's own text starts


def match_lead(text: str) -> Lead | None:
    """Recognise ``本报讯（记者 X 通讯员 Y）``, ``本报聊城讯``, ``本报讯 记者胡欣 …``,
    ``（记者 X）…``, ``本报讯 (X)`` and ``大众网聊城5月2日讯 记者 X …`` at the start of a paragraph."""
    head = len(text) - len(text.lstrip()) + DATELINE_MAX_CHARS
    # only a dateline is matched on the folded text
    folded = narrow(text[:head]) + text[head:] if DATELINE_HINT.search(text, 0, head) else text
    pos = len(text) - len(text.lstrip())
    dateline = None
    m = DATELINE_RE.match(folded, pos)
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
    c = _COLON_CREDIT_RE.match(text, pos)  # 本报讯记者王金虎报道: …: a credit closed by a colon
    if c:
        people = parse_people(c.group(1))
        if people is not None and people.roles_seen:
            return Lead(dateline, text[c.start() : c.end()].strip(), people, c.end())
    # Unbracketed: 本报讯 记者 胡欣 通讯员 王五 近日，… — take role/name tokens while they parse.
    people, end = _unbracketed_people(text, pos)
    unbracketed = text[pos:end].strip() or None
    return Lead(dateline, unbracketed, people or People(), end if people else pos)


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
        folded = narrow(token)
        role_match = ROLE_RE.fullmatch(folded)
        if people and CLOSING_RE.fullmatch(folded):  # 本报讯 记者 张晨 报道
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
    return plausible_name(token) and all(NAME_CHAR_RE.match(c) for c in token)


def _looks_like_text_start(text: str, after: int) -> bool:
    """A token glued to what follows (近日，…) or ending the text is the body, not a name."""
    return after >= len(text) or not text[after].isspace()
