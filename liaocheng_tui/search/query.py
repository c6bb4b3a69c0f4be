"""The query language: Whoosh's QueryParser and plugins, over fields with Chinese and English names.

A query string is parsed by Whoosh against a small *query schema* of virtual
fields (``记者``/``reporter``, ``标题``/``title``, ``日期``/``date`` …).  Each
virtual field parses its own words (``self_parsing``) into real index queries:

* text fields: the word's character bigrams as a phrase (must match: a
  verbatim substring of the field) and, only for ranking, the word split into
  the index's jieba words (``AndMaybe``);
* ``记者``/``通讯员``: the exact name; ``日期``: a date, month, year or range.

Before and after Whoosh parses, the checks Whoosh does not make (unbalanced
quotes/brackets, a field with nothing after it, an impossible date, nothing
searchable) raise :class:`QueryError` with a one-line message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import fields, query
from whoosh.qparser import QueryParser, plugins, syntax
from whoosh.qparser.common import QueryParserError

from liaocheng_tui.search.analysis import fold, query_bigrams, searchable_chars, segment_by_vocab
from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search.substring import Substring, Verifier

# ------------------------------------------------------------ field names


@dataclass(frozen=True)
class FieldSpec:
    """What a query field searches: bigram fields (substring), word fields (ranking) or a keyword."""

    label: str  # the name used in messages
    bigram: tuple[tuple[str, float], ...] = ()
    words: tuple[tuple[str, float], ...] = ()
    keyword: str | None = None  # exact-term field
    example: str = "…"


TEXT = FieldSpec(
    "text",
    bigram=(("title_bg", 4.0), ("head_bg", 2.0), ("byline_bg", 2.0), ("body_bg", 1.0)),
    words=(("title_w", 4.0),),
)
SPECS: dict[str, FieldSpec] = {
    "title": FieldSpec("标题/title", bigram=(("title_bg", 1.0),), words=(("title_w", 1.0),), example="丝路"),
    "head": FieldSpec("引题/kicker", bigram=(("head_bg", 1.0),), example="聚焦"),
    "body": FieldSpec("正文/body", bigram=(("body_bg", 1.0),), example="技改"),
    "byline": FieldSpec("署名/byline", bigram=(("byline_bg", 1.0),), example="本报讯"),
    "reporter": FieldSpec("记者/reporter", keyword="reporter", example="林晨"),
    "correspondent": FieldSpec("通讯员/correspondent", keyword="correspondent", example="王芳"),
    "paper": FieldSpec("报纸/paper", bigram=(("paper_bg", 1.0),), example="聊城日报"),
    "source": FieldSpec("文件/file", bigram=(("file_bg", 1.0),), example="000_"),
    "kind": FieldSpec("类型/kind", keyword="kind", example="photo"),
    "date": FieldSpec("日期/date", example="2024-06"),
}
ALIASES: dict[str, str] = {
    "标题": "title", "title": "title",
    "引题": "head", "副题": "head", "kicker": "head", "subtitle": "head",
    "正文": "body", "body": "body",
    "署名": "byline", "byline": "byline",
    "记者": "reporter", "reporter": "reporter",
    "通讯员": "correspondent", "correspondent": "correspondent",
    "报纸": "paper", "paper": "paper", "newspaper": "paper",
    "文件": "source", "file": "source", "source": "source",
    "类型": "kind", "kind": "kind",
    "日期": "date", "date": "date",
}  # fmt: skip
KIND_ALIASES = {
    "article": "article", "文章": "article", "稿件": "article",
    "photo": "photo", "图片": "photo", "照片": "photo", "图": "photo",
    "lead-in": "lead-in", "lead": "lead-in", "导语": "lead-in", "导读": "lead-in",
}  # fmt: skip

DEFAULT_FIELD = "text"
HasTerm = Callable[[str, str], bool]  # (fieldname, word) -> is it in the index?


# ------------------------------------------------------------ dates


def _bound(text: str, original: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date written as year, year-month or full date covers."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})?", text
    )
    if not m:
        raise QueryParserError(
            f"not a date: {original!r}; write 2024, 2024-06, 2024-06-20 or 2024-06-01..2024-06-30"
        )
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if not 1 <= year <= 9999:
        raise QueryParserError(f"impossible date {original!r}: year {year}")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise QueryParserError(f"impossible date {original!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last)
    if not 1 <= day <= last:
        raise QueryParserError(f"impossible date {original!r}: {year}-{month:02d} has no day {day}")
    return dt.date(year, month, day), dt.date(year, month, day)


def date_range(start: str | None, end: str | None, original: str, startexcl=False, endexcl=False):
    """Inclusive (first, last) days for a range with optional ends."""
    first = last = None
    if start:
        lo, hi = _bound(start, original)
        first = hi + dt.timedelta(days=1) if startexcl else lo
    if end:
        lo, hi = _bound(end, original)
        last = lo - dt.timedelta(days=1) if endexcl else hi
    if first is None and last is None:
        raise QueryParserError(f"empty date range {original!r}: give at least one end")
    if first is not None and last is not None and first > last:
        raise QueryParserError(f"date range {original!r} ends before it starts")
    return first, last


def _date_query(first: dt.date | None, last: dt.date | None, boost: float) -> query.Query:
    start = dt.datetime(first.year, first.month, first.day) if first else None
    end = dt.datetime(last.year, last.month, last.day) if last else None
    return query.DateRange("date", start, end, boost=boost)


# ------------------------------------------------------------ the virtual fields


class _QueryField(fields.FieldType):
    """A field of the query schema: parses its own words into real index queries."""

    analyzer = None
    format = None
    indexed = False

    def __init__(self, builder: QueryBuilder, name: str):
        self.builder = builder
        self.name = name

    def self_parsing(self) -> bool:
        return True

    def process_text(self, qstring, mode="", **kwargs):
        yield qstring

    def parse_query(self, fieldname, qstring, boost=1.0):
        return self.builder.field_query(self.name, qstring, boost)

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        if self.name != "date":
            raise QueryParserError(
                f"ranges [a to b] work only on 日期/date, not on {SPECS.get(self.name, TEXT).label}"
            )
        original = f"[{start or ''} to {end or ''}]"
        first, last = date_range(start, end, original, startexcl, endexcl)
        return _date_query(first, last, boost)


class QueryBuilder:
    """Turns a query string into a Whoosh query over the article index."""

    def __init__(self, has_term: HasTerm | None = None, verifier: Verifier | None = None):
        self.has_term = has_term or (lambda field, word: False)
        self.verifier = verifier or (lambda reader, field, docnum, needle: True)
        self.schema = fields.Schema()
        self.schema.add(DEFAULT_FIELD, _QueryField(self, DEFAULT_FIELD))
        for alias, name in ALIASES.items():
            self.schema.add(alias, _QueryField(self, name))
        self.parser = QueryParser(
            DEFAULT_FIELD,
            self.schema,
            plugins=[
                plugins.FieldsPlugin(expr=r"(?P<text>\w+)[:：]"),
                plugins.PhrasePlugin(),
                plugins.RangePlugin(),
                plugins.GroupPlugin(),
                plugins.OperatorsPlugin(
                    ops=[
                        (
                            plugins.OperatorsPlugin.OpTagger(
                                r"(?:^|(?<=[\s(]))-(?=[^\s\-])",
                                syntax.NotGroup,
                                syntax.PrefixOperator,
                                memo="minus",
                            ),
                            0,
                        )
                    ],
                    Not=r"(^|(?<=(\s|[()])))NOT(?=\s)",
                    AndMaybe=None,
                    Require=None,
                ),
            ],
            phraseclass=self._phrase,
        )

    # -- building blocks

    def _phrase(self, fieldname, words, slop=1, boost=1.0, char_ranges=None):
        name = self.schema[fieldname].name if fieldname in self.schema else DEFAULT_FIELD
        return self.field_query(name, " ".join(words), boost)

    def _bigram_query(self, field: str, grams: list[str], needle: str, boost: float) -> query.Query:
        if len(grams) == 1 and len(grams[0]) == 1:
            return query.Or([query.Prefix(field, grams[0]), query.Term(field, grams[0])], boost=boost)
        if len(grams) == 1:
            return query.Term(field, grams[0], boost=boost)
        return Substring(field, tuple(grams), needle, self.verifier, boost=boost)

    def text_query(self, spec: FieldSpec, text: str, boost: float = 1.0) -> query.Query:
        grams = query_bigrams(text)
        if not grams:
            return query.NullQuery
        needle = searchable_chars(text)[0]
        must = [self._bigram_query(f, grams, needle, b) for f, b in spec.bigram]
        must_q = must[0] if len(must) == 1 else query.Or(must)
        bonus = []
        if len(grams[0]) == 2:
            for field, b in spec.words:
                words = segment_by_vocab(text, lambda w, f=field: self.has_term(f, w))
                if words and all(self.has_term(field, w) for w in words):
                    q = query.Term(field, words[0]) if len(words) == 1 else query.And([query.Term(field, w) for w in words])
                    bonus.append(q.with_boost(b))
        if bonus:
            combined = query.AndMaybe(must_q, query.Or(bonus) if len(bonus) > 1 else bonus[0])
            return combined.with_boost(boost) if boost != 1.0 else combined
        return must_q.with_boost(boost) if boost != 1.0 else must_q

    def field_query(self, name: str, text: str, boost: float = 1.0) -> query.Query:
        if name == DEFAULT_FIELD:
            return self.text_query(TEXT, text, boost)
        spec = SPECS[name]
        if name == "date":
            if ".." in text:
                start, _, end = text.partition("..")
                first, last = date_range(start or None, end or None, text)
            else:
                first, last = _bound(text, text)
            return _date_query(first, last, boost)
        if name == "kind":
            kind = KIND_ALIASES.get(fold(text).strip())
            if kind is None:
                raise QueryParserError(f"unknown 类型/kind {text!r}: use article/文章, photo/图片 or lead-in/导语")
            return query.Term("kind", kind, boost=boost)
        if spec.keyword:
            name_text = fold(text).strip()
            if not name_text:
                return query.NullQuery
            return query.Term(spec.keyword, name_text, boost=boost)
        return self.text_query(spec, text, boost)

    # -- the front door

    def parse(self, text: str) -> query.Query:
        """Parse a query string; raises QueryError with a one-line message."""
        cleaned = check_syntax(text)
        try:
            q = self.parser.parse(cleaned, normalize=False)
        except QueryParserError as exc:
            raise QueryError(_one_line(str(exc))) from None
        except QueryError:
            raise
        error = _find_error(q)
        if error:
            raise QueryError(_one_line(error))
        q = q.normalize()
        if q is query.NullQuery or isinstance(q, query.qcore._NullQuery):
            raise QueryError(f"nothing to search for in {text.strip()!r}: give a word, a name or a date")
        if not _has_positive(q):
            raise QueryError(f"nothing to search for in {text.strip()!r}: add a word to look for next to the -/NOT")
        return q


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _find_error(q) -> str | None:
    err = getattr(q, "error", None)
    if err:
        return str(err)
    for child in q.children():
        found = _find_error(child)
        if found:
            return found
    return None


def _has_positive(q) -> bool:
    """False for a query made only of NOTs (it would match everything not excluded)."""
    if isinstance(q, query.Not):
        return False
    if isinstance(q, (query.And, query.Or)) and not isinstance(q, query.DisjunctionMax):
        return any(_has_positive(c) for c in q.children())
    return True


# ------------------------------------------------------------ checks Whoosh does not make

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FIELD_NAMES = "|".join(sorted((re.escape(a) for a in ALIASES), key=len, reverse=True))
_EMPTY_FIELD = re.compile(rf"(?:^|(?<=[\s(]))({_FIELD_NAMES})[:：](?=\s|$|\))", re.IGNORECASE)
_LEADING_OP = re.compile(r"^\s*(AND|OR|ANDNOT)(?=\s|$)")
_TRAILING_OP = re.compile(r"(?:^|\s)(AND|OR|ANDNOT|NOT|-)\s*$")


def check_syntax(text: str) -> str:
    """Reject what Whoosh would silently misread; returns the text with control characters blanked."""
    cleaned = _CONTROL.sub(" ", text)  # escape sequences are searched as the text around them
    if not cleaned.strip():
        raise QueryError("nothing to search for: the query is empty")
    if cleaned.count('"') % 2:
        at = cleaned.rfind('"')
        raise QueryError(f'unbalanced quote: the " at position {at + 1} is never closed')
    outside = re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), cleaned)
    depth = 0
    for i, ch in enumerate(outside):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced parenthesis: the ')' at position {i + 1} has no '('")
    if depth > 0:
        raise QueryError(f"unbalanced parenthesis: {depth} '(' never closed")
    _check_ranges(outside)
    m = _EMPTY_FIELD.search(outside)
    if m:
        name = m.group(1)
        spec = SPECS[ALIASES.get(name, ALIASES.get(name.lower(), "title"))]
        raise QueryError(f"empty field: {name}: needs something after it, e.g. {name}:{spec.example}")
    m = _LEADING_OP.search(outside) or _TRAILING_OP.search(outside)
    if m:
        raise QueryError(f"{m.group(1)} needs something to search for on both sides")
    return cleaned


def _check_ranges(outside: str) -> None:
    """A ``[`` or ``{`` that opens a range (``… to …``) must be closed, and a range needs 'to'."""
    for m in re.finditer(r"[\[{]", outside):
        rest = outside[m.end() :]
        close = re.search(r"[\]}]", rest)
        head = rest[: close.start()] if close else rest
        if re.search(r"\s[Tt][Oo](\s|$)", " " + head + " "):
            if close is None:
                raise QueryError(
                    f"unbalanced bracket: the '{m.group(0)}' at position {m.start() + 1} is never closed "
                    "(a range looks like 日期:[2024-06-01 to 2024-06-30])"
                )
        elif close is None and re.search(r"(日期|date)[:：]$", outside[: m.start()], re.IGNORECASE):
            raise QueryError(
                f"unbalanced bracket: the '{m.group(0)}' at position {m.start() + 1} is never closed "
                "(a range looks like 日期:[2024-06-01 to 2024-06-30])"
            )
    if re.search(r"(日期|date)[:：][\[{][^\]}]*[\]}]", outside, re.IGNORECASE):
        for m in re.finditer(r"(?:日期|date)[:：][\[{]([^\]}]*)[\]}]", outside, re.IGNORECASE):
            if not re.search(r"(^|\s)[Tt][Oo](\s|$)", m.group(1)):
                raise QueryError(f"a date range needs 'to': write {m.group(0)[:-1].split('[')[0]}[2024-06-01 to 2024-06-30]")


def quote_verbatim(text: str) -> str:
    """A query that searches ``text`` literally (for pasted text): one phrase, syntax neutralised."""
    return '"' + _CONTROL.sub(" ", text).replace('"', " ") + '"'
