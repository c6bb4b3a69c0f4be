"""iter_page_files: a deterministic, finite walk; every unreadable path a FileProblem, never an exception."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from liaocheng_tui.archive.files import FileProblem, iter_page_files


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("本报讯", encoding="utf-8")


def _walk(*roots: Path) -> tuple[list[str], list[FileProblem]]:
    """Yielded files relative to the first root's parent, and the problems."""
    base = roots[0].parent
    files: list[str] = []
    problems: list[FileProblem] = []
    for item in iter_page_files(list(roots)):
        if isinstance(item, FileProblem):
            problems.append(item)
        else:
            files.append(item.relative_to(base).as_posix())
    return files, problems


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    # created out of order on purpose: the result must not depend on creation order
    _touch(root, "b.txt", "a/2024/z.txt", "a/2024/06/21.txt", "a.txt", "a/10.txt", "a/9.txt", "B.TXT")
    files, problems = _walk(root)
    assert problems == []
    assert files == [
        "archive/B.TXT",
        "archive/a/10.txt",
        "archive/a/2024/06/21.txt",
        "archive/a/2024/z.txt",
        "archive/a/9.txt",
        "archive/a.txt",
        "archive/b.txt",
    ]
    assert files == sorted(files, key=lambda f: Path(f).parts)  # the order of the paths' parts


def test_walk_is_deterministic(tmp_path: Path) -> None:
    """Two copies of one tree, their files created in opposite orders, walk alike: in the
    order of the paths' parts, whatever order the file system lists them in."""
    names = [f"{i % 7}/{i}.txt" for i in range(40)]
    first, second = tmp_path / "one" / "archive", tmp_path / "two" / "archive"
    _touch(first, *names)
    _touch(second, *reversed(names))
    want = sorted((f"archive/{n}" for n in names), key=lambda f: Path(f).parts)
    assert _walk(first) == (want, [])
    assert _walk(second) == (want, [])


def test_suffix_is_case_insensitive_and_other_files_are_skipped(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "page.txt", "PAGE2.TXT", "page3.Txt", "notes.md", "scan.pdf", "txt", "page.txt.bak")
    files, _ = _walk(root)
    assert files == ["archive/PAGE2.TXT", "archive/page.txt", "archive/page3.Txt"]


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, ".git/objects/x.txt", ".cache/page.txt", "._page.txt", "page.txt", "sub/.hidden.txt")
    files, _ = _walk(root)
    assert files == ["archive/page.txt"]


def test_a_file_root_is_yielded_whatever_its_suffix(tmp_path: Path) -> None:
    _touch(tmp_path, "page.md", "page", ".hidden-page")
    roots = [tmp_path / "page.md", tmp_path / "page", tmp_path / ".hidden-page"]
    assert list(iter_page_files(roots)) == roots


def test_roots_keep_their_order_and_accept_strings(tmp_path: Path) -> None:
    _touch(tmp_path, "z/1.txt", "a/1.txt")
    items = list(iter_page_files([str(tmp_path / "z"), str(tmp_path / "a")]))
    assert items == [tmp_path / "z/1.txt", tmp_path / "a/1.txt"]


def test_missing_root(tmp_path: Path) -> None:
    _touch(tmp_path, "real/page.txt")
    items = list(iter_page_files([tmp_path / "nope", tmp_path / "real"]))
    assert items == [FileProblem(tmp_path / "nope", "no such file or folder"), tmp_path / "real/page.txt"]


def test_broken_symlink(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "page.txt")
    (root / "dead.txt").symlink_to(tmp_path / "gone.txt")
    files, problems = _walk(root)
    assert files == ["archive/page.txt"]
    assert [(p.path.name, p.reason) for p in problems] == [("dead.txt", "broken symlink (its target does not exist)")]


def test_broken_symlink_as_root(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert list(iter_page_files([link])) == [FileProblem(link, "broken symlink (its target does not exist)")]


def test_symlink_loop_back_to_an_ancestor_ends(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "a/b/page.txt", "top.txt")
    (root / "a" / "b" / "up").symlink_to(root)  # archive/a/b/up → archive
    files, problems = _walk(root)
    assert files == ["archive/a/b/page.txt", "archive/top.txt"]  # each once
    assert len(problems) == 1
    assert problems[0].path == root / "a" / "b" / "up"
    assert problems[0].reason.startswith("symlink loop")
    assert str(root) in problems[0].reason


def test_self_referencing_symlink(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "page.txt")
    (root / "me").symlink_to(root / "me")
    files, problems = _walk(root)
    assert files == ["archive/page.txt"]
    assert [(p.path.name, p.reason.split(" (")[0]) for p in problems] == [("me", "symlink loop")]


def test_two_links_pointing_at_each_other(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    problems = list(iter_page_files([tmp_path / "a.txt", tmp_path]))
    assert problems == [
        FileProblem(tmp_path / "a.txt", "symlink loop (the link never resolves)"),
        FileProblem(tmp_path / "a.txt", "symlink loop (the link never resolves)"),
        FileProblem(tmp_path / "b.txt", "symlink loop (the link never resolves)"),
    ]


def test_a_file_reached_twice_is_yielded_once(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "real/page.txt")
    (root / "again").symlink_to(root / "real")  # a second way into the same folder
    (root / "zz-link.txt").symlink_to(root / "real" / "page.txt")
    files, problems = _walk(root, root / "real", root / "real" / "page.txt")
    assert problems == []
    assert files == ["archive/again/page.txt"]  # the first path in walk order


def test_a_symlinked_file_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(tmp_path, "elsewhere/page.txt")
    root.mkdir()
    (root / "linked.txt").symlink_to(tmp_path / "elsewhere" / "page.txt")
    assert _walk(root) == (["archive/linked.txt"], [])


def test_special_file_root_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert list(iter_page_files([fifo])) == [FileProblem(fifo, "not a regular file or folder")]


def test_very_deep_tree_needs_no_recursion(tmp_path: Path) -> None:
    deep = tmp_path / "archive"
    deep.mkdir()
    path = deep
    for _ in range(1200):  # deeper than Python's recursion limit (mkdir(parents=True) recurses)
        path = path / "d"
        path.mkdir()
    (path / "page.txt").write_text("x", encoding="utf-8")
    try:
        assert list(iter_page_files([deep])) == [path / "page.txt"]
    finally:  # remove it bottom-up: pytest's own clean-up of tmp dirs recurses and would overflow
        (path / "page.txt").unlink()
        while path != deep:
            path.rmdir()
            path = path.parent


# --- unreadable folders -------------------------------------------------------------------------------


def _chmod_denies(path: Path) -> bool:
    path.chmod(0)
    return not os.access(path, os.R_OK)


def test_unreadable_folder_via_chmod(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _touch(root, "a.txt", "locked/secret.txt", "z.txt")
    locked = root / "locked"
    try:
        if not _chmod_denies(locked):
            pytest.skip("chmod 000 does not deny reading here (running as root)")
        files, problems = _walk(root)
    finally:
        locked.chmod(0o755)
    assert files == ["archive/a.txt", "archive/z.txt"]
    assert problems == [FileProblem(locked, "cannot open folder (permission denied)")]


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above where chmod cannot deny (root): the OS refuses to list the folder."""
    root = tmp_path / "archive"
    _touch(root, "a.txt", "locked/secret.txt", "z.txt")
    locked = root / "locked"
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = _walk(root)
    assert files == ["archive/a.txt", "archive/z.txt"]
    assert problems == [FileProblem(locked, "cannot open folder (permission denied)")]


def test_unreadable_root_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "archive"
    _touch(root, "a.txt")
    real_scandir = os.scandir
    monkeypatch.setattr(
        os, "scandir", lambda p: (_ for _ in ()).throw(PermissionError(13, "denied")) if Path(p) == root else real_scandir(p)
    )
    assert list(iter_page_files([root])) == [FileProblem(root, "cannot open folder (permission denied)")]


def test_walk_gives_each_file_its_own_stat_and_the_paths_iter_page_files_gives(tmp_path: Path) -> None:
    """walk_page_files: the same files in the same order as iter_page_files, each with the size
    and mtime ``os.stat`` reports (what a start compares with the store)."""
    from liaocheng_tui.archive.files import walk_page_files

    root = tmp_path / "archive"
    _touch(root, "b.txt", "a/2024/06/21.txt", "a.txt")
    (root / "a.txt").write_text("本报讯，长一些的一页", encoding="utf-8")
    os.utime(root / "b.txt", ns=(1_000_000_000, 1_234_567_891_000))
    walked = list(walk_page_files([root]))
    assert [Path(w.source) for w in walked] == list(iter_page_files([root]))
    for w in walked:
        st = os.stat(w.source)
        assert (w.size, w.mtime_ns) == (st.st_size, st.st_mtime_ns), w.source


def test_a_relative_root_yields_paths_as_pathlib_joins_them(tmp_path: Path, monkeypatch) -> None:
    _touch(tmp_path, "a.txt", "sub/b.txt")
    monkeypatch.chdir(tmp_path)
    assert list(iter_page_files([Path(".")])) == [Path("a.txt"), Path("sub/b.txt")]
    assert [str(p) for p in iter_page_files([Path(".")])] == ["a.txt", os.path.join("sub", "b.txt")]
    assert [str(p) for p in iter_page_files([Path("sub/")])] == [os.path.join("sub", "b.txt")]
