"""The click group behind ``lc-reader``: ``lc-reader [PATH ...]`` opens the reader,
``lc-reader COMMAND ...`` runs a subcommand."""

from __future__ import annotations

import click

READ_COMMAND = "read"


class ReaderGroup(click.Group):
    """A group whose default command is the reader, so paths can follow ``lc-reader`` directly."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        wants_help = bool(args) and args[0] in ("-h", "--help", "--version")
        if READ_COMMAND in self.commands and not wants_help and (not args or args[0] not in self.commands):
            args = [READ_COMMAND, *args]
        return super().parse_args(ctx, args)


@click.group(cls=ReaderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lc-reader")
def main() -> None:
    """Read and search the archive of Liaocheng's newspapers (聊城日报, 大众日报).

    With no command, opens the reader on PATH... (default: the embedded seed pages).
    """
