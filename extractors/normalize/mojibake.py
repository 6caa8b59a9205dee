"""Find mojibake runs so garbage never reaches the registry silently.

A GBK page decoded one byte off (seed 001: ``結算?!澳壳?,已經在``) leaves a
tell-tale: ASCII ``?`` or U+FFFD wedged between Han characters (Chinese text
writes the full-width ``？``), and private-use code points. Garbled characters
sit between those markers, so markers a few characters apart form one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_list
from extractors.normalize.char_scores import is_rare_han, word_coverage
from extractors.normalize.repair import KEPT_PAIR, NARROWED, ODD_CHARS, best_repair
from extractors.offsets import OffsetMap, rewrite

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_ODD = ODD_CHARS
# A GBK trail byte can be ASCII 0x40-0x7E: a shifted decode leaves 省（區 as 。▍^.
_TRAIL_SYMBOL_CHARS = "@[\\]^_`{|}~"  # the ASCII symbols a GBK trail byte (0x40-0x7E) may be
_TRAIL_ASCII = "A-Za-z" + re.escape(_TRAIL_SYMBOL_CHARS)
# A half-width ? after a question particle, ending its line or quote, asks a question
# ("社保卡还能继续使用吗?"): pages that write half-width punctuation write it so.
_PARTICLES = "吗嗎呢么麼吧"
_QUESTION_END = r"[\s”\"’）)]|$"
_MARKER = re.compile(
    rf"(?<=[{_HAN}\u3000-\u303f\uff00-\uffef])(?:\ufffd|\?(?<![{_PARTICLES}]\?)|\?(?!{_QUESTION_END}))"
    rf"|[?\ufffd](?=[{_HAN}{_ODD}\ue000-\uf8ff\u2474-\u249b])|[\ufffd\ue000-\uf8ff]"
    r"|(?<![^\n])\?(?=[^\x00-\x7f\s])"  # no line opens with a question mark
    rf"|(?<=[0-9])\?(?!{_QUESTION_END})|(?<=\?)\?(?=[0-9])"  # nor stands in a number (2?23年, 〔2020??35号)
    r"|(?<=[ \t])\?(?=[0-9])"  # nor opens one after a space (2021-02-25 ?6:32, a lost 1)
    # GBK's row A2 holds ⑴-⒇ and ⒈-⒛: a list's markers after a break or a stop, between two
    # Han characters only where a shifted decode put them (⒍越臃绞健⑼瓿 for 对接方式、完成)
    rf"|(?<=[{_HAN}?])[\u2474-\u249b](?=[{_HAN}])"
    rf"|(?<=[{_HAN}?\u3000-\u303f\uff00-\uffef{_ODD}])[{_ODD}](?=[{_HAN}?{_ODD}{_TRAIL_ASCII}])"
)
# Every marker is one of these: most pages have none, and this finds that in C
# (_MARKER's look-behinds make the engine try every position).
_MARKER_CHARS = re.compile(rf"[?\ufffd\ue000-\uf8ff\u2474-\u249b{_ODD}]")
_MAX_GAP = 6  # markers this close belong to one garbled run


@dataclass(frozen=True)
class MojibakeSpan:
    start: int  # in the text that was scanned (the raw text)
    end: int
    text: str
    status: str = "flagged"  # flagged | repaired
    repaired: str | None = None
    guessed: tuple[int, ...] = ()  # indexes into `repaired` of characters read from a lost byte


def find_mojibake(text: str) -> list[MojibakeSpan]:
    """Runs of garbled text, each covering its markers and what lies between."""
    if not _MARKER_CHARS.search(text):
        return []
    markers = [m.start() for m in _MARKER.finditer(text) if not _asks(text, m.start())]
    if markers:
        markers = sorted(markers + _letters_after_rare_characters(text) + _symbols_near(text, markers))
    spans: list[MojibakeSpan] = []
    run_start = run_end = None
    for position in markers:
        if run_end is not None and _one_run(text, run_end, position):
            run_end = position + 1
            continue
        if run_start is not None:
            spans.append(_span(text, run_start, run_end))
        run_start, run_end = position, position + 1
    if run_start is not None:
        spans.append(_span(text, run_start, run_end))
    return spans


def _one_run(text: str, end: int, position: int) -> bool:
    """Do markers at ``end - 1`` and ``position`` belong to one garbled run? Yes when close;
    further apart, when what lies between reads as no words at all: a shifted decode of
    common characters (?从惩怀龅囊斓匕焓履训愣碌悖? for 反映突出的异地办事难点堵点，) holds
    no marker of its own. Real text between two markers is mostly dictionary words."""
    if position - end <= _MAX_GAP:
        return True
    gap = text[end:position]
    return position - end <= _MAX_GARBLED_GAP and "\n" not in gap and word_coverage(gap) < _GARBLED_COVERAGE


_MAX_GARBLED_GAP = 30
_GARBLED_COVERAGE = 0.3  # garbled text measured 0.0, real text 0.7-1.0 (repair.word_coverage)
_SENTENCE_START = "。！？!?\n"


@lru_cache(maxsize=1)
def _question_words() -> tuple[str, ...]:
    return load_list("question_words.txt")


def _asks(text: str, position: int) -> bool:
    """A ? that ends a question: its sentence holds a question word (怎样…的?)."""
    if text[position] != "?":
        return False
    start = max(text.rfind(mark, 0, position) for mark in _SENTENCE_START) + 1
    sentence = text[start:position]
    return any(word in sentence for word in _question_words())


# A lone Latin letter between Han characters: a GBK trail byte (0x40-0x7E) decoded alone.
_LONE_LETTER = re.compile(rf"[A-Za-z](?=[{_HAN}])")


# CJK symbols no mainland text writes, which a byte-shifted decode does (〗y一 of 统一).
_RARE_SYMBOLS = "〖〗〘〙〚〛〝〞〟〃〄〆"


def _letters_after_rare_characters(text: str) -> list[int]:
    """當?剞k理 (當地辦理 read off by a byte): a letter after a rare character (or a rare
    symbol: 扇〗y一) and before a Han one. "做B超" has a common character before its letter.
    Looked for only on a page that has other markers: alone, such a letter is too weak a sign."""
    found = []
    for match in _LONE_LETTER.finditer(text):
        position = match.start()
        before = text[position - 1] if position > 0 else ""
        if before and (is_rare_han(before) or before in _RARE_SYMBOLS):
            found.append(position)
    return found


# An ASCII symbol between two Han characters: a GBK trail byte (0x40-0x7E) decoded alone.
_LONE_SYMBOL = re.compile(rf"(?<=[{_HAN}])[{re.escape(_TRAIL_SYMBOL_CHARS)}](?=[{_HAN}])")


def _symbols_near(text: str, markers: list[int]) -> list[int]:
    """?。ù思_发布 (（此件公开发布 read off by a byte): the _ after 思 is a trail byte too.
    A symbol between Han characters marks a run only this close to a stronger marker: alone
    it may be a file name's (附件_1)."""
    found = []
    for match in _LONE_SYMBOL.finditer(text):
        if any(abs(match.start() - marker) <= _MAX_GAP for marker in markers):
            found.append(match.start())
    return found


def _span(text: str, start: int, end: int) -> MojibakeSpan:
    # The character just before a marker is usually half of the broken pair (or a
    # pair of trail and lead bytes that happens to be punctuation: 。 of 省（ shifted).
    start = max(0, start - 1) if start > 0 and re.match(rf"[{_HAN}\u3000-\u303f]", text[start - 1]) else start
    start = _rare_before(text, start)
    # A trail byte that decodes to an ASCII symbol after the run belongs to it (▍^).
    end = end + 1 if end < len(text) and text[end] in _TRAIL_SYMBOLS else end
    return MojibakeSpan(start, end, text[start:end])


_TRAIL_SYMBOLS = set(_TRAIL_SYMBOL_CHARS)
_MAX_BACK = 3


def _rare_before(text: str, start: int) -> int:
    """Garbled characters before the first marker: 確!翱缡⊥ㄞk” (確保“跨省通辦”) marks only
    ⊥ and ㄞ. Rare characters before the run, and a narrowed mark before one, belong to it."""
    for _ in range(_MAX_BACK):
        if start == 0:
            break
        before = text[start - 1]
        if is_rare_han(before) or (before in NARROWED and is_rare_han(text[start])):
            start -= 1
        else:
            break
    return start


# A page saved through a code page without Han ("????,?????????!"): every character
# became ASCII ?, and no byte is left to repair. Four in a row is never a question.
_LOST = re.compile(r"\?{4,}(?:[^\S\n]*[^\w\s?]?[^\S\n]*\?+)*")


def lost_runs(text: str, found: list[MojibakeSpan] = ()) -> list[MojibakeSpan]:
    """Runs of ? placeholders outside the runs already ``found``: flagged, never repaired."""
    return _flagged_outside(_LOST, text, found) if "????" in text else []


def _flagged_outside(pattern: re.Pattern[str], text: str, found: list[MojibakeSpan]) -> list[MojibakeSpan]:
    """The pattern's matches that overlap no run already ``found``, as flagged spans."""
    spans = []
    for match in pattern.finditer(text):
        if not any(run.start < match.end() and match.start() < run.end for run in found):
            spans.append(MojibakeSpan(match.start(), match.end(), match.group()))
    return spans


# A half-width ? right before full-width punctuation never asks a question: it holds a
# character whose lead byte was lost ("21個(gè)?。ㄗ灾螀^" for 21個省（自治區). Pinyin noise
# may stand between it and its Han character, so it is no marker of a run; flagged alone.
_STRAY_MARK = re.compile(r"\?(?=[。、，（])")


def stray_marks(text: str, found: list[MojibakeSpan] = ()) -> list[MojibakeSpan]:
    """Lone placeholders outside the runs already ``found``: flagged, never repaired."""
    return _flagged_outside(_STRAY_MARK, text, found) if "?" in text else []


def repair_mojibake(text: str) -> tuple[str, OffsetMap, list[MojibakeSpan]]:
    """Repair what can be repaired; every run found is returned, repaired or flagged."""
    edits: list[tuple[int, int, str]] = []
    runs: list[MojibakeSpan] = []
    skipped: list[MojibakeSpan] = []  # a run's placeholder its repair starts after: flagged
    # A mirror either keeps GBK's user-area pairs (as private-use characters, or as U+FFFD
    # where its decoder knows no user area) or drops them all: one such character anywhere
    # on the page says no pair was dropped.
    drops = not KEPT_PAIR.search(text)
    for run in find_mojibake(text):
        if edits and run.start < edits[-1][1]:
            continue  # already inside a repaired (grown) run
        repair = best_repair(text, run.start, run.end, drops=drops)
        if repair is None:
            runs.append(run)
            continue
        start, end, reading = repair
        edits.append((start, end, reading.text))
        runs.append(MojibakeSpan(start, end, text[start:end], "repaired", reading.text, reading.guessed))
        if start > run.start and text[run.start] in _PLACEHOLDERS:
            skipped.append(MojibakeSpan(run.start, start, text[run.start : start]))
    indents = lost_indents(text, runs)
    edits = sorted(edits + [(run.start, run.end, run.repaired or "") for run in indents])
    skipped = [run for run in skipped if not any(indent.start == run.start for indent in indents)]
    runs = runs + indents + skipped + lost_runs(text, runs)
    runs = sorted(runs + stray_marks(text, runs + indents), key=lambda run: run.start)
    if not edits:
        return text, OffsetMap.identity(len(text)), runs
    new_text, offset_map = rewrite(text, edits)
    return new_text, offset_map, runs


_PLACEHOLDERS = "?\ufffd"
_INDENT = "\u3000"  # GBK A1A1: print's paragraph indent
_INDENT_TRAIL = 0xA1


def lost_indents(text: str, runs: list[MojibakeSpan]) -> list[MojibakeSpan]:
    """ "?。ㄒ唬┏掷m" at a line's start is "　（一）持續" read one byte off: the ? is the
    indent's lost lead byte, and its trail byte (A1) opens the run's first character (A1A3 。).
    A lost character that opens a line and ends in A1 is the ideographic indent: where the
    repaired run then opens with a heading's bracket or number, nothing else reads so."""
    found = []
    for run in runs:
        at = run.start - 1
        if run.status != "repaired" or at < 0 or text[at] != "?" or text[:at].rstrip(" \t\u3000")[-1:] not in "\n":
            continue
        if _gbk_lead(text[run.start]) == _INDENT_TRAIL and _opens_heading(run.repaired or ""):
            found.append(MojibakeSpan(at, run.start, "?", "repaired", _INDENT))
    return found


def _gbk_lead(char: str) -> int | None:
    try:
        return char.encode("gbk")[0]
    except UnicodeEncodeError:
        return None


def _opens_heading(repaired: str) -> bool:
    return bool(re.match(r"[（(【〔]|[一二三四五六七八九十\d]+[、.．]", repaired))
