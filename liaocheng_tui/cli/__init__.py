"""The ``lc-reader`` command: the reader by default, plus export/check/search/… subcommands.

Each subcommand lives in its own module and registers itself on the group;
heavy imports (Textual, Whoosh, jieba) happen inside the commands so that
``lc-reader export`` never pays for the UI.
"""

from liaocheng_tui.cli.group import main
from liaocheng_tui.cli import export_cmds  # noqa: F401  (registers export, check)

try:  # registered when the search layer is present
    from liaocheng_tui.cli import search_cmds  # noqa: F401
except ImportError:  # pragma: no cover
    pass
from liaocheng_tui.cli import keep_cmds  # noqa: F401,E402  (registers history, bookmarks, cite)
try:  # "has this been written already?": similar, duplicates
    from liaocheng_tui.cli import similar_cmds  # noqa: F401
except ImportError:  # pragma: no cover
    pass
try:  # the reader itself
    from liaocheng_tui.cli import read_cmd  # noqa: F401
except ImportError:  # pragma: no cover
    pass

__all__ = ["main"]
