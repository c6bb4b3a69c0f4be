"""Text from pages and file names → a form that is safe to print or write.

Page files and their names are untrusted: a page may hold ``ESC ] 0;title BEL``
or ``ESC [2J`` (which retitle and clear a terminal), a bidi override (which
reorders what a terminal shows), and a file name may hold bytes that are not
UTF-8 (Python reads them as lone surrogates, which cannot be written at all).
Everything that leaves the program — the reader, every CLI table and line,
Markdown, JSON — goes through this module, so there is one rule:

* C0 controls become their Unicode pictures (ESC → ``␛``, BEL → ``␇``), DEL
  becomes ``␡``; C1 controls, bidi embeddings/overrides/isolates and lone
  surrogates (a name's undecodable bytes) become ``�`` (U+FFFD).  Newline and
  tab are kept in running text, and escaped in names.
* Each character maps to exactly one character, so offsets (highlight spans)
  into the original text stay valid in the printable one.
* In JSON, the same characters are written as ``\\uXXXX`` escapes instead
  (lossless, valid JSON, and no raw control byte in the file); undecodable
  bytes of a name become U+FFFD.

Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are text, not controls:
they are kept.
"""

from __future__ import annotations

import json
import re

#: Bidi embeddings, overrides and isolates: they reorder the characters around them on screen.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_UNSAFE_IN_TEXT = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")
_UNSAFE_IN_NAME = re.compile(rf"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")
# What json.dumps(ensure_ascii=False) leaves raw: DEL, C1, bidi controls and surrogates
# (it escapes U+0000–U+001F itself).
_UNSAFE_IN_JSON = re.compile(rf"[\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")

DEL_PICTURE = "\u2421"  # ␡
REPLACEMENT = "\ufffd"  # �


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: ESC is ␛
    if code == 0x7F:
        return DEL_PICTURE
    return REPLACEMENT


def printable(text: str | None) -> str:
    """``text`` with every control character visible (same length; newline and tab kept)."""
    if not text:
        return ""
    return _UNSAFE_IN_TEXT.sub(_picture, text)


def one_line(text: str | None) -> str:
    """``printable(text)`` on one line: every run of whitespace (newlines too) is one space."""
    return " ".join(printable(text).split())


def display_path(path: object) -> str:
    """A file name or path as shown and exported: undecodable bytes as ``�``, controls
    (newline and tab included) as their pictures.  Same length as ``str(path)``."""
    text = str(path)
    return _UNSAFE_IN_NAME.sub(_picture, text)


def json_text(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON (UTF-8 text, not ASCII-escaped) with no raw control character in it:
    C0 controls are escaped by json itself, DEL, C1 and bidi controls as ``\\uXXXX``;
    lone surrogates (a name's undecodable bytes) become U+FFFD."""
    return _UNSAFE_IN_JSON.sub(_json_escape, json.dumps(value, ensure_ascii=False, indent=indent))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT
    return f"\\u{code:04x}"
