"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32, Windows-1256 and ISO 8859-6, then whatever
charset-normalizer recognises; binary data and undecodable bytes get a clear error."""
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
# Legacy code pages of Arabic news sites, tried in this order when the bytes are not UTF-8. Detectors guess
# short Arabic texts wrong (two words of cp1256 read as Big5), so these come first, with a check that the
# reading is Arabic.
LEGACY = ("cp1256", "iso8859-6")
# A legacy reading is taken when it is mostly Arabic letters and this share of its non-ASCII letters is
# Arabic: ISO 8859-6 bytes read as cp1256 come out about 80% Arabic (ي, ى and ق land on ê, é and â), a
# real cp1256 text all but 100%.
ARABIC_SHARE = 0.95


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
    if b"\x00" not in data:  # NUL bytes: UTF-16/32 without a mark, or binary data
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _plausible(text):
                return text, "utf-8"
        for enc in LEGACY:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and _arabic(text):
                return text, enc
    detected = _detect(data)
    if detected:
        return detected
    if b"\x00" in data:
        raise DecodeError(f"{name}: looks like a binary file (contains NUL bytes), not text")
    if not _plausible(data.decode("latin-1")):
        raise DecodeError(f"{name}: looks like a binary file (full of control codes), not text")
    raise DecodeError(
        f"{name}: not UTF-8, UTF-16 or Windows-1256 text; give the encoding with --encoding if you know it"
    )


def _detect(data: bytes) -> tuple[str, str] | None:
    """The reading charset-normalizer finds most likely, when it is text; None when it finds none."""
    from charset_normalizer import from_bytes  # imported here: most input is UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None
    enc = codecs.lookup(best.encoding).name
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    wide = enc.startswith(("utf-16", "utf-32"))
    if (wide and not _wide_text(text)) or not _plausible(text):
        return None
    return text, enc


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
    """A reading is plausible when it is mostly letters, digits, spaces and punctuation, not control codes."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / len(sample) < 0.01


def _arabic(text: str) -> bool:
    """A legacy reading is Arabic: more Arabic letters than Latin ones (accented Latin text read as ISO
    8859-6 turns only its accents into Arabic), and nearly all non-ASCII letters Arabic."""
    letters = [c for c in text[:20000] if c.isalpha()]
    wide = [c for c in letters if ord(c) > 127]
    arabic = sum(1 for c in wide if 0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF)
    return arabic > len(letters) - len(wide) and arabic >= ARABIC_SHARE * len(wide)
