"""decode_bytes: every export encoding gives back the same text; bad bytes give a reason, never a crash."""

from __future__ import annotations

import codecs
import random
import time

import charset_normalizer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive import decoding
from liaocheng_tui.archive.decoding import DecodedText, UndecodableFile, decode_bytes
from liaocheng_tui.seeds import seeds_dir

SEED_PATHS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEED_PATHS}


def _in_gbk(text: str) -> str:
    """The text without the few characters GBK cannot hold (seed 003's ▶◀ subhead marks)."""
    return "".join(c for c in text if c.encode("gbk", errors="ignore"))


def test_there_are_five_seeds() -> None:
    assert len(SEED_PATHS) == 5


# --- every encoding an exporter writes round-trips to the identical text ------------------------


def _same(text: str) -> str:
    return text


@pytest.mark.parametrize(
    ("encode", "encoding", "expressible"),
    [
        (lambda t: t.encode("utf-8"), "utf-8", _same),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig", _same),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le", _same),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be", _same),
        (lambda t: t.encode("gb18030"), "gb18030", _same),
        (lambda t: _in_gbk(t).encode("gbk"), "gb18030", _in_gbk),  # GBK is read with its superset
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"],
)
@pytest.mark.parametrize("seed", [p.name for p in SEED_PATHS])
def test_seed_round_trips(seed_texts: dict[str, str], seed: str, encode, encoding: str, expressible) -> None:
    text = expressible(seed_texts[seed])
    decoded = decode_bytes(encode(text))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.warnings == []


def test_python_utf16_codec_output_with_native_bom(seed_texts: dict[str, str]) -> None:
    text = next(iter(seed_texts.values()))
    assert decode_bytes(text.encode("utf-16")).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_line_ends_become_lf(seed_texts: dict[str, str], newline: str, encoding: str) -> None:
    text = seed_texts[SEED_PATHS[0].name]
    decoded = decode_bytes(text.replace("\n", newline).encode(encoding))
    assert "\r" not in decoded.text
    assert decoded.text == text


def test_mixed_line_ends() -> None:
    assert decode_bytes("一\r\n二\r三\n四".encode()).text == "一\n二\n三\n四"


def test_fullwidth_indents_are_kept() -> None:
    text = "\u3000\u3000本报讯（记者 林晨）6月20日，会议召开。\n"
    assert decode_bytes(text.encode("gb18030")).text == text


# --- what cannot be read says why -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
        ("\u3000\u3000\n".encode(), "empty file"),  # full-width spaces only
        (codecs.BOM_UTF8, "empty file"),  # a BOM and nothing else
        ("  \r\n".encode("utf-16"), "empty file"),
    ],
    ids=["empty", "whitespace", "fullwidth-whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty_files(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableFile, match=reason):
        decode_bytes(data)


def test_binary_with_nul_bytes() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(UndecodableFile, match=r"^binary file \(contains NUL bytes\)$"):
        decode_bytes(png)


def test_binary_of_control_characters_without_nul() -> None:
    data = bytes(b for b in range(1, 32) if b not in b"\t\n\r") * 40 + b"text"
    with pytest.raises(UndecodableFile, match=r"binary file \(control characters\)"):
        decode_bytes(data)


def test_utf16_bom_followed_by_binary() -> None:
    data = codecs.BOM_UTF16_LE + "".join(map(chr, range(1, 9))).encode("utf-16-le") * 200
    with pytest.raises(UndecodableFile, match="binary file"):
        decode_bytes(data)


def test_random_bytes() -> None:
    data = random.Random(3).randbytes(8192)
    with pytest.raises(UndecodableFile, match="binary file"):
        decode_bytes(data)


def test_bytes_in_no_known_encoding() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))  # high bytes, no controls
    with pytest.raises(UndecodableFile, match=r"^not text in any known encoding$"):
        decode_bytes(data)


# --- fallbacks are announced -------------------------------------------------------------------------


def test_damaged_utf8_is_read_with_a_warning(seed_texts: dict[str, str]) -> None:
    raw = seed_texts[SEED_PATHS[0].name].encode()
    cut = raw.index("\n".encode(), 3000) + 1  # between characters
    decoded = decode_bytes(raw[:cut] + b"\xff\xfe" + raw[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ["decoded as utf-8 with 2 undecodable bytes replaced"]
    assert decoded.text.replace("\ufffd", "") == seed_texts[SEED_PATHS[0].name]


def test_damaged_gb18030_is_read_with_a_warning(seed_texts: dict[str, str]) -> None:
    text = seed_texts[SEED_PATHS[3].name]
    raw = text.encode("gb18030")
    cut = raw.index(b"\n", len(raw) // 2) + 1
    decoded = decode_bytes(raw[:cut] + b"\xff\xff\xff" + raw[cut:])
    assert decoded.encoding == "gb18030"
    assert decoded.warnings == ["decoded as gb18030 with 3 undecodable bytes replaced"]
    assert decoded.text.replace("\ufffd", "") == text


def test_damage_at_the_start_of_a_gb18030_file(seed_texts: dict[str, str]) -> None:
    text = seed_texts[SEED_PATHS[0].name]
    decoded = decode_bytes(b"\xff" + text.encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert decoded.warnings == ["decoded as gb18030 with 1 undecodable byte replaced"]


def test_a_non_chinese_legacy_encoding_is_flagged() -> None:
    decoded = decode_bytes("café crème brûlée, déjà vu\n".encode("latin-1") * 20)
    assert decoded.warnings and "not a Chinese encoding" in decoded.warnings[0]


# --- speed: strict UTF-8 first, bounded samples for detection -----------------------------------------


@pytest.fixture(scope="module")
def five_mb_line(seed_texts: dict[str, str]) -> str:
    one_line = "".join(seed_texts.values()).replace("\n", "")
    return (one_line * (5_000_000 // len(one_line.encode()) + 1))[:1_800_000]


def test_five_mb_single_line_utf8_is_fast(five_mb_line: str) -> None:
    data = five_mb_line.encode()
    assert len(data) >= 5_000_000
    start = time.perf_counter()
    decoded = decode_bytes(data)
    assert time.perf_counter() - start < 1.0
    assert decoded.text == five_mb_line


def test_five_mb_single_line_gb18030_is_fast(five_mb_line: str) -> None:
    data = (five_mb_line * 2).encode("gb18030")
    assert len(data) >= 5_000_000
    start = time.perf_counter()
    decoded = decode_bytes(data)
    assert time.perf_counter() - start < 2.0
    assert decoded.encoding == "gb18030"
    assert decoded.text == five_mb_line * 2


def test_detection_sees_bounded_samples_only(monkeypatch: pytest.MonkeyPatch, five_mb_line: str) -> None:
    sizes: list[int] = []
    real = charset_normalizer.from_bytes

    def spy(sample: bytes, *args, **kwargs):
        sizes.append(len(sample))
        return real(sample, *args, **kwargs)

    monkeypatch.setattr(decoding.charset_normalizer, "from_bytes", spy)
    decode_bytes((five_mb_line * 2).encode("gb18030"))
    assert sizes and max(sizes) <= decoding.SAMPLE_BYTES


def test_utf8_never_reaches_detection(monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str]) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("charset-normalizer called for plain UTF-8")

    monkeypatch.setattr(decoding.charset_normalizer, "from_bytes", fail)
    for text in seed_texts.values():
        decode_bytes(text.encode())
        decode_bytes(text.encode("utf-16"))


def test_a_detected_codec_python_lacks_is_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    class Verdict:
        encoding = "no-such-codec"

    class Matches:
        def best(self) -> Verdict:
            return Verdict()

    monkeypatch.setattr(decoding.charset_normalizer, "from_bytes", lambda *a, **k: Matches())
    with pytest.raises(UndecodableFile, match="not text in any known encoding"):
        decode_bytes("聊城日报".encode("gb18030") * 50)


# --- properties ---------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        result = decode_bytes(data)
    except UndecodableFile as exc:
        assert str(exc)
    else:
        assert isinstance(result, DecodedText)
        assert "\r" not in result.text
        assert result.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"\x00", b"\xff", b"\x81\x30", b"\xef\xbb\xbf", b"\xfe\xff", b"\r", b"\n",
                                 "聊城".encode(), "聊城".encode("gb18030"), b"abc", b"\x1b"]), max_size=300))
def test_nasty_byte_soups_decode_or_say_why(parts: list[bytes]) -> None:
    try:
        decode_bytes(b"".join(parts))
    except UndecodableFile:
        pass


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\ufeff\x85",
    ),
    min_size=1,
).filter(lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_text_round_trips(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text

