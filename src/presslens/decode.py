"""Turn the bytes of a scraped file into text, whatever encoding the scraper used.

UTF-8 (with or without a BOM), UTF-16/32 (with a BOM, or UTF-16 without one), cp1251,
koi8-r and koi8-u are recognised; anything else goes to charset-normalizer. Empty and
binary files are refused with :class:`UndecodableError`.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CYRILLIC_8BIT = ("cp1251", "koi8_r", "koi8_u")
_SAMPLE = 256 * 1024


class UndecodableError(ValueError):
    """The bytes are empty, binary, or in no encoding that gives plausible text."""


def _plausibility(text: str) -> float:
    """Score how much ``text`` looks like real ru/uk prose (higher is better)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    odd = sum(
        1 for ch in text if ("\u2500" <= ch <= "\u259f") or (ord(ch) < 32 and ch not in "\t\r\n")
    )
    lower = sum(1 for ch in cyr if ch.islower())
    share = len(cyr) / len(letters)
    return share * (lower / len(cyr) if cyr else 1.0) - odd / max(len(text), 1)


def _looks_binary(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > 0.02 * len(sample)


def _utf16_without_bom(sample: bytes) -> str | None:
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    # The high byte of Latin (0x00) and Cyrillic (0x04) characters comes second in LE.
    if odd.count(0) + odd.count(4) > 0.3 * len(odd):
        return "utf-16-le"
    if even.count(0) + even.count(4) > 0.3 * len(even):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of one file.

    Parameters
    ----------
    data : bytes
        The whole file.

    Returns
    -------
    tuple of (str, str)
        The text and the name of the encoding it was read with.

    Raises
    ------
    UndecodableError
        For an empty (or whitespace-only) file, a binary file, or bytes that no
        encoding turns into plausible text.

    Examples
    --------
    >>> decode_bytes("Привет".encode("cp1251"))
    ('Привет', 'cp1251')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            if not text.strip():
                raise UndecodableError("the file is empty")
            return text, name
    sample = data[:_SAMPLE]
    if not sample.strip():
        raise UndecodableError("the file is empty")
    if b"\x00" in sample:
        name = _utf16_without_bom(sample)
        if name is None:
            raise UndecodableError("the file is binary (it contains NUL bytes)")
        return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(sample):
        raise UndecodableError("the file is binary (control bytes)")
    guess = from_bytes(sample).best()
    names = list(_CYRILLIC_8BIT)
    if guess is not None and guess.encoding not in names:
        names.append(guess.encoding)
    scored = []
    for rank, name in enumerate(names):
        try:
            text = sample.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_plausibility(text), -rank, name))
    if not scored:
        raise UndecodableError("no known encoding decodes the file")
    score, _, best = max(scored)
    if score < 0.5:
        raise UndecodableError("the file does not decode to readable text in any known encoding")
    return data.decode(best, errors="replace"), best
