"""Sources: folder discovery, sniffing, HTML and PDF readers, bad input as clear errors."""

from __future__ import annotations

import pytest

from extractors import extract, normalize_text
from pipeline.work import normalize_document, process
from sources import IngestError, RawDocument, ReadError, discover, read_text
from sources.html import html_to_text
from sources.sniff import sniff_kind
from tests.conftest import SEED_003, write_image_only_pdf, write_table_pdf, write_text_pdf


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
    [(b"", "a.txt", "empty"), (b"  \n ", "a.txt", "empty"), (bytes(range(256)) * 4, "a.txt", "binary"), (b"hello", "a.pdf", "pdf_broken")],
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
    big5 = RawDocument.from_bytes("big5.txt", "國務院辦公廳關於加快推進政務服務跨省通辦的指導意見，現予印發。".encode("big5"), "txt")
    assert "國務院辦公廳" in read_text(big5).text


def test_html_keeps_structure_and_drops_ruby_and_chrome():
    html = (
        '<html><head><meta charset="utf-8"><script>var a = "跨省通办";</script><style>p{}</style></head>'
        "<body><nav>首页 | 政策</nav><h1>关于<ruby>通<rp>(</rp><rt>tōng</rt><rp>)</rp></ruby>办的通知</h1>"
        "<p>各地级以上市医疗保障局：</p><table><tr><th>序号</th><th>事项名称\n（子项）</th></tr>"
        "<tr><td>1</td><td>生育津贴\n支付</td></tr></table><footer>版权所有</footer></body></html>"
    )
    text = html_to_text(html)
    assert "关于通办的通知" in text and "tōng" not in text
    assert "序号\t事项名称（子项）" in text and "1\t生育津贴支付" in text
    assert "首页" not in text and "版权所有" not in text and "var a" not in text


def test_gbk_html_with_meta_charset():
    html = '<html><head><meta charset="gb2312"></head><body><p>异地就医备案</p></body></html>'
    doc = RawDocument.from_bytes("page.html", html.encode("gb18030"), "html")
    assert read_text(doc).text.strip() == "异地就医备案"


def test_pdf_text_layer(tmp_path):
    path = write_text_pdf(tmp_path / "notice.pdf", ["广东省医疗保障局关于印发工作方案的通知", "（完成时限：5月25日前，责任单位：各地级以上市医疗保障局。）"])
    doc = RawDocument.from_bytes("notice.pdf", path.read_bytes(), "pdf")
    text = read_text(doc).text
    assert "完成时限：5月25日前" in text


def test_pdf_table_rows_join_wrapped_cells(tmp_path):
    rows = [["1", "医保定点医疗机构基础信息变更", "医保定点医疗机构基础信息变更", "省内通办；跨省通办"],
            ["2", "生育保险待遇核准支付", "产前检查费支付", "省内通办；跨省通办"]]
    header = ["序号", "事项名称（主项）", "事项名称（子项）", "通办目标"]
    path = write_table_pdf(tmp_path / "table.pdf", "工作进展情况表", header, rows, [30, 90, 90, 110])
    doc = normalize_document(RawDocument.from_bytes("table.pdf", path.read_bytes(), "pdf"))
    items = extract(doc.normalized).items
    assert [(i.name, i.main_item) for i in items] == [(r[2], r[1]) for r in rows]


@pytest.mark.parametrize(
    "make, error_type",
    [
        (lambda p: write_text_pdf(p, ["加密的通知"], encrypt="secret"), "pdf_encrypted"),
        (lambda p: p.write_bytes(write_text_pdf(p, ["被截断的通知"] * 40).read_bytes()[:600]), "pdf_broken"),
        (write_image_only_pdf, "no_text_layer"),
    ],
)
def test_bad_pdfs_become_typed_errors(tmp_path, make, error_type):
    path = tmp_path / "bad.pdf"
    make(path)
    result = process(RawDocument.from_bytes("bad.pdf", path.read_bytes(), "pdf"))
    assert isinstance(result, IngestError)
    assert (result.stage, result.error_type) == ("read", error_type)


def test_sample_txt_reads_to_its_own_text():
    doc = RawDocument.from_bytes(SEED_003.name, SEED_003.read_bytes(), "txt")
    assert read_text(doc).text == SEED_003.read_text(encoding="utf-8")
    assert normalize_text(read_text(doc).text).text.startswith("广东省医疗保障局文件")
