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
import functools
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import fields, query
from whoosh.qparser import QueryParser, plugins, syntax
from whoosh.qparser.common import QueryParserError

from liaocheng_tui.search.analysis import fold, query_bigrams, searchable_chars, segment_by_vocab
from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search import query_checks
from liaocheng_tui.search.substring import Pattern, Substring, Verifier

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
_WILDCARD = "*"
_FUZZY_END = re.compile(r"(?<!\d)~\d?$|(?<=\d)~$")  # 林辰~, 林辰~2 — not a number range like 3~5
#: In text, ``*`` is any run of letters (never across punctuation: it stays in one clause) and
#: ``?`` at most one letter, punctuation around it skipped as everywhere (a copied ``吗?”`` still
#: finds its article).
_WILDCARD_PATTERNS = {"*": r"[^\W_]*?", "?": r"[\W_]*[^\W_]?[\W_]*"}
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


class WithBonus(query.AndMaybe):
    """``a ANDMAYBE b`` whose boost scales both sides.

    Whoosh's ``BinaryQuery.with_boost`` *replaces* the boost of both children,
    so flattening ``x AND (y z)`` (which re-boosts grandchildren) dropped the
    title-word bonus of ``y`` and ranked ``x AND y`` unlike ``x y``.  Here a
    boost multiplies what each side already carries.
    """

    def with_boost(self, boost: float):
        return WithBonus(self.a.with_boost(self.a.boost * boost), self.b.with_boost(self.b.boost * boost))


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
                plugins.BoostPlugin(),
            ],
            phraseclass=self._phrase,
        )

    # -- building blocks

    def _phrase(self, fieldname, words, slop=1, boost=1.0, char_ranges=None):
        if slop != 1:
            raise QueryParserError(
                f'~{slop} after a phrase (words near each other) is not supported: '
                'search the words apart instead ("高质量 发展"~3 → 高质量 发展)'
            )
        name = self.schema[fieldname].name if fieldname in self.schema else DEFAULT_FIELD
        return self.field_query(name, " ".join(words), boost, literal=True)

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
                words = segment_by_vocab(text, functools.partial(self.has_term, field))
                if words and all(self.has_term(field, w) for w in words):
                    q = query.Term(field, words[0]) if len(words) == 1 else query.And([query.Term(field, w) for w in words])
                    bonus.append(q.with_boost(b))
        if bonus:
            combined = WithBonus(must_q, query.Or(bonus) if len(bonus) > 1 else bonus[0])
            return combined.with_boost(boost) if boost != 1.0 else combined
        return must_q.with_boost(boost) if boost != 1.0 else must_q

    def field_query(self, name: str, text: str, boost: float = 1.0, literal: bool = False) -> query.Query:
        """The index query for ``text`` in query field ``name``; ``literal``: a quoted phrase (no operators)."""
        spec = TEXT if name == DEFAULT_FIELD else SPECS[name]
        if not literal:
            # ^ and ~ are operators only at a word's end (技改^2, 林辰~); inside a word (10^6, 3~5)
            # they are punctuation, so a string copied from an article still finds it
            if text.endswith("^") or text == "^":
                raise QueryParserError(f"^ boosts a word by a number, right after it: write 技改^2, not {text!r}")
            if _FUZZY_END.search(text):
                return self._fuzzy_query(spec, text, boost)
            if _WILDCARD in text or "?" in text:
                return self._wildcard_query(name, spec, text, boost)
        if name == DEFAULT_FIELD:
            return self.text_query(TEXT, text, boost)
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

    def _fuzzy_query(self, spec: FieldSpec, text: str, boost: float) -> query.Query:
        """``name~`` / ``name~2``: names within that many edits (names only: text matches exact characters)."""
        m = re.fullmatch(r"([^~]+)~(\d?)", text)
        if not spec.keyword or spec.keyword == "kind" or m is None:
            raise QueryParserError(
                f"~ (fuzzy search) works on names only, e.g. 记者:林晨~ ; {spec.label} matches exact characters"
            )
        distance = int(m.group(2) or 1)
        return query.FuzzyTerm(spec.keyword, fold(m.group(1)).strip(), boost=boost, maxdist=max(1, distance))

    def _wildcard_query(self, name: str, spec: FieldSpec, text: str, boost: float) -> query.Query:
        """``聊*城``, ``林?``: names by Whoosh's Wildcard, text by a verified pattern over the bigrams."""
        if spec.keyword and spec.keyword != "kind":
            return query.Wildcard(spec.keyword, fold(text).strip(), boost=boost)
        if not spec.bigram:
            raise QueryParserError(
                f"wildcards * and ? don't work in {spec.label}: write {name}:{spec.example}"
                + (" (a year or month already covers every day in it)" if name == "date" else "")
            )
        pieces = re.split(r"([*?])", text)
        literals = [searchable_chars(p)[0] for p in pieces[0::2]]
        if not any(literals):
            raise QueryParserError(f"a wildcard needs letters beside it, e.g. 聊*城 or 林?, not {text!r}")
        regex = re.compile(
            "".join(
                _WILDCARD_PATTERNS[piece] if i % 2 else r"[\W_]*".join(re.escape(c) for c in searchable_chars(piece)[0])
                for i, piece in enumerate(pieces)
            )
        )
        grams = tuple(g for lit in literals if len(lit) >= 2 for g in query_bigrams(lit))
        singles = tuple(lit for lit in literals if len(lit) == 1)
        parts = [Pattern(f, grams, singles, regex, self.verifier, boost=b) for f, b in spec.bigram]
        must = parts[0] if len(parts) == 1 else query.Or(parts)
        return must.with_boost(boost) if boost != 1.0 else must

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
        except (IndexError, RecursionError, ValueError, TypeError) as exc:
            # check_syntax leaves Whoosh nothing it fails on that we know of; should a new
            # shape still trip it, the user gets a line, not a traceback (and the property test a case)
            raise QueryError(f"cannot read this query ({type(exc).__name__}); simplify the operators or quote the text") from None
        error = _find_error(q)
        if error:
            raise QueryError(_one_line(error))
        q = q.normalize()
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
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


def check_syntax(text: str) -> str:
    """Reject what Whoosh would misread or fail on; returns the text Whoosh is given."""
    return query_checks.check_syntax(text, tuple(ALIASES), _field_example)


def _field_example(name: str) -> str:
    return SPECS[ALIASES.get(name, ALIASES.get(name.lower(), "title"))].example


def quote_verbatim(text: str) -> str:
    """A query that searches ``text`` literally (for pasted text): one phrase, syntax neutralised."""
    return '"' + query_checks.blank_controls(text).replace('"', " ") + '"'
