"""The reader's ``o``: the article's page file in ``$PAGER``, at the article's first line.

UI-free: the screen suspends the app and runs :func:`pager_command`.  A page
that is not UTF-8 (GB18030, UTF-16 …) is shown through a UTF-8 copy in a
temporary file, so the pager shows text rather than mojibake.
"""

from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from pathlib import Path

from liaocheng_tui.archive.decoding import decode_bytes
from liaocheng_tui.archive.files import read_page_bytes
from liaocheng_tui.archive.model import Article

DEFAULT_PAGER = "less"
#: Pagers and editors that take ``+N`` as "start at line N".
LINE_AWARE = {"less", "more", "most", "vi", "vim", "nvim", "view", "nano", "emacs", "micro", "kak", "hx"}
#: Characters of a piece looked for in the file, spaces and line ends left out (long enough to be unique).
PROBE_CHARS = 16
_UTF8 = {"utf-8", "utf_8", "ascii", "utf8"}


def first_line(article: Article, text: str) -> int:
    """The 1-based line of ``text`` where the article starts: the first of its headline and its
    first paragraph (a body may be printed above its headline), found with spaces and line
    breaks ignored; 1 when neither is found."""
    letters: list[str] = []
    line_of: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        for ch in line:
            if not ch.isspace():
                letters.append(ch)
                line_of.append(number)
    squeezed = "".join(letters)
    pieces = [article.kicker, article.title, article.subtitle]
    pieces += [p.text for p in article.paragraphs[:1]]
    found = []
    for piece in pieces:
        probe = "".join((piece or "").split())[:PROBE_CHARS]
        at = squeezed.find(probe) if len(probe) >= 2 else -1
        if at >= 0:
            found.append(line_of[at])
    return min(found) if found else 1


def pager_command(path: str, line: int, pager: str | None = None) -> list[str]:
    """``$PAGER`` (split like a shell would) with ``+line`` when it understands that, then the file."""
    words = shlex.split(pager if pager is not None else os.environ.get("PAGER", "") or DEFAULT_PAGER)
    words = words or [DEFAULT_PAGER]
    if Path(words[0]).name in LINE_AWARE and line > 1:
        words.append(f"+{line}")
    return [*words, path]


def pager_missing(command: list[str]) -> bool:
    return shutil.which(command[0]) is None


def readable_file(article: Article) -> tuple[str, int]:
    """(the file to show, the article's line in it); a UTF-8 copy when the page is in another encoding.

    Raises OSError when the page file cannot be read any more.
    """
    page = article.page
    if page is None:
        raise OSError("the article has no page file")
    decoded = decode_bytes(read_page_bytes(Path(page.source)))
    line = first_line(article, decoded.text)
    if (decoded.encoding or "utf-8").lower().replace("-sig", "") in _UTF8 and "\r" not in decoded.text[:4096]:
        return page.source, line
    copy = tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=f"-{Path(page.source).name}", delete=False)
    with copy:
        copy.write(decoded.text)
    return copy.name, line
