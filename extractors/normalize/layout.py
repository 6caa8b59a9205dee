"""Whitespace and line re-flow: undo PDF and newspaper line breaks, keep structure.

Chinese has no spaces between words, so a space between two Han characters (or
a Han character and a digit) is layout residue: ``基础信 息变更``, ``140 项``.
Tabs are kept: they separate table cells, and so do the bars of bar-separated
rows, the gaps of space-separated ones and the line breaks of a table scraped
one cell a line, which become tabs first (``pipe_tables.py``, ``spaced_tables.py``,
``cell_lines.py``). Full-width punctuation is kept as it
is (no NFKC): ``，`` and ``（一）`` are what mainland readers expect.

Re-flow joins a line to the next when the break is clearly mid-sentence: a
hard-wrapped column (most lines as wide as the column) broken at full width, or
a line that stops in the middle of a clause. Headings, list markers, table rows
and short lines (paragraph ends, signatures) keep their breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_list
from extractors.head_lines import TITLE_END, body_endings, is_addressee_line, is_issuer_line
from extractors.normalize.cell_lines import cell_line_edits
from extractors.normalize.flat_lines import line_break_edits
from extractors.normalize.line_kinds import (
    CLAUSE_MARKS,
    HEADING,
    MARKER_ALONE,
    continues,
    is_bare_heading,
    is_dateline,
    opens_dateline,
    opens_preamble,
    starts_a_field,
)
from extractors.normalize.name_gaps import name_gap_edits
from extractors.normalize.pipe_tables import bar_edits
from extractors.normalize.spaced_tables import cell_gap_edits
from extractors.normalize.wrapping import (
    CLOSERS,
    FULL_WIDTH,
    PAGE_MARK,
    TERMINAL,
    LineFacts,
    blank_lines_between,
    column_width,
    ends_its_paragraphs,
    line_facts,
)
from extractors.offsets import OffsetMap, rewrite
from extractors.text import BULLETS, DOC_NUMBER

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’《》"
# Horizontal space (not tab) between two characters where Chinese uses none.
_INNER_SPACE = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}0-9])[ \u00a0\u3000\u2002\u2003\u2009]+(?=[{_CJK}{_CJK_PUNCT}])"
    rf"|(?<=[{_CJK}{_CJK_PUNCT}])[ \u00a0\u3000\u2002\u2003\u2009]+(?=[0-9])"
)
# A wide gap between two words is a column's edge, not residue: a joint notice's signature
# block sets two issuers a line ("上海市卫生健康委员会      上海市公安局"). A spaced-out title
# (通    知) has one character each side and stays residue.
# Searched as runs of blanks first: a pattern opening with a look-behind is tried at every position.
_WIDE_GAP = re.compile(r"[ \u00a0\u3000]{3,}")
_TWO_CJK = re.compile(rf"[{_CJK}]{{2}}")


def _column_gap_edits(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for gap in _WIDE_GAP.finditer(text):
        start, end = gap.span()
        if _TWO_CJK.fullmatch(text, max(0, start - 2), start) and _TWO_CJK.match(text, end):
            edits.append((start, end, "\t"))
    return edits


_EDGE_SPACE = re.compile(r"^[ \u00a0\u3000\u2002\u2003\u2009]+|[ \u00a0\u3000\u2002\u2003\u2009]+$", re.M)
_BLANKS = "[ \u00a0\u3000\u2002\u2003\u2009]"
_BLANK_RUN = re.compile(_BLANKS + "+")
_BLANK_PATTERNS = (_EDGE_SPACE, _INNER_SPACE)  # every match is a run of _BLANKS
_NBSP = re.compile(r"[\u00a0\u2002\u2003\u2009]")
_CRLF = re.compile(r"\r\n?")
_MANY_BLANKS = re.compile(r"\n{3,}")
_DASHES = "—－-"
# Marks no line opens with (kinsoku): a page that breaks before one broke mid-sentence
_DASH_BULLET = re.compile(r"[-－](?=[\u4e00-\u9fff])")  # a list's dash before its entry
_NEVER_OPENS = "，、。；：,;:）)》」』”’！？"  # not ASCII ? or !: a lost byte's placeholder may open one
# Words that join what follows to what went before: a line never ends on one
_JOINING_ENDS = "和与及或的"
_LABEL = re.compile(r"^[^，。；：:]{1,6}[：:]")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|（[^（）]*）|\([^()]*\)")


@dataclass(frozen=True)
class LayoutStats:
    spaces_removed: int
    lines_joined: int
    hard_wrapped: bool


def tidy_layout(text: str) -> tuple[str, OffsetMap, LayoutStats]:
    """Normalize whitespace, then re-flow broken lines; returns text, map, stats."""
    text_crlf, map_crlf = _substitute(text, _CRLF, "\n")
    text_bars, map_bars = _apply(text_crlf, bar_edits(text_crlf))
    text0, map_lines = _apply(text_bars, cell_line_edits(text_bars))  # one cell a line: rows first
    map0 = map_crlf.then(map_bars).then(map_lines)
    text_cells, map_cells = _apply(text0, cell_gap_edits(text0))  # before the gaps look like residue
    text_flat, map_flat = _apply(text_cells, line_break_edits(text_cells))  # … and so before them
    text1, map_columns = _apply(text_flat, _column_gap_edits(text_flat))  # … and so are these
    map1 = map_cells.then(map_flat).then(map_columns)
    facts = line_facts(text1)
    text2, map_edges = _substitute(text1, _EDGE_SPACE, "")
    text2, map_names = _apply(text2, name_gap_edits(text2))  # 户口迁移　异地就医备案: a cell each
    map2 = map_edges.then(map_names)
    inner = [edit for edit in _edits(text2, _INNER_SPACE, "") if not _separates_names(text2, edit[0])]
    spaces = len(inner)
    text3, map3 = _apply(text2, inner)
    text4, map4 = _substitute(text3, _NBSP, " ")
    text4, map_pages = _substitute(text4, PAGE_MARK, "")  # a blank line: a sentence may run across it
    map4 = map4.then(map_pages)
    wrap_width = column_width(facts, text1.split("\n"))
    text5, map5, joined = _reflow(text4, wrap_width, facts)
    text6, map6 = _substitute(text5, _MANY_BLANKS, "\n\n")
    text7, map7 = _strip(text6)
    offset_map = map0.then(map1).then(map2).then(map3).then(map4).then(map5).then(map6).then(map7)
    return text7, offset_map, LayoutStats(spaces, joined, wrap_width is not None)


@lru_cache(maxsize=1)
def _byline_words() -> tuple[str, ...]:
    return tuple(load_list("byline_words.txt"))


# "国家医保局 财政部关于…", "《中共中央 国务院关于…》": joint issuers before 关于 are
# separated by a space, by the title standard (GB/T 9704); more may follow (A B C关于).
# An office is no second issuer: "市人民政府 办公厅关于" is one name, letter-spaced.
# Each name ends in the last character of an issuer ending of body_endings.tsv.
@lru_cache(maxsize=1)
def _joint_issuer_space() -> re.Pattern[str]:
    last = "".join(sorted({ending[-1] for ending in body_endings("issuer")}))
    name = rf"[\u4e00-\u9fff]{{2,14}}?[{last}]"
    return re.compile(rf"(?<=[{last}])[ \u3000](?!办公)(?=(?:{name}[ \u3000])*{name}关于)")


def _separates_names(text: str, position: int) -> bool:
    """A space that is no residue: after a byline word ("(记者 曾诗阳)"), between joint
    issuers ("国家医保局 财政部关于"), or after the number that opens a list's line ("01 异地就医备案")."""
    return (
        text.endswith(_byline_words(), 0, position)
        or _joint_issuer_space().match(text, position) is not None
        or _after_a_line_number(text, position)
    )


# what a number before a space counts, not a list's line number: 30 日内, 12 项, 2 个工作日
_UNIT_AFTER = re.compile(r"[ \u00a0\u3000\u2002\u2003\u2009]+[年月日天周时分秒项个件万亿元次号批类名家人户岁倍期届级]")
_LINE_NUMBER = re.compile(r"[ \t]*\d{1,3}")


def _after_a_line_number(text: str, position: int) -> bool:
    """Is the space right after a number that is all its line holds so far (01 基本医疗保险…)?
    Without it the number runs into the name (01基本医疗保险…) and no list reads it."""
    line_start = text.rfind("\n", 0, position) + 1
    return _LINE_NUMBER.fullmatch(text, line_start, position) is not None and not _UNIT_AFTER.match(text, position)


def _substitute(text: str, pattern: re.Pattern[str], replacement: str) -> tuple[str, OffsetMap]:
    return _apply(text, _edits(text, pattern, replacement))


def _edits(text: str, pattern: re.Pattern[str], replacement: str) -> list[tuple[int, int, str]]:
    matches = _around_blanks(pattern, text) if pattern in _BLANK_PATTERNS else pattern.finditer(text)
    return [(m.start(), m.end(), replacement) for m in matches]


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    if not edits:
        return text, OffsetMap.identity(len(text))
    return rewrite(text, edits)


def _around_blanks(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, looked for only at runs of blanks and the character
    after each (its look-ahead). Same matches as ``finditer`` over the text: they
    consist of blanks only, and a look-behind sees text before ``pos``. The
    patterns open with look-behinds or ``^``, so a plain scan tries every position."""
    for run in _BLANK_RUN.finditer(text):
        yield from pattern.finditer(text, run.start(), min(run.end() + 1, len(text)))


def _strip(text: str) -> tuple[str, OffsetMap]:
    """Leading and trailing whitespace off (a regex ``\\s+$`` retries at every blank run)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    edits = [(0, start, "")] if start else []
    if end > start and end < len(text):
        edits.append((end, len(text), ""))
    return rewrite(text, edits) if edits else (text, OffsetMap.identity(len(text)))


def _reflow(text: str, wrap_width: int | None, facts: LineFacts) -> tuple[str, OffsetMap, int]:
    lines = text.split("\n")
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    edits: list[tuple[int, int, str]] = []
    nonblank = [i for i, line in enumerate(lines) if line]
    paragraph = ""  # the paragraph's last, unfinished sentence, joined so far
    first_line = True
    punctuated = ends_its_paragraphs(lines)
    for here, after in zip(nonblank, nonblank[1:]):
        paragraph = _open_sentence(paragraph + lines[here])
        gap = blank_lines_between(here, after, facts.page_marks) if after - here > 1 else 0
        opens = wrap_width is not None and facts.indents[after] >= facts.indents[here] + 2 * FULL_WIDTH
        flush = (
            _NOT_FLUSH
            if wrap_width is None
            else (_flush(facts, here, wrap_width, first_line), _flush(facts, after, wrap_width, False))
        )
        context = _Break(lines[here], lines[after], paragraph, gap == 1, first_line, opens, flush)
        joins_across = gap == 0 or punctuated or wrap_width is not None
        if gap <= 1 and joins_across and _should_join(context, wrap_width, facts.widths[here]):
            end_of_here = starts[here] + len(lines[here])
            edits.append((end_of_here, starts[after], _joiner(lines[here], lines[after])))
            first_line = False
        else:
            paragraph, first_line = "", True
    if not edits:
        return text, OffsetMap.identity(len(text)), 0
    new_text, offset_map = rewrite(text, edits)
    return new_text, offset_map, len(edits)


@dataclass(frozen=True)
class _Break:
    """A line break and what surrounds it."""

    line: str
    following: str
    paragraph: str  # the paragraph's last sentence, up to and including `line`
    across_blank: bool
    first_line: bool  # `line` starts its paragraph (print indents it)
    indented_after: bool = False  # `following` is set in two characters further: a new paragraph
    flush: tuple[bool, bool] = (False, False)  # `line`, `following` span a hard-wrapped page, margin to edge


_NOT_FLUSH = (False, False)  # no page width: no line spans one


def _fills(width: int, wrap_width: int | None, first_line: bool) -> bool:
    """Does a line reach a hard-wrapped page's right edge? Print indents a paragraph's
    first line by two characters."""
    return wrap_width is not None and width >= 0.85 * wrap_width - (4 if first_line else 0)


def _flush(facts: LineFacts, index: int, wrap_width: int | None, first_line: bool) -> bool:
    """A line of running text: from the left margin (or a paragraph's indent) to the right
    edge. A signature set flush right reaches the edge too, but from far in."""
    indented = facts.indents[index] > 2 * FULL_WIDTH
    return not indented and _fills(facts.widths[index], wrap_width, first_line)


def _joiner(left: str, right: str) -> str:
    """Two Latin words meet across the break with a space; a number a wrap split
    (国办发〔20 / 20〕35号) goes on without one."""
    digits = left[-1:].isdigit() and right[:1].isdigit()
    latin_pair = left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()
    return " " if latin_pair and not digits else ""


def _should_join(brk: _Break, wrap_width: int | None, width: int) -> bool:
    line, following = brk.line, brk.following
    if "\t" in line or "\t" in following or HEADING.match(following) or following[:1] in BULLETS:
        return False  # a table row, a heading, a list's line
    if opens_dateline(following):
        return False  # a headline over its dateline (2021-05-20 来源：…), whatever it ends in
    if _DASH_BULLET.match(following) and _DASH_BULLET.match(line):
        return False  # "-居民身份证换领、补领" over "-职工参保信息变更登记": a list with dashes for bullets
    if following[:1] in _NEVER_OPENS and not brk.across_blank:
        return True  # "…决策部署" / "，落实…": typesetting never opens a line with a pause or a closer
    if following[:1] == "的" and line[-1:] not in TERMINAL and not brk.across_blank:
        return True  # "…事项清单" / "的通知": no line opens with 的, a wrapped title's last line least of all
    if _stands_alone(brk):
        return False
    if MARKER_ALONE.fullmatch(line):
        return True  # "（一）" over "指导思想。": the page set the marker apart
    last = line[-1]
    if last in CLOSERS and last not in "”’" and continues(following):
        return True  # "…意见》（国办发〔2020〕35号）" over "精神，现提出如下意见。"
    if last in "：:" and line.count("（") > line.count("）"):
        return True  # "（责任单位：" over "县医保局；完成时限：…）": a bracket's label goes on
    if last in _JOINING_ENDS and not brk.across_blank and not brk.indented_after:
        return True  # "…政府职能转变和" / "“放管服”改革重点工作安排": no line ends on a joining word
    finished = last in TERMINAL or last in CLOSERS or last in _DASHES
    if finished and last in CLOSERS and _left_open(brk.paragraph, _TITLE_PAIRS):
        finished = False  # "关于印发《2021年…“放管服”" / "改革重点工作安排》的通知": the title goes on
    mid_word = bool(re.match(rf"[{_CJK}0-9]", last))
    if wrap_width is not None:
        full = _fills(width, wrap_width, brk.first_line)
        if brk.indented_after and not (mid_word and _left_open(brk.paragraph, _QUOTE_PAIRS)):
            return False  # a new paragraph, unless a quote is left open mid-word (a centred title: “跨省 / 通办”)
        if full and not brk.across_blank:
            return True
        if mid_word and not brk.across_blank and _left_open(brk.paragraph, _QUOTE_PAIRS):
            return True  # a title set larger than the text, cut inside its quote: “跨省 / 通办”
        if full and mid_word:
            return _stops_mid_clause(brk.paragraph)
        return False
    if finished or is_bare_heading(line) or is_dateline(line) or starts_a_field(line, following):
        return False
    if brk.across_blank and not mid_word:
        return False
    if brk.across_blank and _names_apart(brk):
        return False  # a list's entries one per block: 身份证首次申领、到期换领、丢失补领 / 城乡居民…登记
    return _stops_mid_clause(brk.paragraph)


_NAME_LINE_CHARS = 25  # a list entry's length; a line cut off inside a sentence is longer


def _names_apart(brk: _Break) -> bool:
    """Two short lines a blank line apart, the first a paragraph of its own whose only marks are
    the 、 between one name's parts and the second with no mark at all: two entries of a list,
    not one sentence cut in two."""
    line, following = brk.line, brk.following
    if not brk.first_line or len(line) > _NAME_LINE_CHARS or len(following) > _NAME_LINE_CHARS:
        return False
    marks = set(CLAUSE_MARKS + TERMINAL + "“”《》（）()")
    return not any(char in marks for char in line.replace("、", "")) and not any(char in marks for char in following)


def _stands_alone(brk: _Break) -> bool:
    """A document number, a signature (a body's name alone), or a title (…关于…的通知; a
    plan's own title between blank lines or over its preamble) is a line of its own, even when a 、 in it
    (甲市、乙县…方案) or the line above ("联系人：…，电话：…") looks like an open clause."""
    # a document number; a line of running text that ends in one (…要按照国办发〔2020〕35号) is none
    if (DOC_NUMBER.fullmatch(brk.line) and not brk.flush[0]) or (DOC_NUMBER.fullmatch(brk.following) and not brk.flush[1]):
        return True
    if is_addressee_line(brk.line):
        return True  # 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： over the first paragraph
    # a signature: 某口市人民政府办公室 between a contact line and its date. A line of running
    # text on a hard-wrapped page is none, whatever it ends in (…的决策部署, …网络操作的办).
    if (is_issuer_line(brk.line) and not brk.flush[0]) or (is_issuer_line(brk.following) and not brk.flush[1]):
        return True
    titled = TITLE_END.search(brk.line) is not None and not any(mark in brk.line for mark in "，。；,;")
    return titled and ("关于" in brk.line or brk.across_blank or (brk.first_line and opens_preamble(brk.following)))


def _open_sentence(text: str) -> str:
    """What follows the last sentence end: all a join decision looks at, and
    keeping only it keeps a long paragraph from being re-scanned line after line."""
    # the sentence ends (。！？!?) one rfind each: a generator over them cost more than the finds
    last = max(text.rfind("。"), text.rfind("！"), text.rfind("？"), text.rfind("!"), text.rfind("?"))
    return text[last + 1 :]


# Pairs whose opener left open in a sentence keeps it going: 国办发〔20 / 20〕35号, （见 / 附件）
_PAIRS = ("《》", "“”", "（）", "()", "〔〕")
_TITLE_PAIRS = ("《》",)  # 《…“放管服” / 改革…》的通知: a quote closed inside an open 《 ends no line
_QUOTE_PAIRS = ("“”", "《》")


def _left_open(text: str, pairs: tuple[str, ...] = _PAIRS) -> bool:
    """Is an opener of ``pairs`` left open in the text's last sentence?"""
    tail = _open_sentence(text)
    return any(tail.count(opener) > tail.count(closer) for opener, closer in pairs)


def _stops_mid_clause(line: str) -> bool:
    """The line's last sentence has begun (a clause mark or an open quote) and not ended."""
    unclosed = _left_open(line)
    tail = _open_sentence(line)
    # A 、 inside “跨省通办、省内通办” or 《…》 is part of a name, not a clause,
    # and the colon of a short label (附件：, 联系人：) does not start one.
    tail = _LABEL.sub("", _QUOTED.sub("", tail))
    return unclosed or any(mark in tail for mark in CLAUSE_MARKS)
