"""Peak memory of one huge single-line page: parsed, then indexed (issue 8).

A page file of N MB (default 19, just under the 20 MB limit) holding the seed
pages' text run together on one line, as a broken export produces.  Each size
runs in a fresh process, and the peak resident set size is read from the
kernel (VmHWM), so the figures are that process's alone.

    python benchmarks/bench_huge_line.py [--sizes 1,6,19]

Prints MB of text, seconds and peak RSS after parsing and after indexing.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from liaocheng_tui.seeds import seeds_dir

CHILD = """
import re, sys, tempfile, time
from pathlib import Path
from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.search import indexer

def peak_mb():
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1)) / 1024

start = time.perf_counter()
archive = load_archive([Path(sys.argv[1])])
parsed, parse_s = peak_mb(), time.perf_counter() - start
start = time.perf_counter()
ix = indexer.create_index(None, temp_dir=Path(tempfile.mkdtemp()))
indexer.build(ix, archive.pages)
print(parse_s, parsed, time.perf_counter() - start, peak_mb())
"""


def one_line_page(folder: Path, megabytes: float) -> Path:
    size = int(megabytes * 2**20)
    line = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))).replace("\n", "")
    text = (line * (size // len(line.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
    path = folder / f"one_line_{megabytes:g}mb.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,6,19", help="page sizes in MB, comma-separated")
    args = parser.parse_args()
    table = Table(title="one single-line page: parse, then index (peak RSS of a fresh process)")
    for name in ("MB", "parse s", "peak RSS parsed, MB", "index s", "peak RSS indexed, MB"):
        table.add_column(name, justify="right")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = one_line_page(Path(tmp), mb)
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            parse_s, parsed, index_s, indexed = map(float, out.stdout.split())
            table.add_row(f"{mb:g}", f"{parse_s:.1f}", f"{parsed:.0f}", f"{index_s:.1f}", f"{indexed:.0f}")
    console = Console()
    console.print(table)
    console.print(f"{platform.machine()} · Python {platform.python_version()} · {platform.system()}", style="dim")


if __name__ == "__main__":
    main()
