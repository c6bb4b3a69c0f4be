"""Bytes → text: detect the encoding of a page file (STUB: to be implemented)."""

from __future__ import annotations

from dataclasses import dataclass, field


class UndecodableFile(ValueError):
    """The file is empty, binary or in no encoding we can read; the message says which."""


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode page bytes: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK via charset-normalizer.

    Raises UndecodableFile for empty, binary or undecodable input.
    """
    if not data.strip():
        raise UndecodableFile("empty file")
    text = data.decode("utf-8-sig")
    return DecodedText(text=text, encoding="utf-8")
