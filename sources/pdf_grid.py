"""Ruled tables read with pypdfium2 alone, when the ruling is a plain grid.

pdfplumber finds tables well, but it must first parse the page with pdfminer:
about 40 ms a page, most of what a table-heavy PDF costs. Many notices draw
their item tables as a full grid: every row line runs across the whole table
and every column line down all of it. Such a grid is read here from the
page's path segments, and each character goes to the cell its box's centre
falls in. Anything else (a merged cell, where a line stops short; two tables;
curves; ruling outside the table) returns None, and the page goes to
pdfplumber as before. Being wrong costs only speed, never the table.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_TOLERANCE = 1.5  # points: lines this close are one line; an end this close reaches the edge
_MIN_LENGTH = 2.0  # shorter strokes are dots or the ends of thick borders, not lines
_Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in page space


@dataclass(frozen=True)
class Grid:
    xs: list[float]  # column lines, left to right
    ys: list[float]  # row lines, top to bottom (PDF y grows upwards, so descending)

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of a point inside the grid, else None."""
        if not (self.xs[0] < x < self.xs[-1] and self.ys[-1] < y < self.ys[0]):
            return None
        column = bisect_right(self.xs, x) - 1
        row = sum(1 for line in self.ys[1:] if y < line)
        return row, column


def grid_page_text(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> str | None:
    """The page's text with its table as tab-separated rows, or None if it is not one plain grid."""
    segments = _segments(page)
    grid = _full_grid(segments) if segments is not None else None
    if grid is None:
        return None
    rows, above, below = _read_characters(textpage, grid)
    return "\n".join([*above, *rows, *below])


def _segments(page: pdfium.PdfPage) -> list[_Segment] | None:
    """Straight segments of every path on the page, in page space; None if any path curves."""
    found: list[_Segment] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects():
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(obj.raw, ctypes.byref(matrix))
        start = current = None
        for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                return None
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (
                matrix.a * x.value + matrix.c * y.value + matrix.e,
                matrix.b * x.value + matrix.d * y.value + matrix.f,
            )
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                found.append((*current, *point))
            else:
                start = point
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None and current != start:
                found.append((*current, *start))
                current = start
    return found


def _full_grid(segments: list[_Segment]) -> Grid | None:
    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = []  # (x, y0, y1)
    for x0, y0, x1, y1 in segments:
        if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= _MIN_LENGTH:
            horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= _MIN_LENGTH:
            vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
        elif max(abs(x1 - x0), abs(y1 - y0)) >= _MIN_LENGTH:
            return None  # a diagonal: not a plain grid
    rows, columns = _lines(horizontal), _lines(vertical)
    if len(rows) < 3 or len(columns) < 3:
        return None  # fewer than 2 × 2 cells: a frame or a box around a paragraph, not an item table
    xs, ys = sorted(columns), sorted(rows, reverse=True)
    spans_across = all(_covers(rows[y], xs[0], xs[-1]) for y in rows)
    spans_down = all(_covers(columns[x], ys[-1], ys[0]) for x in columns)
    return Grid(xs, ys) if spans_across and spans_down else None


def _lines(strokes: list[tuple[float, float, float]]) -> dict[float, list[tuple[float, float]]]:
    """Strokes grouped by position: {position: [(from, to), ...]}."""
    lines: dict[float, list[tuple[float, float]]] = {}
    for position, low, high in sorted(strokes):
        near = next((p for p in lines if abs(p - position) <= _TOLERANCE), None)
        lines.setdefault(position if near is None else near, []).append((low, high))
    return lines


def _covers(pieces: list[tuple[float, float]], low: float, high: float) -> bool:
    """Do the pieces, joined, run from low to high without a gap?"""
    reach = low
    for start, end in sorted(pieces):
        if start > reach + _TOLERANCE:
            return False
        reach = max(reach, end)
    return reach >= high - _TOLERANCE and min(s for s, _ in pieces) <= low + _TOLERANCE


def _read_characters(textpage: pdfium.PdfTextPage, grid: Grid) -> tuple[list[str], list[str], list[str]]:
    """(table rows, lines above the table, lines below it)."""
    cells: dict[tuple[int, int], list[str]] = {}
    above: list[str] = []
    below: list[str] = []
    line: list[str] = []
    line_y: float | None = None
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))

    def end_line() -> None:
        text = "".join(line).strip()
        if text and line_y is not None:
            (above if line_y > grid.ys[0] else below).append(text)
        line.clear()

    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if char in "\r\n":
            end_line()
            line_y = None
            continue
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
            continue  # a space pdfium inferred from a gap, not a character of the page
        pdfium_c.FPDFText_GetCharBox(textpage.raw, index, left, right, bottom, top)
        x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
        where = grid.cell(x, y)
        if where is not None:
            cells.setdefault(where, []).append(char)
            continue
        if not char.isspace() and line_y is None:
            line_y = y
        line.append(char)
    end_line()
    rows = [
        "\t".join("".join(cells.get((row, column), [])).strip() for column in range(len(grid.xs) - 1))
        for row in range(len(grid.ys) - 1)
    ]
    return rows, above, below
