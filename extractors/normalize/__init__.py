"""Normalize a notice: bytes -> clean simplified text, an offset map, a quality record.

Steps, in order (each maps its output back to its input, and the maps compose):

1. decode bytes (BOM, UTF-8, declared charset, detection) -> the *raw text*;
2. repair GBK byte-shift mojibake where a re-decode clearly reads better;
3. remove pinyin ruby noise (context-checked against character readings);
4. full-width digits and Latin letters -> half-width (２０２１年 -> 2021年; punctuation stays);
   traditional -> simplified (OpenCC tw2s or tw2sp, plus project phrases);
5. layout: whitespace between Han characters, lines broken mid-sentence;
6. a comma a mirror wedged before another mark (首次申领,、到期换领).

Every mojibake run is reported in the quality record, as repaired (with the
original and the repair) or flagged; extractors skip flagged spans.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from extractors.normalize.encoding import Decoded, decode_bytes
from extractors.normalize.layout import tidy_layout
from extractors.normalize.marks import drop_doubled_marks
from extractors.normalize.mojibake import MojibakeSpan, repair_mojibake
from extractors.normalize.pinyin import strip_pinyin
from extractors.normalize.script import to_simplified
from extractors.normalize.width import fold_width
from extractors.offsets import OffsetMap

__all__ = ["NormalizedText", "Quality", "normalize_bytes", "normalize_text", "decode_bytes"]


@dataclass
class Quality:
    """What normalization saw and did: stored with the document, checked by assets."""

    encoding: str | None = None
    encoding_method: str | None = None
    undecodable: int = 0
    script: str = "simplified"
    variant: str = "mainland"
    opencc_config: str | None = None
    traditional_chars: int = 0
    residual_traditional: int = 0
    phrase_overrides: int = 0
    pinyin_groups_removed: int = 0
    html_ruby_removed: int = 0
    width_folded: int = 0  # full-width digits and Latin letters made half-width (２０２１ -> 2021)
    spaces_removed: int = 0
    lines_joined: int = 0
    doubled_marks_removed: int = 0  # a comma wedged before another mark (首次申领,、到期换领)
    hard_wrapped: bool = False
    mojibake: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NormalizedText:
    raw: str  # the decoded text: every span and offset refers to it or to `text`
    text: str
    offsets: OffsetMap  # normalized char -> raw span
    quality: Quality

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)

    def flagged_spans(self) -> list[tuple[int, int]]:
        """Normalized spans of unrepaired mojibake: extractors skip these."""
        flagged = [m["span"] for m in self.quality.mojibake if m["status"] == "flagged" and m["span"]]
        return [(start, end) for start, end in flagged]

    def guessed_spans(self) -> list[tuple[int, int]]:
        """Normalized spans of the characters a repair read from a lost byte: the likeliest
        guess, not what the page said. Extractors skip them unless a closed list confirms
        the name they sit in (a body's name)."""
        return sorted((start, end) for m in self.quality.mojibake for start, end in m.get("guessed", ()))


def normalize_bytes(data: bytes, declared_encoding: str | None = None) -> NormalizedText:
    decoded = decode_bytes(data, declared_encoding)
    result = normalize_text(decoded.text)
    _record_decoding(result.quality, decoded)
    return result


def normalize_text(raw: str) -> NormalizedText:
    quality = Quality()
    text0, map0, runs = repair_mojibake(raw)
    text1, map1, pinyin = strip_pinyin(text0)
    text1, folded = fold_width(text1)  # one character for one: the map stays as it is
    text2, map2, script = to_simplified(text1)
    text3, map3, layout = tidy_layout(text2)
    text4, map4, quality.doubled_marks_removed = drop_doubled_marks(text3)
    offsets = map0.then(map1).then(map2).then(map3).then(map4)
    quality.pinyin_groups_removed = pinyin.groups_removed
    quality.html_ruby_removed = pinyin.html_ruby_removed
    quality.script, quality.variant = script.script, script.variant
    quality.opencc_config = script.config
    quality.traditional_chars = script.traditional_chars
    quality.residual_traditional = script.residual_traditional
    quality.phrase_overrides = script.overrides_applied
    quality.width_folded = folded
    quality.spaces_removed, quality.lines_joined = layout.spaces_removed, layout.lines_joined
    quality.hard_wrapped = layout.hard_wrapped
    quality.mojibake = _mojibake_report(runs, offsets)
    return NormalizedText(raw, text4, offsets, quality)


def _record_decoding(quality: Quality, decoded: Decoded) -> None:
    quality.encoding, quality.encoding_method = decoded.encoding, decoded.method
    quality.undecodable = decoded.replaced
    if decoded.note:
        quality.notes.append(decoded.note)


def _mojibake_report(runs: list[MojibakeSpan], offsets: OffsetMap) -> list[dict[str, Any]]:
    """Mojibake runs in the raw text, with their normalized spans."""
    report = []
    for run in runs:
        inside = (offsets.starts < run.end) & (offsets.ends > run.start) if len(offsets) else []
        hits = inside.nonzero()[0] if len(offsets) else []
        span = [int(hits[0]), int(hits[-1]) + 1] if len(hits) else None
        report.append(
            {
                "raw_span": [run.start, run.end],
                "span": span,
                "text": run.text,
                "status": run.status,
                "repaired": run.repaired,
                "guessed": _guessed_spans(run, [int(hit) for hit in hits]),
            }
        )
    return report


def _guessed_spans(run: MojibakeSpan, hits: list[int]) -> list[list[int]]:
    """Normalized spans of a repair's guessed characters. Each repaired character maps to
    the whole run, so the k-th normalized character of the run is the k-th of the repair,
    unless a later step changed their number: then the whole run is the guess's span."""
    if not run.guessed or not hits:
        return []
    if len(hits) != len(run.repaired or ""):
        return [[hits[0], hits[-1] + 1]]
    return [[hits[index], hits[index] + 1] for index in run.guessed]
