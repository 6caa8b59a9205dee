"""HTML table rows as tab-separated lines, with merged cells filled in.

Government item tables merge cells all the time: a 主项 or a 责任单位 spans the
rows of its sub-items (rowspan), a 事项名称 header spans 主项 and 子项 (colspan).
A row that leaves out the cells spanned from above would shift every later
column one place left, and the item reader would take a department for an item.
So each spanned cell is repeated where it covers, the way a reader of the page
sees it and the way merged PDF cells are read. End tags of cells and rows are
optional in HTML, so a new cell or row closes the open one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_MAX_SPAN = 1000  # a broken rowspan="99999" must not loop for ever


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return min(int(value), _MAX_SPAN) if value.strip().isdigit() and int(value) > 0 else 1


@dataclass
class TableState:
    """One table being read: the row's cells so far and the spans still open."""

    cells: int = 0  # cells written in the current row (0: not inside a row's cell)
    column: int = 0
    open_cell: tuple[int, int, int] | None = None  # (start in parts, rowspan, colspan)
    spans: dict[int, tuple[int, str]] = field(default_factory=dict)  # column -> (rows left, text)

    def start_row(self, parts: list[str]) -> None:
        self.end_row(parts)
        self.cells, self.column = 0, 0

    def end_row(self, parts: list[str]) -> None:
        """Close the open cell and write the spans that cover the rest of the row."""
        self.end_cell(parts)
        if self.cells or any(column >= self.column for column in self.spans):
            self._fill_spans(parts, until=max(self.spans, default=-1) + 1)
            parts.append("\n")
        self.cells = 0

    def start_cell(self, parts: list[str], attrs: list[tuple[str, str | None]]) -> None:
        self.end_cell(parts)
        self._fill_spans(parts, until=self.column)
        if self.cells:
            parts.append("\t")
        self.cells += 1
        self.open_cell = (len(parts), _span(attrs, "rowspan"), _span(attrs, "colspan"))

    def end_cell(self, parts: list[str]) -> None:
        if self.open_cell is None:
            return
        start, rowspan, colspan = self.open_cell
        self.open_cell = None
        text = "".join(parts[start:])
        text = "" if "\n" in text else text  # a layout cell holding paragraphs is not repeated
        for extra in range(colspan):
            if extra:
                parts.append("\t" + text)
            if rowspan > 1:
                self.spans[self.column] = (rowspan - 1, text)
            self.column += 1

    def _fill_spans(self, parts: list[str], until: int) -> None:
        """Write the cells spanned from rows above at the current column, and on."""
        while self.column in self.spans or (self.column < until and self._spanned_after()):
            rows_left, text = self.spans.pop(self.column, (0, ""))
            if rows_left > 1:
                self.spans[self.column] = (rows_left - 1, text)
            parts.append(("\t" if self.cells else "") + text)
            self.cells += 1
            self.column += 1

    def _spanned_after(self) -> bool:
        return any(column > self.column for column in self.spans)
