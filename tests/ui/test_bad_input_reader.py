"""The reader on bad input (issue 8): a file name that is not UTF-8 and a page holding
escape codes are read, shown safely (U+FFFD, ␛) and searched like any other page."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from liaocheng_tui.seeds import seeds_dir

SIZE = (120, 36)
SEEDS = sorted(seeds_dir().glob("*.txt"))
RAW_NAME = b"\xff\xfe.txt"
SHOWN_NAME = "\ufffd\ufffd.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    lines = SEEDS[0].read_text(encoding="utf-8").split("\n")
    body = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[body] = lines[body][:10] + "\x1b]0;pwned\x07\x1b[2J" + lines[body][10:]
    try:
        with open(os.path.join(os.fsencode(folder), RAW_NAME), "wb") as handle:
            handle.write("\n".join(lines).encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    shutil.copy(SEEDS[1], folder / "ok.txt")
    return folder


async def test_the_reader_shows_and_searches_a_page_with_an_undecodable_name(tmp_path, waiter):
    from liaocheng_tui.ui.app import create_app

    app = create_app([_folder(tmp_path)], cache_dir=tmp_path / "cache", use_cache=True)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.catalog is not None and app.service is not None, timeout=60)
        page = next(p for issue in app.catalog.issues for p in issue.pages if p.name == SHOWN_NAME)
        article = next(a for a in page.articles if "pwned" in a.body)
        app.go_to_article(article)
        await waiter(pilot, lambda: getattr(app.browse.article_view.article, "id", None) == article.id)
        shown = app.browse.article_view.plain
        assert SHOWN_NAME in shown, "the article pane does not show the file name as U+FFFD"
        assert "␛]0;pwned␇␛[2J" in shown, "escape codes are not shown as pictures"
        raw = {f"U+{ord(c):04X}" for c in shown if unicodedata.category(c) in ("Cc", "Cs") and c != "\n"}
        assert not raw, f"the article pane holds raw control characters: {raw}"
        title = next(a.title for a in page.articles if a.title)
        hits = app.service.search(title).hits
        assert hits and hits[0].article.page.source == page.source, f"search does not find the page named {RAW_NAME!r}"
