"""The labels of an item's fields on lines of their own: 牵头单位：… / 完成时限：… / 办理方式：….

A work plan may give each numbered item its units, time and way on lines under it. Such a
line is the item's, not a paragraph's: the list reader reads past it, the re-flow joins no
line to it, and a column of them is no hard-wrapped page. The labels come from the tables
that hold them: the role cues before names, the deadline labels, the scope and mode headers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.text import alternation


@lru_cache(maxsize=1)
def field_line() -> re.Pattern[str]:
    """A line that opens with an item field's label and its colon (match at the line's start)."""
    roles = [row["cue"].rstrip("：:") for row in load_table("department_roles.tsv") if row["position"] == "before"]
    times = [row["marker"] for row in load_table("deadline_markers.tsv") if row["position"] == "label"]
    kinds = ("scope_header", "mode_header")
    ways = [row["cue"] for row in load_table("item_cues.tsv") if row["type"] in kinds]
    return re.compile(rf"[ \t\u3000]*(?:{alternation([*roles, *times, *ways])})[ \t\u3000]*[：:]")
