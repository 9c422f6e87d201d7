"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 and Windows-1256, with a clear error otherwise."""
from __future__ import annotations

import codecs

from isnad.errors import DecodeError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy code pages of Arabic news sites, tried in this order when the bytes are not UTF-8.
LEGACY = ("cp1256", "iso8859-6")


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> tuple[str, str]:
    """Decoded text and the encoding used. ``encoding`` forces one; otherwise it is detected."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise DecodeError(f"{name}: cannot decode as {encoding}: {e}") from None
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc}: {e}") from None
            if enc != "utf-8-sig" and not _wide_text(text):
                raise DecodeError(f"{name}: looks like a binary file (its {enc} reading is not text)")
            return text, enc
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if _wide_text(text):
                return text, utf16
    if b"\x00" in data:
        raise DecodeError(f"{name}: looks like a binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    raise DecodeError(
        f"{name}: not UTF-8, UTF-16 or Windows-1256 text; give the encoding with --encoding if you know it"
    )


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Arabic (06xx) or ASCII leaves one zero-or-06 byte in every pair."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    hi = (0, 6)
    if sum(b in hi for b in odd) > 0.9 * len(odd) and odd.count(0) > 0.05 * len(odd):
        return "utf-16-le"
    if sum(b in hi for b in even) > 0.9 * len(even) and even.count(0) > 0.05 * len(even):
        return "utf-16-be"
    return None


# Where the bytes of a binary file land when read as UTF-16/32: CJK, Hangul, Yi, surrogates, private use.
ODD_RANGES = ((0x3400, 0xD7FF), (0xD800, 0xF8FF), (0x10000, 0x10FFFF))


def _wide_text(text: str) -> bool:
    """A UTF-16/32 reading is text when few of its characters fall where binary data lands."""
    sample = text[:20000]
    if not sample:
        return True
    odd = sum(1 for c in sample if any(lo <= ord(c) <= hi for lo, hi in ODD_RANGES)
              or (ord(c) < 32 and c not in "\n\r\t\f"))
    return odd / len(sample) < 0.3


def _plausible(text: str) -> bool:
    """Text in a legacy code page is plausible when it is mostly letters, digits, spaces and punctuation."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x80 <= ord(c) < 0xA0)
    return bad / len(sample) < 0.01
