"""The rich consoles the commands print with.

Rich's own answer to a closed pipe is ``SystemExit(1)`` (the bad-input code);
ours raise ``BrokenPipeError`` instead, which the command group turns into a
quiet exit 0 like every other closed pipe.  Rich is imported on first use only.
"""

from __future__ import annotations

import errno
from functools import lru_cache


@lru_cache(maxsize=1)
def _console_class():
    from rich.console import Console

    class PipeFriendlyConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "the reader of our output has gone")

    return PipeFriendlyConsole


def stdout_console(**kwargs):
    """A rich Console on stdout (highlighting off: article text is never re-coloured)."""
    return _console_class()(highlight=False, **kwargs)


def stderr_console(**kwargs):
    return _console_class()(stderr=True, highlight=False, **kwargs)
