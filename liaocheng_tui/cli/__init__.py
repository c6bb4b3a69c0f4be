"""The ``lc-reader`` command: the reader by default, plus export/check/search/index subcommands.

Each subcommand lives in its own module and registers itself on ``main``.
"""

from liaocheng_tui.cli.main import main

__all__ = ["main"]
