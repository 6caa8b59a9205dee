"""Small text helpers the extractors share: regex alternations, document numbers, spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extractors.datafiles import load_table

# The bullets of a web list (<li>): what may stand before a list entry or a label.
BULLETS = "●•·▪◦■◆◇★☆➤►▶✅✔✓√☑🔹🔸👉"  # and the arrows and emoji of a WeChat article's list
# A list line's number: 1. / 2、 / （3）
# 1. 1、 (1), and 01 or 1 before a space, which the normalizer keeps only after a line's number
LIST_NUMBER = r"(?:[（(]\d{1,3}[）)]|\d{1,3}[.、．]|\d{1,3}[ \u3000](?=[\u4e00-\u9fff]))"
# What may follow a line's number: no digit (1.5 is a decimal), unless a year opens the line's
# text (1.2022年6月底前，实现…).
AFTER_NUMBER = r"(?:(?!\d)|(?=(?:19|20)\d{2}年))"
# An item line's number in any style a list uses: 1. (1) ① 一、 （一）
ITEM_NUMBER = rf"(?:{LIST_NUMBER}|[①-⑳]|[（(][一二三四五六七八九十]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、)"

# 国办发〔2022〕34号, 粤医保发〔2021〕29号: an issuer code, a bracketed year, a serial.
# Pages also write the brackets as ﹝﹞ (small form) or 〖〗.
BATCH = re.compile(r"第[一二三四五六七八九十0-9]+批|首批")  # the batch a list or table announces


def last_batch(line: str) -> str | None:
    """The batch a line announces: the last it names (在首批基础上，推出第二批…: 第二批)."""
    found = BATCH.findall(line)
    return found[-1] if found else None


DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔﹝〖\[［【(（]\s*(?:19|20)\d{2}\s*[〕﹞〗\]］】)）]\s*第?\d{1,4}\s*号")
_DOC_NUMBER_YEAR = re.compile(r"[〔﹝〖\[［【(（]\s*(?:19|20)\d{2}")
_ISSUER_REACH = 12  # DOC_NUMBER's longest issuer abbreviation


@lru_cache(maxsize=4)
def doc_number_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``DOC_NUMBER.finditer(text)``, found faster: the pattern may start
    at any Han character, but every match has its bracketed year within 12
    characters of its start. Cached: the departments and the addressee lines ask."""
    return tuple(m.span() for m in anchored_matches(DOC_NUMBER, _DOC_NUMBER_YEAR, _ISSUER_REACH, text))


def anchored_matches(pattern: re.Pattern[str], anchor: re.Pattern[str], reach: int, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, found faster.

    For a pattern that begins with optional or broad parts (any Han character,
    an optional label), a plain scan tries every branch at every character.
    When every match contains a match of ``anchor`` (a pattern the regex engine
    can scan for quickly: it begins with a character class) starting at most
    ``reach`` characters after its own start, no match can start more than
    ``reach`` characters before the next anchor. So the full pattern is only
    searched from there, and gives the same matches. ``pattern`` must never
    match the empty string.
    """
    position = 0
    while (found := anchor.search(text, position)) is not None:
        match = pattern.search(text, max(position, found.start() - reach))
        if match is None:
            return
        yield match
        position = max(match.end(), match.start() + 1)


def past_blank_lines(text: str, offset: int) -> int:
    """Where the first line at or after ``offset`` that is not blank starts (``len(text)`` if none)."""
    position = offset
    while position < len(text) and not text[position : line_end(text, position)].strip():
        position = line_end(text, position) + 1
    return position


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word (底前 before 前), built as a trie:
    国(?:务院(?:办公厅)?|家…), so the regex engine tests each character once at a position,
    where a flat list of a few hundred words is tried word by word. Where a word is a prefix
    of another, the longer is tried first, as a list sorted longest first would."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _trie_regex(trie, top=True)


_END = ""  # a word ends at this node


def _trie_regex(node: dict[str, dict], top: bool = False) -> str:
    """The node's words as a regex. The top level is a bare alternation, as a flat list was
    (a caller wraps it as it needs): the engine then scans ahead for its first characters."""
    ends_here = _END in node
    # one-character words as a class, [省市县]; not at the top, where every branch must open with
    # a literal for the engine to scan ahead for the first characters
    leaves = [] if top else sorted(char for char, child in node.items() if char != _END and child == {_END: {}})
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char not in (_END, *leaves)]
    if len(leaves) == 1:
        branches.append(re.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(re.escape(char) for char in leaves) + "]")
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "|".join(branches) + ("|" if ends_here else "")
    return body if top else "(?:" + body + ")"


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """Does ``span`` share at least one character with any of ``spans``?"""
    return any(span[0] < end and start < span[1] for start, end in spans)


def mark_before(text: str, position: int, marks: str, floor: int = 0) -> int:
    """Where the stretch holding ``position`` starts: just past the last of ``marks`` before
    it (a sentence's 。, a clause's ，), or ``floor`` if none stands after it."""
    return max(floor, max(text.rfind(mark, 0, position) for mark in marks) + 1)


def mark_after(text: str, position: int, marks: str) -> int:
    """Where the stretch holding ``position`` ends: the first of ``marks`` from it, or the end."""
    ends = [at for at in (text.find(mark, position) for mark in marks) if at >= 0]
    return min(ends, default=len(text))


def line_end(text: str, position: int) -> int:
    """Where the line holding ``position`` ends (its line break, or the text's end)."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


_NAV_SEPARATORS = ">＞»›"
_NAV_HEAD = 4000  # a breadcrumb sits in the page header, above the notice


def navigation_spans(text: str) -> list[tuple[int, int]]:
    """Breadcrumb lines near the top (首页 > 政务公开 > 市府办文件 >): page navigation,
    whose 舟山市人民政府 is a site's name, not a department the notice mentions."""
    spans, start = [], 0
    head = text[:_NAV_HEAD]
    if not any(mark in head for mark in _NAV_SEPARATORS):
        return spans
    for line in head.split("\n"):
        if is_navigation(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def is_navigation(line: str) -> bool:
    """A breadcrumb: two or more separators (> or >>, », ›) and no sentence."""
    return sum(line.count(mark) for mark in _NAV_SEPARATORS) >= 2 and "。" not in line


@lru_cache(maxsize=1)
def _publisher_label() -> re.Pattern[str]:
    """ "发布时间：2021-05-10 10:00 来源：某市政务服务中心": the label before the page's
    publisher (not 资金来源：省财政厅, a sentence's own words: no Han character before it)."""
    labels = [row["label"] for row in load_table("dateline_labels.tsv") if row["publisher"] == "yes"]
    return re.compile(rf"(?<![\u4e00-\u9fff])(?:{alternation(labels)})[：:][ \t]*(?P<value>[^\s|｜]+)")


def source_spans(text: str) -> list[tuple[int, int]]:
    """The publisher named after 来源： near the top: who put the page up, not a body
    the notice mentions."""
    head = text[:_NAV_HEAD]
    return [match.span("value") for match in _publisher_label().finditer(head)] if "源" in head else []


def is_han(char: str) -> bool:
    """A Han character: the unified block, extension A and the compatibility ideographs."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"


# A title in title marks (《关于…的通知》): a cited document's, whose dates and places are its own.
CITED_TITLE = re.compile(r"《(?P<title>[^《》\n]{1,120})》")
