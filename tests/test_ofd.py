"""OFD files (GB/T 33190): lines from glyph runs, table rows from column gaps, wrapped cells joined."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.work import process
from sources import IngestError, RawDocument, ReadError, read_text
from sources.ofd import _advances
from sources.sniff import sniff_kind
from tests.conftest import FIXTURES

_NS = "http://www.ofdspec.org/2016"
_SIZE = 4.0


def _object(x: float, y: float, text: str, delta: str = "") -> str:
    delta_x = f' DeltaX="{delta}"' if delta else ""
    return (
        f'<ofd:TextObject ID="1" Boundary="{x} {y - _SIZE} 50 5" Size="{_SIZE}">'
        f'<ofd:TextCode X="0" Y="{_SIZE}"{delta_x}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def _ofd(*pages: str, base_loc_child: bool = False, doc_root: str = "Doc_0/Document.xml") -> bytes:
    """An OFD package of pages, each a string of text objects."""

    def page_entry(index: int) -> str:
        location = f"Pages/Page_{index}/Content.xml"
        if base_loc_child:
            return f'<ofd:Page ID="{index}"><ofd:BaseLoc>/Doc_0/{location}</ofd:BaseLoc></ofd:Page>'
        return f'<ofd:Page ID="{index}" BaseLoc="{location}"/>'

    entries = "".join(page_entry(index) for index in range(len(pages)))
    parts = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{_NS}"><ofd:DocBody><ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{_NS}"><ofd:Pages>{entries}</ofd:Pages></ofd:Document>',
    }
    for index, objects in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{index}/Content.xml"] = (
            f'<ofd:Page xmlns:ofd="{_NS}"><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _text(data: bytes) -> str:
    return read_text(RawDocument.from_bytes("n.ofd", data, sniff_kind(data, "n.ofd"))).text


def test_the_county_notice_reads_as_lines_and_table_rows():
    text = _text((FIXTURES / "county_notice_ofd.ofd").read_bytes())
    lines = text.splitlines()
    assert lines[0] == "茶陵县人民政府办公室关于公布第一批“跨省通办”事项清单的通知"  # a text object a character
    assert lines.count("序号\t事项名称\t责任单位\t办理方式") == 1  # the second page's repeat dropped
    assert "5\t住房公积金提取\t株洲市住房公积金管理中心茶陵县管理部\t全程网办" in lines  # the wrapped cell joined
    assert not any("—" in line for line in lines)  # page numbers gone


def test_glyphs_on_one_baseline_are_one_line_in_x_order_whatever_their_order_in_the_file():
    objects = (
        _object(30, 20, "办") + _object(22, 20, "通") + _object(26, 20.4, "省") + _object(18, 20, "跨") + _object(18, 30, "事项")
    )
    assert _text(_ofd(objects)).splitlines() == ["跨通省办", "事项"]


def test_a_run_without_its_own_position_goes_on_after_the_one_before():
    objects = (
        f'<ofd:TextObject ID="1" Boundary="20 16 80 5" Size="{_SIZE}">'
        f'<ofd:TextCode X="0" Y="{_SIZE}">异地就医</ofd:TextCode><ofd:TextCode>备案</ofd:TextCode></ofd:TextObject>'
    )
    assert _text(_ofd(objects)).splitlines() == ["异地就医备案"]


@pytest.mark.parametrize(
    ("delta", "length", "expected"),
    [("g 3 4.2", 4, [4.2, 4.2, 4.2]), ("4 4.5", 3, [4.0, 4.5]), ("", 3, [_SIZE, _SIZE]), ("g 2 3 5", 4, [3.0, 3.0, 5.0])],
)
def test_delta_x_and_its_compressed_form(delta, length, expected):
    assert _advances(delta, length, _SIZE) == expected


def test_a_letter_spaced_heading_is_one_word_and_a_short_cell_under_a_row_is_a_row_of_its_own():
    heading = _object(90, 20, "通") + _object(110, 20, "知")
    table = _object(20, 40, "1") + _object(40, 40, "个体工商户登记") + _object(140, 40, "县市场监管局")
    sub_row = _object(40, 46, "设立登记")  # under the name column, which the row above did not fill
    lines = _text(_ofd(heading + table + sub_row)).splitlines()
    assert lines == ["通知", "1\t个体工商户登记\t县市场监管局", "\t设立登记"]


def test_page_locations_as_child_elements_from_the_package_root():
    assert _text(_ofd(_object(20, 20, "婚姻登记"), base_loc_child=True)).strip() == "婚姻登记"


@pytest.mark.parametrize(
    ("data", "error_type"),
    [
        (_ofd(_object(20, 20, "婚姻登记"), doc_root=""), "office_broken"),  # no document named
        (_ofd(_object(20, 20, "婚姻登记"), doc_root="Doc_9/Document.xml"), "office_broken"),  # no such part
        (_ofd('<ofd:ImageObject ID="1" Boundary="0 0 210 297" ResourceID="2"/>'), "no_text_layer"),  # a scan
    ],
)
def test_a_broken_or_scanned_ofd_is_a_recorded_error(data, error_type):
    assert sniff_kind(data, "n.ofd") == "ofd"
    with pytest.raises(ReadError) as caught:
        _text(data)
    assert caught.value.error_type == error_type
    failed = process(RawDocument.from_bytes("n.ofd", data, "ofd"))
    assert isinstance(failed, IngestError) and failed.error_type == error_type


def test_a_text_objects_ctm_maps_its_positions_and_size_to_the_page():
    """A converter from PDF writes positions, advances and sizes in the PDF's units with a CTM to
    mm: two cells 19 mm apart stay two cells, and a glyph per object on the line below one word."""
    ctm = 'CTM="0.3527 0 0 0.3527 -114.4 111.35"'

    def placed(x: float, top: float, text: str) -> str:
        return (
            f'<ofd:TextObject ID="1" {ctm} Boundary="{x} {top} 30 6" Size="14.749"><ofd:TextCode X="324.419" '
            f'Y="-303.723" DeltaX="g {len(text) - 1} 14.749">{text}</ofd:TextCode></ofd:TextObject>'
        )

    row = placed(20, 16, "户口迁移") + placed(60, 16, "县公安局")
    word = "".join(placed(20 + 5.2 * index, 26, char) for index, char in enumerate("省医保局"))
    assert _text(_ofd(row + word)).splitlines() == ["户口迁移\t县公安局", "省医保局"]
