"""The article store's event links: articles reporting one event, and the LSH bands that find them.

A mixin of :class:`store.ArticleStore` (the same connection), holding only the
data; the matching that decides a link is ``liaocheng_tui.similar``.  Tables:

    links_pending  articles stored since the repost pass last ran (``put_page``
                   adds a page's articles): the pass reads these and nothing else
    lsh_bands      (band key, article): one row per LSH band of an article's
                   MinHash (``similar.signature``)
    event_links    (a, b, score, verdict) with a < b: the pass's verdicts

Rows go with their article (``ON DELETE CASCADE``): a page parsed again loses its
links and bands and is pending again, so the pass relinks changed pages only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from liaocheng_tui.search.store_rows import path_text

LINKS_SCHEMA = """
CREATE TABLE IF NOT EXISTS links_pending (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS lsh_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lsh_bands_by_article ON lsh_bands(article_id);
CREATE TABLE IF NOT EXISTS event_links (
    a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    score REAL NOT NULL, verdict TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_links_by_b ON event_links(b);
"""


@dataclass(frozen=True)
class LinkRow:
    """An article linked to another (what the reader lists as "also reported"); no text read."""

    aid: str
    score: float
    verdict: str
    title: str | None
    newspaper: str | None
    issue_date: dt.date | None
    edition: str | None
    source: str


class EventLinks:
    """Pending articles, LSH bands and event links over ``self._db`` (mixed into ArticleStore)."""

    _db: sqlite3.Connection

    def pending_links(self, limit: int | None = None) -> list[tuple[int, str]]:
        """(row id, aid) of articles the repost pass has not seen, in store order."""
        sql = "SELECT a.id, a.aid FROM links_pending p JOIN articles a ON a.id = p.article_id ORDER BY a.id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [(i, aid) for i, aid in self._db.execute(sql)]

    def pending_link_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM links_pending").fetchone()[0]

    def relink_everything(self) -> None:
        """Forget every band and link; every article is pending (a new signature version)."""
        self._db.execute("DELETE FROM lsh_bands")
        self._db.execute("DELETE FROM event_links")
        self._db.execute("INSERT OR IGNORE INTO links_pending(article_id) SELECT id FROM articles")

    def band_matches(self, keys: Sequence[int], limit: int, per_band: int = 32) -> list[tuple[int, str, int]]:
        """(row id, aid, bands shared) of the articles sharing most of these band keys, most first.

        Each band is read for at most ``per_band`` articles (the first stored): a text
        repeated a thousand times costs the same look-up as one repeated twice.
        """
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return []
        one_band = "SELECT * FROM (SELECT article_id FROM lsh_bands WHERE band_key = ? ORDER BY article_id LIMIT ?)"
        rows = self._db.execute(  # counted first, then only the best few looked up in articles
            "SELECT m.article_id, a.aid, m.n FROM (SELECT article_id, COUNT(*) AS n"
            f" FROM ({' UNION ALL '.join([one_band] * len(wanted))}) GROUP BY article_id"
            " ORDER BY n DESC, article_id LIMIT ?) m JOIN articles a ON a.id = m.article_id"
            " ORDER BY m.n DESC, m.article_id",
            [*(x for key in wanted for x in (key, per_band)), limit],
        )
        return [(row, aid, n) for row, aid, n in rows]

    def put_bands(self, article_id: int, keys: Iterable[int]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES (?, ?)",
                             [(k, article_id) for k in keys])

    def put_links(self, links: Iterable[tuple[int, int, float, str]]) -> None:
        """(a, b, score, verdict) rows; the pair is stored once, smaller id first."""
        self._db.executemany(
            "INSERT OR REPLACE INTO event_links(a, b, score, verdict) VALUES (?, ?, ?, ?)",
            [(min(a, b), max(a, b), score, verdict) for a, b, score, verdict in links if a != b],
        )

    def done_linking(self, article_ids: Iterable[int]) -> None:
        self._db.executemany("DELETE FROM links_pending WHERE article_id = ?", [(i,) for i in article_ids])

    def links_of(self, aid: str) -> list[LinkRow]:
        """The articles linked to ``aid``, best first (two indexed look-ups; no article text read)."""
        rows = self._db.execute(
            """
            WITH me AS (SELECT id FROM articles WHERE aid = ?),
            pairs AS (
                SELECT l.b AS other, l.score, l.verdict FROM event_links l, me WHERE l.a = me.id
                UNION ALL SELECT l.a, l.score, l.verdict FROM event_links l, me WHERE l.b = me.id
            )
            SELECT a.aid, pairs.score, pairs.verdict, a.title, p.newspaper, p.issue_date, p.edition, f.path
            FROM pairs JOIN articles a ON a.id = pairs.other JOIN pages p ON p.id = a.page_id
            JOIN files f ON f.id = p.file_id
            ORDER BY pairs.verdict != 'same event', pairs.score DESC, p.issue_date, a.aid
            """,
            (aid,),
        ).fetchall()
        return [LinkRow(other, score, verdict, title, paper, dt.date.fromisoformat(d) if d else None, edition,
                        path_text(path))
                for other, score, verdict, title, paper, d, edition, path in rows]

    def link_pairs(self, verdict: str) -> list[tuple[str, str, float]]:
        """Every linked pair of ``verdict`` as (aid, aid, score)."""
        return [
            (x, y, s) for x, y, s in self._db.execute(
                "SELECT a1.aid, a2.aid, l.score FROM event_links l JOIN articles a1 ON a1.id = l.a"
                " JOIN articles a2 ON a2.id = l.b WHERE l.verdict = ? ORDER BY a1.id, a2.id", (verdict,))
        ]

    def aids_by_row(self, article_ids: Sequence[int]) -> dict[int, str]:
        """row id → aid (to read those articles with ``articles``)."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        return dict(self._db.execute(f"SELECT id, aid FROM articles WHERE id IN ({marks})", list(article_ids)))
