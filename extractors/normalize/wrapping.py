"""Reading a hard-wrapped text's column: which lines a PDF or a newspaper broke at a fixed width.

The re-flow (``layout.py``) joins a full line to the next only in a text wrapped at a column, so the
column must be read first. Display widths count a Han character as two columns; a page's number on a
line of its own is a page break, not a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.field_labels import field_line
from extractors.text import AFTER_NUMBER, BULLETS, ITEM_NUMBER

TERMINAL = "。！？；!?;…：:"
CLOSERS = "）)】》」』”’"
FULL_WIDTH = 2  # display columns of one Han character

# A page's number on a line of its own, from a PDF shown as HTML pages ("- 1 -", "第2页",
# "P. 3", "Page 4 of 9"): furniture a sentence runs across. Bare digits may be a table's.
_PAGE_NUMBER = (
    r"[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|P\.\s*\d{1,4}|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?"
)
PAGE_MARK = re.compile(rf"^(?:{_PAGE_NUMBER})$", re.M)


def display_width(line: str) -> int:
    """Columns a line takes in print: CJK characters are two wide.

    Counted from the UTF-8 length (CJK is three bytes, ASCII one) so it runs in C.
    """
    line = line.strip("\n")
    return len(line) + (len(line.encode("utf-8")) - len(line)) // 2


@dataclass(frozen=True)
class LineFacts:
    """What the re-flow knows of each original line: its display width (spacing in a
    justified column counts), its indent, and whether it held a page's number."""

    widths: list[int]
    indents: list[int]
    page_marks: frozenset[int]


_INDENTING = (" ", "\u3000", "\t", "\u00a0")
_PAGE_MARK_WIDTH = 40  # display columns a page-number line takes at most, centring included
_PAGE_MARK_OPENERS = "-—－–第P"  # what a page number's line opens with (a cheap test before the pattern)


def _page_mark(line: str) -> bool:
    stripped = line.strip()
    return stripped[:1] in _PAGE_MARK_OPENERS and PAGE_MARK.match(stripped) is not None


def line_facts(text: str) -> LineFacts:
    lines = text.split("\n")
    widths = [display_width(line) for line in lines]
    indents = [display_width(line[: len(line) - len(line.lstrip())]) if line.startswith(_INDENTING) else 0 for line in lines]
    marks = frozenset(index for index, line in enumerate(lines) if widths[index] <= _PAGE_MARK_WIDTH and _page_mark(line))
    return LineFacts(widths, indents, marks)


def column_width(facts: LineFacts, lines: list[str]) -> int | None:
    """The column width if the text is hard-wrapped, else None."""
    return _by_full_lines(facts.widths, lines) or _by_stops(facts, lines) or _by_widest_stops(facts, lines)


# A list's line: numbered (1. （1） ① 一、 （一）) or bulleted.
_LIST_LINE = re.compile(rf"[ \t\u3000]*(?:{ITEM_NUMBER}{AFTER_NUMBER}|[{BULLETS}])")
_CLAUSE = re.compile(r"[，。；、,;]")


def _names_a_thing(line: str) -> bool:
    """A list's line or an item's field line (牵头单位：省公安厅) that holds no clause: a name,
    a unit, a time. Lists of names of one length cluster as a wrapped column's lines do, so
    such lines count for no column; a numbered paragraph's first line (1.全面推进…，…) does."""
    opener = _LIST_LINE.match(line) or field_line().match(line)
    return opener is not None and _CLAUSE.search(line, opener.end()) is None


def _by_full_lines(widths: list[int], lines: list[str]) -> int | None:
    """Hard-wrapped text has many lines whose widths cluster just under a maximum:
    at least half of the non-blank lines within 85% of the 80th percentile. Table rows and
    a list's lines count neither way: six names of one length are no column.
    """
    nonblank = [w for w, line in zip(widths, lines) if w > 0 and "\t" not in line and not _names_a_thing(line)]
    if len(nonblank) < 8:
        return None
    column = _percentile_80(nonblank)
    if column < 16:
        return None
    near = sum(0.85 * column <= width <= 1.1 * column for width in nonblank)
    return int(column) if near >= 0.5 * len(nonblank) else None


def _percentile_80(values: list[int]) -> float:
    """numpy's default (linear) 80th percentile, computed the way numpy interpolates, in
    plain Python: for a page's few dozen lines, numpy's call costs more than the sort."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * 0.8
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    below, above, fraction = ordered[low], ordered[high], position - low
    if fraction >= 0.5:
        return above - (above - below) * (1 - fraction)
    return below + (above - below) * fraction


_MIN_STOPS = 8  # lines stopping mid-sentence a short notice must have to tell its column
_STOPS_NEAR = 2 / 3
_SHORT_STOP = 0.5  # of the column: a stop shorter than this says nothing of wrapping
_PROSE_INDENT = 8  # columns of indent past which a line is centred or set right, not prose


def _prose_lines(facts: LineFacts, lines: list[str], names: bool = False) -> list[int]:
    """The lines of running text: no table rows, page numbers, centred or right-set lines,
    nor (unless ``names``) a list's lines that only name a thing."""
    widths, indents = facts.widths, facts.indents
    return [
        index
        for index, line in enumerate(lines)
        if indents[index] < min(_PROSE_INDENT, widths[index])
        and index not in facts.page_marks
        and "\t" not in line
        and (names or not _names_a_thing(line))
    ]


def _stops_mid_sentence(lines: list[str], index: int) -> bool:
    """The line ends with no sentence mark or closer, and a line follows it."""
    return lines[index].rstrip()[-1] not in TERMINAL + CLOSERS and index + 1 < len(lines) and bool(lines[index + 1].strip())


_WIDEST_STOPS = 3  # lines at the widest width that stop mid-sentence: a wrapped cover page
_WIDEST_LEAST = 48  # half-width columns: a printed page's line holds 24 characters or more


def _by_widest_stops(facts: LineFacts, lines: list[str]) -> int | None:
    """A cover page too short for a column by percentiles (a title, an addressee, four wrapped
    paragraphs, a signature): its widest lines are the column's. Hard-wrapped, they mostly
    stop mid-sentence; a page with a paragraph a line ends its widest lines with 。. A list's
    line as wide as the widest counts: a numbered paragraph's first line (一、…的认领和办)
    holds no clause yet, and no list's name is that long."""
    prose = _prose_lines(facts, lines, names=True)
    if not prose:
        return None
    column = max(facts.widths[index] for index in prose)
    if column < _WIDEST_LEAST:
        return None
    near = [index for index in prose if facts.widths[index] >= 0.85 * column]
    stops = [index for index in near if _stops_mid_sentence(lines, index) and not _a_fields_or_tables(lines, index)]
    if len(stops) < _STOPS_NEAR * len(near):
        return None
    return column if len(stops) >= _WIDEST_STOPS or _only_paragraph_wraps(facts, lines, near, stops) else None


def _only_paragraph_wraps(facts: LineFacts, lines: list[str], near: list[int], stops: list[int]) -> bool:
    """A cover whose one or two paragraphs wrap once each (…请认真贯彻执行。各牵头单位要于每 /
    月5日前将…报送…。): too few stops to vouch for a column, but every widest line stops
    mid-sentence and the narrower line right under it ends the sentence, as a paragraph's
    last line does. A title's widest line is followed by its number or a line of its own."""
    return (
        bool(stops)
        and len(stops) == len(near)
        and all(
            lines[index + 1].rstrip()[-1:] in _SENTENCE_ENDS and facts.widths[index + 1] < facts.widths[index] for index in stops
        )
    )


_SENTENCE_ENDS = "。！？"


_LABEL_OPENING = re.compile(r"[^，。；：:\s]{2,6}[：:]")  # 索引号: / 发布机构：


def _a_fields_or_tables(lines: list[str], index: int) -> bool:
    """A line of labelled fields (索引号: … 分类: …), or one over a table's rows (a caption, a
    group's heading), stops with no mark too, and says nothing of a wrap."""
    following = lines[index + 1]
    return "\t" in following or bool(_LABEL_OPENING.match(lines[index]) or _LABEL_OPENING.match(following))


def _by_stops(facts: LineFacts, lines: list[str]) -> int | None:
    """A short notice's column: headings, contact lines and a signature may outnumber its
    full lines, but where a hard-wrapped text stops a line mid-sentence, it stops at the
    column. So: two thirds of the prose lines that stop mid-sentence, with a line right
    after them, lie within 85% of the prose lines' 80th percentile. Table rows, page
    numbers and centred or right-set lines are no prose."""
    widths = facts.widths
    prose = _prose_lines(facts, lines)
    if len(prose) < _MIN_STOPS:
        return None
    column = _percentile_80([widths[index] for index in prose])
    if column < 16:
        return None
    # A line shorter than half the column that stops unpunctuated is a title's line, a
    # document number, a signature or 附件: a line of its own in any text, no evidence.
    stops = [widths[index] for index in prose if _stops_mid_sentence(lines, index) and widths[index] >= _SHORT_STOP * column]
    if len(stops) < _MIN_STOPS:
        return None
    near = sum(0.85 * column <= width <= 1.1 * column for width in stops)
    return int(column) if near >= _STOPS_NEAR * len(stops) else None


def blank_lines_between(here: int, after: int, page_marks: frozenset[int]) -> int:
    """Blank lines between two lines. A page's number, and the blanks around it, is a page
    break, not a paragraph's: a sentence runs on across it ("…9月底" / "— 1 —" / "前完成…")."""
    between = range(here + 1, after)
    return 0 if any(index in page_marks for index in between) else len(between)


_PUNCTUATED_SHARE = 0.3  # of a page's lines with a clause in them, those that end a sentence
_CLAUSE_CHARS = 12  # a line this long holds a clause (a heading or a label is shorter)


def ends_its_paragraphs(lines: list[str]) -> bool:
    """Does the page end its paragraphs with a mark (。 ； ）)? A page broken by PDF pages
    or columns does, and a line across a blank one that ends with no mark stops mid-sentence.
    An infographic's captions and a slide's points end with none: each line is its own
    (…已实现社保卡全国通用 / 2021年底已实现…), and a blank line is no break inside a sentence."""
    long_lines = [line.rstrip() for line in lines if len(line) >= _CLAUSE_CHARS]
    if not long_lines:
        return True
    ended = sum(1 for line in long_lines if line[-1] in TERMINAL or line[-1] in CLOSERS)
    return ended >= _PUNCTUATED_SHARE * len(long_lines)
