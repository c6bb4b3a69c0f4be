"""Bytes → text: read a page file whatever program exported it.

Page files come from many exporters: UTF-8 with or without a BOM, UTF-16
from Windows tools, GB18030/GBK from older Chinese software, with CRLF or
bare CR line ends.  This module turns their bytes into one clean ``str``
with LF line ends, or says in a few words why it cannot ("empty file",
"binary file (contains NUL bytes)", "not text in any known encoding"), so
the loader can warn and move on instead of showing mojibake or crashing.

Order of work, cheapest first, so that a 5 MB single-line file stays fast:
a byte-order mark decides at once; then strict UTF-8 (the common case);
only then charset-normalizer, which is given bounded samples of the file
(never the whole of a large file) and whose verdict is applied to the whole.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer


class UndecodableFile(ValueError):
    """The file is empty, binary or in no encoding we can read; the message says which."""


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

#: How many bytes charset-normalizer sees at a time (it is slow on megabytes).
SAMPLE_BYTES = 64 * 1024

#: A file is binary when more than this share of its first bytes are control
#: characters that text never holds (tab, LF, CR, FF, VT and ESC are allowed).
MAX_CONTROL_SHARE = 0.01

#: A fallback decode is accepted when at most this share of the characters had
#: to be replaced; more than that is not the right encoding at all.
MAX_REPLACED_SHARE = 0.01

# Detected legacy Chinese codecs are widened to the superset that can decode
# every page in that family (a GB2312 verdict on a sample must not fail on a
# rarer character further down the file).
_WIDER_CODEC = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
}
_EXPECTED_FAMILIES = ("utf", "gb18030", "big5hkscs")

_TEXT_CONTROLS = b"\t\n\r\x0b\x0c\x1b"
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_ASCII_BYTES = bytes(range(0x80))
_ENCODED_REPLACEMENT_CHAR = "\ufffd".encode()
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def decode_bytes(data: bytes) -> DecodedText:
    """Decode page bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, GB18030/GBK via charset-normalizer.

    The text returned has LF line ends only.  Raises UndecodableFile for
    empty, whitespace-only, binary or undecodable input; never any other error.
    """
    if not data:
        raise UndecodableFile("empty file")
    decoded = _decode_with_bom(data)
    if decoded is None:
        _reject_binary_bytes(data)
        decoded = _decode_utf8(data) or _decode_detected(data)
    _reject_control_text(decoded.text)
    if not decoded.text.strip():
        raise UndecodableFile("empty file (only whitespace)")
    decoded.text = normalise_newlines(decoded.text)
    return decoded


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR → LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_with_bom(data: bytes) -> DecodedText | None:
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            # utf-8-sig drops its own BOM; the explicit-endian codecs need it cut off.
            payload = data if codec == "utf-8-sig" else data[len(bom) :]
            return _decode_whole(payload, codec, name)
    return None


def _reject_binary_bytes(data: bytes) -> None:
    if b"\x00" in data:
        raise UndecodableFile("binary file (contains NUL bytes)")
    sample = data[:SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL_BYTES))  # what is left: the controls
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise UndecodableFile("binary file (control characters)")


def _reject_control_text(text: str) -> None:
    """The same test as for bytes, for text that came through a BOM (UTF-16 has NULs)."""
    sample = text[:SAMPLE_BYTES]
    if "\x00" in sample:
        raise UndecodableFile("binary file (contains NUL characters)")
    if len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise UndecodableFile("binary file (control characters)")


def _decode_utf8(data: bytes) -> DecodedText | None:
    """Strict UTF-8; or UTF-8 with a few broken bytes replaced (a damaged UTF-8 file)."""
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(_ENCODED_REPLACEMENT_CHAR)
    high_bytes = len(data.translate(None, _ASCII_BYTES))
    # Mostly well-formed multibyte UTF-8 with a handful of bad bytes: a damaged
    # UTF-8 file, not another encoding (charset-normalizer gives up on these).
    if replaced <= MAX_REPLACED_SHARE * high_bytes:
        return _with_replacements(text, "utf-8", replaced)
    return None


def _decode_detected(data: bytes) -> DecodedText:
    """Ask charset-normalizer about bounded samples, then decode the whole file."""
    for sample in _samples(data):
        match = charset_normalizer.from_bytes(sample).best()
        if match is None:
            continue
        try:
            codec = codecs.lookup(match.encoding).name
        except LookupError:  # a name this Python has no codec for: try the next sample
            continue
        codec = _WIDER_CODEC.get(codec, codec)
        decoded = _decode_whole(data, codec, codec)
        if not codec.startswith(_EXPECTED_FAMILIES):
            decoded.warnings.append(f"decoded as {codec}, not a Chinese encoding: the text may be garbled")
        return decoded
    raise UndecodableFile("not text in any known encoding")


def _decode_whole(payload: bytes, codec: str, name: str) -> DecodedText:
    try:
        return DecodedText(payload.decode(codec), name)
    except UnicodeDecodeError:
        pass
    text = payload.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACED_SHARE * len(text):
        raise UndecodableFile("not text in any known encoding")
    return _with_replacements(text, name, replaced)


def _with_replacements(text: str, name: str, replaced: int) -> DecodedText:
    noun = "byte" if replaced == 1 else "bytes"
    warning = f"decoded as {name} with {replaced} undecodable {noun} replaced"
    return DecodedText(text, name, [warning])


def _samples(data: bytes) -> list[bytes]:
    """Windows of the file for detection: the start, then the middle and end of a
    large file (or the two halves of a small one), in case the start is damaged."""
    size = len(data)
    if size <= SAMPLE_BYTES:
        half = size // 2
        windows = [(0, size), (0, half), (half, size)] if size >= 64 else [(0, size)]
    else:
        mid = (size - SAMPLE_BYTES) // 2
        windows = [(0, SAMPLE_BYTES), (mid, mid + SAMPLE_BYTES), (size - SAMPLE_BYTES, size)]
    return [_cut_cleanly(data, start, end) for start, end in windows]


def _cut_cleanly(data: bytes, start: int, end: int) -> bytes:
    """Move window edges onto bytes that never sit inside a multibyte character.

    Bytes below 0x30 (controls, space, most ASCII punctuation) are never a
    trailing byte in UTF-8, GB18030, GBK or Big5, so cutting just after one
    cannot split a character.  A window with no such byte near its edge is
    cut where it falls (charset-normalizer tolerates a broken last character
    less well, so this matters for long single-line files only rarely).
    """
    if start > 0:
        head = data[start : min(end, start + 256)]
        safe = next((i for i, b in enumerate(head) if b < 0x30), None)
        if safe is not None:
            start += safe + 1
    if end < len(data):
        tail_from = max(start, end - 256)
        tail = data[tail_from:end]
        safe = max((i for i, b in enumerate(tail) if b < 0x30), default=None)
        if safe is not None:
            end = tail_from + safe + 1
    return data[start:end]
