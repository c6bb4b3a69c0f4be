"""Verbatim overlap at archive scale: character shingles, their MinHash, and the LSH band keys.

Two texts that share much of their wording share many character shingles
(runs of :data:`SHINGLE_CHARS` letters, folded, punctuation and spaces dropped).
A MinHash (``datasketch``) estimates the share from :data:`NUM_PERM` numbers per
text; cut into bands (the band count and width ``datasketch.MinHashLSH`` picks for
:data:`LSH_THRESHOLD`), texts sharing at least that much wording almost surely
agree on one band.  Each band is one 64-bit key, kept in the article store's
``lsh_bands`` table, so finding the articles that share wording with a text is one
indexed SQL look-up: no scan of the archive, incremental as pages are added.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from liaocheng_tui.search.analysis import letters_only

#: letters per shingle: five CJK characters are rarely shared by chance
SHINGLE_CHARS = 5
#: numbers per MinHash
NUM_PERM = 64
#: MinHash seed and permutation scheme (a change changes every band key: bump SIGNATURE_VERSION)
MINHASH_SEED = 20240621
MINHASH_SCHEME = "affine32"
#: the shingle share (Jaccard) above which LSH finds a pair almost surely: reposts and light rewrites
LSH_THRESHOLD = 0.5
#: stamped in the store with the band keys: another value means every article is signed again
SIGNATURE_VERSION = f"k{SHINGLE_CHARS}-p{NUM_PERM}-s{MINHASH_SEED}-{MINHASH_SCHEME}-t{LSH_THRESHOLD}"

_MIX = np.uint64(0x9E3779B97F4A7C15)
_MASK32 = np.uint64(0xFFFFFFFF)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the text's distinct shingles (a short text: its letters as one shingle)."""
    letters = letters_only(text)
    if not letters:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(letters.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(SHINGLE_CHARS, len(codes))
    count = len(codes) - width + 1
    h = np.zeros(count, dtype=np.uint64)
    for i in range(width):  # a polynomial hash of each window, all windows at once
        h = h * _MIX + codes[i : i + count]
    h ^= h >> np.uint64(29)
    return np.unique(h & _MASK32)


@lru_cache(maxsize=1)
def band_ranges() -> tuple[tuple[int, int], ...]:
    """The (start, end) of each band in a signature, as ``datasketch.MinHashLSH`` chooses them."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return tuple(lsh.hashranges)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations every signature shares (making them costs more than hashing)."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)


def minhash(text: str) -> MinHash | None:
    """The MinHash of ``text``'s shingles (None when it has no letters)."""
    hashes = shingle_hashes(text)
    if not len(hashes):
        return None
    template = _template()
    m = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int, permutations=template.permutations,
                scheme=MINHASH_SCHEME)
    m.update_batch(hashes.tolist())
    return m


def band_keys(text: str) -> list[int]:
    """One signed 64-bit key per LSH band of ``text`` ([] when it has no letters)."""
    m = minhash(text)
    if m is None:
        return []
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    keys = []
    for band, (start, end) in enumerate(band_ranges()):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8, person=band.to_bytes(4, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def shingle_share(a: str, b: str) -> float:
    """The exact Jaccard share of two texts' shingles (what the MinHash estimates)."""
    x, y = shingle_hashes(a), shingle_hashes(b)
    if not len(x) or not len(y):
        return 0.0
    common = len(np.intersect1d(x, y, assume_unique=True))
    return common / (len(x) + len(y) - common)
