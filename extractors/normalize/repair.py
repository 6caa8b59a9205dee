"""Repair GBK byte-shift mojibake by decoding the run again at the right byte offset.

A GBK page read one byte off pairs the trail byte of one character with the
lead byte of the next: "。“目前，" (A1A3 A1B0 C4BF C7B0 A3AC) comes out as
"?!澳壳?," where ``?`` is a byte the decoder could not use and ASCII ``!``/``,``
are the full-width ！/， a later step narrowed. Re-encoding the run (punctuation
back to full width, private-use characters back to GBK's user area) restores
the bytes except the lost ones; decoding at the other alignment, with each lost
byte chosen to make the likeliest text, gives the original back.

"Likeliest" is scored with jieba's dictionary: character frequencies plus a
bonus for every dictionary word the candidate contains. A repair is kept only
when it is clearly better than the garbled run; otherwise the run stays flagged.

Some mirrors also drop the private-use characters that GBK's user-area pairs decode to.
Every such pair held a byte of two characters, so a seam between two garbled characters
may stand for two characters, not one: ``_dropped_pair`` weighs that reading.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.normalize.char_scores import frequencies, is_rare_han, mean_score, score, t2s, word_coverage

_FULL_WIDTH = {"!": "！", ",": "，", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）"}
NARROWED = frozenset(_FULL_WIDTH)  # full-width marks a later step may have made ASCII
_LOST = {"?", "\ufffd"}
_LEADS = range(0x81, 0xFF)
_TRAILS = [b for b in range(0x40, 0xFF) if b != 0x7F]
_MIN_GAIN = 3.0  # mean log-score gain per character a repair must show
_SAME_GAIN = 1e-6  # gains this close are equal (float sums in another order)
# GBK rows of Greek, Cyrillic, pinyin letters, bopomofo, kana, math operators, box drawing
# and block elements: a shifted decode lands there often, real notices put them between Han
# characters never, and no repair may hold one.
ODD_CHARS = (
    r"\u0370-\u03ff\u0400-\u04ff\u2200-\u22ff\u2500-\u259f\u0101-\u01dc\u3041-\u3096\u30a1-\u30fa\u3105-\u312f"
    r"àáèéìíòóùúü"  # GBK's pinyin row holds these Latin-1 vowels too (ù is A8B4)
)
KEPT_PAIR = re.compile("[\ue000-\uf8ff\ufffd]")  # a mirror that shows these drops no pair
_NOT_TEXT = re.compile(rf"[A-Za-z{ODD_CHARS}\ue000-\uf8ff?]")


def _byte_options(run: str, narrowed: frozenset[int] = frozenset(), seams: bool = True) -> ByteOptions | None:
    """The run as GBK bytes; ``None`` marks a lost byte. None if a char has no GBK form.

    A ``?`` is a lost byte, unless its index is in ``narrowed``: then it was a
    full-width ？ (A3BF) that a later step made ASCII. That is a guess too: the positions
    of its two bytes come second. ``seams``: whether the page may have dropped pairs.
    """
    result: list[int | None] = []
    assumed: list[int] = []
    places: list[int] = []  # where a dropped pair may have stood: between two pairs
    paired = False  # whether the last character was a pair or a lost byte
    for index, char in enumerate(run):
        pair = char in _LOST or _FULL_WIDTH.get(char, char) > "\x7f"
        if paired and pair:
            places.append(len(result))
        paired = pair
        if char in _LOST and index not in narrowed:
            result.append(None)
            continue
        try:
            encoded = _FULL_WIDTH.get(char, char).encode("gb18030")
        except UnicodeEncodeError:
            return None
        if len(encoded) > 2:
            return None
        if char in _LOST:
            assumed += [len(result), len(result) + 1]
        result.extend(encoded)
    return ByteOptions(result, frozenset(assumed), frozenset(places) if seams else frozenset())


@dataclass(frozen=True)
class ByteOptions:
    """A run as GBK bytes (``None``: a lost byte), the bytes that may be a narrowed ？,
    and the seams between the run's characters where a mirror may have dropped a pair."""

    data: list[int | None]
    assumed: frozenset[int]
    seams: frozenset[int]


def _decode_pair(lead: int | None, trail: int | None, before: str, after: str = "") -> str | None:
    """The likeliest character for a byte pair with up to one lost byte, between the
    three characters decoded before it and the two the next bytes give: with one on each
    side, 办 after 通 read as 发 (通发 is a word too), 跨 before 省 as 可."""
    if lead is not None and trail is not None:
        return _gbk(lead, trail)
    if lead is None and trail is None:
        return None
    return _likeliest(lead, trail, before[-3:], after)


@lru_cache(maxsize=16384)
def _likeliest(lead: int | None, trail: int | None, before: str, after: str) -> str | None:
    """Cached: best_repair decodes overlapping runs, so the same lost byte between
    the same characters comes up again and again (and costs ~150 scorings)."""
    options = [(b, trail) for b in _LEADS] if lead is None else [(lead, b) for b in _TRAILS]
    best, best_score = None, -math.inf
    for a, b in options:
        char = _gbk(a, b)
        if char is None:
            continue
        value = score(before + char + after)
        if value > best_score:
            best, best_score = char, value
    return best


@lru_cache(maxsize=None)
def _gbk(lead: int, trail: int) -> str | None:
    """Cached: a repair decodes the same few hundred pairs millions of times (at most 32,000)."""
    try:
        char = bytes([lead, trail]).decode("gbk")
    except UnicodeDecodeError:
        return None
    return None if "\ue000" <= char <= "\uf8ff" else char


@dataclass(frozen=True)
class Reading:
    """A re-decoded run and which of its characters stand on a lost byte: those are the
    likeliest guess, not what the page said (measured on simulated shifts: wrong about
    half the time), so they are flagged even where the run is repaired."""

    text: str
    guessed: tuple[int, ...] = ()
    drops: int = 0  # pairs the mirror dropped, read back as two guessed characters each


def _decode(options: ByteOptions, start: int, before: str, drops: bool = False) -> Reading | None:
    """``data`` decoded from ``start``; a character whose pair holds a lost byte, or a byte
    ``assumed`` (a ? read as a narrowed ？), is a guess. So are both characters of a pair
    the mirror dropped (see ``_dropped_pair``)."""
    data, assumed = options.data, options.assumed
    out = before
    guessed = []
    dropped_pairs = 0
    index = start
    while index < len(data):
        byte = data[index]
        if byte is not None and byte < 0x80:
            out += chr(byte)
            index += 1
            continue
        if index + 1 >= len(data):
            return None  # half a character at the end: never invent the missing byte
        lost = byte is None or data[index + 1] is None
        seam = not lost and index + 1 in options.seams
        after = _following(data, index + 2) if lost or seam else ""  # context only a guess needs
        char = _decode_pair(byte, data[index + 1], out, after)
        if seam:
            dropped, doubtful = _dropped_pair(byte, data[index + 1], out[-2:], after, char)
            if (doubtful or dropped and not drops) and char is not None:
                guessed.append(len(out) - len(before))  # kept as it stands, but a dropped pair reads nearly as well
            if dropped and drops:
                guessed += [len(out) - len(before), len(out) - len(before) + 1]
                dropped_pairs += 1
                out += dropped
                index += 2
                continue
        if char is None:
            return None
        if lost or index in assumed or index + 1 in assumed:
            guessed.append(len(out) - len(before))
        out += char
        index += 2
    return Reading(out[len(before) :], tuple(guessed), dropped_pairs)


# A mirror that decodes GB18030 and then drops private-use characters loses every pair in
# GBK's user areas (AAA1-AFFE, F8A1-FEFE, A140-A7A0). Read one byte off, such a pair is the
# trail byte of one character and the lead byte of the next: both characters lose a byte.
_DROP_TRAILS = tuple(range(0xAA, 0xB0)) + tuple(range(0xF8, 0xFF)) + tuple(range(0xA1, 0xA8))
# A pair read as two characters scores one character more: _CHAR_SHARE (the log share of a
# common character) gives that back before any word the two form. The costs were set on
# bench/mojibake_bench.py, with and without --drop-private: a mirror that keeps its
# private-use characters restores as many sentences as before, one that drops them leaves
# no silent garbage (was half of all shifts).
_CHAR_SHARE = 7.0
_DROP_COST = 4.0  # at a seam, a dropped pair must read better than the seam as it stands by this
_DOUBT = 4.0  # a seam kept as it stands, where a dropped pair reads within this, is a guess
_DROP_MEAN = 8.0  # over a whole run, each dropped pair costs this much score


def _drop_leads(trail: int) -> range:
    return range(0x81, 0xA1) if trail < 0xA8 else range(0xA1, 0xFF)


@lru_cache(maxsize=16384)
def _dropped_pair(lead: int, trail: int, before: str, after: str, plain: str | None) -> tuple[str | None, bool]:
    """The two characters a dropped user-area pair would leave between ``lead`` and
    ``trail``, when they read clearly better than the one character ``plain`` the bytes
    give as they stand (None when no such pair reads better)."""
    logs, _ = frequencies()
    firsts = [(a, c) for a in _DROP_TRAILS if (c := _gbk(lead, a))]
    firsts = sorted(firsts, key=lambda pair: -logs.get(t2s().convert(pair[1]), -20.0))[:6]
    best, best_score = None, -math.inf
    for low, first in firsts:
        seconds = [c for b in _drop_leads(low) if (c := _gbk(b, trail))]
        for second in sorted(seconds, key=lambda c: -logs.get(t2s().convert(c), -20.0))[:12]:
            value = score(before + first + second + after)
            if value > best_score:
                best, best_score = first + second, value
    if best is None:
        return None, False
    kept = score(before + plain + after) if plain else -math.inf
    gain = best_score + _CHAR_SHARE - _DROP_COST - kept
    return (best if gain > 0 else None), -_DOUBT < gain <= 0


def _following(data: list[int | None], index: int) -> str:
    """The (up to) two characters the bytes after a pair decode to, for scoring its
    readings: one character of context on each side guessed 跨 as 可 in “跨省通办”."""
    first = _next_char(data, index)
    if not first:
        return ""
    width = 1 if first.isascii() else 2
    return first + _next_char(data, index + width)


def _next_char(data: list[int | None], index: int) -> str:
    """The character the bytes at ``index`` decode to, or "" (lost or cut off)."""
    if index >= len(data) or data[index] is None:
        return ""
    if data[index] < 0x80:
        return chr(data[index])
    if index + 1 >= len(data) or data[index + 1] is None:
        return ""
    return _gbk(data[index], data[index + 1]) or ""


def best_repair(text: str, start: int, end: int, grow: int = 12, drops: bool = True) -> tuple[int, int, Reading] | None:
    """Repair ``text[start:end]``, trying to start one character later and to
    extend the run forward: a shifted decode goes on producing valid but wrong
    characters (膊恐伟补 for 部治安管) after the last visible marker."""
    best: tuple[float, int, int, Reading] | None = None
    for first in _first_characters(text, start):
        limit = min(len(text), end + grow)
        for last in range(max(end, first + 1), limit + 1):
            if text[last - 1] in "\n(（" or _in_latin_word(text, last - 1):
                break
            run = text[first:last]
            context = text[max(0, first - 2) : first]
            reading = best_reading(run, context, drops)
            if reading is None:
                continue
            # the total gain: intact characters the run grows over add nothing, so
            # the shortest run that repairs the garbling wins
            gain = score(context + reading.text) - score(context + run) - reading.drops * _DROP_MEAN
            if best is None or gain > best[0] + _SAME_GAIN:
                best = (gain, first, last, reading)
    return None if best is None else best[1:]


def _first_characters(text: str, start: int) -> tuple[int, ...]:
    """Where a repair may begin. A placeholder opening a line is never guessed: with no
    character before it, the likeliest reading of its lost byte scores punctuation (！),
    which opens no line. The repair begins after it and leaves it flagged."""
    line_start = start == 0 or text[start - 1] == "\n"
    return (start + 1,) if line_start and text[start] in _LOST else (start, start + 1)


def _in_latin_word(text: str, index: int) -> bool:
    """A lone ASCII letter after garbled text may be a GBK trail byte (W = 0x57);
    two in a row are a Latin word, where a garbled run ends."""

    def latin(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()

    return latin(index) and (latin(index - 1) or latin(index + 1))


def repair_run(run: str, before: str = "") -> str | None:
    """The repaired text of a garbled run, or None when no candidate is clearly better.

    ``before`` is the text just before the run, used as context for scoring.
    """
    reading = best_reading(run, before)
    return None if reading is None else reading.text


def best_reading(run: str, before: str = "", drops: bool = True) -> Reading | None:
    """``repair_run``, with the characters that stand on a lost byte."""
    marks = [i for i, c in enumerate(run) if c == "?"][:4]
    candidates = []
    for chosen in range(2 ** len(marks)):
        narrowed = frozenset(m for bit, m in enumerate(marks) if chosen >> bit & 1)
        options = _byte_options(run, narrowed, drops and not KEPT_PAIR.search(run))
        if options and options.data:
            candidates += [_decode(options, start, before) for start in (0, 1)]
            if options.seams:
                candidates += [_decode(options, start, before, drops=True) for start in (0, 1)]
    candidates = [c for c in candidates if c and c.text and not _NOT_TEXT.search(c.text)]
    if not candidates:
        return None
    context = before[-2:]
    reading = max(candidates, key=lambda c: mean_score(context + c.text) - c.drops * _DROP_MEAN / len(context + c.text))
    best = reading.text
    if _han(best) == _han(run):
        return None  # no character re-decoded: punctuation made ASCII, not mojibake
    if any(map(is_rare_han, best)):
        return None  # a lost byte guessed into a rare character (版模痪建成 for 版。基本建成): flag it
    gain = mean_score(context + best) - mean_score(context + run)
    return reading if gain >= _MIN_GAIN and word_coverage(context + best) >= 0.5 else None


def _han(text: str) -> str:
    return "".join(c for c in text if "\u3400" <= c <= "\u9fff")
