"""HTML to text that keeps the structure extractors need.

Block elements become line breaks, table cells become tabs (the item table
reader looks for tab-separated rows), ruby annotations (<rt>, <rp>) are dropped
so pinyin never reaches the text, and page chrome (script, style, nav, header,
footer) is skipped. Decoding honours <meta charset> through the normalizer's
decoder, so Big5 and GBK pages come out right.

Government sites rarely use those semantic tags: their chrome is divs named
nav, crumb, share, footer (``data/html_chrome.txt``), skipped by class or id;
and what is left of menus and "related links" is lines made almost only of
link text, dropped unless they are table rows or read like sentences. Lines
that open like chrome (当前位置, 分享到, 主办单位, ``data/html_chrome_lines.txt``)
are dropped too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources

from sources.cell_text import carries_over, joined_paragraphs
from sources.html_grids import DATE_ONLY, GRID_BLOCKS, GridTracker
from sources.html_tables import TableState

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "nav",
    "header",
    "footer",
    "aside",
    "rt",
    "rp",
    "svg",
    "select",
    "button",
    "form",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "hr",
    "tbody",
    "thead",
}
_CELL = {"td", "th"}
_INLINE = {"span", "em", "i", "b", "strong", "small", "font", "time", "label", "cite"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


_LINK_OPEN, _LINK_CLOSE = "\x01", "\x02"  # mark link text until lines are judged
_CELL_BREAK = "\x03"  # a <br> inside a table cell, judged once the row is known
_CELL_PARAGRAPH = "\x06"  # a block's edge inside a table cell (Word's <td><p>…</p><p>…</p>)
_ENTRY_BREAK = "\x05"  # a <br> inside a list entry (<li>), judged once the entry is read
_BESIDE = "\x04"  # what a line sets beside its link: a cell once the line is kept, no table row before
_LINK_SHARE = 0.8
_TAGGED = re.compile(r"[【\[][^】\]]{2,12}[】\]]\S")  # 【跨省通办】婚姻登记档案查询, [全程网办]…
_SENTENCE = re.compile(r"[。；;！？]")


def _data_words(name: str) -> list[str]:
    text = resources.files("sources").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _chrome_names() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in _data_words("html_chrome.txt")), re.IGNORECASE)


@lru_cache(maxsize=1)
def _chrome_line_openers() -> tuple[str, ...]:
    return tuple(_data_words("html_chrome_lines.txt"))


def _is_chrome_line(line: str) -> bool:
    """A breadcrumb, tool bar or site footer line (当前位置：…, 主办单位：…, …ICP备…)."""
    text = _unmark(line).strip()
    return text.startswith(_chrome_line_openers()) or "ICP备" in text


def _is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _SKIP:
        return True
    if tag in _CELL:
        return False  # a table keeps its columns: a cell is never skipped
    names = " ".join(value or "" for key, value in attrs if key in ("class", "id"))
    return bool(names) and _chrome_names().search(names) is not None or _hidden(attrs)


_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """An element the page never shows (hidden, display:none): a browser's reader skips it, and
    pages keep print copies, old versions and share boxes so."""
    return any(key == "hidden" or key == "style" and _NOT_SHOWN.search(value or "") for key, value in attrs)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_tag: str | None = None  # the tag that started the skipped element
        self.skip_depth = 0  # how deep inside it, counting that tag only
        self.tables: list[TableState] = []  # the table being read, inside the ones it is nested in
        self.in_title = False
        self.title: list[str] = []
        self.in_entry = False  # inside an <li>, whose end tag pages often leave out
        marks = _CELL_BREAK + _CELL_PARAGRAPH + _ENTRY_BREAK + _BESIDE
        self.grids = GridTracker(_LINK_OPEN, _LINK_CLOSE, marks)  # rows of blocks set side by side

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID and tag not in _BLOCK:
            return
        if self.skip_depth:
            self.skip_depth += tag == self.skip_tag
            return
        if tag == "title":
            self.in_title = True
            return
        if tag not in _VOID and _is_chrome(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "a":
            self.parts.append(_LINK_OPEN)
        elif tag in _INLINE and self.parts and self.parts[-1] == _LINK_CLOSE and not self._in_cell():
            self.parts.append(_BESIDE)  # <li><a>事项</a><span>县民政局</span>: a link and what its line sets beside it
        if tag in GRID_BLOCKS and not self.tables:
            self.grids.start(tag, self.parts)
        if tag == "table":
            self.tables.append(TableState())
        if tag == "li":
            self.in_entry = True
        if tag == "br" and self._in_cell():
            self.parts.append(_CELL_BREAK)
        elif tag == "br" and self.in_entry:
            self.parts.append(_ENTRY_BREAK)
        elif tag == "tr" and self.tables:
            self.tables[-1].start_row(self.parts)  # rows are consecutive lines
        elif tag in _CELL:
            if self.tables:
                self.tables[-1].start_cell(self.parts, attrs)
        elif tag in _BLOCK:
            self.parts.append(self._block_break())

    def _block_break(self) -> str:
        """A block's edge: a line break, or inside a cell (Word's <td><p>…</p><p>…</p>)
        a break judged with the row, as a <br> in a cell is."""
        return _CELL_PARAGRAPH if self._in_cell() else "\n"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """<br/> is one break, as <br> is: the parser's default would also end it,
        and the end of a block tag is a second line break (inside a cell, a split row)."""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _in_cell(self) -> bool:
        return bool(self.tables) and self.tables[-1].open_cell is not None

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag == self.skip_tag
            return
        if tag in ("li", "ul", "ol"):
            self.in_entry = False
        if tag == "title":
            self.in_title = False
        elif tag == "table" and self.tables:
            self.tables.pop().end_row(self.parts)
        elif tag == "tr" and self.tables:
            self.tables[-1].end_row(self.parts)
            return
        elif tag in _CELL and self.tables:
            self.tables[-1].end_cell(self.parts)
        if tag == "a":
            self.parts.append(_LINK_CLOSE)
        elif tag in _BLOCK and tag not in _CELL:
            self.parts.append(self._block_break())
        if tag in GRID_BLOCKS and not self.tables:
            self.grids.end(tag, self.parts)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.title.append(data)
            return
        data = (
            data.replace(_LINK_OPEN, "")
            .replace(_LINK_CLOSE, "")
            .replace(_CELL_BREAK, "")
            .replace(_CELL_PARAGRAPH, "")
            .replace(_BESIDE, "")
            .replace(_ENTRY_BREAK, "")
        )
        # Inside a cell a wrapped line is the same cell: no newline may split a row.
        in_cell = self._in_cell()
        text = data.replace("\n", "") if in_cell else data.replace("\r", "")
        self.parts.append(text if in_cell else _collapse(text))


def _collapse(text: str) -> str:
    """Source indentation is not content; keep single spaces and real breaks."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines) if any(lines) else " " if text.strip(" \t\n") == "" and text else ""


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _entry_breaks(_cell_breaks("".join(collector.parts)))
    lines = [_unmark(line).strip(" ") for line in text.split("\n") if not _mostly_links(line) and not _is_chrome_line(line)]
    body = "\n".join(lines).strip("\n") + "\n"
    title = _page_title("".join(collector.title))
    if title and _squeezed(title) not in _squeezed(body) and not _heads_the_body(title, lines):
        body = title + "\n\n" + body
    return body


# a portal's tag after a page's name: 异地就医登记备案（跨省通办）
_TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,10}[）)]$")


def _heads_the_body(title: str, lines: list[str]) -> bool:
    """Does a line of the body (its <h1>) give the <title> without the portal's tag that
    closes it? Then that line is the page's title, and the <title> is not set above it."""
    note = _TRAILING_NOTE.search(title)
    if note is None:
        return False
    bare = _squeezed(title[: note.start()])
    return len(bare) >= 4 and any(_squeezed(line) == bare for line in lines)


# "<notice title>_政府信息公开专栏", "<headline>--社会·法治--人民网": the site comes after.
# "<notice title>-某华区人民政府": a bare hyphen between two Han words too (not 2021-2023).
_SITE_SEPARATOR = re.compile(r"\s*(?:_|--|——|\s[-－|｜]\s|[|｜]|(?<=[\u4e00-\u9fff”）》])[-－](?=[\u4e00-\u9fff]))\s*")


def _page_title(title: str) -> str:
    """The <title> without the site's name. It opens the text only when the page
    body does not carry the same title already (an <h1>, a centred line)."""
    title = " ".join(title.split())
    first = _SITE_SEPARATOR.split(title, maxsplit=1)[0].strip()
    return first if len(first) >= 4 else title


def _squeezed(text: str) -> str:
    """The text without blanks and quotes: a <title> drops the quotes its <h1> sets
    (跨省通办事项目录 of 兴国县“跨省通办”事项目录)."""
    return re.sub(r"[\s“”‘’\"']+", "", text)


_DATA_CELL_CHARS = 60  # a data cell's text; a layout cell holds paragraphs


def _cell_breaks(text: str) -> str:
    """A break inside a cell: in a data cell a <br> wraps the cell, joined without a space
    like a wrapped PDF cell (生育津贴<br>支付), and its paragraphs (Word's <p>s) are its
    pieces, joined as a Word cell's are (``cell_text``: 社会保障卡申领；失业保险金申领, but
    失业保险金 / 申领 is one name); in a layout cell holding running text (a sentence, or more
    than a data cell holds) either is a line break. A line with no tabs is one cell, a layout one."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _CELL_BREAK in line or _CELL_PARAGRAPH in line:
            cells = line.split("\t")
            lines[index] = "\t".join(_joined_cell(cell, data=len(cells) > 1 and _is_data_cell(cell)) for cell in cells)
    return "\n".join(lines)


def _joined_cell(cell: str, data: bool) -> str:
    if not data:
        return cell.replace(_CELL_BREAK, "\n").replace(_CELL_PARAGRAPH, "\n")
    pieces = cell.replace(_CELL_BREAK, "").split(_CELL_PARAGRAPH)
    filled = [piece for piece in pieces if piece.strip()]
    return joined_paragraphs(filled) if len(filled) > 1 else "".join(pieces)  # one paragraph: as it was


def _entry_breaks(text: str) -> str:
    """A <br> inside a list entry: a wrapped name when it is the entry's only break and a
    word's tail follows a word (1.异地就医<br>备案 is 异地就医备案); otherwise a line break
    (异地就医备案<br>责任单位：…; 户口迁移<br>婚姻登记<br>出生: names set one per line)."""
    if _ENTRY_BREAK not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        before, mark, after = line.partition(_ENTRY_BREAK)
        if not mark:
            continue
        # the tail a narrow list column wraps onto its own line (备案, 登记); a whole name after a
        # <br> is a second entry the page set in the same <li>
        wrapped = _ENTRY_BREAK not in after and carries_over(before, after)
        lines[index] = before.rstrip() + after.strip() if wrapped else line.replace(_ENTRY_BREAK, "\n")
    return "\n".join(lines)


def _is_data_cell(cell: str) -> bool:
    words = cell.replace(_CELL_BREAK, "").replace(_CELL_PARAGRAPH, "")
    return len(words) <= _DATA_CELL_CHARS and "。" not in words


def _mostly_links(line: str) -> bool:
    """A menu or link-list line: nearly all link text, not a table row, not a sentence, not a
    catalog's entry (one link whose text opens with its tag: 【跨省通办】婚姻登记档案查询)."""
    if "\t" in line or _LINK_OPEN not in line or _SENTENCE.search(line) or _unmark(line).strip().startswith("附件"):
        return False
    if line.count(_LINK_OPEN) == 1 and _TAGGED.match(_unmark(line).strip()):
        return False
    head, _, beside = line.partition(_BESIDE)
    if DATE_ONLY.fullmatch(_unmark(beside).strip()):
        line = head  # a news list's entry: its link, and its date beside it
    before_link = line.split(_LINK_OPEN, 1)[0]
    if before_link.strip() and DATE_ONLY.fullmatch(before_link.strip()):
        line = line[len(before_link) :]  # …or its date before it
    linked = sum(len(part.split(_LINK_CLOSE)[0].strip()) for part in line.split(_LINK_OPEN)[1:])
    total = len(_unmark(line).replace(" ", "").replace("\t", ""))
    return total > 0 and linked >= _LINK_SHARE * total


def _unmark(line: str) -> str:
    return line.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "").replace(_BESIDE, "\t")
