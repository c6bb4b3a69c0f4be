"""The article store's people: who is credited where, in which role, and their counts.

A mixin of :class:`store.ArticleStore` (the same connection), kept apart
because it is one job: the ``credits`` table (one row per name an article
credits, with whether the role was printed), the role pass over it (a name
printed without a role takes the role the archive prints it with most:
``archive.people.role_from_printed``), and the ``people`` table recounted for
the names each write touched (``people_dirty``), so that adding a page costs
its names, not the archive.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from liaocheng_tui.archive.model import Article
from liaocheng_tui.archive.people import CORRESPONDENT, REPORTER, ROLE_LABELS, role_from_printed
from liaocheng_tui.search.store_rows import like_prefix, to_json


@dataclass(frozen=True)
class PersonRow:
    name: str
    role: str
    article_count: int
    first: dt.date | None
    last: dt.date | None
    papers: tuple[str, ...]

    @property
    def role_label(self) -> str:
        """记者 or 通讯员."""
        return ROLE_LABELS.get(self.role, self.role)


class PeopleQueries(ABC):
    """Credits, roles and people over ``self._db`` (mixed into ArticleStore)."""

    _db: sqlite3.Connection

    @abstractmethod
    def articles(self, aids: Sequence[str]) -> dict[str, Article]: ...

    def _people_touched(self, path: bytes) -> None:
        """The names credited on the page of file ``path``: their people rows are recounted."""
        self._db.execute(
            "INSERT OR IGNORE INTO people_dirty(name) SELECT DISTINCT c.name FROM credits c"
            " JOIN articles a ON a.id = c.article_id JOIN pages p ON p.id = a.page_id"
            " JOIN files f ON f.id = p.file_id WHERE f.path = ?",
            (path,),
        )

    def refresh_people(self) -> None:
        """Recount the people rows of every name a write touched (one pass in SQL over their credits).

        A name's role where it was printed without one follows ``archive.people.role_from_printed``
        (expressed here in SQL): correspondent when the archive prints it more often as 通讯员
        than as 记者, else as parsed.  Each credit's page is found through the small index
        ``articles_page_of`` rather than the article's row (several pages of text each: a name
        credited 9k times took 0.45 s that way, 0.15 s this).
        """
        db = self._db
        dirty = "SELECT name FROM people_dirty"
        db.execute(f"DELETE FROM people WHERE name IN ({dirty})")
        db.execute(
            f"""
            WITH printed AS (
                SELECT name, SUM(role = '{REPORTER}') AS r, SUM(role = '{CORRESPONDENT}') AS c FROM credits
                WHERE printed AND name IN ({dirty}) GROUP BY name
            ), credited AS (
                SELECT k.name, k.article_id,
                       CASE WHEN NOT k.printed AND IFNULL(pr.c, 0) > IFNULL(pr.r, 0) THEN '{CORRESPONDENT}'
                            ELSE k.role END AS role
                FROM credits k LEFT JOIN printed pr ON pr.name = k.name WHERE k.name IN ({dirty})
            )
            INSERT INTO people(name, role, article_count, first_date, last_date, papers)
            SELECT k.name, k.role, COUNT(DISTINCT k.article_id), MIN(p.issue_date), MAX(p.issue_date),
                   COALESCE(json_group_array(DISTINCT p.newspaper) FILTER (WHERE p.newspaper IS NOT NULL), '[]')
            FROM credited k JOIN articles a INDEXED BY articles_page_of ON a.id = k.article_id
            JOIN pages p ON p.id = a.page_id
            GROUP BY k.name, k.role
            """
        )
        db.execute("DELETE FROM people_dirty")

    def printed_roles(self, names: Iterable[str]) -> dict[str, tuple[int, int]]:
        """name → (times printed as 记者, times printed as 通讯员) across the archive."""
        wanted = to_json(sorted(set(names)))
        return {
            name: (r, c)
            for name, r, c in self._db.execute(
                f"SELECT name, SUM(role = '{REPORTER}'), SUM(role = '{CORRESPONDENT}') FROM credits"
                " WHERE printed AND name IN (SELECT value FROM json_each(?)) GROUP BY name",
                (wanted,),
            )
        }

    def apply_roles(self, articles: Iterable[Article]) -> None:
        """Names printed without a role take the role the archive prints them with (``assign_roles``'s rule)."""
        roleless = [a for a in articles if a.roleless]
        if not roleless:
            return
        counts = self.printed_roles(n for a in roleless for n in a.roleless)
        for article in roleless:
            for name in article.roleless:
                r, c = counts.get(name, (0, 0))
                if role_from_printed(r, c) == CORRESPONDENT and name in article.reporters:
                    article.reporters.remove(name)
                    if name not in article.correspondents:
                        article.correspondents.append(name)

    def credited_ids(self, name: str) -> list[str]:
        """Ids of the articles crediting ``name`` in any role, oldest first."""
        rows = self._db.execute(
            "SELECT DISTINCT a.aid, p.issue_date IS NULL, p.issue_date, a.page_id, a.position FROM credits c"
            " JOIN articles a ON a.id = c.article_id JOIN pages p ON p.id = a.page_id WHERE c.name = ?"
            " ORDER BY p.issue_date IS NULL, p.issue_date, a.page_id, a.position",
            (name,),
        ).fetchall()
        return [row[0] for row in rows]

    def credited(self, name: str, role: str) -> list[Article]:
        """The articles crediting ``name`` in ``role`` (after the role pass), oldest first."""
        aids = self.credited_ids(name)
        found = self.articles(aids)
        field = "reporters" if role == REPORTER else "correspondents"
        return [a for a in (found.get(aid) for aid in aids) if a is not None and name in getattr(a, field)]

    def people(self, name_prefix: str = "") -> list[PersonRow]:
        """People (most articles first); ``name_prefix`` filters as the user types."""
        rows = self._db.execute(
            "SELECT name, role, article_count, first_date, last_date, papers FROM people"
            " WHERE name LIKE ? ESCAPE '\\' ORDER BY article_count DESC, role != 'reporter', name",
            (like_prefix(name_prefix),),
        ).fetchall()
        return [
            PersonRow(n, r, c, dt.date.fromisoformat(f) if f else None, dt.date.fromisoformat(la) if la else None,
                      tuple(json.loads(p)))
            for n, r, c, f, la, p in rows
        ]
