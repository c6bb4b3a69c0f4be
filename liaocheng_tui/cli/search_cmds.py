"""``lc-reader search``, ``lc-reader reporters`` and ``lc-reader index``: the search layer on the command line.

``index`` also runs the repost pass (``similar.reposts``) over the pages it added.

Article text reaches the terminal only as rich ``Text`` (never markup) with
control characters replaced by visible symbols (``printable``), so ``[b]`` or an
ESC sequence in a page or a query is printed, not obeyed.  JSONL output is JSON
with control characters escaped (``json_text``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from liaocheng_tui.archive.printable import display_path, json_text, one_line, printable
from liaocheng_tui.export import person_record
from liaocheng_tui.cli.consoles import stderr_console, stdout_console
from liaocheng_tui.cli.group import main
from liaocheng_tui.cli.options import cache_dir_option, no_cache_option, paths_argument, resolve_paths
from liaocheng_tui.cli.report import report_warnings, require_pages, require_readable, stored_pages

FORMATS = click.Choice(["table", "jsonl"])

#: Control characters as their pictures (same length, so spans stay valid): see ``printable``.
visible = printable
_one_line = one_line


def _stderr_console():
    return stderr_console()


#: What makes rich call a stream a terminal other than ``isatty`` (rich's ``Console.is_terminal``).
TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _may_be_a_terminal() -> bool:
    """Could rich call stderr a terminal?  When not (a pipe, a benchmark), rich is not imported."""
    return sys.stderr.isatty() or any(name in os.environ for name in TERMINAL_ENV)


def _open(paths, cache_dir, no_cache, *, show_progress: bool, **options):
    """The archive's search service (store and index up to date) with a progress bar on a terminal.

    Returns (a page-less Archive carrying the warnings and skipped files, the
    service): nothing archive-sized is read.  Exits 1 with one line when nothing
    is readable or the cache stays locked.  ``options`` go to open_search
    (``rebuild``, ``verify``).
    """
    from liaocheng_tui.archive.model import Archive
    from liaocheng_tui.search.errors import CacheProblem
    from liaocheng_tui.search.service import open_search

    roots = resolve_paths(paths)

    def opened(progress=None):
        try:
            service = open_search(roots, cache_dir=cache_dir, use_cache=not no_cache, progress=progress, **options)
        except CacheProblem as exc:
            raise click.ClickException(str(exc)) from None
        try:
            require_readable(roots, service.page_count, service.skipped)
        except BaseException:
            service.close()
            raise
        shell = Archive(roots=[str(r) for r in roots], warnings=list(service.warnings), skipped=list(service.skipped))
        return shell, service

    if not (show_progress and _may_be_a_terminal()):
        return opened()
    console = _stderr_console()
    if not console.is_terminal:
        return opened()

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    labels = {"parse": "reading pages", "index": "indexing articles", "link": "linking reposts"}
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=show_progress != "keep",
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(labels.get(stage, stage), total=total or None)
            if total == 0 and done == 0 and stage == "index":
                bar.update(tasks[stage], description="waiting for another lc-reader to finish indexing")
                return
            bar.update(tasks[stage], completed=done, total=total or None)

        return opened(progress)


def open_service(paths, cache_dir, no_cache):
    """(a page-less Archive with the warnings, the search service), a progress bar on a terminal."""
    return _open(paths, cache_dir, no_cache, show_progress=True)


def _warn(warnings: list[str]) -> None:
    """Each warning on stderr in yellow (a console is made only when there is one)."""
    if not warnings:
        return
    from rich.text import Text

    console = _stderr_console()
    for warning in warnings:
        console.print(Text(f"warning: {_one_line(warning)}"), style="yellow", soft_wrap=True)


def hit_record(query: str, hit) -> dict:
    article = hit.article
    page = article.page
    return {
        "query": query,
        "score": round(hit.score, 4),
        "source": page.display_source if page else None,
        "newspaper": page.newspaper if page else None,
        "issue_date": page.issue_date.isoformat() if page and page.issue_date else None,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "snippet": hit.snippet,
        "snippet_spans": [list(s) for s in hit.snippet_spans],
        "id": article.id,
    }


#: The names column of ``search``'s lines, at most (the title takes the rest of the width).
NAMES_CELLS = 28


def _names(article, query: str) -> str:
    """Reporters, then ``· 通讯员`` and correspondents; names in the query first (a cut keeps them)."""
    def ordered(people):
        return sorted(people, key=lambda n: n not in query)

    text = " ".join(ordered(article.reporters))
    if article.correspondents:
        text += (" · " if text else "") + "通讯员 " + " ".join(ordered(article.correspondents))
    return visible(text)


def _print_table(console, query: str, results, limit) -> None:
    """One line per hit (#, date, paper and 版, title, names; cut with … to the terminal's width),
    the snippet under it; the head says how many were found and how many are shown."""
    from rich.cells import cell_len
    from rich.text import Text

    from liaocheng_tui.archive.edition import shown as edition_shown

    total, shown = results.total, len(results.hits)
    head = Text(f"{_one_line(query)} — {total} hit{'s' if total != 1 else ''}, {results.order} first", style="bold")
    if total > shown:
        head.append(f" · showing {shown} of {total} — use --limit")
    console.print(head, soft_wrap=True)
    width = max(40, console.width)
    number_cells = len(str(shown))
    names_cells = min(NAMES_CELLS, max((cell_len(_names(h.article, query)) for h in results.hits), default=0))
    for i, hit in enumerate(results.hits, 1):
        article, page = hit.article, hit.article.page
        date = page.issue_date.isoformat() if page and page.issue_date else "undated"
        mark = "≈" if page is not None and page.date_source.value == "inferred" else " "
        where = " ".join(x for x in (visible(page.newspaper) if page and page.newspaper else "?",
                                      edition_shown(page.edition) if page else "") if x)
        line = Text(f"{i:>{number_cells}} {mark}{date}  ")
        line.append(where, style="cyan")
        line.append("  ")
        names = Text(_names(article, query), style="italic")
        names.truncate(names_cells, overflow="ellipsis")
        room = width - line.cell_len - names_cells - 2
        title = Text(visible(_one_line(article.heading)), style="bold")
        title.truncate(max(8, room), overflow="ellipsis")
        line.append_text(title)
        line.append(" " * max(2, room - title.cell_len + 2))
        line.append_text(names)
        line.truncate(width, overflow="ellipsis")
        console.print(line, no_wrap=True, overflow="ellipsis")
        indent = " " * (number_cells + 3)
        clipped, spans = clip_snippet(visible(_one_line(hit.snippet)), hit.snippet_spans, width - len(indent) - 2)
        snippet = Text(indent + clipped, style="dim")
        for start, stop in spans:
            snippet.stylize("bold reverse", start + len(indent), stop + len(indent))
        snippet.truncate(width, overflow="ellipsis")
        console.print(snippet, no_wrap=True, overflow="ellipsis")


@main.command()
@click.argument("query", required=False)
@paths_argument
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="Hits per query.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--order", type=click.Choice(["auto", "best", "newest", "oldest"]), default="auto", show_default=True,
              help="best first, newest or oldest first; auto: best, or newest for a filter-only query.")
@click.option(
    "--queries-from", type=click.File("r", encoding="utf-8", errors="replace"), default=None,
    help="Run one query per line of FILE ('-' for stdin); QUERY is then not given.",
)
@cache_dir_option
@no_cache_option
def search(query, paths, limit, fmt, order, queries_from, cache_dir, no_cache) -> None:
    """Search the archive for QUERY (default archive: the embedded seeds).

    \b
    Words are ANDed; OR, NOT or -word, "exact phrase", ( ) group.
    Fields: 标题:/title:  记者:/reporter:  通讯员:/correspondent:
            报纸:/paper:  日期:/date: 2024 | 2024-06 | 2024-06-20 |
            2024-06-01..2024-06-30 | [2024-06-01 to 2024-06-30]
    A malformed query prints one line saying why and exits 2.
    """

    from liaocheng_tui.search.errors import QueryError

    if queries_from is not None:
        if query is not None:
            paths = (Path(query), *paths)
        queries = [line.strip() for line in queries_from if line.strip()]
    elif query is None:
        raise click.UsageError("give a QUERY or --queries-from FILE")
    else:
        queries = [query]

    out = stdout_console() if fmt == "table" else None
    archive, service = _open(paths, cache_dir, no_cache, show_progress=True)
    failed = False
    try:
        report_warnings(archive, also=service.warnings)
        for q in queries:
            told = len(service.warnings)
            try:
                results = service.search(q, limit=limit, order=order, months=False)  # no histogram here
            except QueryError as exc:
                failed = True
                message = _one_line(str(exc))
                if fmt == "jsonl":
                    click.echo(json_text({"query": q, "error": message}))
                click.echo(f"error: {message}", err=True)
                continue
            finally:
                _warn(service.warnings[told:])  # damage found (and repaired) while searching
            if fmt == "jsonl":
                for hit in results.hits:
                    click.echo(json_text(hit_record(q, hit)))
            else:
                _print_table(out, q, results, limit)
    finally:
        service.close()
    if failed:
        sys.exit(2)


@main.command(short_help="Every reporter (记者) and correspondent (通讯员).")
@paths_argument
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@cache_dir_option
@no_cache_option
def reporters(paths, fmt, cache_dir, no_cache) -> None:
    """Every reporter and correspondent: articles, first and last date, papers.

    \b
    Each name once per role: 记者 (reporter) or 通讯员 (correspondent).
    """
    from rich.table import Table
    from rich.text import Text

    with stored_pages(paths, cache_dir, no_cache) as pages:
        report_warnings(pages)
        rows = pages.people()
    if fmt == "jsonl":
        for row in rows:
            click.echo(json_text(person_record(row)))
        return
    from rich import box

    table = Table(title=f"lc-reader reporters — {len(rows)} name(s)", box=box.SIMPLE_HEAD)
    for name, kw in (("name", {"no_wrap": True}), ("role", {"no_wrap": True}), ("articles", {"justify": "right"}),
                     ("first", {"no_wrap": True}), ("last", {"no_wrap": True}),
                     ("newspapers", {"overflow": "ellipsis", "no_wrap": True})):
        table.add_column(name, **kw)
    for row in rows:
        table.add_row(
            Text(visible(row.name)),
            Text(visible(row.role_label)),
            str(row.article_count),
            row.first.isoformat() if row.first else "—",
            row.last.isoformat() if row.last else "—",
            Text(visible(" ".join(row.papers)) or "?"),
        )
    stdout_console().print(table)


@main.command()
@paths_argument
@click.option("--rebuild", is_flag=True, help="Parse every page and build the index again (beside the live one, swapped in when done).")
@cache_dir_option
@no_cache_option
def index(paths, rebuild, cache_dir, no_cache) -> None:
    """Build or refresh the index cache of PATH... (with a progress bar on a terminal).

    Every index file's hash is checked; a damaged index is reported and rebuilt."""
    from rich.text import Text

    err = _stderr_console()
    started = time.perf_counter()
    from liaocheng_tui.similar.reposts import link_new_articles

    options = {} if no_cache else {"rebuild": rebuild, "verify": True}
    archive, service = _open(paths, cache_dir, no_cache, show_progress="keep", after_index=link_new_articles,
                             **options)
    try:
        report_warnings(archive, also=service.warnings)
        where = "memory (--no-cache)" if no_cache else display_path(str(service.cache_folder))
        err.print(Text(f"indexed {service.page_count} page(s), {service.article_count} article(s) "
                       f"in {time.perf_counter() - started:.2f}s, in:"), soft_wrap=True)
        err.print(Text(f"  {where}"), soft_wrap=True)  # a path of its own line, never folded by rich
    finally:
        service.close()


TABLE_SNIPPET_CHARS = 48


def clip_snippet(text: str, spans: list, limit: int = TABLE_SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A line's share of a snippet: ``limit`` cells around the first hit (a CJK character takes
    two), with ellipses where text was cut and the hit spans moved to match."""
    from rich.cells import cell_len

    limit = max(4, limit // 2) if cell_len(text) > len(text) else limit
    if len(text) <= limit:
        return text, [tuple(s) for s in spans]
    first = spans[0][0] if spans else 0
    start = max(0, min(first - limit // 4, len(text) - limit))
    end = start + limit
    head = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(head) - start
    moved = [(max(s + shift, len(head)), min(e + shift, len(head) + limit)) for s, e in spans if e > start and s < end]
    return head + text[start:end] + tail, moved
