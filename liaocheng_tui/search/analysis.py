"""Text analysis shared by indexing, querying and highlighting.

Two analyses run over every text field, and both see the same *folded* text:

* ``fold`` (liaocheng_tui/archive/folding.py): traditional → simplified (OpenCC's t2s character table), full-width
  ASCII → ASCII, A–Z → a–z.  It maps one character to one character, so every
  offset into the folded text is an offset into the text as printed; that is
  what lets highlights land exactly on the printed characters.
* the **bigram** analysis: the field's letters and digits (CJK, Latin, digits;
  punctuation and spaces skipped) as a sequence of overlapping character pairs,
  the last character also on its own.  A query string becomes the phrase of its
  own pairs, so any string copied from an article finds it, whatever jieba makes
  of it.
* the **word** analysis: jieba, with the archive's bylines added as a user
  dictionary (so 俞建华 stays one word).  Word hits only add to the score: they
  lift whole-word and phrase matches above matches that straddle words.

jieba is never loaded at import time, keeps its dictionary cache under our cache
folder and never logs to the terminal.  Queries do not need jieba at all: they
are split into words with the index's own vocabulary (see ``segment_by_vocab``).
"""

from __future__ import annotations

import logging
import operator
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from whoosh.analysis import Analyzer, Token, Tokenizer

from liaocheng_tui.archive.folding import fold as _archive_fold

# ---------------------------------------------------------------- folding


# ``fold`` is the archive's one folding helper (liaocheng_tui/archive/folding.py): the
# index, the queries and the page rules fold text the same way.
fold = _archive_fold

_SEARCHABLE = re.compile(r"[^\W_]")  # letters and digits of any script


def searchable_chars(text: str) -> tuple[str, list[int]]:
    """The folded letters and digits of ``text`` and the offset of each one."""
    folded = fold(text)
    offsets = [m.start() for m in _SEARCHABLE.finditer(folded)]
    return "".join(folded[i] for i in offsets), offsets


_NOT_SEARCHABLE = re.compile(r"[\W_]+")


def letters_only(text: str) -> str:
    """``searchable_chars(text)[0]`` without the offsets: one C pass, for substring checks."""
    return _NOT_SEARCHABLE.sub("", fold(text))


def has_searchable(text: str) -> bool:
    return _SEARCHABLE.search(text) is not None


# ---------------------------------------------------------------- bigrams


class _StatelessTokenizer(Tokenizer):
    """A tokenizer with no settings: any two of one class are equal (Whoosh compares
    analyzers when it checks a schema against an index)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


#: Letters of one field value whose every pair is indexed with its position.  Beyond
#: this (a "page" of megabytes on one line, never a printed article) each pair not
#: seen yet is still indexed once, so matching misses nothing, but the posting list
#: stays bounded: Whoosh holds every position of a document in memory while it adds
#: it (a 19 MB single line took 1.3 GB).
EVERY_POSITION_LETTERS = 200_000


class BigramTokenizer(_StatelessTokenizer):
    """Overlapping pairs of letters/digits, positions consecutive, chars into the original text.

    The final letter/digit of the value is also emitted on its own (at the next
    position), so a single-character query can match every occurrence: the
    prefix ``X*`` covers each X that starts a pair and the single covers the last.
    Past ``EVERY_POSITION_LETTERS`` letters only pairs not seen before are emitted, and
    a value that long is read as a stream (no list of offsets), so memory stays bounded.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if len(value) > EVERY_POSITION_LETTERS:
            yield from self._stream(token, value, keeporiginal, positions, chars, start_pos, start_char)
            return
        letters, offsets = searchable_chars(value)
        n = len(letters)
        for i in range(n - 1):
            token.text = letters[i : i + 2]
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text
            if positions:
                token.pos = start_pos + i
            if chars:
                token.startchar = start_char + offsets[i]
                token.endchar = start_char + offsets[i + 1] + 1
            yield token
        if n:
            yield self._fill(token, letters[n - 1], keeporiginal, positions, chars, start_pos + n - 1,
                             start_char + offsets[n - 1], start_char + offsets[n - 1] + 1)

    def _stream(self, token, value, keeporiginal, positions, chars, start_pos, start_char) -> Iterator[Token]:
        """A long value: letter by letter (no list of offsets), each pair once past the limit."""
        seen: set[str] = set()
        last, last_at, i = "", 0, -1  # the previous letter, its offset, its index
        for match in _SEARCHABLE.finditer(fold(value)):
            letter, at = match.group(), match.start()
            if i >= 0:
                pair = last + letter
                if i < EVERY_POSITION_LETTERS or pair not in seen:
                    if i >= EVERY_POSITION_LETTERS:
                        seen.add(pair)
                    yield self._fill(token, pair, keeporiginal, positions, chars, start_pos + i,
                                     start_char + last_at, start_char + at + 1)
            last, last_at, i = letter, at, i + 1
        if i >= 0:
            yield self._fill(token, last, keeporiginal, positions, chars, start_pos + i,
                             start_char + last_at, start_char + last_at + 1)

    @staticmethod
    def _fill(token: Token, text: str, keeporiginal: bool, positions: bool, chars: bool,
              pos: int, start: int, end: int) -> Token:
        token.text = text
        token.boost = 1.0
        token.stopped = False
        if keeporiginal:
            token.original = text
        if positions:
            token.pos = pos
        if chars:
            token.startchar = start
            token.endchar = end
        return token


def BigramAnalyzer() -> Analyzer:  # noqa: N802 - named like Whoosh's analyzer factories
    return BigramTokenizer()


def bigram_counts(value: str) -> Counter[str]:
    """{term: frequency} of exactly the terms ``BigramTokenizer`` emits for ``value``.

    What indexing needs, without a Token per pair: the letters in one C pass,
    the pairs and their counts in C (a tenth of the tokenizer's time).  A value
    past ``EVERY_POSITION_LETTERS`` takes the tokenizer's own streaming rule.
    """
    if len(value) > EVERY_POSITION_LETTERS:
        return Counter(token.text for token in BigramTokenizer()(value))
    letters = letters_only(value)
    counts = Counter(map(operator.add, letters, letters[1:]))
    if letters:
        counts[letters[-1]] += 1
    return counts


def query_bigrams(text: str) -> list[str]:
    """The bigram terms a query string must match in sequence ([] when nothing is searchable).

    One searchable character gives ``[X]`` (the caller expands it to ``X*`` or ``X``).
    """
    letters, _ = searchable_chars(text)
    if len(letters) <= 1:
        return [letters] if letters else []
    return [letters[i : i + 2] for i in range(len(letters) - 1)]


# ---------------------------------------------------------------- jieba

_jieba_lock = threading.Lock()
_jieba_tokenizer = None
_jieba_dir: Path | None = None
_user_words: set[str] = set()
_jieba_repairs: list[str] = []  # one-line notes of damaged dictionary files found since last asked

#: what our jieba folder holds besides its files: the hash of each, written after jieba loaded them
JIEBA_MANIFEST = "files.json"
JIEBA_CACHE_FILE = "jieba.cache"
JIEBA_LOCK = "lock"


def configure_jieba(cache_dir: Path | None) -> None:
    """Where jieba keeps its dictionary cache (set before the first use; later calls are ignored)."""
    global _jieba_dir
    if _jieba_tokenizer is None and cache_dir is not None:
        _jieba_dir = Path(cache_dir)


def _quiet_jieba() -> None:
    jieba = _import_jieba()
    jieba.setLogLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)


def _import_jieba():
    """``import jieba``, without the ``pkg_resources`` it tries first (~0.1 s of a page add's start).

    jieba 0.42 imports ``pkg_resources`` only to open its own data files, and opens them
    from its folder when that import fails; it is made to fail for this one import.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # "import pkg_resources" raises ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


def jieba_tokenizer():
    """The process's one jieba Tokenizer, initialised on first use with its cache under our folder."""
    global _jieba_tokenizer
    if _jieba_tokenizer is not None:
        return _jieba_tokenizer
    with _jieba_lock:
        if _jieba_tokenizer is None:
            _quiet_jieba()
            import jieba

            from liaocheng_tui.search.cache import default_cache_root, ensure_folder, file_lock, usable_cache_root

            folder = _jieba_dir
            if folder is None:
                folder = usable_cache_root(default_cache_root())[0] / "jieba"
            replaced = ensure_folder(folder, folder.parent)
            # checked, built, loaded and recorded as one step: another process may be doing the same
            with file_lock(folder / JIEBA_LOCK):
                note = _checked_jieba_folder(folder, replaced)
                if note is not None:
                    _jieba_repairs.append(note)
                tk = jieba.Tokenizer(dictionary=str(_small_dictionary(folder)))
                tk.tmp_dir = str(folder)
                tk.cache_file = JIEBA_CACHE_FILE
                tk.initialize()
                _record_jieba_files(folder)
            for word in sorted(_user_words):
                tk.add_word(word, freq=_name_freq(tk, word), tag="nr")
            _jieba_tokenizer = tk
    return _jieba_tokenizer


#: words of jieba's dictionary kept in ours: the common ones.  The full 350k-word
#: dictionary takes ~1 s to load and ~100 MB; the word field only ranks titles,
#: HMM still finds unknown words and the archive's names are added on top.
SMALL_DICT_MIN_FREQ = 50


def _small_dictionary(folder: Path) -> Path:
    """jieba's dictionary cut to words seen at least SMALL_DICT_MIN_FREQ times, written once."""
    import jieba

    path = folder / f"dict.min{SMALL_DICT_MIN_FREQ}.txt"
    if path.is_file():
        return path
    with jieba.dt.get_dict_file() as handle:
        lines = handle.read().decode("utf-8").splitlines()
    kept = [line for line in lines if len(line.split(" ")) >= 2 and int(line.split(" ")[1]) >= SMALL_DICT_MIN_FREQ]
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def jieba_cache_repairs() -> list[str]:
    """One-line notes of damaged jieba dictionary files found (and rebuilt) since the last call."""
    notes = list(_jieba_repairs)
    _jieba_repairs.clear()
    return notes


def _jieba_files() -> tuple[str, ...]:
    return f"dict.min{SMALL_DICT_MIN_FREQ}.txt", JIEBA_CACHE_FILE


def _file_sha1(path: Path) -> str:
    import hashlib

    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()


def _recorded_jieba_hashes(folder: Path) -> dict[str, str] | None:
    """The hashes in the folder's manifest; {} when there is none, None when it is unreadable."""
    import json

    try:
        data = json.loads((folder / JIEBA_MANIFEST).read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    return data


def _checked_jieba_folder(folder: Path, replaced: bool = False) -> str | None:
    """Leave in ``folder`` only dictionary files whose hash is the one recorded when they were written.

    jieba reads its cache without checking it (a garbled or truncated one can
    load as a wrong dictionary, and so index words differently from a fresh
    one): anything else is removed, to be rebuilt.  Returns a one-line note
    when something there was damaged (``replaced``: the folder itself was not
    a folder); an unrecorded file is rebuilt quietly.  Run under the folder's lock.
    """
    from liaocheng_tui.search.cache import remove_path

    problems = []
    if replaced:
        problems.append(f"{folder.name} was not a folder")
    recorded = _recorded_jieba_hashes(folder)
    if recorded is None:
        problems.append(f"{JIEBA_MANIFEST} unreadable")
        recorded = {}
    for name in _jieba_files():
        path = folder / name
        if not os.path.lexists(path):
            continue
        if not path.is_file():
            problems.append(f"{name} is not a file")
        elif name not in recorded:
            pass  # written before hashes were kept, or by a process that died: rebuilt quietly
        elif _file_sha1(path) == recorded[name]:
            continue
        else:
            problems.append(f"{name} does not match its hash")
        remove_path(path)
    if not problems:
        return None
    return f"jieba dictionary cache at {folder} is damaged ({'; '.join(problems)}); rebuilt"


def _record_jieba_files(folder: Path) -> None:
    """Record the hash of each dictionary file jieba now uses (read back by ``_checked_jieba_folder``)."""
    from liaocheng_tui.search.cache import write_json_atomic

    hashes = {name: _file_sha1(folder / name) for name in _jieba_files() if (folder / name).is_file()}
    if hashes != _recorded_jieba_hashes(folder):
        write_json_atomic(folder / JIEBA_MANIFEST, hashes)


def _name_freq(tk, word: str) -> int:
    # Enough to keep the name whole against its own characters, not so much that
    # it swallows its neighbours: suggest_freq computes exactly that.
    return max(int(tk.suggest_freq(word, tune=False)), 3)


def add_user_words(words: Iterable[str]) -> int:
    """Add names (already folded or not) to jieba's dictionary; returns how many were new."""
    new = {fold(w).strip() for w in words} - _user_words
    new = {w for w in new if len(w) >= 2}
    if not new:
        return 0
    _user_words.update(new)
    if _jieba_tokenizer is not None:
        for word in sorted(new):
            _jieba_tokenizer.add_word(word, freq=_name_freq(_jieba_tokenizer, word), tag="nr")
    return len(new)


class JiebaTokenizer(_StatelessTokenizer):
    """jieba words of the folded text (HMM on), punctuation and spaces dropped, chars into the original."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        folded = fold(value)
        pos = start_pos
        for word, start, end in jieba_tokenizer().tokenize(folded, HMM=True):
            if not _SEARCHABLE.search(word):
                continue
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            pos += 1
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def WordAnalyzer() -> Analyzer:  # noqa: N802
    return JiebaTokenizer()


def segment_by_vocab(text: str, has_term: Callable[[str], bool], longest: int = 8) -> list[str]:
    """Split a query string into words the index knows (forward maximum matching).

    The index's word field holds exactly the words jieba made of the archive, so
    the longest known word at each point is the one that can match; unknown
    characters become single-character words.  Needs no jieba at query time.
    """
    words: list[str] = []
    for run in re.findall(r"[^\W_]+", fold(text)):
        i = 0
        while i < len(run):
            for size in range(min(longest, len(run) - i), 0, -1):
                piece = run[i : i + size]
                if size == 1 or has_term(piece):
                    words.append(piece)
                    i += size
                    break
    return words
