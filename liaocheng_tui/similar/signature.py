"""Verbatim overlap at archive scale: character shingles, their MinHash, and the LSH band keys.

Two texts that share much of their wording share many character shingles
(runs of :data:`SHINGLE_CHARS` letters, folded, punctuation and spaces dropped).
A MinHash (``datasketch``) estimates the share from :data:`NUM_PERM` numbers per
text; cut into bands (the band count and width ``datasketch.MinHashLSH`` picks for
:data:`LSH_THRESHOLD`), texts sharing at least that much wording almost surely
agree on one band (and how much of each text the other's wording covers is the
share of its :data:`WORDING_CHARS`-letter shingles the other has).  Each band is one 64-bit key, kept in the article store's
``lsh_bands`` table, so finding the articles that share wording with a text is one
indexed SQL look-up: no scan of the archive, incremental as pages are added.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from liaocheng_tui.search.analysis import letters_only

#: letters per shingle: five CJK characters are rarely shared by chance
SHINGLE_CHARS = 5
#: numbers per MinHash
NUM_PERM = 64
#: one shingle in this many goes into the MinHash, chosen by its hash (so two texts keep the same ones
#: of the shingles they share: the estimate of their share stays fair, at half the hashing)
SHINGLE_SAMPLE = 2
#: MinHash seed and permutation scheme (a change changes every band key: bump SIGNATURE_VERSION)
MINHASH_SEED = 20240621
MINHASH_SCHEME = "affine32"
#: the shingle share (Jaccard) above which LSH finds a pair almost surely: reposts and light rewrites
LSH_THRESHOLD = 0.5
#: stamped in the store with the band keys: another value means every article is signed again
SIGNATURE_VERSION = (f"k{SHINGLE_CHARS}-p{NUM_PERM}-s{MINHASH_SEED}-{MINHASH_SCHEME}-t{LSH_THRESHOLD}"
                     f"-1in{SHINGLE_SAMPLE}")

_NOT_LETTERS = re.compile(r"[\W_]+")  # what ``analysis.letters_only`` drops
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MASK32 = np.uint64(0xFFFFFFFF)


#: letters per shingle when measuring how much wording two texts share (longer: chance phrases drop out)
WORDING_CHARS = 8


def _window_hashes(codes: np.ndarray, width: int, sample: int = 1) -> np.ndarray:
    """Distinct 32-bit hashes of every ``width``-letter window of ``codes`` (all windows at once);
    with ``sample``, only those whose hash is a multiple of it (all of them if none is)."""
    width = min(width, len(codes))
    count = len(codes) - width + 1
    h = np.zeros(count, dtype=np.uint64)
    for i in range(width):  # a polynomial hash of each window
        h = h * _MIX + codes[i : i + count]
    h ^= h >> np.uint64(29)
    h &= _MASK32
    if sample > 1:
        kept = h[h % np.uint64(sample) == 0]
        h = kept if len(kept) else h
    return _distinct(h)


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` (sorted, distinct) by a sort: numpy 2's hashing ``unique`` is ~8× slower
    on the few thousand values of an article."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


class Shingles:
    """A text's distinct shingle hashes: of SHINGLE_CHARS letters (the MinHash), of WORDING_CHARS
    (the wording share); each made when first asked for."""

    def __init__(self, codes: np.ndarray):
        self._codes = codes
        self._minhash: np.ndarray | None = None
        self._wording: np.ndarray | None = None

    @property
    def for_minhash(self) -> np.ndarray:
        if self._minhash is None:
            self._minhash = (_window_hashes(self._codes, SHINGLE_CHARS, SHINGLE_SAMPLE) if len(self._codes)
                             else _EMPTY)
            self._forget_letters()
        return self._minhash

    @property
    def for_wording(self) -> np.ndarray:
        if self._wording is None:
            self._wording = _window_hashes(self._codes, WORDING_CHARS) if len(self._codes) else _EMPTY
            self._forget_letters()
        return self._wording

    def _forget_letters(self) -> None:
        """Both hash sets made: the letters are not needed again (the repost pass keeps thousands)."""
        if self._minhash is not None and self._wording is not None:
            self._codes = _EMPTY


_EMPTY = np.empty(0, dtype=np.uint64)


def shingles(text: str, folded: str | None = None) -> Shingles:
    """The shingles of ``text``'s folded letters (a short text: its letters as one shingle);
    ``folded``: ``fold(text)`` when the caller has it."""
    letters = letters_only(text) if folded is None else _NOT_LETTERS.sub("", folded)
    return Shingles(np.frombuffer(letters.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64))


def wording_shares(a: Shingles, b: Shingles) -> tuple[float, float]:
    """The share of ``a``'s wording shingles that ``b`` has too, and of ``b``'s that ``a`` has."""
    x, y = a.for_wording, b.for_wording
    if not len(x) or not len(y):
        return 0.0, 0.0
    common = len(np.intersect1d(x, y, assume_unique=True))
    return common / len(x), common / len(y)


@lru_cache(maxsize=1)
def band_ranges() -> tuple[tuple[int, int], ...]:
    """The (start, end) of each band in a signature, as ``datasketch.MinHashLSH`` chooses them."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return tuple(lsh.hashranges)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations every signature shares (making them costs more than hashing)."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)


def minhash(text: str | Shingles) -> MinHash | None:
    """The MinHash of a text's shingles (None when it has no letters)."""
    hashes = (text if isinstance(text, Shingles) else shingles(text)).for_minhash
    if not len(hashes):
        return None
    template = _template()
    m = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int, permutations=template.permutations,
                scheme=MINHASH_SCHEME)
    m.update_batch(hashes.tolist())
    return m


def band_keys(text: str | Shingles) -> list[int]:
    """One signed 64-bit key per LSH band of a text ([] when it has no letters)."""
    m = minhash(text)
    if m is None:
        return []
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    keys = []
    for band, (start, end) in enumerate(band_ranges()):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8, person=band.to_bytes(4, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys
