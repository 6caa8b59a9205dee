"""Word (.docx) and Excel (.xlsx) attachments: item lists often come as these.

Both are ZIP archives of XML, read here with the standard library. Paragraphs
become lines and table rows become tab-separated lines, the shape the item
table reader expects (序号\\t事项名称\\t责任单位). A vertically merged cell takes
the value above, as in PDF tables. The older binary formats (.doc, .xls, .wps)
and images are refused with a clear reason: there is no text to read without
a converter or OCR, which tongban does not ship.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

import olefile

from sources.cell_text import joined_paragraphs, sheet_row
from sources.models import ReadError
from sources.sheet_names import captioned
from sources.word_numbering import Numbering, read_numbering
from sources.xlsx_dates import DateStyles, read_date_styles

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MAX_XML_BYTES = 100 * 1024 * 1024  # decompressed: a zip bomb stops here
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def office_kind(data: bytes) -> str | None:
    """``docx``, ``xlsx``, ``xls``, ``doc`` or ``ofd`` for those files; raise for formats we cannot read; else None."""
    if data.startswith(_OLE):
        return _ole_kind(data)
    if data.startswith(_IMAGES):
        raise ReadError("image", "an image: it has no text layer (tongban does no OCR)")
    if not data.startswith(b"PK\x03\x04"):
        return None
    names = set(open_archive(data).namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    raise ReadError("unsupported_format", "a ZIP archive that is neither a .docx, an .xlsx nor an OFD document")


def _ole_kind(data: bytes) -> str:
    """An Office 97-2003 file by the stream at its root: Word's or Excel's (a Word file
    may embed a workbook deeper down, so the bytes alone do not tell)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError) as exc:  # olefile raises both on a damaged container
        raise ReadError("office_broken", f"an Office 97-2003 (OLE) file that cannot be opened: {exc}") from exc
    if ole.exists("WordDocument"):
        return "doc"
    if ole.exists("Workbook") or ole.exists("Book"):
        return "xls"
    raise ReadError("unsupported_format", "an OLE file that is neither a Word nor an Excel document (.wps, .ppt…)")


def archive_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    """A part of the archive as XML; a part too large or not well-formed is a ReadError."""
    if archive.getinfo(name).file_size > _MAX_XML_BYTES:
        raise ReadError("too_large", f"{name} unpacks to more than {_MAX_XML_BYTES} bytes")
    try:
        return ElementTree.fromstring(archive.read(name))
    except ElementTree.ParseError as exc:
        raise ReadError("office_broken", f"{name} is not well-formed XML: {exc}") from exc


def _optional_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    """A part that only adds to the text (numbering, styles): a damaged one loses its numbers
    or dates, never the document."""
    if name not in archive.namelist():
        return None
    try:
        return archive_xml(archive, name)
    except ReadError:
        return None


def open_archive(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("office_broken", f"a ZIP archive that cannot be opened: {exc}") from exc


def docx_to_text(data: bytes) -> str:
    archive = open_archive(data)
    body = archive_xml(archive, "word/document.xml").find(f"{_W}body")
    numbering = read_numbering(_optional_xml(archive, _NUMBERING), _optional_xml(archive, _STYLES))
    return "\n".join(_lines(body, numbering)).strip("\n") + "\n"


def _lines(container: ElementTree.Element | None, numbering: Numbering) -> list[str]:
    """A paragraph a line, a table's rows between blank lines; a text box's lines come before
    the paragraph it is anchored in (a red-headed notice sets its issuer's name in one)."""
    lines: list[str] = []
    for block in _blocks(container):
        if block.tag == f"{_W}p":
            lines.extend(_paragraph_lines(block, numbering))
        else:
            lines.extend(["", *_table_rows(block, numbering), ""])
    return lines


def _paragraph_lines(paragraph: ElementTree.Element, numbering: Numbering) -> list[str]:
    """The lines of the paragraph's text boxes, then its own (none if only boxes fill it)."""
    boxes = _text_boxes(paragraph)
    lines = [line for box in boxes for line in _lines(box, numbering)]
    text = numbering.number(paragraph) + _paragraph(paragraph)
    return [*lines, text] if text or not boxes else lines


_NUMBERING, _STYLES = "word/numbering.xml", "word/styles.xml"
_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml")  # content controls hold paragraphs too


def _blocks(container: ElementTree.Element | None) -> Iterator[ElementTree.Element]:
    """The paragraphs and tables of the body in order, inside content controls as well (a
    cover page or a form field Word wraps in w:sdt)."""
    for block in container if container is not None else []:
        if block.tag in (f"{_W}p", f"{_W}tbl"):
            yield block
        elif block.tag in _WRAPPERS and not _placeholder(block):
            yield from _blocks(block)


def _paragraph(paragraph: ElementTree.Element) -> str:
    """Text of a paragraph; a line break (w:br) stays one, a tab is a space. Not the text of
    the text boxes anchored in it: those are lines of their own (``_text_boxes``)."""
    parts: list[str] = []
    _gather(paragraph, parts)
    return "".join(parts)


def _gather(node: ElementTree.Element, parts: list[str]) -> None:
    for child in node:
        if child.tag in _BOX_TAGS or child.tag == _MOVED_AWAY or _placeholder(child):
            continue
        if child.tag == f"{_W}t" and child.text:
            parts.append(child.text)
        elif child.tag == f"{_W}br":
            parts.append("\n")
        elif child.tag == f"{_W}tab":
            parts.append(" ")
        _gather(child, parts)


# Tracked changes: deleted text is w:delText (never read), text moved elsewhere stays as w:t in a
# w:moveFrom and is read where it went (w:moveTo), so the old place is skipped.
_MOVED_AWAY = f"{_W}moveFrom"


def _placeholder(node: ElementTree.Element) -> bool:
    """A content control showing its prompt (单击或点击此处输入文字。), no text of the notice's."""
    return node.tag == f"{_W}sdt" and node.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_BOX = f"{_W}txbxContent"
_BOX_TAGS = (_BOX, f"{_MC}Fallback")  # a box's text, and the copy Word keeps for old readers


def _text_boxes(paragraph: ElementTree.Element) -> list[ElementTree.Element]:
    """The text boxes anchored in the paragraph, each once: Word writes a box twice, as a
    drawing (mc:Choice) and as VML for older readers (mc:Fallback); the fallback is skipped.
    A box with no fallback (VML alone) is read too."""
    found: list[ElementTree.Element] = []

    def walk(node: ElementTree.Element) -> None:
        for child in node:
            if child.tag == _BOX:
                found.append(child)
            elif child.tag != f"{_MC}Fallback":
                walk(child)

    walk(paragraph)
    return found


def _table_rows(table: ElementTree.Element, numbering: Numbering) -> list[str]:
    rows: list[str] = []
    above: list[str] = []
    for row in table.iter(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.findall(f"{_W}tc"):
            # a 序号 column Word numbers itself: its cells hold no text of their own
            text = joined_paragraphs(_cell_lines(cell, numbering)).replace("\n", "")
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            continues = merge is not None and merge.get(f"{_W}val") in (None, "continue")
            if continues and not text and len(cells) < len(above):
                text = above[len(cells)]
            cells.append(text.strip())
        above = cells
        rows.append("\t".join(cells))
    return rows


def _cell_lines(cell: ElementTree.Element, numbering: Numbering) -> list[str]:
    """A cell's paragraphs and their text boxes in order; a table nested in the cell gives
    its paragraphs' text run together, as one cell can hold no row."""
    lines: list[str] = []
    for block in _blocks(cell):
        if block.tag == f"{_W}p":
            lines.extend(_paragraph_lines(block, numbering))
        else:
            lines.extend(_paragraph(paragraph) for paragraph in block.iter(f"{_W}p"))
    return lines


def xlsx_to_text(data: bytes) -> str:
    archive = open_archive(data)
    shared = _shared_strings(archive)
    workbook = _optional_xml(archive, "xl/workbook.xml")
    dates = read_date_styles(_optional_xml(archive, "xl/styles.xml"), workbook)
    sheets = _sheet_parts(archive, workbook)
    blocks = ["\n".join(captioned(title, _sheet_rows(archive_xml(archive, part), shared, dates))) for title, part in sheets]
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


_SHEET_PART = re.compile(r"xl/worksheets/sheet(\d+)\.xml")


def _sheet_parts(archive: zipfile.ZipFile, workbook: ElementTree.Element | None) -> list[tuple[str, str]]:
    """(the sheet's name, its part) in the workbook's tab order; where the workbook or its
    relationships are missing or damaged, the parts by their number, with no names."""
    parts = [name for name in archive.namelist() if _SHEET_PART.fullmatch(name)]
    by_number = [("", name) for name in sorted(parts, key=lambda name: int(_SHEET_PART.fullmatch(name).group(1)))]
    rels = _optional_xml(archive, "xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return by_number
    targets = {rel.get("Id"): "xl/" + (rel.get("Target") or "").lstrip("/").removeprefix("xl/") for rel in rels}
    sheets = [sheet for sheet in workbook.iter(f"{_S}sheet") if targets.get(sheet.get(f"{_R}id"), "") in parts]
    if len(sheets) != len(parts):
        return by_number
    # a hidden sheet holds a form's lookup lists (its drop-downs' units and modes), no rows of the list
    shown = [sheet for sheet in sheets if sheet.get("state") not in _HIDDEN]
    return [(sheet.get("name") or "", targets[sheet.get(f"{_R}id")]) for sheet in shown]


_HIDDEN = ("hidden", "veryHidden")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = archive_xml(archive, "xl/sharedStrings.xml")
    return ["".join(t.text or "" for t in item.iter(f"{_S}t")) for item in root.findall(f"{_S}si")]


def _sheet_rows(sheet: ElementTree.Element, shared: list[str], dates: DateStyles) -> list[str]:
    grid: dict[tuple[int, int], str] = {}
    for cell in sheet.iter(f"{_S}c"):
        row, column = _cell_position(cell.get("r", ""))
        if row is not None:
            grid[(row, column)] = _cell_text(cell, shared, dates)
    _fill_merged(sheet, grid)
    if not grid:
        return []
    width = max(column for _, column in grid) + 1
    rows = sorted({row for row, _ in grid})
    lines = [sheet_row([grid.get((row, column), "") for column in range(width)]) for row in rows]
    return [line for line in lines if line.strip()]


def _cell_text(cell: ElementTree.Element, shared: list[str], dates: DateStyles) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_S}t"))
    value = cell.findtext(f"{_S}v") or ""
    if kind == "s" and value.isdigit() and int(value) < len(shared):
        return shared[int(value)]
    return dates.text(cell, value) or value  # a 完成时限 cell of dates: 45107 is 2023年6月30日


def _cell_position(reference: str) -> tuple[int | None, int]:
    """ "B3" -> (row 2, column 1), zero-based."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", reference)
    if not match:
        return None, 0
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)) - 1, column - 1


def _fill_merged(sheet: ElementTree.Element, grid: dict[tuple[int, int], str]) -> None:
    """A merged range shows its top-left value in every cell, as a reader sees it."""
    for merged in sheet.iter(f"{_S}mergeCell"):
        first, _, last = merged.get("ref", "").partition(":")
        (top, left), (bottom, right) = _cell_position(first), _cell_position(last)
        if top is None or bottom is None:
            continue
        value = grid.get((top, left), "")
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                grid[(row, column)] = value
