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
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import opencc

from extractors.datafiles import load_table

_FULL_WIDTH = {"!": "！", ",": "，", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）"}
NARROWED = frozenset(_FULL_WIDTH)  # full-width marks a later step may have made ASCII
_LOST = {"?", "\ufffd"}
_LEADS = range(0x81, 0xFF)
_TRAILS = [b for b in range(0x40, 0xFF) if b != 0x7F]
_PUNCT = set("。，、；：？！“”‘’（）《》…—")
_MIN_GAIN = 3.0  # mean log-score gain per character a repair must show
_SAME_GAIN = 1e-6  # gains this close are equal (float sums in another order)
# GBK rows of Greek, Cyrillic, pinyin letters, bopomofo, kana, math operators, box drawing
# and block elements: a shifted decode lands there often, real notices put them between Han
# characters never, and no repair may hold one.
ODD_CHARS = (
    r"\u0370-\u03ff\u0400-\u04ff\u2200-\u22ff\u2500-\u259f\u0101-\u01dc\u3041-\u3096\u30a1-\u30fa\u3105-\u312f"
    r"àáèéìíòóùúü"  # GBK's pinyin row holds these Latin-1 vowels too (ù is A8B4)
)
_NOT_TEXT = re.compile(rf"[A-Za-z{ODD_CHARS}\ue000-\uf8ff?]")


_COUNTS_FILE = "char_frequencies.tsv"
_WORD = re.compile(r"^(\S{2,4}) (\d+)", re.M)


def jieba_dictionary() -> str:
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        return handle.read()


def count_chars(dictionary: str) -> dict[str, int]:
    """Character frequencies: each word's frequency added to each of its characters.

    ``#`` (six occurrences) is left out: it starts a comment in data files.
    """
    counts: dict[str, int] = {}
    for line in dictionary.splitlines():
        word, freq = line.split(" ", 2)[:2]
        for char in word.replace("#", ""):
            counts[char] = counts.get(char, 0) + int(freq)
    return counts


def write_char_counts(path: str) -> None:
    """Regenerate ``extractors/data/char_frequencies.tsv`` (after a jieba upgrade)."""
    counts = count_chars(jieba_dictionary())
    rows = "".join(f"{char}\t{n}\n" for char, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    header = f"# Character frequencies summed over jieba {jieba.__version__}'s dict.txt, by write_char_counts().\nchar\tcount\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(header + rows)


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, float], dict[str, str]]:
    """Log char frequencies (shipped: counting 350k words takes a second) and
    each 2–4 character word's bonus, from jieba's dictionary.

    A word's bonus grows with its frequency: 支付 (3382) must beat 支给 (3), a
    rare word that would otherwise win on its commoner character 给.
    """
    counts = {row["char"]: int(row["count"]) for row in load_table(_COUNTS_FILE)}
    total = sum(counts.values())
    words = dict(_WORD.findall(jieba_dictionary()))  # word -> frequency, as text
    return {c: math.log(n / total) for c, n in counts.items()}, words


@lru_cache(maxsize=4096)
def _word_bonus(freq: str) -> float:
    """2 for a word seen once, about 4 at 50 and 6 at 3,000 occurrences."""
    return 2.0 + 0.5 * math.log(int(freq) + 1)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_RARE = -12.0  # log share of a character seen fewer than about 6 times in a million


def is_rare_han(char: str) -> bool:
    """A Han character that real text seldom uses (翱, 缡; in simplified form, so 確 is
    common): a shifted decode produces such characters, a notice seldom does."""
    if not "\u3400" <= char <= "\u9fff":
        return False
    logs, _ = _frequencies()
    return logs.get(_t2s().convert(char), -20.0) < _RARE


def mean_score(text: str) -> float:
    """Score per character, so candidates of different lengths compare fairly."""
    return score(text) / max(1, len(text))


def score(text: str) -> float:
    """Log-likelihood-like score: common characters and dictionary words score high.

    Scored in simplified script: jieba's dictionary is simplified, and a garbled
    traditional page decodes to traditional characters.
    """
    logs, words = _frequencies()
    text = _t2s().convert(text)
    floor = -20.0
    total = 0.0
    for char in text:
        if char in _PUNCT or char.isdigit():
            total += -6.0
        else:
            total += logs.get(char, floor)
    for size in (2, 3, 4):
        for i in range(len(text) - size + 1):
            freq = words.get(text[i : i + size])
            total += _word_bonus(freq) if freq else 0.0
    return total


def _byte_options(run: str, narrowed: frozenset[int] = frozenset()) -> tuple[list[int | None], frozenset[int]] | None:
    """The run as GBK bytes; ``None`` marks a lost byte. None if a char has no GBK form.

    A ``?`` is a lost byte, unless its index is in ``narrowed``: then it was a
    full-width ？ (A3BF) that a later step made ASCII. That is a guess too: the positions
    of its two bytes come second.
    """
    result: list[int | None] = []
    assumed: list[int] = []
    for index, char in enumerate(run):
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
    return result, frozenset(assumed)


def _decode_pair(lead: int | None, trail: int | None, before: str, after: str = "") -> str | None:
    """The likeliest character for a byte pair with up to one lost byte, between
    the character decoded before it and the one the next bytes give."""
    if lead is not None and trail is not None:
        return _gbk(lead, trail)
    if lead is None and trail is None:
        return None
    return _likeliest(lead, trail, before[-1:], after)


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


def _gbk(lead: int, trail: int) -> str | None:
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


def _decode(data: list[int | None], start: int, before: str, assumed: frozenset[int] = frozenset()) -> Reading | None:
    """``data`` decoded from ``start``; a character whose pair holds a lost byte, or a byte
    ``assumed`` (a ? read as a narrowed ？), is a guess."""
    out = before
    guessed = []
    index = start
    while index < len(data):
        byte = data[index]
        if byte is not None and byte < 0x80:
            out += chr(byte)
            index += 1
            continue
        if index + 1 >= len(data):
            return None  # half a character at the end: never invent the missing byte
        char = _decode_pair(byte, data[index + 1], out, _next_char(data, index + 2))
        if char is None:
            return None
        if byte is None or data[index + 1] is None or index in assumed or index + 1 in assumed:
            guessed.append(len(out) - len(before))
        out += char
        index += 2
    return Reading(out[len(before) :], tuple(guessed))


def _next_char(data: list[int | None], index: int) -> str:
    """The character the bytes at ``index`` decode to, or "" (lost or cut off)."""
    if index >= len(data) or data[index] is None:
        return ""
    if data[index] < 0x80:
        return chr(data[index])
    if index + 1 >= len(data) or data[index + 1] is None:
        return ""
    return _gbk(data[index], data[index + 1]) or ""


def best_repair(text: str, start: int, end: int, grow: int = 12) -> tuple[int, int, Reading] | None:
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
            reading = best_reading(run, context)
            if reading is None:
                continue
            # the total gain: intact characters the run grows over add nothing, so
            # the shortest run that repairs the garbling wins
            gain = score(context + reading.text) - score(context + run)
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


def best_reading(run: str, before: str = "") -> Reading | None:
    """``repair_run``, with the characters that stand on a lost byte."""
    marks = [i for i, c in enumerate(run) if c == "?"][:4]
    candidates = []
    for chosen in range(2 ** len(marks)):
        narrowed = frozenset(m for bit, m in enumerate(marks) if chosen >> bit & 1)
        options = _byte_options(run, narrowed)
        if options and options[0]:
            data, assumed = options
            candidates += [_decode(data, start, before, assumed) for start in (0, 1)]
    candidates = [c for c in candidates if c and c.text and not _NOT_TEXT.search(c.text)]
    if not candidates:
        return None
    context = before[-2:]
    reading = max(candidates, key=lambda c: mean_score(context + c.text))
    best = reading.text
    if _han(best) == _han(run):
        return None  # no character re-decoded: punctuation made ASCII, not mojibake
    if any(map(is_rare_han, best)):
        return None  # a lost byte guessed into a rare character (版模痪建成 for 版。基本建成): flag it
    gain = mean_score(context + best) - mean_score(context + run)
    return reading if gain >= _MIN_GAIN and word_coverage(context + best) >= 0.5 else None


def _han(text: str) -> str:
    return "".join(c for c in text if "\u3400" <= c <= "\u9fff")


def word_coverage(text: str) -> float:
    """Share of Han characters that sit inside a dictionary word: a repair must read as words."""
    _, words = _frequencies()
    text = _t2s().convert(text)
    covered = set()
    for size in (2, 3, 4):
        for i in range(len(text) - size + 1):
            if text[i : i + size] in words:
                covered.update(range(i, i + size))
    han = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for i in han if i in covered) / max(1, len(han))
