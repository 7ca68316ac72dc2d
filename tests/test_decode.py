import os

import pytest

from presslens.corpus.decode import UndecodableError, decode_bytes

RU = "Генсек НАТО заявил, что Альянс готов к диалогу с Россией. «Мы готовы», — сказал он."
UK = "Генсек НАТО заявив, що Альянс готовий до діалогу з Росією. «Ми готові», — сказав він."


@pytest.mark.parametrize("text", [RU, UK, RU + "\r\n" + RU])
@pytest.mark.parametrize(
    ("encoding", "accepted"),
    [
        ("utf-8", {"utf-8"}),
        ("utf-8-sig", {"utf-8-sig"}),
        ("cp1251", {"cp1251"}),
        ("koi8_u", {"koi8_u", "koi8_r"}),
        ("utf-16", {"utf-16"}),
        ("utf-16-le", {"utf-16-le"}),
        ("utf-16-be", {"utf-16-be"}),
    ],
)
def test_decodes_what_scrapers_write(text, encoding, accepted):
    if encoding.startswith("koi8"):  # koi8 has no typographic quotes or dashes
        text = text.replace("«", '"').replace("»", '"').replace("—", "-")
    if encoding == "koi8_u" and "заявил" in text:  # Russian text is the same in koi8-r
        accepted = accepted | {"koi8_r"}
    decoded, name = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert name in accepted


def test_koi8_r_russian():
    plain = RU.replace("«", '"').replace("»", '"').replace("—", "-")
    assert decode_bytes(plain.encode("koi8_r")) == (plain, "koi8_r")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00\x00\x00\x00", "binary"),
    ],
)
def test_refuses_empty_and_binary(data, message):
    with pytest.raises(UndecodableError, match=message):
        decode_bytes(data)
