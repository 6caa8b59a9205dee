"""Excel 97-2003 workbooks (.xls): item lists attached to notices often still come
as these, and a reader that refused them lost whole 事项清单.

Read with xlrd (BIFF only; .xlsx goes through ``sources/office.py``), with the
same output as the .xlsx reader: one line per row, cells joined by tabs, a
merged range's value in every cell it covers (as a reader sees it), line
breaks inside a cell joined without a space, sheets apart by a blank line.
"""

from __future__ import annotations

import datetime

import xlrd

from sources.cell_text import sheet_row
from sources.models import ReadError
from sources.sheet_names import captioned


def xls_to_text(data: bytes) -> str:
    book = _open(data)
    blocks = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.visibility:
            continue  # hidden: a form's lookup lists, as in .xlsx (sources/office.py)
        rows = captioned(sheet.name, _sheet_rows(book, sheet))
        if rows:
            blocks.append("\n".join(rows))
    if not blocks:
        raise ReadError("no_text", "the xls workbook holds no cell text")
    return "\n\n".join(blocks) + "\n"


def _open(data: bytes) -> xlrd.book.Book:
    """With formatting (merged ranges need it), else without: some writers' formatting records are broken."""
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise ReadError("encrypted", "a password-protected .xls: its cells cannot be read") from exc
    except Exception:  # noqa: BLE001 - xlrd raises many types on damaged files; retried plainly
        pass
    try:
        return xlrd.open_workbook(file_contents=data)
    except Exception as exc:  # noqa: BLE001 - any failure here is a damaged or foreign OLE file
        raise ReadError("office_broken", f"an .xls workbook that cannot be read: {type(exc).__name__}: {exc}") from exc


def _sheet_rows(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet) -> list[str]:
    grid = {(r, c): _cell_text(book, sheet.cell(r, c)) for r in range(sheet.nrows) for c in range(sheet.ncols)}
    for top, bottom, left, right in sheet.merged_cells:
        value = grid.get((top, left), "")
        for row in range(top, bottom):
            for column in range(left, right):
                grid[(row, column)] = value
    lines = [sheet_row([grid.get((r, c), "") for c in range(sheet.ncols)]) for r in range(sheet.nrows)]
    return [line for line in lines if line.strip()]


def _cell_text(book: xlrd.book.Book, cell: xlrd.sheet.Cell) -> str:
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        number = cell.value
        return str(int(number)) if float(number).is_integer() else str(number)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return date_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value.replace("\r", "")  # its lines (Alt+Enter) are read with its row
    return ""


def date_text(value: datetime.datetime) -> str:
    """A date cell as notices write dates (2021年12月31日): the deadline readers know this form."""
    return f"{value.year}年{value.month}月{value.day}日"
