"""Bytes to text: BOMs, UTF-8, GB18030, Big5, declared charsets, and bytes that fit nothing."""

from __future__ import annotations

import codecs

import pytest

from extractors.normalize import normalize_bytes
from extractors.normalize.encoding import decode_bytes

NOTICE = "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见（国办发〔2020〕35号）"
TRADITIONAL = "國務院辦公廳關於加快推進政務服務「跨省通辦」的指導意見，請各地認真貫徹執行。"


@pytest.mark.parametrize(
    "data, encoding, method",
    [
        (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "utf-8-sig", "bom"),
        (codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"), "utf-16", "bom"),
        (NOTICE.encode("utf-8"), "utf-8", "utf-8"),
    ],
)
def test_certain_encodings(data, encoding, method):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.method) == (NOTICE, encoding, method)


def test_gb18030_is_detected():
    decoded = decode_bytes((NOTICE * 3).encode("gb18030"))
    assert decoded.text == NOTICE * 3 and decoded.encoding == "gb18030"


def test_big5_is_detected_and_normalizes_to_simplified():
    doc = normalize_bytes((TRADITIONAL * 3).encode("big5"))
    assert doc.quality.encoding.startswith("big5")
    assert doc.text.startswith("国务院办公厅关于加快推进政务服务“跨省通办”的指导意见")  # mainland quotes too


def test_declared_charset_in_html_is_honoured():
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>异地就医备案</body></html>'
    )
    decoded = decode_bytes(html.encode("gb18030"))
    assert "异地就医备案" in decoded.text and decoded.method == "declared"


def test_undecodable_bytes_never_raise():
    decoded = decode_bytes(b"\x81\x30\xff\xfe\x00garbage\xa1" * 10)
    assert isinstance(decoded.text, str)


def test_mixed_script_residue_is_simplified():
    doc = normalize_bytes("深化改革，衆多群众爲此受益，十九届曆次全会。".encode("utf-8"))
    assert doc.text == "深化改革，众多群众为此受益，十九届历次全会。"
    assert doc.quality.script == "mixed" and doc.quality.residual_traditional == 0


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(codec):
    """A Windows export saved as UTF-16 with no BOM: its ASCII holds NUL bytes, which had
    made the file "binary"."""
    from sources.sniff import sniff_kind

    text = "关于推进政务服务“跨省通办”的通知\n各市：2021年底前实现异地就医备案（APP）。"
    data = text.encode(codec)
    assert sniff_kind(data, "notice.txt") == "txt"
    decoded = decode_bytes(data)
    assert decoded.text == text and decoded.encoding == codec


def test_junk_with_nul_bytes_is_still_binary():
    import random

    from sources.models import ReadError
    from sources.sniff import sniff_kind

    junk = random.Random(7).randbytes(5000)
    with pytest.raises(ReadError):
        sniff_kind(junk, "junk.txt")
