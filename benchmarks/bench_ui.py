"""Reader start-up benchmark: time to first paint, to browsable, and until search is ready.

Each measurement runs in a fresh Python process (imports and jieba included),
headless, on the seeds and on a synthetic archive of about 10,000 articles (``synthetic.py``),
with a cold cache (empty cache folder) and a warm one (the same folder again).

    python benchmarks/bench_ui.py            # prints a table
    python benchmarks/bench_ui.py --articles 2000
    python benchmarks/bench_ui.py --root ARCHIVE --cache DIR   # one archive as it is (twice: cold/warm)

"shown" is the moment the newest issue's first article is in the reading pane;
"peak MB" the process's peak resident memory (everything up to search ready).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def synthetic_archive(folder: Path, articles: int) -> Path:
    """About ``articles`` articles of synthetic pages (``synthetic.py``, shared with bench_search)."""
    from synthetic import make_archive, pages_for_articles

    from liaocheng_tui.seeds import seeds_dir

    paths = make_archive(folder, pages_for_articles(articles, seeds_dir()), seeds_dir())
    # an archive's files are old: a file written this very second can look "still changing"
    # to a cache that compares modification times, and be re-read on every start
    old = time.time() - 86400
    for path in paths:
        os.utime(path, (old, old))
    return folder


def measure_once(root: Path, cache: Path, started: float) -> dict:
    """Run the app headless until search is ready; seconds from ``started`` to each milestone."""
    from liaocheng_tui.ui.app import ReaderApp, create_app
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    marks: dict = {"imported": time.time() - started}
    from liaocheng_tui.search import versions  # the cache is only reused by the same versions: note them

    marks["code"] = f"{versions.PARSER_VERSION}.{versions.INDEX_VERSION}.{versions.STORE_LAYOUT}"

    def hook(message) -> None:
        now = time.time() - started
        if isinstance(message, BrowseScreen.Shown):
            marks.setdefault("first_paint", now)
        elif isinstance(message, ReaderApp.ArchiveLoaded):
            marks.setdefault("browsable", now)
        elif isinstance(message, (ReaderApp.SearchReady, ReaderApp.SearchUnavailable)):
            marks.setdefault("search_ready", now)

    async def run() -> None:
        app = create_app([root], cache_dir=cache, use_cache=True)
        async with app.run_test(size=(120, 36), message_hook=hook) as pilot:
            while "search_ready" not in marks or "shown" not in marks:
                if "shown" not in marks and app.browse.article_view.article is not None:
                    marks["shown"] = time.time() - started
                await pilot.pause(0.01)
            marks["articles"] = app.catalog.article_count if app.catalog else 0

    asyncio.run(run())
    marks["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return marks


def run_child(root: Path, cache: Path) -> dict:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(root), str(cache), repr(started)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="size of the synthetic archive")
    parser.add_argument("--root", type=Path, help="measure this archive instead (with --cache)")
    parser.add_argument("--cache", type=Path, help="the cache folder for --root (kept)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        root, cache, started = args.child
        print(json.dumps(measure_once(Path(root), Path(cache), float(started))))
        return

    from liaocheng_tui.seeds import seeds_dir

    work = Path(tempfile.mkdtemp(prefix="lc-bench-"))
    try:
        if args.root:
            archives = [(args.root.name[:16], args.root)]
        else:
            archives = [("seeds", seeds_dir()),
                        (f"synthetic {args.articles:,}", synthetic_archive(work / "synthetic", args.articles))]
        rows = []
        for name, root in archives:
            cache = args.cache if args.root and args.cache else work / f"cache-{name.replace(' ', '-')}"
            for state in ("cold", "warm"):
                marks = run_child(root, cache)
                rows.append((name, state, marks))
        header = (f"{'archive':<16} {'cache':<5} {'articles':>8} {'first paint':>12} {'browsable':>10} {'shown':>7}"
                  f" {'search ready':>13} {'peak MB':>8}")
        print(header)
        print("-" * len(header))
        stale = False
        for i, (name, state, m) in enumerate(rows):
            note = ""
            if state == "warm" and m.get("code") != rows[i - 1][2].get("code"):
                note, stale = "  *", True
            print(f"{name:<16} {state:<5} {m.get('articles', 0):>8} {m['first_paint']:>11.2f}s "
                  f"{m['browsable']:>9.2f}s {m['shown']:>6.2f}s {m['search_ready']:>12.2f}s {m['peak_mb']:>8.0f}{note}")
        print("\nSeconds from process start (Python start-up and imports included); headless, 120x36.")
        if stale:
            print("* the archive code changed between the cold and the warm run, so the cache was rebuilt:"
                  " that warm figure is really a cold one; run again.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
