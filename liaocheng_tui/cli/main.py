"""The click group behind ``lc-reader``."""

from __future__ import annotations

import click


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Read and search the archive of Liaocheng's newspapers."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
