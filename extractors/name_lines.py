"""Lists set one name a line: under a colon that ends its line (具体事项如下：), under a question
(哪些事项可以办？), or under a catalog's heading. Each line is a name, maybe numbered or bulleted
and maybe with a note or a description after it (异地就医备案——参保人可在线办理…); the list ends at
the first line that names nothing, at the signature under it, or at a line numbered another way.
"""

from __future__ import annotations

import re

from extractors.dates import find_full_dates
from extractors.head_lines import is_issuer_line
from extractors.item_names import all_services, names_an_item, undecorated, unnumbered
from extractors.name_notes import past_note
from extractors.text import line_end

_NAME_LINE = re.compile(r"[^，,。；;：:—\n]{2,40}[；;。]?")  # a dash sets a description apart


def item_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines under a list's intro up to the first that names no item: a list that ends
    a notice runs into its signature and date (某省人民政府办公厅 / 2021年5月20日), which had
    made every name's check fail and the whole list go unread."""
    run = []
    for start, end in spans:
        name = text[start:end]
        if not names_an_item(name) or is_issuer_line(name) or find_full_dates(name):
            break
        run.append((start, end))
    return run


def service_run(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines up to the first that reads as no service: a list no count vouches for ends
    there ("以下事项“跨省通办”：" / 异地就医备案 / 户口迁移 / 以上事项由市人社局牵头。)."""
    run = []
    for span in spans:
        if not all_services(text, [span]):
            break
        run.append(span)
    return run


def line_names(text: str, offset: int) -> list[tuple[int, int]]:
    """Names on the lines after ``offset``, blank lines between them skipped, up to
    the first line that is no name (a sentence, a heading with a colon)."""
    spans = []
    marks: set[str] = set()
    offset = line_end(text, offset) + 1
    while offset < len(text):
        end = line_end(text, offset)
        line = text[offset:end].strip()
        if line:
            start = text.index(line, offset)
            if _NAME_LINE.fullmatch(line) and not line.endswith(("？", "?")):
                name_start, name_end = unnumbered(text, (start, start + len(line.rstrip("；;。"))))
            elif (head := _described_name(text, start, end)) is not None:
                name_start, name_end = head  # 异地就医备案——参保人可在线办理…: the name, then what it is
            else:
                break  # a sentence, a heading with a colon, or the next question
            marks.add(_mark_shape(text[start:name_start]))
            # 1.★异地就医备案（市医保局）: the list's marks and the line's note are no part of the name
            name_start, name_end = past_note(text, *undecorated(text, name_start, name_end))
            if len(marks) > 1:
                break  # 二、重点任务 under names Word numbered itself: the next section's heading
            spans.append((name_start, name_end))
        offset = end + 1
    return spans


_DESCRIBED = re.compile(r"[^，,。；;：:\n—]{2,40}?(?=——|—|：|:)")  # the line's head, before a dash or colon


def _described_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """ "1.异地就医备案：参保人可在线办理。" / "社会保障卡申领——现场制卡。": a list's line that
    names a service and then says what it is. Only a head that reads as a service: 记者：… or
    办理地点：… is no name."""
    head = _DESCRIBED.match(text, start, end)
    if head is None:
        return None
    name = unnumbered(text, head.span())
    return name if all_services(text, [name]) else None


_DIGITS = str.maketrans("0123456789二三四五六七八九十", "0000000000一一一一一一一一一")


def _mark_shape(mark: str) -> str:
    """How a line's number is written, whatever its value: 1. and 12. alike, 一、 and 二、 alike.
    A bullet is no number: lists mix them (● A / • B / - C)."""
    shape = mark.strip().translate(_DIGITS)
    return shape if "0" in shape or "一" in shape else ""
