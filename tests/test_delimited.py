"""CSV and TSV (a portal's open-data download of its items) read as tab rows, as a sheet is."""

from __future__ import annotations

import pytest

from extractors import extract_text
from pipeline.work import process
from sources import IngestError, RawDocument, ReadError, read_text
from sources.sniff import sniff_kind
from tests.conftest import FIXTURES

_EXCEL_CSV = (
    "序号,事项名称,实施主体,通办范围\r\n"
    '1,社会保障卡申领,某潭市人力资源和社会保障局,"跨省通办,省内通办"\r\n'
    '2,"失业保险金\n申领",某潭市人力资源和社会保障局,省内通办\r\n'
    "\r\n"
)


def _read(data: bytes, name: str) -> str:
    return read_text(RawDocument.from_bytes(name, data, sniff_kind(data, name))).text


def test_excel_csv_in_gb18030_reads_as_tab_rows_with_quoted_cells_whole():
    text = _read(_EXCEL_CSV.encode("gb18030"), "list.csv")
    assert text.splitlines() == [
        "序号\t事项名称\t实施主体\t通办范围",
        "1\t社会保障卡申领\t某潭市人力资源和社会保障局\t跨省通办,省内通办",  # the quoted comma stays in its cell
        "2\t失业保险金申领\t某潭市人力资源和社会保障局\t省内通办",  # a name's tail on its own line
    ]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ("sep=;\n序号;事项名称;实施主体\n1;婚姻登记;某潭市民政局\n", "list.csv"),  # Excel's hint line
        ("序号\t事项名称\t实施主体\n1\t婚姻登记\t某潭市民政局\n", "list.tsv"),
        ("序号;事项名称;实施主体\n1;婚姻登记;某潭市民政局\n2;户口迁移;某潭市公安局\n", "list.csv"),  # sniffed
    ],
)
def test_other_delimiters_by_hint_by_name_or_by_sniffing(data, name):
    assert _read(data.encode("utf-8"), name).splitlines()[1] == "1\t婚姻登记\t某潭市民政局"


def test_a_text_with_half_width_commas_is_no_csv_unless_named_so():
    assert sniff_kind("为深化改革,现将有关事项通知如下,请遵照执行。".encode(), "notice.txt") == "txt"


def test_a_stray_quote_is_a_recorded_error_not_a_crash():
    data = ('序号,事项名称\n1,"婚姻登记' + "登记" * 70_000 + "\n").encode("utf-8")
    with pytest.raises(ReadError) as caught:
        _read(data, "broken.csv")
    assert caught.value.error_type == "csv_malformed"
    failed = process(RawDocument.from_bytes("broken.csv", data, "csv"))
    assert isinstance(failed, IngestError) and failed.error_type == "csv_malformed"


def test_an_open_data_list_names_its_items_and_their_bodies():
    result = extract_text(_read((FIXTURES / "city_open_data_list.csv").read_bytes(), "city_open_data_list.csv"))
    by_name = {item.name: item for item in result.items}
    assert by_name["户籍类证明开具"].scope == ("跨省通办", "省内通办")
    assert by_name["失业保险金申领"].modes == ("两地联办",)
    responsible = {d.canonical for d in result.departments if d.role == "responsible"}
    assert "湘潭市公安局交通警察支队" in responsible and len(responsible) == 7
    assert result.deadlines == []  # 承诺办结时限（工作日）: processing times, no deadlines
