"""What the reader asks of the user's data, in the reader's terms: articles, not keys.

It binds the user's store to the archive being read (a shelf): an article's
key is made from its page file's SHA-1 (asked of the shelf once per page),
bookmarks are held as a set for the list's marks, and kept entries are
found again in the archive (or reported gone).
"""

from __future__ import annotations

import os

from liaocheng_tui.archive.model import Article
from liaocheng_tui.userdata.keys import ArticleKey, KeyedShelf, find, key_of, snapshot_of
from liaocheng_tui.userdata.store import KeptEntry, UserStore

POSITION_STATE = "position:"  # + the archive's roots: each archive has its own last position
THEME_STATE = "theme"


def _mark(key: ArticleKey) -> tuple[str, str]:
    """What makes two keys the same article for a bookmark (as ``UserStore.bookmark_of`` matches)."""
    if not key.sha1:
        return (key.source, f"#{key.position}")
    return (key.sha1, key.title) if key.title else (key.sha1, f"#{key.position}")


class Keeper:
    def __init__(self, store: UserStore, shelf: KeyedShelf, roots: list[str]):
        self.store, self.shelf = store, shelf
        self.position_name = POSITION_STATE + "\n".join(sorted(roots))
        self._sha1: dict[str, str | None] = {}
        self._marks = {_mark(b.key) for b in store.bookmarks()}

    def key(self, article: Article) -> ArticleKey:
        source = article.page.source if article.page is not None else ""
        if source not in self._sha1:
            self._sha1[source] = self.shelf.page_sha1(source)
        return key_of(article, self._sha1[source])

    def is_bookmarked(self, article: Article) -> bool:
        return _mark(self.key(article)) in self._marks

    def toggle_bookmark(self, article: Article) -> bool:
        key = self.key(article)
        now_marked = self.store.toggle_bookmark(key, snapshot_of(article))
        (self._marks.add if now_marked else self._marks.discard)(_mark(key))
        return now_marked

    def remove_bookmark(self, entry: KeptEntry) -> None:
        self.store.remove_bookmark(entry.id)
        self._marks.discard(_mark(entry.key))

    def visit(self, article: Article) -> bool:
        return self.store.record_visit(self.key(article), snapshot_of(article))

    def find(self, entry: KeptEntry) -> Article | None:
        return find(entry.key, self.shelf)

    def save_position(self, article: Article, scroll: float) -> None:
        key = self.key(article)
        self.store.set_state(self.position_name, {
            "sha1": key.sha1, "title": key.title, "position": key.position,
            "source": os.fsencode(key.source).hex(),  # a name's undecodable bytes survive JSON
            "scroll": round(scroll, 1),
        })

    def last_position(self) -> tuple[Article, float] | None:
        """The article the user left off at in this archive, and its scroll (None when gone or never)."""
        state = self.store.get_state(self.position_name)
        if not isinstance(state, dict):
            return None
        try:
            source = os.fsdecode(bytes.fromhex(str(state["source"])))
            key = ArticleKey(str(state["sha1"]), str(state["title"]), int(state["position"]), source)
            scroll = float(state.get("scroll", 0.0))
        except (KeyError, TypeError, ValueError):
            return None
        article = find(key, self.shelf)
        return (article, max(0.0, scroll)) if article is not None else None

    def holds(self, entry: KeptEntry) -> bool:
        """Whether the archive still has the entry's article (its file's bytes are enough: cheap)."""
        if entry.key.sha1 and self.shelf.pages_with_sha1(entry.key.sha1):
            return True
        return self.find(entry) is not None
