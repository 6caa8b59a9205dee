"""Which cells of an .xlsx sheet hold dates, and the date they hold.

An .xlsx file stores a date as a number of days (45107 is 2023年6月30日) and says only in the
cell's style that it is one: the style's number format is a date format, built in (ids 14-22,
27-36 and 50-58, the East Asian ones) or the workbook's own (yyyy"年"m"月"d"日"). Read as a
number, a 完成时限 column of dates is a column of five-digit numbers and no deadline.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from xml.etree import ElementTree

from sources.xls import date_text

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_BUILT_IN_DATES = {*range(14, 23), *range(27, 37), *range(50, 59)}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')  # literal text, colours and locales in a format code
_DATE_CODE = re.compile(r"[ydYD]")
_EPOCH_1900 = datetime.datetime(1899, 12, 30)  # so serial 61 is 1900-03-01, past Excel's leap-year bug
_EPOCH_1904 = datetime.datetime(1904, 1, 1)


@dataclass(frozen=True)
class DateStyles:
    styles: frozenset[int]  # indices into cellXfs whose format is a date
    epoch: datetime.datetime

    def text(self, cell: ElementTree.Element, value: str) -> str | None:
        """The date a numeric cell holds, as notices write dates, or None if it holds no date."""
        style = cell.get("s")
        if cell.get("t") not in (None, "n") or not style or not style.isdigit() or int(style) not in self.styles:
            return None
        try:
            days = float(value)
        except ValueError:
            return None
        if not 0 < days < 2958466:  # past 9999-12-31 is no date
            return None
        return date_text(self.epoch + datetime.timedelta(days=int(days)))


def read_date_styles(styles: ElementTree.Element | None, workbook: ElementTree.Element | None) -> DateStyles:
    custom = {}
    for fmt in styles.iter(f"{_S}numFmt") if styles is not None else []:
        code = _QUOTED.sub("", fmt.get("formatCode", ""))
        custom[int(fmt.get("numFmtId", "-1"))] = bool(_DATE_CODE.search(code))
    formats = styles.find(f"{_S}cellXfs") if styles is not None else None
    dated = set()
    for index, xf in enumerate(formats.findall(f"{_S}xf") if formats is not None else []):
        number_format = int(xf.get("numFmtId", "0"))
        if number_format in _BUILT_IN_DATES or custom.get(number_format, False):
            dated.add(index)
    props = workbook.find(f"{_S}workbookPr") if workbook is not None else None
    uses_1904 = props is not None and props.get("date1904") in ("1", "true")
    return DateStyles(frozenset(dated), _EPOCH_1904 if uses_1904 else _EPOCH_1900)
