"""Traditional -> simplified with OpenCC, choosing the variant per document.

Mainland notices re-rendered in traditional characters (seed 002) want
``tw2s``: ``t2s`` after OpenCC's Taiwan *variant* table, which reads the particle
著 as 着 (隨著, 標志著, 有著: Big5 has no 着, so every gateway writes 著) and keeps
著 in its own words (著名, 顯著). Plain ``t2s`` keeps every 著. Pages that passed
through a Taiwan gateway (網際網路, 最佳化) want ``tw2sp``, which also maps
Taiwan phrases. A project phrase dictionary runs first on the source text, for
policy wording OpenCC gets wrong (and the 著 words the variant table misses:
卓著, 專著, and 显著 already simplified on a mixed page).

OpenCC is almost always length-preserving, so the offset map is exact; where a
phrase changes length, only that phrase maps as a block to its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import opencc

from extractors.datafiles import load_list, load_table
from extractors.offsets import OffsetMap, TextBuilder
from extractors.text import alternation

_CJK_RANGE = range(0x4E00, 0xA000)


@dataclass(frozen=True)
class ScriptStats:
    script: str  # simplified | traditional | mixed
    variant: str  # mainland | taiwan
    config: str | None  # the OpenCC config used, None when nothing to convert
    traditional_chars: int  # traditional-only characters seen before conversion
    residual_traditional: int  # still there afterwards
    overrides_applied: int


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """Characters that t2s changes when they stand alone: traditional-only forms."""
    return _changed_chars("t2s")


@lru_cache(maxsize=1)
def simplified_chars() -> frozenset[str]:
    """Characters that s2t changes when they stand alone: simplified-only forms."""
    return _changed_chars("s2t") - traditional_chars()


def _changed_chars(config: str) -> frozenset[str]:
    chars = [chr(code) for code in _CJK_RANGE]
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    return frozenset(c for c, out in zip(chars, converted) if out != c)


@lru_cache(maxsize=2)
def _char_class(which: str) -> re.Pattern[str]:
    """A regex class of all traditional-only (or simplified-only) characters:
    counting with findall runs in C, a Python loop per character does not."""
    chars = traditional_chars() if which == "traditional" else simplified_chars()
    return re.compile("[" + "".join(sorted(chars)).replace("\\", "\\\\").replace("]", "\\]") + "]")


def count_traditional(text: str) -> int:
    return len(_char_class("traditional").findall(text))


def detect_script(text: str) -> tuple[str, str, int]:
    """(script, variant, traditional-only char count) of a text."""
    trad = count_traditional(text)
    simp = len(_char_class("simplified").findall(text))
    if trad == 0:
        script = "simplified"
    elif simp == 0 or trad > 4 * simp:
        script = "traditional"
    else:
        script = "mixed"
    taiwan = trad > 0 and (any(phrase in text for phrase in load_list("taiwan_phrases.txt")) or _taiwan_forms(text))
    return script, "taiwan" if taiwan else "mainland", trad


_TAIWAN_FORMS = 2  # distinct Taiwan forms, with none of their mainland counterparts


def _taiwan_forms(text: str) -> bool:
    """A copy with no strong marker (no 網際網路) still gives itself away: it writes 資料,
    裝置 and 聯絡人 and never 數據, 設備 or 聯繫人 (taiwan_pairs.tsv)."""
    rows = load_table("taiwan_pairs.tsv")
    if any(row["mainland"] in text for row in rows):
        return False
    return sum(row["taiwan"] in text for row in rows) >= _TAIWAN_FORMS


@lru_cache(maxsize=2)
def _overrides(variant: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The phrase table for a variant, and one longest-first regex over it (matched in C)."""
    table = {}
    for row in load_table("opencc_overrides.tsv"):
        if row["variant"] in ("all", variant):
            table[row["from"]] = row["to"]
    return re.compile(alternation(table)), table


# Traditional text quotes with corner brackets (「跨境通辦」); mainland text, and the
# rules that read a 通办 scope, with curly quotes. OpenCC leaves punctuation alone.
_MAINLAND_QUOTES = str.maketrans("「」『』", "“”‘’")


def to_simplified(text: str) -> tuple[str, OffsetMap, ScriptStats]:
    """Convert a document to simplified; identity when it already is."""
    script, variant, trad = detect_script(text)
    if trad == 0:
        stats = ScriptStats(script, variant, None, 0, 0, 0)
        return text, OffsetMap.identity(len(text)), stats
    config = "tw2sp" if variant == "taiwan" else "tw2s"
    builder = TextBuilder(text)
    cursor = 0
    pattern, table = _overrides(variant)
    overrides = 0
    for match in pattern.finditer(text):
        _convert_aligned(config, builder, text, cursor, match.start())
        builder.replace(table[match.group()], match.start(), match.end())
        cursor = match.end()
        overrides += 1
    _convert_aligned(config, builder, text, cursor, len(text))
    out, offset_map = builder.build()
    out = out.translate(_MAINLAND_QUOTES)  # one character for one: the offsets stand
    stats = ScriptStats(script, variant, config, trad, count_traditional(out), overrides)
    return out, offset_map, stats


def _convert_aligned(config: str, builder: TextBuilder, text: str, start: int, end: int) -> None:
    """Convert ``text[start:end]`` into the builder, keeping char-level offsets.

    When a phrase changed length (網際網路 -> 互联网), its line is aligned with a
    char-by-char conversion of the same line: equal stretches map one to one,
    and only the rewritten phrase maps as a block to its source. Lines whose
    length did not change map one to one as they are: aligning a whole document
    at once is quadratic, and no phrase spans a line break.
    """
    if end <= start:
        return
    piece = text[start:end]
    out = _converter(config).convert(piece)
    sources, outputs = piece.split("\n"), out.split("\n")
    if len(out) == len(piece) or len(sources) != len(outputs):
        _align_phrases(config, builder, piece, out, start)
        return
    source_at = output_at = 0  # where the current line starts, in piece and in out
    run_source = run_output = 0  # where the stretch of unchanged lengths starts
    for source, output in zip(sources, outputs):
        if len(source) != len(output):
            builder.replace(out[run_output:output_at], start + run_source, start + source_at)
            _align_phrases(config, builder, source, output, start + source_at)
            run_source, run_output = source_at + len(source), output_at + len(output)
        source_at += len(source) + 1
        output_at += len(output) + 1
    builder.replace(out[run_output:], start + run_source, end)


def _align_phrases(config: str, builder: TextBuilder, piece: str, out: str, start: int) -> None:
    """``out`` (the conversion of ``piece``, which starts at ``start``) into the builder."""
    if len(out) == len(piece):
        builder.replace(out, start, start + len(piece))
        return
    baseline = "".join(_char_map(config, c) for c in piece)
    for i1, i2, j1, j2 in _phrase_blocks(baseline, out):
        if i1 == i2:  # pure insertion: borrow the character before it
            i1 = max(0, i1 - 1)
            i2 = i1 + 1
        builder.replace(out[j1:j2], start + i1, start + i2)


def _phrase_blocks(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """Aligned blocks; a rewritten phrase stays one block.

    difflib pairs the 网 of 互联网 with the first 网 of 网际网路; a short equal
    stretch between two edits is really part of the same phrase, so it is folded
    into the edit around it.
    """
    ops = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    blocks: list[list] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        inner = 0 < index < len(ops) - 1 and ops[index - 1][0] != "equal" and ops[index + 1][0] != "equal"
        edit = tag != "equal" or (inner and i2 - i1 <= 2)
        if edit and blocks and blocks[-1][0]:
            blocks[-1][2], blocks[-1][4] = i2, j2
        else:
            blocks.append([edit, i1, i2, j1, j2])
    return [(i1, i2, j1, j2) for _, i1, i2, j1, j2 in blocks]


@lru_cache(maxsize=65536)
def _char_map(config: str, char: str) -> str:
    converted = _converter(config).convert(char)
    return converted if len(converted) == 1 else char
