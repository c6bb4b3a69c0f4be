"""Benchmark the search layer against a naive Whoosh+jieba index and SQLite FTS5 (trigram).

    python benchmarks/bench_search.py                   # sizes 1000,10000
    python benchmarks/bench_search.py --sizes 1000      # quick
    python benchmarks/bench_search.py --sizes 1000,10000,100000 --workdir /big/disk

For each size a synthetic archive is made from the seeds (``synthetic.py``:
dates shifted, body paragraphs shuffled across pages).  Every system runs in
fresh subprocesses (so peak RSS and start-up are its own):

* **ours**   ``open_archive`` with a cache folder (``liaocheng_tui.search``);
* **naive**  plain Whoosh with ``jieba.analyse.ChineseAnalyzer`` on title +
  body, reporters as keywords, no cache (re-parses the pages to show them);
* **fts5**   SQLite FTS5 with the trigram tokenizer; strings under 3
  characters fall back to ``LIKE`` (the trigram index cannot match them).

Figures: cold build (articles/s, parsing included for all), peak RSS of the
build, warm open, adding one page, query p50/p95 over 30 fixed queries (top 10
with their snippets), top-10 snippet time p50, process start → first printed
result, verbatim-string recall (200 random 2–8 character strings from titles
and bodies) and word/phrase precision against exact substring truth.  One rich
table; each figure also as ratio ours/naive and ours/fts5.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# (ours, naive whoosh, fts5) — fts5: a list of required strings plus optional column/date filters
QUERIES: list[tuple[str, str, dict]] = [
    ("技改", "技改", {"all": ["技改"]}),
    ("发展", "发展", {"all": ["发展"]}),
    ("聊城市", "聊城市", {"all": ["聊城市"]}),
    ("基层卫生", "基层卫生", {"all": ["基层卫生"]}),
    ("新动能", "新动能", {"all": ["新动能"]}),
    ("产业", "产业", {"all": ["产业"]}),
    ("乡村振兴", "乡村振兴", {"all": ["乡村振兴"]}),
    ("营商环境", "营商环境", {"all": ["营商环境"]}),
    ("科技创新", "科技创新", {"all": ["科技创新"]}),
    ("技改 高唐", "技改 高唐", {"all": ["技改", "高唐"]}),
    ("林晨", "林晨", {"all": ["林晨"]}),
    ("白文斌", "白文斌", {"all": ["白文斌"]}),
    ("孙亚飞", "孙亚飞", {"all": ["孙亚飞"]}),
    ("薛良诚", "薛良诚", {"all": ["薛良诚"]}),
    ("记者:林金彦", "reporters:林金彦", {"people": ["林金彦"]}),
    ("通讯员:张凯", "correspondents:张凯", {"people": ["张凯"]}),
    ("记者:李政哲", "reporters:李政哲", {"people": ["李政哲"]}),
    ("记者:高田", "reporters:高田", {"people": ["高田"]}),
    ('"高质量发展"', '"高质量发展"', {"all": ["高质量发展"]}),
    ('"老树发新芽"', '"老树发新芽"', {"all": ["老树发新芽"]}),
    ('"优化营商环境"', '"优化营商环境"', {"all": ["优化营商环境"]}),
    ('"基层卫生协会"', '"基层卫生协会"', {"all": ["基层卫生协会"]}),
    ("标题:聊城", "title:聊城", {"title": ["聊城"]}),
    ("日期:2001-01 技改", "date:[20010101 to 20010131] 技改", {"all": ["技改"], "date": ("2001-01-01", "2001-01-31")}),
    ("日期:2001-01-05..2001-01-20 发展", "date:[20010105 to 20010120] 发展",
     {"all": ["发展"], "date": ("2001-01-05", "2001-01-20")}),
    ("日期:2001-02 林晨", "date:[20010201 to 20010228] 林晨", {"all": ["林晨"], "date": ("2001-02-01", "2001-02-28")}),
    ("技改 -发展", "技改 NOT 发展", {"all": ["技改"], "not": ["发展"]}),
    ("新动能 OR 技改", "新动能 OR 技改", {"any": ["新动能", "技改"]}),
    ("标题:发展 产业", "title:发展 产业", {"title": ["发展"], "all": ["产业"]}),
    ("聊城 OR 高唐", "聊城 OR 高唐", {"any": ["聊城", "高唐"]}),
]
WORD_QUERIES = ["技改", "发展", "聊城市", "基层卫生", "新动能", "产业", "乡村振兴", "营商环境", "科技创新",
                "高质量发展", "老树发新芽", "优化营商环境", "基层卫生协会"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_rss_mb() -> float:
    """Peak RSS of this process plus that of its largest child (the index writer processes).

    The two writer processes run at once, so add ``rss_child_mb`` once more for the worst
    case; children started by fork share this process's pages, counted again in theirs.
    """
    return rss_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


# ---------------------------------------------------------------- shared helpers (workers)


def load(archive: Path):
    from liaocheng_tui.archive.loader import load_archive

    return load_archive([archive])


def truth_sets(archive_obj):
    from liaocheng_tui.search.analysis import letters_only

    letters = {a.id: letters_only("\n".join(x for x in (a.title, a.kicker, a.subtitle, a.body) if x))
               for a in archive_obj.articles}
    return {q: {aid for aid, text in letters.items() if letters_only(q) in text} for q in WORD_QUERIES}


def recall_samples(archive_obj, n=200, seed=7):
    from liaocheng_tui.search.analysis import has_searchable

    rng = random.Random(seed)
    arts = [a for a in archive_obj.articles if len(a.body) >= 8]
    out = []
    while len(out) < n:
        a = rng.choice(arts)
        text = a.title if a.title and len(a.title) >= 2 and rng.random() < 0.3 else a.body
        size = rng.randint(2, min(8, len(text)))
        start = rng.randint(0, len(text) - size)
        s = text[start:start + size]
        if has_searchable(s) and "\n" not in s:
            out.append((a.id, s))
    return out


def new_page(archive: Path) -> Path:
    """A new page file for the incremental test: a copy of the first page under a new date."""
    first = sorted(archive.glob("*.txt"))[0]
    path = archive / "lcrb_2030-01-01_99999.txt"
    path.write_text(first.read_text(encoding="utf-8") + "\n\n增量测试专用段落：一页新的内容。\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- ours


def ours_build(archive: Path, state: Path) -> dict:
    from liaocheng_tui.search.service import open_search

    t = time.perf_counter()
    service = open_search([archive], cache_dir=state / "cache")
    took = time.perf_counter() - t
    n = service.article_count
    service.close()
    return {"articles": n, "build_s": took, "rss_mb": build_rss_mb(),
            "rss_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def ours_query(archive: Path, state: Path) -> dict:
    from liaocheng_tui.search.highlight import needles_by_field
    from liaocheng_tui.search.query import quote_verbatim
    from liaocheng_tui.search.service import open_search

    t = time.perf_counter()
    service = open_search([archive], cache_dir=state / "cache")
    warm = time.perf_counter() - t
    warm_rss = rss_mb()
    times, snip = [], []
    for q, _, _ in QUERIES:
        t = time.perf_counter()
        results = service.search(q, limit=10)
        times.append(time.perf_counter() - t)
        # the snippet part alone: fragments and spans found in the top 10 articles' text
        needles = needles_by_field(service._builder.parse(q)).get("body_bg", set())
        t = time.perf_counter()
        for hit in results.hits:
            service._snippets.snippet(hit.article.body, needles)
        snip.append(time.perf_counter() - t)
    query_rss = rss_mb()
    arch = load(archive)  # the truth, read apart from the service (after its memory was measured)
    syntax = re.compile(r"[\"()\[\]{}:：\-*?^~]|(?:^|\s)(AND|OR|NOT|ANDNOT)(?:\s|$)")
    samples = recall_samples(arch)
    # every match's id, not every match read and snippeted (at 100k a two-letter string has
    # tens of thousands): the same set search(q, limit=None) returns (tests/search/test_engines.py)
    found = 0
    for aid, s in samples:
        qs = quote_verbatim(s) if syntax.search(s) else s
        try:
            found += aid in service.article_ids(qs)
        except Exception:  # noqa: BLE001 - a miss for the benchmark
            continue
    truth = truth_sets(arch)
    precisions = []
    for q in WORD_QUERIES:
        hits = service.article_ids(q)
        precisions.append(len(hits & truth[q]) / len(hits) if hits else 1.0)
    service.close()
    new_page(archive)
    t = time.perf_counter()
    service = open_search([archive], cache_dir=state / "cache")
    add = time.perf_counter() - t
    assert service.search("增量测试专用段落").total >= 1
    service.close()
    return {"warm_s": warm, "q_p50": pct(times, 50), "q_p95": pct(times, 95), "snip_p50": pct(snip, 50),
            "recall": found / len(samples), "precision": statistics.mean(precisions), "add_s": add,
            "warm_rss_mb": warm_rss, "query_rss_mb": query_rss}


OURS_FIRST = [sys.executable, "-m", "liaocheng_tui", "search", "技改", "{archive}", "--cache-dir", "{state}/cache",
              "--limit", "10", "--format", "jsonl"]


# ---------------------------------------------------------------- naive whoosh + jieba


def _naive_schema():
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields

    ana = ChineseAnalyzer()
    return fields.Schema(
        aid=fields.ID(stored=True, unique=True), title=fields.TEXT(analyzer=ana, stored=True, field_boost=2.0),
        content=fields.TEXT(analyzer=ana, stored=True), reporters=fields.KEYWORD(commas=True),
        correspondents=fields.KEYWORD(commas=True), date=fields.DATETIME(),
    )


def _naive_doc(a):
    import datetime as dt

    doc = {"aid": a.id, "title": a.title or "", "content": a.body, "reporters": ",".join(a.reporters),
           "correspondents": ",".join(a.correspondents)}
    if a.page and a.page.issue_date:
        d = a.page.issue_date
        doc["date"] = dt.datetime(d.year, d.month, d.day)
    return doc


def _quiet_jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)


def naive_build(archive: Path, state: Path) -> dict:
    _quiet_jieba()
    from whoosh.filedb.filestore import FileStorage

    t = time.perf_counter()
    arch = load(archive)
    (state / "naive").mkdir(parents=True, exist_ok=True)
    ix = FileStorage(str(state / "naive")).create_index(_naive_schema())
    w = ix.writer(limitmb=256)
    for a in arch.articles:
        w.add_document(**_naive_doc(a))
    w.commit()
    return {"articles": len(arch.articles), "build_s": time.perf_counter() - t, "rss_mb": rss_mb()}


def naive_query(archive: Path, state: Path) -> dict:
    _quiet_jieba()
    from whoosh.filedb.filestore import FileStorage
    from whoosh.qparser import MultifieldParser

    t = time.perf_counter()
    arch = load(archive)
    ix = FileStorage(str(state / "naive")).open_index()
    searcher = ix.searcher()
    warm = time.perf_counter() - t
    parser = MultifieldParser(["title", "content", "reporters", "correspondents"], ix.schema)
    times, snip = [], []
    for _, q, _ in QUERIES:
        t = time.perf_counter()
        results = searcher.search(parser.parse(q), limit=10, terms=True)
        len(results)
        t2 = time.perf_counter()
        for hit in results:
            hit.highlights("content")
        t3 = time.perf_counter()
        times.append(t3 - t)
        snip.append(t3 - t2)
    samples = recall_samples(arch)
    found = 0
    for aid, s in samples:
        try:
            hits = searcher.search(parser.parse(s), limit=None)
            found += any(h["aid"] == aid for h in hits)
        except Exception:  # noqa: BLE001
            pass
    truth = truth_sets(arch)
    precisions = []
    for q in WORD_QUERIES:
        hits = {h["aid"] for h in searcher.search(parser.parse(q), limit=None)}
        precisions.append(len(hits & truth[q]) / len(hits) if hits else 1.0)
    searcher.close()
    path = new_page(archive)
    t = time.perf_counter()
    from liaocheng_tui.archive.loader import read_page

    page = read_page(path)
    w = ix.writer()
    for a in page.articles:
        w.add_document(**_naive_doc(a))
    w.commit()
    add = time.perf_counter() - t
    return {"warm_s": warm, "q_p50": pct(times, 50), "q_p95": pct(times, 95), "snip_p50": pct(snip, 50),
            "recall": found / len(samples), "precision": statistics.mean(precisions), "add_s": add}


NAIVE_FIRST = """
import logging, sys
import jieba, jieba.analyse
jieba.setLogLevel(logging.ERROR)
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import MultifieldParser
ix = FileStorage(sys.argv[1]).open_index()
s = ix.searcher()
p = MultifieldParser(["title", "content", "reporters", "correspondents"], ix.schema)
for hit in s.search(p.parse("技改"), limit=10, terms=True):
    print(hit["title"], hit.highlights("content"))
"""


# ---------------------------------------------------------------- sqlite fts5 trigram


def fts_build(archive: Path, state: Path) -> dict:
    t = time.perf_counter()
    arch = load(archive)
    state.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(state / "fts.db")
    db.execute("CREATE VIRTUAL TABLE a USING fts5(aid UNINDEXED, title, body, people, date UNINDEXED, "
               "tokenize='trigram')")
    db.executemany("INSERT INTO a VALUES (?,?,?,?,?)", [
        (x.id, x.title or "", x.body, " ".join(x.reporters + x.correspondents),
         x.page.issue_date.isoformat() if x.page and x.page.issue_date else "") for x in arch.articles])
    db.commit()
    db.close()
    return {"articles": len(arch.articles), "build_s": time.perf_counter() - t, "rss_mb": rss_mb()}


def _fts_term(s: str, column: str | None = None) -> tuple[str, list]:
    cols = [column] if column else ["title", "body", "people"]
    if len(s) >= 3:
        target = f"{column} : " if column else ""
        return "a MATCH ?", [target + '"' + s.replace('"', '""') + '"']
    return "(" + " OR ".join(f"{c} LIKE ?" for c in cols) + ")", [f"%{s}%"] * len(cols)


def fts_sql(spec: dict, limit: int | None):
    where, args = [], []
    for s in spec.get("all", []):
        w, a = _fts_term(s)
        where.append(w)
        args += a
    for s in spec.get("title", []):
        w, a = _fts_term(s, "title")
        where.append(w)
        args += a
    for s in spec.get("people", []):
        w, a = _fts_term(s, "people")
        where.append(w)
        args += a
    if spec.get("any"):
        parts = [_fts_term(s) for s in spec["any"]]
        where.append("(" + " OR ".join(f"rowid IN (SELECT rowid FROM a WHERE {w})" for w, _ in parts) + ")")
        for _, a in parts:
            args += a
    for s in spec.get("not", []):
        w, a = _fts_term(s)
        where.append(f"rowid NOT IN (SELECT rowid FROM a WHERE {w})")
        args += a
    if spec.get("date"):
        where.append("date BETWEEN ? AND ?")
        args += list(spec["date"])
    clause = " AND ".join(where) or "1"
    uses_match = "MATCH" in clause.split("rowid IN")[0]
    order = "ORDER BY bm25(a)" if uses_match else ""
    lim = f"LIMIT {limit}" if limit else ""
    return (f"SELECT aid, snippet(a, 2, '[', ']', '…', 16) FROM a WHERE {clause} {order} {lim}",
            f"SELECT count(*) FROM a WHERE {clause}", args)


def fts_query(archive: Path, state: Path) -> dict:
    t = time.perf_counter()
    arch = load(archive)
    db = sqlite3.connect(state / "fts.db")
    db.execute("SELECT count(*) FROM a").fetchone()
    warm = time.perf_counter() - t
    times, snip = [], []
    for _, _, spec in QUERIES:
        sql, count_sql, args = fts_sql(spec, 10)
        t = time.perf_counter()
        db.execute(count_sql, args).fetchone()
        rows = db.execute(sql, args).fetchall()
        times.append(time.perf_counter() - t)
        sql_nosnip = sql.replace("snippet(a, 2, '[', ']', '…', 16)", "''")
        t = time.perf_counter()
        db.execute(sql_nosnip, args).fetchall()
        snip.append(max(0.0, times[-1] - (time.perf_counter() - t)) if rows else 0.0)
    samples = recall_samples(arch)
    found = 0
    for aid, s in samples:
        sql, _, args = fts_sql({"all": [s]}, None)
        try:
            found += any(r[0] == aid for r in db.execute(sql, args))
        except sqlite3.Error:
            pass
    truth = truth_sets(arch)
    precisions = []
    for q in WORD_QUERIES:
        sql, _, args = fts_sql({"all": [q]}, None)
        hits = {r[0] for r in db.execute(sql, args)}
        precisions.append(len(hits & truth[q]) / len(hits) if hits else 1.0)
    path = new_page(archive)
    t = time.perf_counter()
    from liaocheng_tui.archive.loader import read_page

    page = read_page(path)
    db.executemany("INSERT INTO a VALUES (?,?,?,?,?)", [
        (x.id, x.title or "", x.body, " ".join(x.reporters + x.correspondents),
         page.issue_date.isoformat() if page.issue_date else "") for x in page.articles])
    db.commit()
    add = time.perf_counter() - t
    return {"warm_s": warm, "q_p50": pct(times, 50), "q_p95": pct(times, 95), "snip_p50": pct(snip, 50),
            "recall": found / len(samples), "precision": statistics.mean(precisions), "add_s": add}


FTS_FIRST = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT title, snippet(a, 2, '[', ']', '…', 16) FROM a WHERE body LIKE ? OR title LIKE ? LIMIT 10", ("%技改%", "%技改%")):
    print(*row)
"""

WORKERS = {
    ("ours", "build"): ours_build, ("ours", "query"): ours_query,
    ("naive", "build"): naive_build, ("naive", "query"): naive_query,
    ("fts5", "build"): fts_build, ("fts5", "query"): fts_query,
}


# ---------------------------------------------------------------- driver


ENV: dict[str, str] = dict(os.environ)


def freeze_code(workdir: Path) -> None:
    """Run every worker on a snapshot of the package: the cache key hashes the parser's source,
    so an edit in the working tree during a run would otherwise force rebuilds mid-benchmark."""
    import liaocheng_tui
    from liaocheng_tui.seeds import seeds_dir

    code = workdir / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(Path(liaocheng_tui.__file__).parent, code / "liaocheng_tui",
                    ignore=shutil.ignore_patterns("__pycache__", "ui"))
    (code / "liaocheng_tui" / "ui").mkdir()
    (code / "liaocheng_tui" / "ui" / "__init__.py").write_text("")
    if not (code / "liaocheng_tui" / "seeds").is_dir():
        shutil.copytree(seeds_dir(), code / "seeds")
    # compiled once, as an installed package is: with PYTHONDONTWRITEBYTECODE set every start
    # would compile each module again (~0.07 s of "start → first result")
    import compileall

    compileall.compile_dir(str(code / "liaocheng_tui"), quiet=1)
    ENV["PYTHONPATH"] = str(code) + os.pathsep + ENV.get("PYTHONPATH", "")


def run_worker(system: str, phase: str, archive: Path, state: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", system, phase, str(archive), str(state)],
        capture_output=True, text=True, check=False, env=ENV,
    )
    if out.returncode != 0:
        raise SystemExit(f"{system} {phase} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_result(cmd: list[str], cwd: Path, runs: int = 3) -> float:
    best = []
    for _ in range(runs):
        t = time.perf_counter()
        # cwd away from the checkout: "python -m" would import the working tree, not the snapshot
        subprocess.run(cmd, capture_output=True, check=True, env=ENV, cwd=cwd)
        best.append(time.perf_counter() - t)
    return statistics.median(best)


def bench_size(n: int, workdir: Path, systems: list[str]) -> dict:
    from liaocheng_tui.seeds import seeds_dir
    from synthetic import make_archive, pages_for_articles

    results = {}
    for system in systems:
        archive = workdir / f"archive-{n}-{system}"
        state = workdir / f"state-{n}-{system}"
        shutil.rmtree(archive, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        state.mkdir(parents=True)
        make_archive(archive, pages_for_articles(n, seeds_dir()), seeds_dir())
        print(f"[{n}] {system}: building…", file=sys.stderr, flush=True)
        r = run_worker(system, "build", archive, state)
        r.update(run_worker(system, "query", archive, state))
        if system == "ours":
            cmd = [c.format(archive=archive, state=state) for c in OURS_FIRST]
        elif system == "naive":
            cmd = [sys.executable, "-c", NAIVE_FIRST, str(state / "naive")]
        else:
            cmd = [sys.executable, "-c", FTS_FIRST, str(state / "fts.db")]
        r["first_s"] = first_result(cmd, workdir)
        r["rate"] = r["articles"] / r["build_s"]
        results[system] = r
        print(f"[{n}] {system}: {json.dumps(r)}", file=sys.stderr, flush=True)
    return results


ROWS = [
    ("articles", "articles", "{:.0f}", None),
    ("cold build, articles/s", "rate", "{:.0f}", "high"),
    ("peak RSS while building, MB", "rss_mb", "{:.0f}", "low"),
    ("warm open, s", "warm_s", "{:.3f}", "low"),
    ("RSS after a warm open, MB", "warm_rss_mb", "{:.0f}", "low"),
    ("RSS after 30 queries, MB", "query_rss_mb", "{:.0f}", "low"),
    ("add one page, s", "add_s", "{:.3f}", "low"),
    ("query p50, ms", "q_p50", "{:.1f}", "low"),
    ("query p95, ms", "q_p95", "{:.1f}", "low"),
    ("top-10 snippets p50, ms", "snip_p50", "{:.2f}", "low"),
    ("start → first result, s", "first_s", "{:.2f}", "low"),
    ("verbatim-string recall", "recall", "{:.2f}", "high"),
    ("word/phrase precision", "precision", "{:.2f}", "high"),
]


def table(all_results: dict[int, dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="lc-reader search benchmark (ratio = ours ÷ other)")
    for col in ("size", "figure", "ours", "naive", "ours/naive", "fts5", "ours/fts5"):
        t.add_column(col, justify="right" if col not in ("figure",) else "left")
    for n, res in all_results.items():
        for label, key, fmt, _ in ROWS:
            vals = {s: res.get(s, {}).get(key) for s in ("ours", "naive", "fts5")}
            scale = 1000 if key in ("q_p50", "q_p95", "snip_p50") else 1

            def show(v):
                return "—" if v is None else fmt.format(v * scale)

            def ratio(a, b):
                return "—" if a is None or b in (None, 0) or key == "articles" else f"{a / b:.2f}"

            t.add_row(f"{n:,}", label, show(vals["ours"]), show(vals["naive"]), ratio(vals["ours"], vals["naive"]),
                      show(vals["fts5"]), ratio(vals["ours"], vals["fts5"]))
        t.add_section()
    Console().print(t)


def machine() -> str:
    import platform

    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated (default 1000,10000)")
    ap.add_argument("--systems", default="ours,naive,fts5")
    ap.add_argument("--workdir", type=Path, default=None, help="where archives and indexes go (default: a temp dir)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--table-from", type=Path, nargs="+", default=None,
                    help="print the table from earlier --json files (later files override earlier figures)")
    ap.add_argument("--worker", nargs=4, metavar=("SYSTEM", "PHASE", "ARCHIVE", "STATE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        system, phase, archive, state = args.worker
        os.environ["LC_READER_CACHE"] = str(Path(state) / "cache")
        print(json.dumps(WORKERS[(system, phase)](Path(archive), Path(state))))
        return
    if args.table_from:
        merged: dict[int, dict] = {}
        for path in args.table_from:
            data = json.loads(path.read_text())
            for n, res in data["results"].items():
                merged.setdefault(int(n), {}).update(res)
            print(f"machine: {data['machine']}")
        table(dict(sorted(merged.items())))
        return
    if tuple(int(x) for x in sqlite3.sqlite_version.split(".")[:2]) < (3, 34):
        raise SystemExit(f"SQLite {sqlite3.sqlite_version} has no trigram tokenizer (needs 3.34+)")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lc-bench-"))
    systems = args.systems.split(",")
    freeze_code(workdir)
    all_results = {}
    for n in (int(x) for x in args.sizes.split(",")):
        all_results[n] = bench_size(n, workdir, systems)
    print(f"machine: {machine()}")
    table(all_results)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": all_results}, indent=1))
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
