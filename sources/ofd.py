"""OFD (GB/T 33190, China's fixed-layout format for official documents): its text, line by line.

An OFD file is a ZIP: ``OFD.xml`` names the document (``DocRoot``), whose ``Document.xml`` lists
its pages, each a ``Content.xml`` of layers holding ``TextObject``s. Converters write a text object
per glyph run, often per character, each placed by its ``Boundary`` (x y w h, in mm) and its
``TextCode``'s X/Y inside it; ``DeltaX`` gives the advance after each character. Runs on one
baseline make a line, in x order; a gap of two characters or more between them is a column gap,
written as a tab so a table's rows read as the PDF reader's do. Page templates (running heads)
are not read; page numbers and repeated lines go as in a PDF (``pdf.pages_to_text``).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from sources.models import ReadError
from sources.office import archive_xml, open_archive
from sources.pdf import pages_to_text

_MAX_PAGES = 2000
_COLUMN_GAP = 0.8  # a gap this many glyph sizes wide parts two cells: running text has none, a
# space is narrower, and two cell margins (Word's 1.9 mm each) are about one glyph of 小四
_ALIGNED = 1.0  # a run starting this near a column's left edge (in glyph sizes) is in that column
_SAME_LINE = 0.5  # baselines closer than this many glyph sizes are one line


@dataclass(frozen=True)
class _Run:
    x0: float
    x1: float
    y: float  # the baseline
    size: float
    text: str


def ofd_to_text(data: bytes) -> str:
    archive = open_archive(data)
    document_path = _document_path(archive)
    document = _part(archive, document_path)
    pages = [element for element in document.iter() if _local(element) == "Page"]
    if not pages:
        raise ReadError("ofd_empty", "the OFD document has no pages")
    if len(pages) > _MAX_PAGES:
        raise ReadError("too_large", f"the OFD document has {len(pages)} pages (limit {_MAX_PAGES})")
    folder = posixpath.dirname(document_path)
    texts = [_page_text(_part(archive, _resolve(folder, _base_loc(page)))) for page in pages]
    if not any(text.strip() for text in texts):
        raise ReadError("no_text_layer", "no text in the OFD pages: they hold only images (needs OCR)")
    return pages_to_text(texts)


def _local(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _child_text(element: ElementTree.Element, name: str) -> str | None:
    found = next((child for child in element.iter() if _local(child) == name), None)
    return (found.text or "").strip() if found is not None else None


def _document_path(archive: zipfile.ZipFile) -> str:
    root = _part(archive, "OFD.xml")
    doc_root = _child_text(root, "DocRoot")
    if not doc_root:
        raise ReadError("office_broken", "OFD.xml names no DocRoot")
    return _resolve("", doc_root)


def _base_loc(page: ElementTree.Element) -> str:
    """A page's content part: the BaseLoc attribute (the standard) or child (some writers)."""
    return page.get("BaseLoc") or _child_text(page, "BaseLoc") or ""


def _resolve(folder: str, location: str) -> str:
    """An archive path from a location written relative to ``folder`` or from the root (/Doc_0/…)."""
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, location))


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    if name not in archive.namelist():
        raise ReadError("office_broken", f"the OFD package has no part {name}")
    return archive_xml(archive, name)


def _page_text(page: ElementTree.Element) -> str:
    """The page's lines, a table row's cells parted by tabs. A line under a table row whose
    cells all start at that row's columns is the rest of cells the row wrapped, where each of
    those cells is full to its column's edge (株洲市住房公积金管理中心茶陵县 / 管理部), and is joined
    to them without a space, as pdfplumber joins a wrapped cell; else a row of its own with its
    cells in their columns (a sub-item's row under a merged number)."""
    runs = [run for element in page.iter() if _local(element) == "TextObject" for run in _runs(element)]
    right_edge = max((run.x1 for run in runs), default=0.0)
    out: list[str | list[str]] = []
    row: _Row | None = None
    for line in _lines(runs):
        cells = _cells(line)
        placed = _placed(cells, row.starts) if row else None
        if len(cells) > 1 and all(len(_joined(cell)) == 1 for cell in cells):
            row = None
            out.append(_joined(line))  # a heading set letter-spaced (通　　知): one word
        elif placed is not None and isinstance(out[-1], list) and row.wrapped_into(placed, right_edge):
            for index, text in placed.items():
                out[-1][index] += text
        elif placed is not None:
            out.append([placed.get(index, "") for index in range(max(placed) + 1)])
        elif len(cells) > 1:
            row = _Row([cell[0].x0 for cell in cells], [cell[-1].x1 for cell in cells], line[0].size)
            out.append([_joined(cell) for cell in cells])
        else:
            row = None
            out.append(_joined(line))
    return "\n".join("\t".join(line) if isinstance(line, list) else line for line in out)


_FULL = 3.0  # a cell whose text ends within this many glyph sizes of its column's edge is full


@dataclass(frozen=True)
class _Row:
    """A table row's geometry: where each cell's text starts and ends."""

    starts: list[float]
    ends: list[float]
    size: float

    def wrapped_into(self, placed: dict[int, str], right_edge: float) -> bool:
        """Does every placed cell go on with a cell of this row that its text filled?"""
        for index in placed:
            edge = self.starts[index + 1] if index + 1 < len(self.starts) else right_edge
            if self.ends[index] < edge - _FULL * self.size:
                return False
        return True


def _runs(text_object: ElementTree.Element) -> list[_Run]:
    """The glyph runs of one text object, placed on the page: its Boundary's origin plus each
    TextCode's X/Y, through the object's CTM where it has one (a converter from PDF writes
    positions and sizes in the PDF's units and a CTM that maps them to mm); a TextCode without
    X or Y goes on where the one before ended."""
    left, top = (_numbers(text_object.get("Boundary", "0 0 0 0")) + [0.0, 0.0])[:2]
    a, b, c, d, e, f = _matrix(text_object.get("CTM", ""))
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    size = float(text_object.get("Size") or 3.5)
    runs, x, y = [], 0.0, size
    for code in (child for child in text_object if _local(child) == "TextCode"):
        text = code.text or ""
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        advances = _advances(code.get("DeltaX", ""), len(text), size)
        width = sum(advances) + size
        if text.strip():
            start_x, start_y = a * x + c * y + e, b * x + d * y + f
            runs.append(_Run(left + start_x, left + start_x + width * scale, top + start_y, size * scale, text))
        x += width
    return runs


def _matrix(ctm: str) -> tuple[float, float, float, float, float, float]:
    """A CTM's six numbers (a b c d e f), or the identity where it is missing or malformed."""
    values = _numbers(ctm)
    return tuple(values) if len(values) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _numbers(text: str) -> list[float]:
    try:
        return [float(value) for value in text.split()]
    except ValueError:
        return []


def _advances(delta_x: str, length: int, size: float) -> list[float]:
    """The advance after each character but the last: DeltaX's values, where ``g N v`` stands
    for N times v; a glyph size each where DeltaX is missing or short."""
    values, tokens = [], delta_x.split()
    while tokens:
        token = tokens.pop(0)
        if token == "g" and len(tokens) >= 2:
            count, value = tokens.pop(0), tokens.pop(0)
            values += [float(value)] * int(float(count))
        else:
            values += _numbers(token)
    wanted = max(0, length - 1)
    return (values + [size] * wanted)[:wanted]


def _lines(runs: list[_Run]) -> list[list[_Run]]:
    """Runs grouped by baseline, top to bottom, each line left to right."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda run: (run.y, run.x0)):
        if lines and abs(lines[-1][0].y - run.y) <= _SAME_LINE * min(run.size, lines[-1][0].size):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda run: run.x0) for line in lines]


def _cells(line: list[_Run]) -> list[list[_Run]]:
    """A line's runs parted where a gap of a column's width stands between two."""
    cells = [[line[0]]]
    for before, run in zip(line, line[1:]):
        if run.x0 - before.x1 >= _COLUMN_GAP * run.size:
            cells.append([run])
        else:
            cells[-1].append(run)
    return cells


def _joined(runs: list[_Run]) -> str:
    return "".join(run.text for run in runs)


def _placed(cells: list[list[_Run]], columns: list[float]) -> dict[int, str] | None:
    """A line's cells by the column of the row above each starts at, where the first is past
    that row's first column; None where any starts nowhere near one (a new row, or the table
    has ended)."""
    placed: dict[int, str] = {}
    for cell in cells:
        start = cell[0]
        index = next((i for i, left in enumerate(columns) if abs(start.x0 - left) <= _ALIGNED * start.size), None)
        if index is None or index in placed:
            return None
        placed[index] = _joined(cell)
    if not placed or min(placed) == 0:
        return None
    return placed
