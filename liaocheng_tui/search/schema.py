"""The Whoosh schema of the article index, and how an Article becomes a document.

Text fields come in pairs: ``<name>_bg`` (character bigrams: every verbatim
string matches) and ``<name>_w`` (jieba words: ranks whole words higher).
No field keeps positions or character offsets: strings are verified against
the article store and highlights found in the article's text; the text itself
is not stored here (the store holds it).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from whoosh import columns, fields
from whoosh.system import pack_uint

from liaocheng_tui.archive.model import Article
from liaocheng_tui.search.analysis import BigramAnalyzer, WordAnalyzer, bigram_counts, fold
from liaocheng_tui.search.versions import INDEX_VERSION  # noqa: F401 - re-exported for the cache key


BIGRAM_FIELDS = ("title_bg", "head_bg", "body_bg", "byline_bg", "paper_bg", "file_bg")
WORD_FIELDS = ("title_w",)


class BigramText(fields.TEXT):
    """A bigram field: the terms of ``BigramAnalyzer``, counted by ``analysis.bigram_counts``.

    Whoosh's ``FieldType.index`` runs the analyzer token by token (a Python call
    per pair, ~600 distinct pairs an article); ``index`` here yields the same
    (term, frequency, weight, encoded frequency) tuples from one count.  (It stays
    scorable although ranking ignores lengths: Whoosh's commit asks every
    posting's field length, and for a field without lengths that is a file
    ``stat`` each time.)
    """

    def __init__(self) -> None:
        super().__init__(analyzer=BigramAnalyzer(), phrase=False)

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return list(super().index(value, **kwargs))
        boost = self.format.field_boost
        return [(term.encode("utf-8"), freq, freq * boost, _FREQ_BYTES[freq] if freq < 256 else pack_uint(freq))
                for term, freq in bigram_counts(value).items()]


#: How Whoosh's frequency format encodes the small frequencies (almost every posting).
_FREQ_BYTES = tuple(pack_uint(n) for n in range(256))


def build_schema() -> fields.Schema:
    words = WordAnalyzer()
    return fields.Schema(
        aid=fields.ID(stored=True, unique=True, sortable=True),
        # the key of the article's letters in the store (``letters_key``): a string check asks the
        # store by it, and a whole column of 8-byte numbers reads ~3× faster than the ids as text
        sid=fields.COLUMN(columns.NumericColumn("q")),
        source=fields.ID(),
        month=fields.ID(sortable=True),
        date=fields.DATETIME(),
        kind=fields.ID(),
        reporter=fields.KEYWORD(commas=True, scorable=True),
        correspondent=fields.KEYWORD(commas=True, scorable=True),
        # Phrases are checked against the text itself (see substring.py): no positions.
        title_bg=BigramText(),
        head_bg=BigramText(),  # kicker + subtitle
        body_bg=BigramText(),
        byline_bg=BigramText(),  # names + raw byline/dateline
        paper_bg=BigramText(),
        file_bg=BigramText(),
        # jieba words of title + kicker + subtitle: ranks whole-word title hits first.
        # (The body has no word field: it doubled the build time and matching is
        # exact anyway; more-like-this reads the body bigrams.)
        title_w=fields.TEXT(analyzer=words, phrase=False),
    )


def month_key(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date else "none"


def field_texts(article: Article) -> dict[str, str]:
    """The text each bigram field indexes for ``article`` (also what substring checks read)."""
    page = article.page
    return {
        "title_bg": article.title or "",
        "head_bg": "\n".join(x for x in (article.kicker, article.subtitle) if x),
        "body_bg": article.body,
        "byline_bg": "\n".join(
            [*article.reporters, *article.correspondents, article.byline or "", article.dateline or ""]
        ),
        "paper_bg": (page.newspaper or "") if page is not None else "",
        "file_bg": page.name if page is not None else "",
    }


def letters_key(aid: str) -> int:
    """The store's key for the letters of article ``aid``: a signed 64-bit hash of the id.

    Derived from the id alone, so a live index keeps finding an article's letters while
    its page is parsed again into new rows (as it did by the id itself); two ids of one
    key are ~1 in 10^7 even among a million articles."""
    digest = hashlib.blake2b(aid.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def article_document(article: Article) -> dict:
    """The Whoosh document for one article (field values as Whoosh wants them)."""
    page = article.page
    texts = field_texts(article)
    title, head = texts["title_bg"], texts["head_bg"]
    issue_date = page.issue_date if page is not None else None
    doc = {
        "aid": article.id,
        "sid": letters_key(article.id),
        "source": page.key if page is not None else "",
        "month": month_key(issue_date),
        "kind": getattr(article.kind, "value", str(article.kind)),
        "reporter": ",".join(fold(n).replace(",", " ") for n in article.reporters),
        "correspondent": ",".join(fold(n).replace(",", " ") for n in article.correspondents),
        **texts,
        "title_w": "\n".join(x for x in (title, head) if x),
    }
    if issue_date is not None:
        doc["date"] = dt.datetime(issue_date.year, issue_date.month, issue_date.day)
    return doc
