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
    # letters outside ASCII only: ids, URLs and Latin names in a table say nothing of the
    # encoding of its Cyrillic
    letters = [ch for ch in text if ch.isalpha() and ord(ch) > 127]
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
    # The high byte of Latin (0x00) and Cyrillic (0x04) characters comes second in LE; in a
    # Russian or Ukrainian text nearly every high byte is one of the two.
    for name, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if high.count(0) + high.count(4) > 0.8 * len(high):
            text = sample.decode(name, errors="replace")
            if not _looks_binary(text.encode("utf-8", errors="replace")):
                return name
    return None


#: A file with more NUL bytes than this share (and more than three) is binary; fewer are
#: stray and removed.
_STRAY_NULS = 0.001


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Decode a file whose lines mix UTF-8 and an 8-bit Cyrillic encoding (two sources pasted
    together): UTF-8 lines as UTF-8, the others in the encoding that reads them best."""
    lines = data.split(b"\n")
    utf8, other = [], []
    for k, line in enumerate(lines):
        try:
            line.decode("utf-8")
            if any(b > 127 for b in line):
                utf8.append(k)
        except UnicodeDecodeError:
            other.append(k)
    if not utf8 or not other:
        return None
    rest = b"\n".join(lines[k] for k in other)
    best = max(_CYRILLIC_8BIT, key=lambda n: _plausibility(rest.decode(n, errors="replace")))
    eight_bit = set(other)
    out = [line.decode(best if k in eight_bit else "utf-8", errors="replace")
           for k, line in enumerate(lines)]
    return "\n".join(out), f"utf-8 and {best} (mixed lines)"


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
    text, name = _decode(data)
    if not text.strip():  # also a file of no-break spaces, or UTF-16 spaces
        raise UndecodableError("the file is empty")
    return text, name


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    sample = data[:_SAMPLE]
    if not sample.strip():
        raise UndecodableError("the file is empty")
    if b"\x00" in sample:
        name = _utf16_without_bom(sample)
        if name is not None:
            return data.decode(name, errors="replace"), name
        if data.count(0) > max(3, _STRAY_NULS * len(data)):
            raise UndecodableError("the file is binary (it contains NUL bytes)")
        text, name = _decode(data.replace(b"\x00", b""))  # a few stray NULs in a text
        return text, f"{name}, NUL bytes removed"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # the file was cut inside its last character
            return data[: exc.start].decode("utf-8"), "utf-8, last character cut off"
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
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
