"""``lc-reader similar`` and ``lc-reader duplicates``: "has this been written already?" on the command line.

``similar FILE|-`` ranks the archive's articles by how likely they report the event
the text (a draft, notes, a press release) is about (``liaocheng_tui.similar``);
``duplicates`` lists the groups the repost pass linked.  Both open the archive the
way ``search`` does (store and index brought up to date, the repost pass over new
pages).  Text from pages reaches the terminal only as rich ``Text`` with control
characters made visible; JSONL is JSON with them escaped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from liaocheng_tui.archive.printable import json_text, one_line, printable
from liaocheng_tui.cli.consoles import stdout_console
from liaocheng_tui.cli.group import main
from liaocheng_tui.cli.options import cache_dir_option, no_cache_option, paths_argument
from liaocheng_tui.cli.report import report_warnings
from liaocheng_tui.cli.search_cmds import FORMATS, _open

#: characters of shared names shown per row of the table
TABLE_SHARED_CHARS = 24


def read_draft(name: str) -> str:
    """The text of FILE, or of stdin for ``-``, decoded as pages are (UTF-8, GB18030, …). Exits 1 with one line."""
    from liaocheng_tui.archive.decoding import UndecodableFile, decode_bytes

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {one_line(name)}: {one_line(exc.strerror or str(exc))}") from None
    try:
        return decode_bytes(data).text
    except UndecodableFile as exc:
        raise click.ClickException(f"cannot read {one_line(name)}: {one_line(str(exc))}") from None


def match_record(rank: int, match) -> dict:
    """One JSONL row of ``similar``."""
    article = match.article
    page = article.page
    return {
        "rank": rank,
        "verdict": match.verdict,
        "score": match.score,
        "source": page.display_source if page else None,
        "issue_date": page.issue_date.isoformat() if page and page.issue_date else None,
        "newspaper": page.newspaper if page else None,
        "edition": page.edition if page else None,
        "title": article.title,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "id": article.id,
        "evidence": match.evidence.as_dict(),
    }


def _shared_names(match) -> str:
    ev = match.evidence
    names = [s.key for group in (ev.people, ev.places, ev.orgs) for s in group]
    text = " ".join(dict.fromkeys(names))
    return text if len(text) <= TABLE_SHARED_CHARS else text[: TABLE_SHARED_CHARS - 1] + "…"


def _print_matches(matches) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"lc-reader similar — {len(matches)} article(s)"), expand=False)
    table.add_column("#", justify="right")
    table.add_column("verdict", no_wrap=True)
    table.add_column("score", justify="right")
    table.add_column("date", no_wrap=True)
    table.add_column("paper", overflow="fold")
    table.add_column("title", overflow="fold", ratio=2)
    table.add_column("shared", overflow="fold", ratio=1)
    for i, match in enumerate(matches, 1):
        page = match.article.page
        table.add_row(
            str(i), match.verdict or "—", f"{match.score:.2f}",
            page.issue_date.isoformat() if page and page.issue_date else "—",
            Text(printable(page.newspaper) if page and page.newspaper else "?"),
            Text(printable(match.article.heading)), Text(printable(_shared_names(match))),
        )
    stdout_console().print(table)


def _link_pass():
    from liaocheng_tui.similar.reposts import link_new_articles

    return link_new_articles


@main.command()
@click.argument("draft", metavar="FILE|-")
@paths_argument
@click.option("--limit", "-n", type=click.IntRange(min=1), default=10, show_default=True, help="Articles to list.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@cache_dir_option
@no_cache_option
def similar(draft, paths, limit, fmt, cache_dir, no_cache) -> None:
    """The archive's articles on the event FILE (or stdin, '-') is about, most likely first.

    \b
    Verdicts: "same event" (score ≥ 0.45), "related" (≥ 0.25), or none.
    JSONL rows carry verdict, score, source, issue_date, newspaper, title,
    reporters and evidence (shared people, places, orgs, dates, numbers,
    words and passages, with their offsets in the draft and the article).
    """
    from liaocheng_tui.similar.matching import find_similar

    text = read_draft(draft)
    archive, service = _open(paths, cache_dir, no_cache, show_progress=True, after_index=_link_pass())
    try:
        report_warnings(archive, also=service.warnings)
        matches = find_similar(text, service, limit)
    finally:
        service.close()
    if fmt == "jsonl":
        for rank, match in enumerate(matches, 1):
            click.echo(json_text(match_record(rank, match)))
    else:
        _print_matches(matches)


@main.command()
@paths_argument
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@cache_dir_option
@no_cache_option
def duplicates(paths, fmt, cache_dir, no_cache) -> None:
    """Groups of articles that report one event (reposts, the other paper, another 版), largest first."""
    from rich.table import Table
    from rich.text import Text

    from liaocheng_tui.similar.reposts import duplicates as linked_groups

    archive, service = _open(paths, cache_dir, no_cache, show_progress=True, after_index=_link_pass())
    try:
        report_warnings(archive, also=service.warnings)
        groups = linked_groups(service.store)
        found = service.store.articles([aid for group in groups for aid in group])
    finally:
        service.close()
    if fmt == "jsonl":
        for number, group in enumerate(groups, 1):
            members = [_member(found[aid]) for aid in group if aid in found]
            click.echo(json_text({"group": number, "articles": members}))
        return
    table = Table(title=Text(f"lc-reader duplicates — {len(groups)} group(s)"), expand=False)
    for name, kw in (("group", {"justify": "right"}), ("date", {"no_wrap": True}), ("paper", {"overflow": "fold"}),
                     ("版", {"overflow": "fold"}), ("title", {"overflow": "fold"})):
        table.add_column(name, **kw)
    for number, group in enumerate(groups, 1):
        for i, aid in enumerate(group):
            article = found.get(aid)
            if article is None:
                continue
            page = article.page
            table.add_row(
                str(number) if i == 0 else "",
                page.issue_date.isoformat() if page and page.issue_date else "—",
                Text(printable(page.newspaper) if page and page.newspaper else "?"),
                Text(printable(page.edition) if page and page.edition else ""),
                Text(printable(article.heading)),
            )
    stdout_console().print(table)


def _member(article) -> dict:
    page = article.page
    return {
        "id": article.id,
        "source": page.display_source if page else None,
        "issue_date": page.issue_date.isoformat() if page and page.issue_date else None,
        "newspaper": page.newspaper if page else None,
        "edition": page.edition if page else None,
        "title": article.title,
        "reporters": list(article.reporters),
    }
