"""Tables built of blocks: a list of rows, each row a few short blocks, set side by side by CSS.

Portals built on CSS lay their item lists out as ``<div class="row"><div class="cell">…</div>…``
(or ``<ul>`` of ``<li>`` rows, or ``<dl>`` pairs) instead of ``<table>``. Read block by block,
every cell becomes a paragraph and the rows are lost; the item table reader needs each row on
one line, its cells split by tabs, as a ``<table>`` gives them. So a block element whose
children are two or more rows of the same number of short cells is written as such lines.

A row is a block whose children are two or more cells; a cell is a block with no block inside
it (or one block, itself a cell: ``<div class="cell"><p>…</p></div>``). Cells are data: short,
with no sentence in them, so an article's paragraphs two by two are never a table, and a grid
that is nearly all link text is a menu, left to the link filter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Blocks that may hold a row or a cell, and the inline element a row may set its cells in
# (<li><span class="name">…</span><span class="dept">…</span></li>)
GRID_BLOCKS = {"div", "ul", "ol", "li", "section", "article", "dl", "dt", "dd", "p", "span"}
_INLINE_CELL = "span"
_ROWS_OF_INLINE_CELLS = {"li", "div", "dd"}  # not <p>: Word's export splits a paragraph into runs
_CELL_CHARS = 60  # a data cell's text; a paragraph is longer
_SENTENCE = re.compile(r"[。；;！？]")
_MENU_SHARE = 0.8  # of a grid's text in links: a menu
# a date alone, as a news list sets beside each entry's link (the HTML reader's link filter reads it too)
DATE_ONLY = re.compile(r"[\[【（(]?\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?[\]】）)]?")
_CLOSED_BY = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd")}  # an entry left open ends at the next
_LIST_HOLDERS = {"ul", "ol", "dl"}  # an entry inside a nested list closes none outside it


@dataclass
class _Block:
    tag: str
    start: int  # where its text starts in the collector's parts
    children: list[_Child] = field(default_factory=list)


@dataclass(frozen=True)
class _Child:
    start: int
    end: int
    cell: bool  # no block inside, or one cell
    cells: tuple[tuple[int, int], ...] = ()  # a row's cells' ranges in parts
    inline: bool = False  # a <span>: a cell only in a row that may set its cells inline


class GridTracker:
    """Follows the collector's blocks and rewrites a block of rows, when it closes, as tab lines.
    ``link_open`` and ``link_close`` are the collector's link marks, counted to tell a menu."""

    def __init__(self, link_open: str, link_close: str, marks: str) -> None:
        self.open_blocks: list[_Block] = []
        self.open_tags: Counter[str] = Counter()  # so a page nested deep is not searched at every tag
        self.link_open, self.link_close = link_open, link_close
        self._marks = str.maketrans("", "", marks + "\n")

    def start(self, tag: str, parts: list[str]) -> None:
        """Open ``tag``'s block, closing first what a browser closes before it."""
        self._close_left_open(tag, parts)
        self.open_blocks.append(_Block(tag, len(parts)))
        self.open_tags[tag] += 1

    def _close_left_open(self, tag: str, parts: list[str]) -> None:
        """A new list entry closes the entry left open before it (<li>A<li>B), and a block an
        open paragraph; never past a list that holds the new one."""
        closes = _CLOSED_BY.get(tag, ()) + (() if tag == _INLINE_CELL else ("p",))
        if not any(self.open_tags[closed] for closed in closes):
            return  # most tags: nothing to look for down a deep page
        for block in reversed(self.open_blocks):
            if block.tag in _LIST_HOLDERS:
                return
            if block.tag in closes:
                self.end(block.tag, parts)
                return

    def end(self, tag: str, parts: list[str]) -> None:
        """Close ``tag``'s block (and blocks left open inside it: end tags are optional)."""
        if not self.open_tags[tag]:
            return
        while self.open_blocks:
            block = self.open_blocks.pop()
            self.open_tags[block.tag] -= 1
            self._close(block, parts)
            if block.tag == tag:
                return

    def _close(self, block: _Block, parts: list[str]) -> None:
        rows = [child for child in block.children if child.cells]
        if len(rows) >= 2 and len(rows) == len(block.children) and self._is_grid(rows, parts):
            lines = ["\t".join(self._cell_text(parts, cell) for cell in row.cells) for row in rows]
            parts[block.start :] = ["\n" + "\n".join(lines) + "\n"]
            child = _Child(block.start, len(parts), cell=False)
        else:
            child = _child_of(block, parts)
        if self.open_blocks:
            self.open_blocks[-1].children.append(child)

    def _is_grid(self, rows: list[_Child], parts: list[str]) -> bool:
        if len({len(row.cells) for row in rows}) != 1:
            return False
        texts = [self._cell_text(parts, cell) for row in rows for cell in row.cells]
        if any(len(text) > _CELL_CHARS or _SENTENCE.search(text) for text in texts):
            return False
        if any(self._text_beside_cells(parts, row) for row in rows):
            return False  # <li>1. <div>…</div><div>…</div></li>: the row says more than its cells
        raw = "".join(parts[rows[0].start : rows[-1].end])
        linked = sum(len(piece.split(self.link_close)[0].strip()) for piece in raw.split(self.link_open)[1:])
        # a news list's entries set a date beside each link: the date is no text of its own
        total = sum(len(text.replace(" ", "")) for text in texts if not DATE_ONLY.fullmatch(text))
        return total > 0 and linked < _MENU_SHARE * total

    def _text_beside_cells(self, parts: list[str], row: _Child) -> bool:
        edges = [row.start, *(edge for cell in row.cells for edge in cell), row.end]
        between = "".join("".join(parts[a:b]) for a, b in zip(edges[::2], edges[1::2]))
        return bool(between.translate(self._marks).replace(self.link_open, "").replace(self.link_close, "").strip())

    def _cell_text(self, parts: list[str], cell: tuple[int, int]) -> str:
        text = "".join(parts[cell[0] : cell[1]])
        text = text.replace(self.link_open, "").replace(self.link_close, "").translate(self._marks)
        return " ".join(text.split())


def _child_of(block: _Block, parts: list[str]) -> _Child:
    """What a closed block is to its parent: a cell, a row (two or more cells) or neither.
    A block holding a table's cells (tabs) is no cell."""
    children, end, inline = block.children, len(parts), block.tag == _INLINE_CELL
    if not children:
        return _Child(block.start, end, cell="\t" not in "".join(parts[block.start : end]), inline=inline)
    if len(children) == 1 and children[0].cell:
        return _Child(block.start, end, cell=True, inline=inline)
    spans_allowed = block.tag in _ROWS_OF_INLINE_CELLS
    if len(children) >= 2 and all(child.cell and (spans_allowed or not child.inline) for child in children):
        return _Child(block.start, end, cell=False, cells=tuple((child.start, child.end) for child in children))
    return _Child(block.start, end, cell=False, inline=inline)
