"""Find mojibake runs so garbage never reaches the registry silently.

A GBK page decoded one byte off (seed 001: ``結算?!澳壳?,已經在``) leaves a
tell-tale: ASCII ``?`` or U+FFFD wedged between Han characters (Chinese text
writes the full-width ``？``), and private-use code points. Garbled characters
sit between those markers, so markers a few characters apart form one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_MARKER = re.compile(
    rf"(?<=[{_HAN}\u3000-\u303f\uff00-\uffef])[?\ufffd]|[?\ufffd](?=[{_HAN}])|[\ufffd\ue000-\uf8ff]"
)
_MAX_GAP = 4  # markers this close belong to one garbled run


@dataclass(frozen=True)
class MojibakeSpan:
    start: int  # in the text that was scanned
    end: int
    text: str
    status: str = "flagged"  # flagged | repaired


def find_mojibake(text: str) -> list[MojibakeSpan]:
    """Runs of garbled text, each covering its markers and what lies between."""
    markers = [m.start() for m in _MARKER.finditer(text)]
    spans: list[MojibakeSpan] = []
    run_start = run_end = None
    for position in markers:
        if run_end is not None and position - run_end <= _MAX_GAP:
            run_end = position + 1
            continue
        if run_start is not None:
            spans.append(_span(text, run_start, run_end))
        run_start, run_end = position, position + 1
    if run_start is not None:
        spans.append(_span(text, run_start, run_end))
    return spans


def _span(text: str, start: int, end: int) -> MojibakeSpan:
    # The character just before a marker is usually half of the broken pair.
    start = max(0, start - 1) if start > 0 and re.match(rf"[{_HAN}]", text[start - 1]) else start
    return MojibakeSpan(start, end, text[start:end])
