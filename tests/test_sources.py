"""Sources: folder discovery, sniffing, encodings, bad input as clear errors (HTML and PDF readers: test_html, test_pdf)."""

from __future__ import annotations

import pytest

from extractors import normalize_text
from sources import IngestError, RawDocument, ReadError, discover, read_text
from sources.sniff import sniff_kind
from tests.conftest import SEED_003


def test_folder_discovery_is_recursive_sorted_and_keyed_by_content(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("第二份通知", encoding="utf-8")
    (tmp_path / "one.txt").write_text("第一份通知", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip", encoding="utf-8")
    found = list(discover(tmp_path))
    assert [d.uri for d in found] == ["b/two.txt", "one.txt"]
    assert all(isinstance(d, RawDocument) and len(d.sha256) == 64 for d in found)


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    (error,) = list(discover(tmp_path / "nope"))
    assert isinstance(error, IngestError) and error.error_type == "missing_source"


@pytest.mark.parametrize(
    "data, name, error_type",
    [
        (b"", "a.txt", "empty"),
        (b"  \n ", "a.txt", "empty"),
        (bytes(range(256)) * 4, "a.txt", "binary"),
        (b"hello", "a.pdf", "pdf_broken"),
    ],
)
def test_sniffing_rejects_junk_with_a_type(data, name, error_type):
    with pytest.raises(ReadError) as caught:
        sniff_kind(data, name)
    assert caught.value.error_type == error_type


def test_sniffing_trusts_bytes_over_names():
    assert sniff_kind(b"<!DOCTYPE html><html><body>x</body></html>", "saved.txt") == "html"
    assert sniff_kind(b"%PDF-1.4 ...", "noext") == "pdf"
    assert sniff_kind("通知".encode("gb18030"), "x.txt") == "txt"


def test_gbk_and_big5_files_decode(tmp_path):
    text = "国务院办公厅关于加快推进政务服务“跨省通办”的指导意见"
    gbk = RawDocument.from_bytes("gbk.txt", text.encode("gb18030"), "txt")
    assert read_text(gbk).text == text and read_text(gbk).encoding == "gb18030"
    big5 = RawDocument.from_bytes(
        "big5.txt", "國務院辦公廳關於加快推進政務服務跨省通辦的指導意見，現予印發。".encode("big5"), "txt"
    )
    assert "國務院辦公廳" in read_text(big5).text


def test_sample_txt_reads_to_its_own_text():
    doc = RawDocument.from_bytes(SEED_003.name, SEED_003.read_bytes(), "txt")
    assert read_text(doc).text == SEED_003.read_text(encoding="utf-8")
    assert normalize_text(read_text(doc).text).text.startswith("广东省医疗保障局文件")
