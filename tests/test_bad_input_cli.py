"""Bad files and hostile text through every command (issue 8, "Files and output").

* A file name that is not UTF-8 is read, indexed and found; it is shown and
  exported as U+FFFD, the output stays valid UTF-8, and the page still knows
  the path that reopens the file.
* A page file over the 20 MB limit is skipped with a warning, never read whole.
* Every command that reads an archive names the skipped files on stderr and
  counts them; with nothing readable it exits 1 with one line.
* No control character of a page or a file name reaches stdout or stderr raw,
  in any command or format.
* A closed pipe (``| head -1``) ends a command quietly with exit code 0.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from liaocheng_tui.archive import files
from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.cli import main
from liaocheng_tui.seeds import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))
RAW_NAME = b"\xff\xfe.txt"  # not UTF-8: os.fsdecode gives lone surrogates
SHOWN_NAME = "\ufffd\ufffd.txt"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

# Control characters a page or a name can carry; none may leave the program raw.
HOSTILE = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e")
TITLE_ESC = "\x1b]0;pwned\x07"  # retitles a terminal
CLEAR_ESC = "\x1b[2J"  # clears it


def _cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "400", **(env or {})}, catch_exceptions=False)


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real program in a subprocess: bytes exactly as a terminal or a file receives them."""
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([sys.executable, "-m", "liaocheng_tui", *args], capture_output=True, env=env, cwd=cwd)


def _raw_name_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), RAW_NAME), "wb") as handle:
            handle.write(SEEDS[0].read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    shutil.copy(SEEDS[1], folder / "ok.txt")
    return folder


def _title_only_in_first_seed() -> str:
    page = load_archive([SEEDS[0]]).pages[0]
    return next(a.title for a in page.articles if a.title)


# --- 1. file names that are not UTF-8 -------------------------------------------------------


@pytest.mark.parametrize("cache", ["--no-cache", "cached"])
def test_a_page_with_an_undecodable_name_is_indexed_and_found(tmp_path: Path, cache: str) -> None:
    folder = _raw_name_folder(tmp_path)
    title = _title_only_in_first_seed()
    flags = ["--no-cache"] if cache == "--no-cache" else ["--cache-dir", str(tmp_path / "cache")]
    runs = [_run("search", title, str(folder), "--format", "jsonl", *flags) for _ in range(2)]  # cold, then warm
    for run in runs:
        assert run.returncode == 0, f"search with an undecodable file name ({cache}): {run.stderr.decode(errors='replace')}"
        assert b"Traceback" not in run.stderr
        out = run.stdout.decode("utf-8")  # strict: the output is valid UTF-8
        hits = [json.loads(line) for line in out.splitlines()]
        assert hits and hits[0]["title"] == title, f"the page named {RAW_NAME!r} is not found ({cache}): {hits[:1]}"
        assert hits[0]["source"] == str(folder / SHOWN_NAME)
        assert hits[0]["id"].startswith(str(folder / "\\xff\\xfe.txt#"))
    assert runs[0].stdout == runs[1].stdout, "a warm start answers differently"
    index = _run("index", str(folder), *flags)
    assert index.returncode == 0 and b"indexed 2 page(s)" in index.stderr, index.stderr.decode(errors="replace")


def test_a_root_folder_with_an_undecodable_name_is_searched_and_cached(tmp_path: Path) -> None:
    root = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"papers\xff"))  # a lone surrogate in the path
    try:
        os.mkdir(root)
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    shutil.copy(SEEDS[0], os.path.join(root, "page.txt"))
    title = _title_only_in_first_seed()
    cache = str(tmp_path / "cache")
    runs = [_run("search", title, root, "--format", "jsonl", "--cache-dir", cache) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr.decode(errors="replace")
        hit = json.loads(run.stdout.decode("utf-8").splitlines()[0])
        assert hit["title"] == title and hit["source"] == str(tmp_path / "papers\ufffd" / "page.txt")
    assert b"damaged" not in runs[1].stderr, "the warm start found its own cache damaged"
    index = _run("index", root, "--cache-dir", cache)
    assert index.returncode == 0 and b"indexed 1 page(s)" in index.stderr, index.stderr.decode(errors="replace")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "md"])
def test_export_of_an_undecodable_name_is_valid_utf8(tmp_path: Path, fmt: str) -> None:
    folder = _raw_name_folder(tmp_path)
    run = _run("export", str(folder), "--format", fmt)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    out = run.stdout.decode("utf-8")  # raises on the raw bytes \xff\xfe
    assert SHOWN_NAME in out, f"export --format {fmt} does not show the name as {SHOWN_NAME!r}"
    if fmt == "jsonl":
        sources = {json.loads(line)["source"] for line in out.splitlines()}
        assert sources == {str(folder / SHOWN_NAME), str(folder / "ok.txt")}


def test_check_shows_an_undecodable_name_as_replacement_characters(tmp_path: Path) -> None:
    folder = _raw_name_folder(tmp_path)
    run = _run("check", str(folder))
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    assert SHOWN_NAME in run.stdout.decode("utf-8")


def test_an_undecodable_name_still_reopens_its_file(tmp_path: Path) -> None:
    folder = _raw_name_folder(tmp_path)
    page = next(p for p in load_archive([folder]).pages if p.name != "ok.txt")
    assert page.name == SHOWN_NAME
    assert page.display_source == str(folder / SHOWN_NAME)
    assert Path(page.source).read_bytes() == SEEDS[0].read_bytes(), "the page lost the path to its file"
    for article in page.articles:
        article.id.encode("utf-8")  # storable: the index and the cache hold it


# --- 2. the size limit ---------------------------------------------------------------------------


def test_a_page_file_over_the_limit_is_skipped_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "page.txt")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(1 << 30)  # 1 GB, sparse: no disk used, but reading it whole costs 1 GB
    tracemalloc.start()
    try:
        archive = load_archive([folder])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.name for p in archive.pages] == ["page.txt"]
    assert archive.warnings == [f"{folder / 'huge.txt'}: too large for a page file (1,024.0 MB; the limit is 20 MB): skipped"]
    assert peak < 100 * 2**20, f"a 1 GB file was read before it was rejected (peak {peak / 2**20:.0f} MB)"


def test_the_size_limit_in_the_cached_load_is_checked_before_reading(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "page.txt")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(1 << 30)
    from liaocheng_tui.search.stored_pages import StoredPages

    tracemalloc.start()
    try:
        with StoredPages([folder], cache_dir=tmp_path / "cache") as pages:
            names = [p.name for p in pages]
            skipped = pages.skipped
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert names == ["page.txt"]
    assert skipped == [f"{folder / 'huge.txt'}: too large for a page file (1,024.0 MB; the limit is 20 MB): skipped"]
    assert peak < 100 * 2**20, f"the cached load read a 1 GB file (peak {peak / 2**20:.0f} MB)"


def test_the_limit_is_20_mb_and_a_page_at_the_limit_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert files.MAX_PAGE_BYTES == 20 * 2**20
    data = SEEDS[0].read_bytes()
    monkeypatch.setattr(files, "MAX_PAGE_BYTES", len(data))
    (tmp_path / "at_limit.txt").write_bytes(data)
    (tmp_path / "over_limit.txt").write_bytes(data + b"\n")
    archive = load_archive([tmp_path])
    assert [p.name for p in archive.pages] == ["at_limit.txt"]
    assert [s.split(": ", 1)[0] for s in archive.skipped] == [str(tmp_path / "over_limit.txt")]


def _one_line_page(tmp_path: Path, size: int) -> Path:
    line = "".join(p.read_text(encoding="utf-8") for p in SEEDS).replace("\n", "")
    text = (line * (size // len(line.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
    path = tmp_path / "one_line.txt"
    path.write_text(text, encoding="utf-8")
    return path


# Peak RSS of this process alone: VmHWM (ru_maxrss would count the parent's, kept across fork and exec).
PEAK_RSS = """
import re, sys, tempfile
from pathlib import Path
from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.search import indexer

def peak_mb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024

archive = load_archive([Path(sys.argv[1])])
parsed = peak_mb()
ix = indexer.create_index(None, temp_dir=Path(tempfile.mkdtemp(dir=sys.argv[2])))
indexer.build(ix, archive.pages)
print(len(archive.pages), parsed, peak_mb())
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS is read from /proc (Linux)")
def test_a_huge_single_line_is_parsed_and_indexed_in_bounded_memory(tmp_path: Path) -> None:
    """Memory grows with the text, not by ~50 bytes a character (a list of one-character
    strings in the layout's width count, a tuple per pair position in the index): a 6 MB
    line peaked at 222 MB parsed and 421 MB indexed (now 61 and 97; 19 MB: 0.6 and 1.3 GB
    before, 0.11 GB after)."""
    path = _one_line_page(tmp_path, 6_000_000)
    run = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path), str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    pages, parsed_mb, indexed_mb = map(int, run.stdout.split())
    assert pages == 1
    assert parsed_mb < 130, f"parsing a 6 MB single line peaked at {parsed_mb} MB"
    assert indexed_mb < 200, f"indexing a 6 MB single line peaked at {indexed_mb} MB"


def test_past_the_position_limit_every_pair_is_still_indexed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from liaocheng_tui.search import analysis

    text = "聊城日报记者林晨报道，聊城市高唐县技改项目" * 40
    every = [(t.text, t.pos) for t in analysis.BigramTokenizer()(text, positions=True, chars=True)]
    monkeypatch.setattr(analysis, "EVERY_POSITION_LETTERS", 30)
    capped = [(t.text, t.pos, t.startchar, t.endchar) for t in analysis.BigramTokenizer()(text, positions=True, chars=True)]
    assert {t for t, _ in every} == {c[0] for c in capped}, "a pair went unindexed past the limit"
    assert [c[:2] for c in capped[:30]] == every[:30]
    assert len(capped) == 30 + len({t for t, _ in every[30:-1]}) + 1  # then each pair once, then the last letter
    for pair, _pos, start, end in capped:
        assert analysis.letters_only(text[start:end]) == pair, f"chars of {pair!r} point elsewhere"


# --- 3. skipped files and nothing readable, in every command ---------------------------------

READING_COMMANDS = {
    "export": ["export", "{folder}"],
    "export-md": ["export", "{folder}", "--format", "md"],
    "check": ["check", "{folder}"],
    "search": ["search", "聊城", "{folder}", "--cache-dir", "{cache}"],
    "search-jsonl": ["search", "聊城", "{folder}", "--format", "jsonl", "--no-cache"],
    "reporters": ["reporters", "{folder}", "--cache-dir", "{cache}"],
    "reporters-jsonl": ["reporters", "{folder}", "--format", "jsonl", "--no-cache"],
    "index": ["index", "{folder}", "--cache-dir", "{cache}"],
    "index-no-cache": ["index", "{folder}", "--no-cache"],
}


def _args(command: str, folder: Path, cache: Path) -> list[str]:
    return [a.format(folder=folder, cache=cache) for a in READING_COMMANDS[command]]


@pytest.mark.parametrize("command", list(READING_COMMANDS))
def test_every_command_names_and_counts_skipped_files(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(seeds_dir(), folder)
    (folder / "binary.txt").write_bytes(BINARY)
    (folder / "empty.txt").write_bytes(b"")
    result = _cli(*_args(command, folder, tmp_path / "cache"))
    assert result.exit_code == 0, f"{command}: {result.output}"
    errors = result.stderr.splitlines()
    assert f"warning: {folder / 'binary.txt'}: binary file (contains NUL bytes)" in errors, f"{command}: {errors}"
    assert f"warning: {folder / 'empty.txt'}: empty file" in errors, f"{command}: {errors}"
    assert "skipped 2 file(s)" in errors, f"{command}: {errors}"


@pytest.mark.parametrize("command", list(READING_COMMANDS))
@pytest.mark.parametrize("contents", ["empty", "only-binary"])
def test_nothing_readable_exits_1_with_one_line(tmp_path: Path, command: str, contents: str) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    if contents == "only-binary":
        (folder / "binary.txt").write_bytes(BINARY)
        (folder / "picture.txt").write_bytes(BINARY[::-1])
    result = _cli(*_args(command, folder, tmp_path / "cache"))
    assert result.exit_code == 1, f"{command} on an {contents} folder: exit {result.exit_code}: {result.output}"
    assert result.stdout == "", f"{command} on an {contents} folder printed: {result.stdout!r}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: no readable pages in {folder}"), f"{command}: {lines}"
    if contents == "only-binary":
        assert "2 file(s) skipped" in lines[0] and "binary.txt: binary file" in lines[0], lines[0]
        assert "picture.txt" in lines[0], lines[0]


def _fake_reader_run(monkeypatch: pytest.MonkeyPatch) -> list:
    """The reader's run() stood in for by what it does to the app: load the archive."""
    from liaocheng_tui.ui.app import ReaderApp
    from liaocheng_tui.ui.catalog import Catalog

    started: list = []

    def run(self, *args, **kwargs):
        started.append(self)
        self.catalog = Catalog.build(load_archive(self.options.roots))

    monkeypatch.setattr(ReaderApp, "run", run)
    return started


def test_the_reader_on_an_empty_folder_exits_1_before_it_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _fake_reader_run(monkeypatch)
    result = _cli(str(tmp_path))
    assert result.exit_code == 1 and not started, result.output
    assert result.stderr.splitlines() == [f"Error: no readable pages in {tmp_path} (no page files found)"]


def test_the_reader_with_nothing_readable_exits_1_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_reader_run(monkeypatch)
    (tmp_path / "binary.txt").write_bytes(BINARY)
    result = _cli(str(tmp_path))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "1 file(s) skipped" in lines[0] and "binary.txt" in lines[0], lines


def test_the_reader_reports_skipped_files_after_it_quits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_reader_run(monkeypatch)
    shutil.copy(SEEDS[0], tmp_path / "page.txt")
    (tmp_path / "binary.txt").write_bytes(BINARY)
    result = _cli(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path / 'binary.txt'}: binary file (contains NUL bytes)",
        "skipped 1 file(s)",
    ]


# --- 4. control characters never reach the output raw ----------------------------------------

OUTPUTS = {
    "export-jsonl": ["export", "{folder}"],
    "export-json": ["export", "{folder}", "--format", "json"],
    "export-md": ["export", "{folder}", "--format", "md"],
    "check": ["check", "{folder}"],
    "search-table": ["search", "pwned", "{folder}", "--no-cache"],
    "search-jsonl": ["search", "pwned", "{folder}", "--format", "jsonl", "--no-cache"],
    "reporters-table": ["reporters", "{folder}", "--no-cache"],
    "reporters-jsonl": ["reporters", "{folder}", "--format", "jsonl", "--no-cache"],
    "index": ["index", "{folder}", "--cache-dir", "{cache}"],
}


def _hostile_folder(tmp_path: Path) -> tuple[Path, str]:
    """A seed page with escape codes in its title and body, under a name holding escape codes,
    and a binary file whose name (shown in a warning) holds them too."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    lines = SEEDS[0].read_text(encoding="utf-8").split("\n")
    body = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[body] = lines[body][:10] + TITLE_ESC + "pwned" + CLEAR_ESC + "\x9b\x7f\u202e" + lines[body][10:]
    name = f"page{TITLE_ESC}{CLEAR_ESC}.txt"
    (folder / name).write_text("\n".join(lines), encoding="utf-8")
    (folder / f"bad{CLEAR_ESC}\u202e.txt").write_bytes(BINARY)
    return folder, lines[body]


@pytest.mark.parametrize("output", list(OUTPUTS))
def test_no_control_character_reaches_any_output(tmp_path: Path, output: str) -> None:
    folder, paragraph = _hostile_folder(tmp_path)
    run = _run(*[a.format(folder=folder, cache=tmp_path / "cache") for a in OUTPUTS[output]])
    assert run.returncode == 0, f"{output}: {run.stderr.decode(errors='replace')}"
    for stream, data in (("stdout", run.stdout), ("stderr", run.stderr)):
        text = data.decode("utf-8")
        raw = sorted({f"U+{ord(c):04X}" for c in text if c in HOSTILE or (ord(c) < 0x20 and c != "\n")})
        assert not raw, f"{output} writes raw control characters to {stream}: {raw}"
    out = run.stdout.decode("utf-8")
    if output.endswith(("jsonl", "json")) and not output.startswith("reporters"):
        records = json.loads(out) if output.endswith("json") else [json.loads(line) for line in out.splitlines()]
        texts = [r.get("body") or r.get("snippet") or "" for r in records]
        assert any("pwned" in t for t in texts), f"{output}: the page's text is missing"
        if output.startswith("export"):
            assert any(TITLE_ESC in t and CLEAR_ESC in t for t in texts), f"{output}: escapes must round-trip in JSON"
    elif output in ("export-md", "search-table"):
        assert "␛]0;" in out and "␛[2J" in out, f"{output}: ESC is not shown as ␛"


# --- 5. a closed pipe ---------------------------------------------------------------------------

PIPED = {
    "export-jsonl": ["export", "--format", "jsonl"],
    "export-json": ["export", "--format", "json"],
    "export-md": ["export", "--format", "md"],
    "check": ["check"],
    "search-table": ["search", "聊城", "--cache-dir", "{cache}"],
    "search-jsonl": ["search", "聊城", "--format", "jsonl", "--cache-dir", "{cache}"],
    "reporters-table": ["reporters", "--cache-dir", "{cache}"],
    "reporters-jsonl": ["reporters", "--format", "jsonl", "--cache-dir", "{cache}"],
}


@pytest.fixture(scope="module")
def pipe_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pipe-cache")


@pytest.mark.parametrize("command", list(PIPED))
def test_a_closed_pipe_ends_the_command_quietly_with_0(command: str, pipe_cache: Path) -> None:
    """``lc-reader … | head -1`` with ``set -o pipefail``: the reader went away before we wrote."""
    args = [a.format(cache=pipe_cache) for a in PIPED[command]]
    proc = subprocess.Popen(
        [sys.executable, "-m", "liaocheng_tui", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # before the program has even started: its first write meets a closed pipe
    errors = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0, f"{command} into a closed pipe: exit {proc.returncode}: {errors!r}"
    assert errors == b"", f"{command} into a closed pipe printed: {errors!r}"


def test_a_query_file_that_is_not_utf8_is_read_line_by_line(tmp_path: Path) -> None:
    """An undecodable line is one bad query (U+FFFD for its bytes), not a traceback; the rest run."""
    queries = tmp_path / "queries.txt"
    queries.write_bytes(b"\xff\xfe\n" + "聊城".encode() + b"\n")
    result = _cli("search", "--queries-from", str(queries), "--format", "jsonl", "--no-cache")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0] == {"query": "\ufffd\ufffd", "error": rows[0].get("error")} and rows[0]["error"], rows[:1]
    assert any(r.get("query") == "聊城" and "title" in r for r in rows[1:]), "the queries after the bad line did not run"
