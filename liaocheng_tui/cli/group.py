"""The click group behind ``lc-reader``: ``lc-reader [PATH ...]`` opens the reader,
``lc-reader COMMAND ...`` runs a subcommand.

A reader that stops reading our output (``lc-reader export | head -1``) is not an
error: the command stops quietly with exit code 0 (click's own handling exits 1,
the bad-input code, which breaks ``set -o pipefail``).
"""

from __future__ import annotations

import errno
import os
import sys

import click

READ_COMMAND = "read"


class ReaderGroup(click.Group):
    """A group whose default command is the reader, so paths can follow ``lc-reader`` directly."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        wants_help = bool(args) and args[0] in ("-h", "--help", "--version")
        if READ_COMMAND in self.commands and not wants_help and (not args or args[0] not in self.commands):
            args = [READ_COMMAND, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _silence_stdout()
            raise click.exceptions.Exit(0) from None


def _silence_stdout() -> None:
    """Point stdout and stderr at /dev/null, so flushing what is still buffered (at exit)
    cannot fail again and print "Exception ignored … BrokenPipeError"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                fd = stream.fileno()
            except (AttributeError, OSError, ValueError):  # not a real file (a test runner's buffer)
                continue
            os.dup2(devnull, fd)
    finally:
        os.close(devnull)


@click.group(cls=ReaderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lc-reader")
def main() -> None:
    """Read and search the archive of Liaocheng's papers (聊城日报, 大众日报).

    With no command, opens the reader on PATH... (default: the config's
    archive folders, else the embedded seed pages).
    """
