"""What Whoosh's query parser is never shown: the checks and repairs made before it runs.

Whoosh's parser reads any string, but some strings make it fail inside
(``NOT NOT x``, ``x NOT OR y``: an ``IndexError``; 1,000 nested brackets: a
``RecursionError``) and some it silently misreads (an unclosed quote, ``记者:``
with nothing after it).  So every query first passes through this module:

* control characters are blanked (escape sequences are searched as the text
  around them, never sent anywhere);
* quotes, brackets and ranges must be balanced, a field must have something
  after it;
* the operators are read by a small grammar (``expr := unit (op? unit)*``,
  ``unit := (NOT | -)* (word | '(' expr ')')``) and written back normalised:
  doubled negations cancel (``NOT NOT 技改`` is ``技改``), a repeated operator
  counts once (``AND AND``), two different operators in a row, an operator
  with nothing on one side or a negation with nothing after it is a
  :class:`QueryError`; groups nest at most :data:`MAX_GROUP_DEPTH` deep and a
  query holds at most :data:`MAX_QUERY_WORDS` words.

The result is a string Whoosh parses without surprises; every message is one line.
"""

from __future__ import annotations

import re

from liaocheng_tui.search.errors import QueryError

#: Deepest nesting of ( … ) groups a query may have (deeper is refused with a message, not a RecursionError).
MAX_GROUP_DEPTH = 16
#: Most words (and quoted phrases) in one query; a longer text is a passage to quote, not a query.
MAX_QUERY_WORDS = 200

BINARY_OPERATORS = ("AND", "OR", "ANDNOT")
NEGATION = "NOT"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_QUOTED = re.compile(r'"[^"]*"')
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_TOKEN = re.compile(r"\s+|\(|\)|[^\s()]+")


def blank_controls(text: str) -> str:
    """``text`` with every control character (ESC, BEL, C1 …) turned into a space."""
    return _CONTROL.sub(" ", text)


def mask_quotes(text: str) -> tuple[str, list[str]]:
    """Each ``"…"`` replaced by a placeholder with no spaces or brackets, and the phrases to put back."""
    phrases: list[str] = []

    def hide(m: re.Match[str]) -> str:
        phrases.append(m.group(0))
        return f"\x00{len(phrases) - 1}\x00"

    return _QUOTED.sub(hide, text), phrases


def unmask_quotes(text: str, phrases: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: phrases[int(m.group(1))], text)


def check_syntax(text: str, field_names: tuple[str, ...], field_example) -> str:
    """The query with controls blanked and operators normalised; raises QueryError saying what is wrong.

    ``field_names`` are the field prefixes the language knows (``记者``, ``title`` …);
    ``field_example(name)`` gives an example value for a field's message.
    """
    cleaned = blank_controls(text)
    if not cleaned.strip():
        raise QueryError("nothing to search for: the query is empty")
    if cleaned.count('"') % 2:
        at = cleaned.rfind('"')
        raise QueryError(f'unbalanced quote: the " at position {at + 1} is never closed')
    masked, phrases = mask_quotes(cleaned)
    _check_parentheses(masked)
    _check_ranges(masked)
    _check_empty_fields(masked, field_names, field_example)
    normalised = _OperatorGrammar(masked, field_names).read()
    return unmask_quotes(normalised, phrases)


def _check_parentheses(masked: str) -> None:
    depth = 0
    deepest = 0
    for i, ch in enumerate(masked):
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced parenthesis: the ')' at position {i + 1} has no '('")
    if depth > 0:
        raise QueryError(f"unbalanced parenthesis: {depth} '(' never closed")
    if deepest > MAX_GROUP_DEPTH:
        raise QueryError(f"too deeply nested: {deepest} levels of ( ), at most {MAX_GROUP_DEPTH}")


def _field_pattern(field_names: tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(a) for a in field_names), key=len, reverse=True))


def _check_empty_fields(masked: str, field_names: tuple[str, ...], field_example) -> None:
    empty = re.compile(rf"(?:^|(?<=[\s(]))({_field_pattern(field_names)})[:：](?=\s|$|\))", re.IGNORECASE)
    m = empty.search(masked)
    if m:
        name = m.group(1)
        raise QueryError(f"empty field: {name}: needs something after it, e.g. {name}:{field_example(name)}")


def _check_ranges(masked: str) -> None:
    """A ``[`` or ``{`` that opens a range (``… to …``) must be closed, and a range needs 'to'."""
    for m in re.finditer(r"[\[{]", masked):
        rest = masked[m.end() :]
        close = re.search(r"[\]}]", rest)
        head = rest[: close.start()] if close else rest
        opens_range = re.search(r"\s[Tt][Oo](\s|$)", " " + head + " ") or re.search(
            r"(日期|date)[:：]$", masked[: m.start()], re.IGNORECASE
        )
        if opens_range and close is None:
            raise QueryError(
                f"unbalanced bracket: the '{m.group(0)}' at position {m.start() + 1} is never closed "
                "(a range looks like 日期:[2024-06-01 to 2024-06-30])"
            )
    for m in re.finditer(r"(?:日期|date)[:：][\[{]([^\]}]*)[\]}]", masked, re.IGNORECASE):
        if not re.search(r"(^|\s)[Tt][Oo](\s|$)", m.group(1)):
            raise QueryError(f"a date range needs 'to': write {m.group(0)[:-1].split('[')[0]}[2024-06-01 to 2024-06-30]")


class _OperatorGrammar:
    """Reads the operators of a (quote-masked) query and writes them back normalised."""

    def __init__(self, masked: str, field_names: tuple[str, ...]):
        self.tokens = [t for t in _TOKEN.findall(masked)]
        self.pos = 0
        self.words = 0
        self.field_prefix = re.compile(rf"({_field_pattern(field_names)})[:：]", re.IGNORECASE)

    # -- the token stream (whitespace is kept only to see what stands right next to what)

    def _skip_space(self) -> None:
        while self.pos < len(self.tokens) and self.tokens[self.pos].isspace():
            self.pos += 1

    def _peek(self) -> str | None:
        self._skip_space()
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _adjacent(self) -> str | None:
        """The very next token if no space separates it from the one just read."""
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    # -- the grammar

    def read(self) -> str:
        text = self._expr(depth=0)
        if self._peek() is not None:  # a ')' the bracket check let through cannot happen; be safe
            raise QueryError(f"unexpected {self._peek()!r}: a ')' without its '('")
        if not text:
            raise QueryError("nothing to search for: give a word, a name or a date")
        return text

    def _expr(self, depth: int) -> str:
        pieces: list[str] = []
        units = 0
        pending: str | None = None
        while (tok := self._peek()) is not None and tok != ")":
            if tok in BINARY_OPERATORS:
                self.pos += 1
                if not units:
                    raise QueryError(f"{tok} needs something to search for on both sides")
                if pending is not None and pending != tok:
                    raise QueryError(f"'{pending} {tok}': two operators in a row; keep one")
                pending = tok
                continue
            unit = self._unit(depth)
            if not unit:
                continue
            if pending is not None:
                pieces.append(pending)
                pending = None
            pieces.append(unit)
            units += 1
        if pending is not None:
            raise QueryError(f"{pending} needs something to search for on both sides")
        return " ".join(pieces)

    def _unit(self, depth: int) -> str:
        negations = 0
        shown = ""
        while True:
            tok = self._peek()
            if tok == NEGATION:
                self.pos += 1
                negations += 1
                shown = NEGATION
                continue
            if tok is not None and tok.startswith("-") and not tok.isspace():
                stripped = tok.lstrip("-")
                negations += len(tok) - len(stripped)
                shown = "-"
                if stripped:
                    self.tokens[self.pos] = stripped
                else:
                    self.pos += 1
                    if self._adjacent() != "(":
                        raise QueryError("- needs a word right after it, e.g. 技改 -高唐")
                continue
            break
        tok = self._peek()
        if tok is None or tok == ")" or tok in BINARY_OPERATORS:
            if negations:
                after = f", not {tok}" if tok in BINARY_OPERATORS else ""
                raise QueryError(f"{shown} needs a word after it{after}, e.g. 技改 {shown} 高唐".replace("- 高唐", "-高唐"))
            return ""
        primary = self._primary(depth)
        if not primary:
            return ""
        return f"NOT {primary}" if negations % 2 else primary

    def _primary(self, depth: int) -> str:
        tok = self._peek()
        assert tok is not None
        self.pos += 1
        if tok == "(":
            return self._group(depth, prefix="")
        if self.field_prefix.fullmatch(tok) and self._adjacent() == "(":
            self.pos += 1
            return self._group(depth, prefix=tok)
        self.words += 1
        if self.words > MAX_QUERY_WORDS:
            raise QueryError(
                f"too many words: more than {MAX_QUERY_WORDS}; to find a passage, put it in quotes"
            )
        return tok

    def _group(self, depth: int, prefix: str) -> str:
        if depth + 1 > MAX_GROUP_DEPTH:
            raise QueryError(f"too deeply nested: more than {MAX_GROUP_DEPTH} levels of ( )")
        inner = self._expr(depth + 1)
        if self._peek() != ")":
            raise QueryError("unbalanced parenthesis: a '(' is never closed")
        self.pos += 1
        if not inner:
            raise QueryError(f"{prefix}( ) holds nothing to search for")
        return f"{prefix}({inner})"
