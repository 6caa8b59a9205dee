"""Offset maps: every normalized character points back to the raw text it came from.

Each normalization step rewrites text, so each step builds its output with a
:class:`TextBuilder` that records, for every output character, the half-open
span of *its own input* it came from. Steps are composed with :meth:`OffsetMap.then`,
so the final map points from the normalized text straight into the raw text.

Arrays are numpy ``int64`` so that composition is one gather per step, not a
Python loop per character: normalization has to stay close to OpenCC's speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=4)
def _identity_arrays(length: int) -> tuple[np.ndarray, np.ndarray]:
    """Each step that changes nothing maps a text of the same length to itself: one pair
    of arrays serves them all. Read-only, so no map can change another's."""
    starts = np.arange(length, dtype=np.int64)
    ends = starts + 1
    starts.flags.writeable = False
    ends.flags.writeable = False
    return starts, ends


@dataclass(frozen=True)
class OffsetMap:
    """For output char ``i``: it came from input ``[starts[i], ends[i])``."""

    starts: np.ndarray
    ends: np.ndarray
    source_length: int
    is_identity: bool = False  # each char from itself: a step that changed nothing

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        starts, ends = _identity_arrays(length)
        return cls(starts, ends, length, is_identity=True)

    def __len__(self) -> int:
        return int(self.starts.shape[0])

    def then(self, later: "OffsetMap") -> "OffsetMap":
        """Compose: ``self`` maps A->raw, ``later`` maps B->A; result maps B->raw."""
        if later.is_identity:  # most steps change nothing in most documents
            return self
        if self.is_identity:
            return later
        if len(later) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return OffsetMap(empty, empty.copy(), self.source_length)
        starts = self.starts[later.starts]
        # An output char whose input span is empty (pure insertion) borrows the
        # position of the char it was inserted before.
        last = np.maximum(later.ends - 1, later.starts)
        ends = self.ends[np.minimum(last, len(self) - 1)] if len(self) else starts
        ends = np.maximum(ends, starts)
        return OffsetMap(starts, ends, self.source_length)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the output to the covering span of the source."""
        if end <= start or len(self) == 0:
            anchor = int(self.starts[min(start, len(self) - 1)]) if len(self) else 0
            return anchor, anchor
        return int(self.starts[start:end].min()), int(self.ends[start:end].max())

    def source_text(self, source: str, start: int, end: int) -> str:
        """The source characters the output span came from, without what no output
        character came from: pinyin and blanks a step removed inside the span are left out
        (結(jié)婚登記 gives 結婚登記), and a source span two output characters share counts once."""
        pieces: list[str] = []
        last = (-1, -1)
        for piece in zip(self.starts[start:end].tolist(), self.ends[start:end].tolist()):
            if piece != last:
                pieces.append(source[piece[0] : piece[1]])
                last = piece
        return "".join(pieces)

    def to_runs(self) -> list[list[int]]:
        """Compact form ``[[out_start, src_start, src_end, length], ...]``.

        A run of ``length`` output chars maps char ``out_start + k`` to
        ``[src_start + k, src_end + k)``: unchanged text is one run, so the map of
        a clean document is a handful of numbers.
        """
        n = len(self)
        if n == 0:
            return []
        step_start = np.diff(self.starts) == 1
        step_end = np.diff(self.ends) == 1
        breaks = np.flatnonzero(~(step_start & step_end)) + 1
        bounds = np.concatenate(([0], breaks, [n]))
        runs = []
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            runs.append([int(lo), int(self.starts[lo]), int(self.ends[lo]), int(hi - lo)])
        return runs

    @classmethod
    def from_runs(cls, runs: list[list[int]], source_length: int) -> "OffsetMap":
        starts = [np.arange(s, s + k, dtype=np.int64) for _, s, _, k in runs]
        ends = [np.arange(e, e + k, dtype=np.int64) for _, _, e, k in runs]
        if not runs:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty.copy(), source_length)
        return cls(np.concatenate(starts), np.concatenate(ends), source_length)


class TextBuilder:
    """Builds one step's output text together with its map into the step's input.

    ``copy`` keeps input text as it is (one entry per char); ``replace`` emits new
    text that as a whole stands for an input span (every emitted char points at
    the whole span, which is the honest answer for 網際網路 -> 互联网).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._starts: list[np.ndarray] = []
        self._ends: list[np.ndarray] = []

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        self._parts.append(self.source[start:end])
        positions = np.arange(start, end, dtype=np.int64)
        self._starts.append(positions)
        self._ends.append(positions + 1)

    def replace(self, text: str, start: int, end: int) -> None:
        if not text:
            return
        if len(text) == end - start:
            self._parts.append(text)
            positions = np.arange(start, end, dtype=np.int64)
            self._starts.append(positions)
            self._ends.append(positions + 1)
            return
        self._parts.append(text)
        self._starts.append(np.full(len(text), start, dtype=np.int64))
        self._ends.append(np.full(len(text), end, dtype=np.int64))

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        if not self._starts:
            empty = np.zeros(0, dtype=np.int64)
            return text, OffsetMap(empty, empty.copy(), len(self.source))
        starts = np.concatenate(self._starts)
        ends = np.concatenate(self._ends)
        return text, OffsetMap(starts, ends, len(self.source))


def rewrite(source: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping ``(start, end, replacement)`` edits, sorted by start.

    Most steps find a few places to change in a long text; this copies the rest
    in large runs.
    """
    if all(not replacement for _, _, replacement in edits):
        return _delete(source, edits)
    builder = TextBuilder(source)
    cursor = 0
    for start, end, replacement in edits:
        builder.copy(cursor, start)
        builder.replace(replacement, start, end)
        cursor = end
    builder.copy(cursor, len(source))
    return builder.build()


def _delete(source: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Deletions only (pinyin groups, spaces): one mask instead of a piece per gap."""
    keep = np.ones(len(source), dtype=bool)
    pieces = []
    cursor = 0
    for start, end, _ in edits:
        keep[start:end] = False
        pieces.append(source[cursor:start])
        cursor = end
    pieces.append(source[cursor:])
    starts = np.flatnonzero(keep).astype(np.int64)
    return "".join(pieces), OffsetMap(starts, starts + 1, len(source))
