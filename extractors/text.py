"""Small text helpers the extractors share: regex alternations, document numbers, spans."""

from __future__ import annotations

import re
from collections.abc import Iterable

# 国办发〔2022〕34号, 粤医保发〔2021〕29号: an issuer code, a bracketed year, a serial.
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\d{1,4}\s*号")
_DOC_NUMBER_YEAR = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}")
_ISSUER_REACH = 12  # DOC_NUMBER's longest issuer abbreviation


def doc_number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``DOC_NUMBER.finditer(text)``, found faster.

    The pattern may start at any Han character, so a plain scan tries it
    everywhere; every match has its bracketed year within 12 characters of its
    start, so searching from 12 characters before each such year finds the
    same matches.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    while (year := _DOC_NUMBER_YEAR.search(text, position)) is not None:
        match = DOC_NUMBER.search(text, max(position, year.start() - _ISSUER_REACH))
        if match is None:
            break
        spans.append(match.span())
        position = match.end()
    return spans


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word (底前 before 前)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """Does ``span`` share at least one character with any of ``spans``?"""
    return any(span[0] < end and start < span[1] for start, end in spans)
