"""How fast the archive core reads pages: ``load_archive`` on a synthetic archive.

Builds N pages (default 1,000) from the five seed pages in a temporary
folder — each a copy of a seed with its blank-line-separated blocks shuffled
(seeded, so every run reads the same bytes) and its date, shifted one day per
page, in the file name — then times ``load_archive`` over the folder: walking,
decoding, parsing, dating and attribution, everything a reader waits for.

    python benchmarks/bench_parse.py [--pages N] [--repeat K] [--undated]

Prints a table of pages, MB, seconds, pages/s and MB/s (best of K runs) and
the machine it ran on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.seeds import seeds_dir

FIRST_DAY = dt.date(2023, 1, 1)


def build_archive(folder: Path, pages: int, seed: int = 20240621, *, dated_names: bool = True) -> int:
    """Write ``pages`` synthetic page files under ``folder/YYYY/MM/``; returns their total bytes.

    With ``dated_names=False`` the files are named ``page_00042.txt`` in one
    folder, so every page's date is inferred from its text.
    """
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    blocks_of = [[b for b in re.split(r"\n\s*\n", text) if b.strip()] for text in seeds]
    total = 0
    for i in range(pages):
        blocks = list(blocks_of[i % len(seeds)])
        rng.shuffle(blocks)
        day = FIRST_DAY + dt.timedelta(days=i)
        if dated_names:
            path = folder / f"{day:%Y}" / f"{day:%m}" / f"lcrb_{day.isoformat()}_{i:05d}.txt"
        else:
            path = folder / f"page_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = ("\n\n".join(blocks) + "\n").encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def time_load(folder: Path, repeat: int) -> tuple[float, int, int, int]:
    """Best wall time of ``repeat`` loads, and the pages, articles and warnings of the last."""
    best = float("inf")
    archive = None
    for _ in range(repeat):
        start = time.perf_counter()
        archive = load_archive([folder])
        best = min(best, time.perf_counter() - start)
    assert archive is not None
    page_warnings = sum(len(p.warnings) for p in archive.pages) + len(archive.warnings)
    return best, len(archive.pages), len(archive.articles), page_warnings


def report(pages: int, size: int, seconds: float, articles: int, warnings: int, repeat: int) -> Table:
    mb = size / 1_000_000
    table = Table(title=f"load_archive on a synthetic archive (best of {repeat})")
    for column in ("pages", "MB", "seconds", "pages/s", "MB/s", "articles", "warnings"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{pages:,}",
        f"{mb:.1f}",
        f"{seconds:.2f}",
        f"{pages / seconds:,.0f}",
        f"{mb / seconds:.2f}",
        f"{articles:,}",
        f"{warnings:,}",
    )
    table.caption = (
        f"{platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} ({platform.python_implementation()}) · {platform.system()}"
    )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="synthetic pages to build (default 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="time this many loads, report the best")
    parser.add_argument("--undated", action="store_true", help="no dates in file names: infer every date from text")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")
    console = Console()
    with tempfile.TemporaryDirectory(prefix="lc-bench-") as tmp:
        folder = Path(tmp)
        with console.status(f"building {args.pages:,} pages…"):
            size = build_archive(folder, args.pages, dated_names=not args.undated)
        with console.status("loading…"):
            seconds, pages, articles, warnings = time_load(folder, args.repeat)
    if pages != args.pages:
        console.print(f"[red]expected {args.pages} pages, loaded {pages}[/red]")
        return 1
    table = report(pages, size, seconds, articles, warnings, args.repeat)
    table.title += " — dates inferred from text" if args.undated else " — dates in file names"
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
