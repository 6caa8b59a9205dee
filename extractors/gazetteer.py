"""Longest-match dictionary lookup: HanLP's trie, walked only where a name can start.

``hanlp_trie.Trie.parse_longest`` walks the trie from every character of the
text in Python. Most characters start no name at all, so a compiled character
class of the names' first characters finds the candidate positions in C first.
The result is the same as ``parse_longest``: scanning left to right, the longest
name at each position, matches never overlapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hanlp_trie import Trie


class Gazetteer:
    def __init__(self, names: Mapping[str, str]) -> None:
        self._trie = Trie(dict(names))
        firsts = sorted({name[0] for name in names if name})
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None

    def longest(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, value) of the longest name at each position, left to right."""
        found: list[tuple[int, int, str]] = []
        if self._starts is None:
            return found
        position = 0
        while (candidate := self._starts.search(text, position)) is not None:
            start = candidate.start()
            match = self._walk(text, start)
            if match is None:
                position = start + 1
            else:
                found.append(match)
                position = match[1]
        return found

    def _walk(self, text: str, start: int) -> tuple[int, int, str] | None:
        state, best = self._trie, None
        for index in range(start, len(text)):
            state = state.transit(text[index])
            if state is None:
                break
            if state._value is not None:  # the node's value, as parse_longest reads it
                best = (start, index + 1, state._value)
        return best
