"""A sheet's name as a line above its rows.

A workbook may say what its sheets hold only on their tabs: a sheet named 跨省通办事项 beside one
named 省内通办事项, each a bare table. A reader sees the tabs; the cells alone lose what the tab
says. So a sheet's name that says something goes above its rows, where a caption would stand
and where the table readers look for a caption's scope. A default name (Sheet1, 工作表2) says
nothing, and a name the sheet's first row already holds (its title row) is not repeated.
"""

from __future__ import annotations

import re

_DEFAULT_NAME = re.compile(r"(?:sheet|工作表|表)\s*\d*", re.IGNORECASE)


def captioned(name: str, rows: list[str]) -> list[str]:
    """The sheet's rows under its name, when the name says something the rows do not."""
    name = name.strip()
    if not rows or not name or _DEFAULT_NAME.fullmatch(name) or name in rows[0].replace("\t", ""):
        return rows
    return [name, *rows]
