"""Delimited text (.csv, .tsv): a portal's open-data download of its item list, as tab rows.

Excel in China saves CSV in GB18030 with CRLF rows, quotes a cell that holds the delimiter
(跨省通办,省内通办) or a line break (失业保险金 / 申领, Alt+Enter). Read as plain text, such a
file is one long line of commas the table readers never see; read here, each record is a tab
row, and a cell's lines are joined the way a sheet cell's are (``cell_text.sheet_row``).
"""

from __future__ import annotations

import csv
import io

from sources.cell_text import sheet_row
from sources.models import ReadError

_DELIMITERS = ",\t;|，"
_SAMPLE_CHARS = 8192
_EXCEL_HINT = "sep="  # Excel's first line "sep=;" names the delimiter and is no row


def delimited_to_text(text: str) -> str:
    """Each record of ``text`` as one tab row; blank records are dropped."""
    text = text.lstrip("\ufeff")
    delimiter, text = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [sheet_row([value.replace("\r\n", "\n") for value in record]) for record in reader]
    except csv.Error as exc:  # a stray quote swallows the rest of the file past the field size limit
        raise ReadError("csv_malformed", f"not readable as delimited records: {exc}") from exc
    return "\n".join(row for row in rows if row.strip()) + "\n"


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter Excel's hint line names, else the one the sample's records share."""
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith(_EXCEL_HINT) and len(first.strip()) == len(_EXCEL_HINT) + 1:
        return first.strip()[-1], rest
    try:
        return csv.Sniffer().sniff(text[:_SAMPLE_CHARS], delimiters=_DELIMITERS).delimiter, text
    except csv.Error:
        return ",", text
