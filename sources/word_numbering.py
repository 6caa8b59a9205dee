"""The numbers Word writes before a numbered paragraph ("1.", "（一）", "①").

Word keeps them out of the text: a paragraph says which list it is in and at which level
(``w:numPr``), and ``word/numbering.xml`` says how that level counts and writes its number.
A reader sees "1.失业保险金申领"; the text alone says "失业保险金申领", and a list under a heading
or a table of contents loses what marks its entries. So the numbers are written back as Word
would show them, for the formats notices use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HAN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PLACEHOLDER = re.compile(r"%([1-9])")
_BULLET = "●"  # a bullet's own character is often a symbol font's private code point


@dataclass(frozen=True)
class _Level:
    start: int
    kind: str  # numFmt: decimal, chineseCounting, bullet…
    template: str  # lvlText: "%1.", "（%1）"


@dataclass
class Numbering:
    """The lists of one document and where each stands while its paragraphs are read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)

    def number(self, paragraph: ElementTree.Element) -> str:
        """The number Word shows before ``paragraph``, or "" for an unnumbered one. A paragraph
        numbers itself (w:numPr) or takes its style's numbering (a heading style's 一、)."""
        props = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = _value(paragraph.find(f"{_W}pPr/{_W}pStyle"))
        if props is not None:
            num_id = _value(props.find(f"{_W}numId"))
            level = _int(_value(props.find(f"{_W}ilvl")), 0)
        elif style in self.styles:
            num_id, level = self.styles[style]
        else:
            return ""
        levels = self.levels.get(num_id or "")
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [key for key in counts if key > level]:
            del counts[deeper]  # a new entry at this level restarts the ones under it
        return _written(levels, counts, level)


def read_numbering(root: ElementTree.Element | None, styles: ElementTree.Element | None = None) -> Numbering:
    """The lists of ``word/numbering.xml`` (None: a document with no numbered paragraphs) and
    the paragraph styles of ``word/styles.xml`` that number their paragraphs."""
    numbering = Numbering()
    if root is None:
        return numbering
    abstract = {_value(node, "abstractNumId"): _levels(node) for node in root.findall(f"{_W}abstractNum")}
    for num in root.findall(f"{_W}num"):
        numbering.levels[_value(num, "numId") or ""] = abstract.get(_value(num.find(f"{_W}abstractNumId")), {})
    linked = _linked_levels(root)
    own: dict[str, tuple[str, int]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(f"{_W}style") if styles is not None else []:
        style_id = _value(style, "styleId") or ""
        props = style.find(f"{_W}pPr/{_W}numPr")
        num_id = _value(props.find(f"{_W}numId")) if props is not None else None
        if num_id:
            level = _value(props.find(f"{_W}ilvl"))
            own[style_id] = (num_id, _int(level, 0) if level is not None else linked.get(style_id, 0))
        parent = _value(style.find(f"{_W}basedOn"))
        if parent:
            based_on[style_id] = parent
    numbering.styles = {style_id: found for style_id in {*own, *based_on} if (found := _inherited(style_id, own, based_on))}
    return numbering


_STYLE_DEPTH = 10  # a basedOn chain this long is a loop in a damaged file


def _inherited(style_id: str, own: dict[str, tuple[str, int]], based_on: dict[str, str]) -> tuple[str, int] | None:
    """The numbering a style sets, or the one the style it is based on sets (a 标题 2 style
    based on one linked to a list numbers its paragraphs too)."""
    for _ in range(_STYLE_DEPTH):
        if style_id in own:
            return own[style_id]
        if style_id not in based_on:
            return None
        style_id = based_on[style_id]
    return None


def _linked_levels(root: ElementTree.Element) -> dict[str, int]:
    """Styles a list's level names as its own (w:lvl/w:pStyle): a style that joins the list
    with no level of its own is at that level."""
    linked = {}
    for level in root.iter(f"{_W}lvl"):
        style = _value(level.find(f"{_W}pStyle"))
        if style:
            linked[style] = _int(_value(level, "ilvl"), 0)
    return linked


def _levels(abstract: ElementTree.Element) -> dict[int, _Level]:
    levels = {}
    for node in abstract.findall(f"{_W}lvl"):
        levels[_int(_value(node, "ilvl"), 0)] = _Level(
            _int(_value(node.find(f"{_W}start")), 1),
            _value(node.find(f"{_W}numFmt")) or "decimal",
            _value(node.find(f"{_W}lvlText")) or "",
        )
    return levels


def _int(value: str | None, default: int) -> int:
    """A number attribute, or ``default`` where a damaged file writes none or no number."""
    return int(value) if value and value.isdigit() else default


def _value(node: ElementTree.Element | None, name: str = "val") -> str | None:
    return None if node is None else node.get(f"{_W}{name}")


def _written(levels: dict[int, _Level], counts: dict[int, int], level: int) -> str:
    if levels[level].kind == "bullet":
        return _BULLET
    if levels[level].kind == "none":
        return ""

    def placeholder(match: re.Match[str]) -> str:
        at = int(match.group(1)) - 1
        return _formatted(counts.get(at, levels[at].start if at in levels else 1), levels.get(at, levels[level]).kind)

    return _PLACEHOLDER.sub(placeholder, levels[level].template)


def _formatted(count: int, kind: str) -> str:
    if kind.startswith(("chineseCounting", "ideographDigital", "japaneseCounting", "taiwaneseCounting")):
        return _han(count)
    if kind.startswith("decimalEnclosedCircle") and 0 < count <= len(_CIRCLED):
        return _CIRCLED[count - 1]
    if kind in ("lowerLetter", "upperLetter") and 0 < count <= 26:
        letter = chr(ord("a") + count - 1)
        return letter.upper() if kind == "upperLetter" else letter
    return str(count)


def _han(count: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (lists stay under a hundred)."""
    if not 0 < count < 100:
        return str(count)
    tens, ones = divmod(count, 10)
    if not tens:
        return _HAN_DIGITS[ones]
    head = "" if tens == 1 else _HAN_DIGITS[tens]
    return head + "十" + (_HAN_DIGITS[ones] if ones else "")
