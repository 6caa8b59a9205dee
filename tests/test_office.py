"""Word and Excel attachments: .docx and .xlsx read with the standard library, .xls with xlrd, .doc
from its piece table and paragraph properties; other formats refused with a reason."""

from __future__ import annotations

import datetime
import io
import struct
import zipfile

import olefile
import pytest
import xlwt

from extractors import extract, normalize_text
from sources import RawDocument, ReadError, read_text
from sources.sniff import sniff_kind
from tests.ole_files import ole_file, word_97

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cell(text: str, merge: str | None = None) -> str:
    props = f'<w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr>' if merge == "restart" else ""
    props = "<w:tcPr><w:vMerge/></w:tcPr>" if merge == "continue" else props
    return f"<w:tc>{props}{paragraph(text) if text else '<w:p/>'}</w:tc>"


def docx(body: str, namespaces: str = "") -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} {namespaces}><w:body>{body}</w:body></w:document>'
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


PLAN_DOCX = docx(
    paragraph("关于做好医保经办“跨省通办”工作的通知")
    + paragraph("各地级以上市医疗保障局：")
    + "<w:tbl>"
    + "<w:tr>"
    + cell("序号")
    + cell("事项名称")
    + cell("完成时限")
    + cell("责任单位")
    + "</w:tr>"
    + "<w:tr>"
    + cell("1")
    + cell("生育津贴支付")
    + cell("2021年底前")
    + cell("省医疗保障局", "restart")
    + "</w:tr>"
    + "<w:tr>"
    + cell("2")
    + cell("异地就医备案")
    + cell("2021年6月底前")
    + cell("", "continue")
    + "</w:tr>"
    + "</w:tbl>"
    + paragraph("广东省医疗保障局")
    + paragraph("2021年5月24日")
)


def test_docx_paragraphs_and_table_rows_with_merged_cells():
    text = read_text(RawDocument.from_bytes("plan.docx", PLAN_DOCX, sniff_kind(PLAN_DOCX, "plan.docx"))).text
    assert text.startswith("关于做好医保经办“跨省通办”工作的通知\n")
    assert "1\t生育津贴支付\t2021年底前\t省医疗保障局\n2\t异地就医备案\t2021年6月底前\t省医疗保障局" in text


def test_tracked_changes_and_placeholders_read_as_the_notice_now_reads():
    """A Word file saved with its changes tracked: deleted text (w:delText) and text moved
    elsewhere (w:moveFrom) are not read, inserted and moved-to text is; a content control that
    shows its prompt (单击或点击此处输入文字。) holds none of the notice's text."""
    run = lambda text, tag="w:t": f"<w:r><{tag}>{text}</{tag}></w:r>"  # noqa: E731
    body = (
        "<w:p>"
        + run("推进")
        + '<w:del w:id="1" w:author="a">'
        + run("婚姻登记、", "w:delText")
        + "</w:del>"
        + '<w:ins w:id="2" w:author="a">'
        + run("户口迁移、")
        + "</w:ins>"
        + '<w:moveFrom w:id="3" w:author="a">'
        + run("异地就医备案、")
        + "</w:moveFrom>"
        + run("失业登记")
        + '<w:moveTo w:id="4" w:author="a">'
        + run("、异地就医备案")
        + "</w:moveTo>"
        + run("“跨省通办”。")
        + "</w:p>"
        + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>"
        + run("单击或点击此处输入文字。")
        + "</w:p></w:sdtContent></w:sdt>"
    )
    data = docx(body)
    text = read_text(RawDocument.from_bytes("plan.docx", data, sniff_kind(data, "plan.docx"))).text
    assert text == "推进户口迁移、失业登记、异地就医备案“跨省通办”。\n"


def test_docx_item_table_extracts_items_with_deadline_and_department():
    doc = RawDocument.from_bytes("plan.docx", PLAN_DOCX, "docx")
    result = extract(normalize_text(read_text(doc).text))
    assert [i.name for i in result.items] == ["生育津贴支付", "异地就医备案"]
    assert result.document.issued == "2021-05-24"
    assert {(d.canonical, d.role) for d in result.departments} >= {("广东省医疗保障局", "responsible")}


NUMBERING = (
    f"<w:numbering {W}>"
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
)


def numbered(text: str, num_id: int, level: int = 0) -> str:
    return f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def test_word_numbers_its_own_lists_and_the_text_shows_them_as_a_reader_sees_them():
    """Word keeps a numbered paragraph's number in numbering.xml: the text had "失业保险金申领"
    where the page shows "1.失业保险金申领", and a 序号 column Word numbers was empty."""
    body = (
        numbered("工作目标", 1)
        + numbered("失业保险金申领", 1, 1)
        + numbered("职工参保登记", 1, 1)
        + numbered("重点任务", 1)
        + numbered("异地就医备案", 1, 1)  # a new entry above restarts the level under it
        + numbered("加强统筹", 2)
        + "<w:tbl><w:tr>"
        + cell("序号")
        + cell("事项名称")
        + "</w:tr>"
        + "<w:tr><w:tc>"
        + numbered("", 3)
        + "</w:tc>"
        + cell("生育津贴支付")
        + "</w:tr>"
        + "<w:tr><w:tc>"
        + numbered("", 3)
        + "</w:tc>"
        + cell("异地就医备案")
        + "</w:tr></w:tbl>"
    )
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    data = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": document, "word/numbering.xml": NUMBERING})
    lines = read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text.split("\n")
    assert lines[:6] == ["一、工作目标", "1.失业保险金申领", "2.职工参保登记", "二、重点任务", "1.异地就医备案", "●加强统筹"]
    assert lines[7:10] == ["序号\t事项名称", "1\t生育津贴支付", "2\t异地就医备案"]


def test_a_heading_style_that_numbers_its_paragraphs_numbers_them_and_num_id_0_numbers_none():
    styles = (
        f'<w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
        "</w:style></w:styles>"
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>工作目标</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>说明</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>重点任务</w:t></w:r></w:p>'
    )
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    data = zipped({"word/document.xml": document, "word/numbering.xml": NUMBERING, "word/styles.xml": styles})
    assert read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text == "一、工作目标\n说明\n二、重点任务\n"


def test_a_style_based_on_a_numbered_style_and_a_style_a_level_names_number_their_paragraphs():
    """标题 2 linked to the list's second level (w:lvl/w:pStyle) with no level of its own, and
    a style based on 标题 1 that sets no numbering of its own: both number as Word shows them."""
    numbering = NUMBERING.replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="2"/>', 1
    )
    styles = (
        f"<w:styles {W}>"
        '<w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="plan1"><w:basedOn w:val="1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="loop"><w:basedOn w:val="loop"/></w:style>'
        "</w:styles>"
    )

    def styled(style: str, text: str) -> str:
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'

    body = styled("plan1", "工作目标") + styled("2", "失业保险金申领") + styled("2", "职工参保登记") + styled("loop", "说明")
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    data = zipped({"word/document.xml": document, "word/numbering.xml": numbering, "word/styles.xml": styles})
    text = read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text
    assert text == "一、工作目标\n1.失业保险金申领\n2.职工参保登记\n说明\n"


def test_a_damaged_numbering_part_loses_the_numbers_not_the_document():
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{numbered("工作目标", 1)}</w:body></w:document>'
    data = zipped({"word/document.xml": document, "word/numbering.xml": "<w:numbering"})
    assert read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text == "工作目标\n"
    broken_level = NUMBERING.replace('w:ilvl="0"><w:start w:val="1"/>', 'w:ilvl="x"><w:start w:val="-"/>', 1)
    data = zipped({"word/document.xml": document, "word/numbering.xml": broken_level})
    assert read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text == "一、工作目标\n"


def test_paragraphs_inside_a_content_control_are_read():
    body = (
        paragraph("关于做好医保经办“跨省通办”工作的通知")
        + "<w:sdt><w:sdtContent>"
        + paragraph("某省医疗保障局")
        + "</w:sdtContent></w:sdt>"
    )
    text = read_text(RawDocument.from_bytes("plan.docx", docx(body), "docx")).text
    assert text == "关于做好医保经办“跨省通办”工作的通知\n某省医疗保障局\n"


MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
BOX_NAMESPACES = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="wp" xmlns:a="a" xmlns:wps="wps"'


def text_box(*texts: str, fallback: bool = True) -> str:
    """A run holding a text box as Word saves it: a drawing (mc:Choice) and the same box again
    as VML for older readers (mc:Fallback); or VML alone, as older Word saved it."""
    content = "<w:txbxContent>" + "".join(paragraph(text) for text in texts) + "</w:txbxContent>"
    vml = f"<w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
    if not fallback:
        return f"<w:r>{vml}</w:r>"
    drawing = f"<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    return f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps">{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>'


def test_a_text_box_is_read_once_as_lines_before_its_anchor_paragraph():
    """A red-headed notice sets its issuer's banner in a text box anchored in an empty first
    paragraph; the box had been read into that paragraph twice (its drawing and its VML copy)."""
    body = (
        f"<w:p>{text_box('某市人民政府办公室文件', '某府办〔2024〕3号')}</w:p>"
        + paragraph("关于推进政务服务“跨省通办”的通知")
        + f"<w:p><w:r><w:t>各区人民政府：</w:t></w:r>{text_box('（此件公开发布）', fallback=False)}</w:p>"
    )
    data = docx(body, BOX_NAMESPACES)
    text = read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text
    assert (
        text == "某市人民政府办公室文件\n某府办〔2024〕3号\n关于推进政务服务“跨省通办”的通知\n（此件公开发布）\n各区人民政府：\n"
    )


def test_a_text_box_in_a_table_cell_is_read_once():
    row = "<w:tr>" + cell("1") + f"<w:tc><w:p>{text_box('异地就医备案')}</w:p></w:tc>" + cell("市医保局") + "</w:tr>"
    data = docx(f"<w:tbl>{row}</w:tbl>", BOX_NAMESPACES)
    assert read_text(RawDocument.from_bytes("plan.docx", data, "docx")).text == "1\t异地就医备案\t市医保局\n"


def xlsx(rows: list[list[str]], merges: str = "") -> bytes:
    strings = sorted({value for row in rows for value in row if value})
    index = {value: i for i, value in enumerate(strings)}
    cells = "".join(
        f'<row r="{r + 1}">'
        + "".join(f'<c r="{"ABCD"[c]}{r + 1}" t="s"><v>{index[v]}</v></c>' for c, v in enumerate(row) if v)
        + "</row>"
        for r, row in enumerate(rows)
    )
    shared = "".join(f"<si><t>{value}</t></si>" for value in strings)
    return zipped(
        {
            "xl/workbook.xml": f"<workbook {S}/>",
            "xl/sharedStrings.xml": f"<sst {S}>{shared}</sst>",
            "xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData>{cells}</sheetData>{merges}</worksheet>",
        }
    )


def test_xlsx_rows_become_tab_separated_lines_and_merged_cells_repeat():
    data = xlsx(
        [["序号", "事项名称", "责任单位"], ["1", "生育津贴支付", "省医疗保障局"], ["2", "异地就医备案", ""]],
        merges='<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>',
    )
    assert sniff_kind(data, "list.xlsx") == "xlsx"
    text = read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text
    assert text == "序号\t事项名称\t责任单位\n1\t生育津贴支付\t省医疗保障局\n2\t异地就医备案\t省医疗保障局\n"
    assert [i.name for i in extract(normalize_text(text)).items] == ["生育津贴支付", "异地就医备案"]


def test_xlsx_date_cells_are_dates_and_plain_numbers_stay_numbers():
    """Excel stores 2023年6月30日 as 45107 and says in the cell's style that it is a date: a
    完成时限 column of them had read as five-digit numbers and given no deadline."""
    styles = (
        f'<styleSheet {S}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
        '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/>'
        '<xf numFmtId="177"/></cellXfs></styleSheet>'
    )
    sheet = (
        f"<worksheet {S}><sheetData>"
        '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>事项名称</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>完成时限</t></is></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>生育津贴支付</t></is></c><c r="C2" s="1"><v>45107</v></c></row>'
        '<row r="3"><c r="A3" s="3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>异地就医备案</t></is></c><c r="C3" s="2"><v>45291</v></c></row>'
        "</sheetData></worksheet>"
    )
    data = zipped({"xl/workbook.xml": f"<workbook {S}/>", "xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet})
    text = read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text
    assert text == "序号\t事项名称\t完成时限\n1\t生育津贴支付\t2023年6月30日\n2\t异地就医备案\t2023年12月31日\n"
    # a workbook counting from 1904 (old Mac Excel) puts the same serial four years later
    data = zipped(
        {
            "xl/workbook.xml": f'<workbook {S}><workbookPr date1904="1"/></workbook>',
            "xl/styles.xml": styles,
            "xl/worksheets/sheet1.xml": sheet,
        }
    )
    assert "2027年7月1日" in read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text


def test_a_sheet_titled_by_a_merged_row_gives_its_title_and_its_columns_roles():
    """A merged title row over the header repeats its text in every cell: it is the list's
    title (whose place resolves a bare 市), not the table's header."""
    rows = [
        ["某宁市“跨省通办”事项清单（第三批）"] * 4,
        ["序号", "事项名称", "主管部门", "通办范围"],
        ["1", "机动车驾驶证补领", "市公安局", "跨省通办"],
        ["2", "教师资格证补发", "市教育局", "省内通办"],
    ]
    data = xlsx(rows)
    result = extract(normalize_text(read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text))
    assert result.document.title == "某宁市“跨省通办”事项清单（第三批）"
    assert [(d.canonical, d.role) for d in result.departments] == [
        ("某宁市公安局", "responsible"),
        ("某宁市教育局", "responsible"),
    ]
    assert [i.name for i in result.items] == ["机动车驾驶证补领", "教师资格证补发"]


@pytest.mark.parametrize(
    ("data", "error_type"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "office_broken"),  # an OLE header and nothing
        (ole_file({"WpsContent": b"x" * 5000}), "unsupported_format"),  # neither Word's nor Excel's stream
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "image"),
        (zipped({"mimetype": "application/epub+zip"}), "unsupported_format"),
        (b"PK\x03\x04" + bytes(60), "office_broken"),
    ],
)
def test_formats_we_cannot_read_are_named(data, error_type):
    with pytest.raises(ReadError) as caught:
        sniff_kind(data, "attachment")
    assert caught.value.error_type == error_type


def test_a_docx_with_broken_xml_is_a_read_error():
    data = zipped({"word/document.xml": "<w:document"})
    with pytest.raises(ReadError) as caught:
        read_text(RawDocument.from_bytes("bad.docx", data, sniff_kind(data, "bad.docx")))
    assert caught.value.error_type == "office_broken"


def test_a_sheets_name_that_says_what_it_holds_captions_its_rows_in_tab_order():
    """Two bare tables whose tabs alone say their scope: each name goes above its rows, in the
    workbook's tab order (not the parts' numbers), and the scope reaches the items."""

    def sheet(name: str) -> str:
        return f'<worksheet {S}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>事项名称</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>{name}</t></is></c></row></sheetData></worksheet>'

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        f'<workbook {S} xmlns:r="{rel}"><sheets>'
        '<sheet name="跨省通办事项" sheetId="1" r:id="rId2"/><sheet name="省内通办事项" sheetId="2" r:id="rId1"/>'
        '<sheet name="Sheet3" sheetId="3" r:id="rId3"/></sheets></workbook>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Target="/xl/worksheets/sheet3.xml"/></Relationships>'
    )
    data = zipped(
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": sheet("失业登记"),
            "xl/worksheets/sheet2.xml": sheet("异地就医备案"),
            "xl/worksheets/sheet3.xml": sheet("户口迁移"),
        }
    )
    text = read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text
    assert text.split("\n\n") == [
        "跨省通办事项\n序号\t事项名称\n1\t异地就医备案",
        "省内通办事项\n序号\t事项名称\n1\t失业登记",
        "序号\t事项名称\n1\t户口迁移\n",
    ]
    scopes = {i.name: i.scope for i in extract(normalize_text(text)).items}
    assert (scopes["异地就医备案"], scopes["失业登记"]) == (("跨省通办",), ("省内通办",))


def test_a_hidden_sheet_of_lookup_lists_is_not_read():
    """A form's drop-downs draw on a hidden sheet (its units, its modes): no rows of the list."""
    cells = lambda *values: "".join(f'<c r="A{i}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values, 1))  # noqa: E731
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        f'<workbook {S} xmlns:r="{rel}"><sheets><sheet name="事项清单" sheetId="1" r:id="rId1"/>'
        '<sheet name="下拉选项" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/>'
        "</Relationships>"
    )
    data = zipped(
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": f'<worksheet {S}><sheetData><row r="1">{cells("异地就医备案")}</row></sheetData></worksheet>',
            "xl/worksheets/sheet2.xml": f'<worksheet {S}><sheetData><row r="1">{cells("市医保局")}</row></sheetData></worksheet>',
        }
    )
    text = read_text(RawDocument.from_bytes("list.xlsx", data, "xlsx")).text
    assert "异地就医备案" in text and "市医保局" not in text
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("事项清单").write(0, 0, "异地就医备案")
    lookups = book.add_sheet("下拉选项")
    lookups.write(0, 0, "市医保局")
    lookups.visibility = 1
    buffer = io.BytesIO()
    book.save(buffer)
    old = read_text(RawDocument.from_bytes("list.xls", buffer.getvalue(), "xls")).text
    assert "异地就医备案" in old and "市医保局" not in old


def xls(rows: list[list[object]], merges: list[tuple[int, int, int, int]] = ()) -> bytes:
    """An Excel 97-2003 workbook as xlwt writes it: (first row, last row, first column, last column) merges."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    merged = {(r, c) for r1, r2, c1, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r1, r2, c1, c2 in merges:
        sheet.write_merge(r1, r2, c1, c2, rows[r1][c1])
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in merged:
                continue
            sheet.write(r, c, value, dates) if isinstance(value, datetime.date) else sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xls_item_list_reads_like_an_xlsx_one():
    data = xls(
        [
            ["序号", "事项名称", "责任单位", "完成时限"],
            [1, "生育津贴支付", "省医疗保障局", datetime.date(2021, 12, 31)],
            [2, "异地就医备案\n（含临时外出就医）", "", datetime.date(2021, 12, 31)],
        ],
        merges=[(1, 2, 2, 2)],
    )
    assert sniff_kind(data, "附件.xls") == "xls"
    text = read_text(RawDocument.from_bytes("附件.xls", data, "xls")).text
    assert text == (
        "序号\t事项名称\t责任单位\t完成时限\n"
        "1\t生育津贴支付\t省医疗保障局\t2021年12月31日\n"
        "2\t异地就医备案（含临时外出就医）\t省医疗保障局\t2021年12月31日\n"
    )
    extraction = extract(normalize_text(text))
    assert [i.name for i in extraction.items] == ["生育津贴支付", "异地就医备案（含临时外出就医）"]
    assert {d.date for d in extraction.deadlines} == {"2021-12-31"}


def test_a_damaged_xls_is_a_read_error():
    data = xls([["事项名称"], ["生育津贴支付"]])
    broken = data[:600]  # the OLE directory survives, the workbook stream does not
    with pytest.raises(ReadError) as caught:
        read_text(RawDocument.from_bytes("bad.xls", broken, sniff_kind(broken, "bad.xls")))
    assert caught.value.error_type in ("office_broken", "unsupported_format")


def test_a_word_97_notice_with_an_item_table_reads_like_a_docx_one():
    data = word_97(
        [
            "某县人民政府办公室关于印发“跨省通办”事项清单的通知",
            "各镇人民政府：",
            ["序号", "事项名称", "责任单位", "备注"],
            ["1", "生育津贴支付", "县医疗保障局", ""],  # an empty last cell: no row end
            ["2", "异地就医备案", "", ""],
            "特此通知。",
        ],
        field_in_first=True,
    )
    assert sniff_kind(data, "通知.doc") == "doc"
    text = read_text(RawDocument.from_bytes("通知.doc", data, "doc")).text
    assert text == (
        "某县人民政府办公室关于印发“跨省通办”事项清单的通知\n各镇人民政府：\n"
        "序号\t事项名称\t责任单位\t备注\n1\t生育津贴支付\t县医疗保障局\n2\t异地就医备案\n特此通知。\n"
    )  # the field's code (HYPERLINK …) is gone, its result kept
    extraction = extract(normalize_text(text))
    assert extraction.document.title == "某县人民政府办公室关于印发“跨省通办”事项清单的通知"
    assert [i.name for i in extraction.items] == ["生育津贴支付", "异地就医备案"]


@pytest.mark.parametrize(
    ("data", "error_type"),
    [(word_97(["某某通知"], encrypted=True), "encrypted"), (word_97(["某某通知"], n_fib=0x65), "unsupported_format")],
)
def test_a_doc_we_cannot_read_is_named(data, error_type):
    """A password-protected one, and a Word 6/95 one (another FIB layout)."""
    with pytest.raises(ReadError) as caught:
        read_text(RawDocument.from_bytes("a.doc", data, sniff_kind(data, "a.doc")))
    assert caught.value.error_type == error_type


def test_a_password_protected_xls_is_named():
    """The workbook stream of an encrypted .xls holds a FILEPASS record after its BOF."""
    plain = olefile.OleFileIO(io.BytesIO(xls([["事项名称"], ["生育津贴支付"]]))).openstream("Workbook").read()
    bof_end = 4 + struct.unpack_from("<H", plain, 2)[0]
    encrypted = ole_file({"Workbook": plain[:bof_end] + struct.pack("<HH", 0x002F, 0) + plain[bof_end:]})
    with pytest.raises(ReadError) as caught:
        read_text(RawDocument.from_bytes("secret.xls", encrypted, sniff_kind(encrypted, "secret.xls")))
    assert caught.value.error_type == "encrypted"


def _cell_of(*paragraphs: str) -> str:
    return "<w:tc>" + "".join(paragraph(text) for text in paragraphs) + "</w:tc>"


def test_a_word_cells_paragraphs_are_its_pieces_unless_a_name_carries_over():
    """社会保障卡申领 / 失业保险金申领 in one cell are two items, 市人社局 / 市医保局 two bodies;
    a writer's own mark (责任单位：) or a name's short tail (失业保险金 / 申领) joins as written."""
    rows = (
        "<w:tr>" + _cell_of("序号") + _cell_of("涉及事项") + _cell_of("责任单位") + "</w:tr>"
        "<w:tr>" + _cell_of("1") + _cell_of("社会保障卡申领", "失业保险金申领") + _cell_of("市人社局", "市医保局") + "</w:tr>"
        "<w:tr>" + _cell_of("2") + _cell_of("失业保险金", "申领") + _cell_of("牵头单位：", "市人社局") + "</w:tr>"
    )
    data = docx(paragraph("某市第二批“跨省通办”事项") + "<w:tbl>" + rows + "</w:tbl>")
    text = read_text(RawDocument.from_bytes("list.docx", data, sniff_kind(data, "list.docx"))).text
    assert "1\t社会保障卡申领；失业保险金申领\t市人社局；市医保局" in text
    assert "2\t失业保险金申领\t牵头单位：市人社局" in text
    items = extract(normalize_text(text)).items
    assert [i.name for i in items] == ["社会保障卡申领", "失业保险金申领", "失业保险金申领"]


def test_a_word_97_cells_paragraphs_are_its_pieces_as_a_docx_cells_are():
    data = word_97(
        [
            "某县第二批“跨省通办”事项",
            ["序号", "事项名称", "责任单位"],
            ["1", "社会保障卡申领\r失业保险金申领", "县人社局\r县医保局"],
            ["2", "失业保险金\r申领", "牵头单位：\r县人社局"],
        ]
    )
    text = read_text(RawDocument.from_bytes("list.doc", data, "doc")).text
    assert "1\t社会保障卡申领；失业保险金申领\t县人社局；县医保局\n2\t失业保险金申领\t牵头单位：县人社局\n" in text


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_a_sheet_cells_lines_are_its_pieces_but_a_titles_lines_are_one_title(kind):
    """Alt+Enter in a cell: 社会保障卡申领 / 失业保险金申领 are two items, 市人社局 / 市医保局 two
    bodies; a title alone on its row, broken by hand, stays one title."""
    rows = [
        ["某县第二批“跨省通办”\n事项清单", "", ""],
        ["序号", "事项名称", "责任单位"],
        ["1", "社会保障卡申领\n失业保险金申领", "县人社局\n县医保局"],
    ]
    if kind == "xlsx":
        data = xlsx(rows)
    else:
        data = xls(rows)
    text = read_text(RawDocument.from_bytes(f"list.{kind}", data, kind)).text
    assert text.startswith("某县第二批“跨省通办”事项清单\n")
    assert "1\t社会保障卡申领；失业保险金申领\t县人社局；县医保局" in text
