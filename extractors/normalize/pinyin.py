"""Remove pinyin ruby noise: 國辦(ban)發, 流動(dòng), 務(wu)(wu)(wu), 【guó】, <rt>.

A bare regex would also eat (APP), (WTO) or (a)/(b) labels. So a Latin group
is noise only in context: its syllables must be readings of the Han characters
right before it (from pypinyin's per-character table, which covers traditional
characters too). Groups with tone marks are unambiguous on their own: no
legitimate parenthetical in a Chinese notice is written as toned pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_list
from extractors.offsets import OffsetMap, rewrite
from extractors.text import is_han

_OPEN = "(（【["
_CLOSE = {"(": ")）", "（": ")）", "【": "】", "[": "]"}
_LATIN = "A-Za-züÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# An opening bracket, Latin letters (maybe spaced, maybe tone digits), and a
# closing bracket or the end of the text (excerpts get cut mid-group).
_GROUP = re.compile(rf"([{_OPEN}])\s*([{_LATIN}][{_LATIN}1-5' ]{{0,24}}?)\s*([)）】\]]|$)")
# A toned syllable closed by a bracket that was never opened: its "(" was eaten
# by mojibake (眹?guó) for 國(guó)). Only toned ones: (APP) never loses its "(".
_ORPHAN = re.compile(rf"(?<![{_LATIN}(（【\[])([{_LATIN}]{{1,7}})[)）】]")
_HTML_RUBY = re.compile(r"<rt>.*?</rt>|<rp>.*?</rp>|</?ruby[^>]*>", re.S | re.I)
_MAX_SYLLABLE = 6


@dataclass(frozen=True)
class PinyinStats:
    groups_removed: int
    html_ruby_removed: int


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(load_list("pinyin_syllables.txt"))


def _toneless(text: str) -> str:
    """``lǜ`` -> ``lv``: the diaeresis survives as ``v``, tone marks go."""
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _has_tone_mark(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's per-character table, imported on first use: importing pypinyin
    also loads its phrase dictionary (0.3 s), which a CLI start need not pay."""
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Toneless readings of one Han character (empty if unknown)."""
    raw = _pinyin_dict().get(ord(char))
    if not raw:
        return frozenset()
    return frozenset(_toneless(r) for r in raw.split(","))


@lru_cache(maxsize=16384)
def split_syllables(group: str) -> tuple[str, ...] | None:
    """Split a Latin group into pinyin syllables, or None if it is not pinyin.

    Tone digits are dropped; spaces and apostrophes separate; inside a token we
    take the split with the fewest syllables (``xian`` is one, not ``xi'an``).
    """
    tokens = re.split(r"[\s']+", re.sub(r"[1-5]", " ", _toneless(group)).strip())
    result: list[str] = []
    for token in filter(None, tokens):
        parts = _segment(token)
        if parts is None:
            return None
        result.extend(parts)
    return tuple(result) or None


def _segment(token: str) -> list[str] | None:
    syllables = _syllables()
    best: list[list[str] | None] = [None] * (len(token) + 1)
    best[0] = []
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            head = best[start]
            if head is not None and token[start:end] in syllables:
                if best[end] is None or len(head) + 1 < len(best[end]):
                    best[end] = head + [token[start:end]]
    return best[len(token)]


def _reads_as(text: str, end: int, syllables: tuple[str, ...], truncated: bool) -> bool:
    """Do the ``len(syllables)`` Han characters before ``end`` read as ``syllables``?"""
    count = len(syllables)
    return end - count >= 0 and _chars_read_as(text[end - count : end], syllables, truncated)


@lru_cache(maxsize=65536)
def _chars_read_as(chars: str, syllables: tuple[str, ...], truncated: bool) -> bool:
    """Cached: a notice repeats the same annotated characters (辦(ban), 務(wu)) hundreds of times."""
    if not all(is_han(c) for c in chars):
        return False
    for index, (char, syllable) in enumerate(zip(chars, syllables)):
        options = readings(char)
        last = index == len(chars) - 1
        if syllable in options:
            continue
        if truncated and last and any(r.startswith(syllable) for r in options):
            continue
        return False
    return True


def _truncated_syllables(group: str) -> tuple[str, ...] | None:
    """A group cut off by the end of an excerpt: all but the last must be whole."""
    whole = split_syllables(group)
    if whole:
        return whole
    tokens = _toneless(group).split()
    if not tokens:
        return None
    head = split_syllables(" ".join(tokens[:-1])) if len(tokens) > 1 else ()
    return None if head is None else head + (tokens[-1],)


def strip_pinyin(text: str) -> tuple[str, OffsetMap, PinyinStats]:
    """Remove ruby noise; the map points every kept char back into ``text``."""
    edits: list[tuple[int, int, str]] = [(m.start(), m.end(), "") for m in _HTML_RUBY.finditer(text)]
    html_removed = len(edits)
    anchor_end = -1  # where the Han text a run of removed groups hangs on ends
    last_removed_end = -1
    removed = 0
    for match in _GROUP.finditer(text):
        opener, body, closer = match.group(1), match.group(2), match.group(3)
        truncated = closer == ""
        if not truncated and closer not in _CLOSE[opener]:
            continue
        if match.start() != last_removed_end:
            anchor_end = match.start()
        if _is_noise(text, anchor_end, body, truncated):
            edits.append((match.start(), match.end(), ""))
            last_removed_end = match.end()
            removed += 1
    for match in _ORPHAN.finditer(text):
        body = match.group(1)
        if _has_tone_mark(body) and split_syllables(body):
            edits.append((match.start(), match.end(), ""))
            removed += 1
    edits.sort()
    new_text, offset_map = rewrite(text, _non_overlapping(edits))
    return new_text, offset_map, PinyinStats(removed, html_removed)


def _is_noise(text: str, anchor_end: int, body: str, truncated: bool) -> bool:
    syllables = _truncated_syllables(body) if truncated else split_syllables(body)
    if not syllables:
        return False
    if _reads_as(text, anchor_end, syllables, truncated):
        return True
    # Toned pinyin is noise even when the character it annotated was garbled
    # (mojibake, sometimes into one stray Latin letter) and cannot be checked;
    # after a real Latin word it is not ours to judge.
    return _has_tone_mark(body) and not truncated and _latin_run_before(text, anchor_end) <= 1


def _latin_run_before(text: str, end: int) -> int:
    start = end
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    return end - start


def _non_overlapping(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept
