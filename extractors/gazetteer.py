"""Longest-match dictionary lookup: HanLP's trie, walked only where a name can start.

``hanlp_trie.Trie.parse_longest`` walks the trie from every character of the
text in Python. Most characters start no name at all, so a compiled pattern of
the names' first two characters (国[务家]|公安|…) finds the candidate positions in
C first: it begins with a literal in every branch, so the regex engine skips
ahead by the first characters' class.
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
        self._starts = _starts_pattern([name for name in names if name])

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


def _starts_pattern(names: list[str]) -> re.Pattern[str] | None:
    """Where a name can start: its first character, then one of the second
    characters names beginning with it have (or nothing, for a one-character name)."""
    if not names:
        return None
    seconds: dict[str, set[str]] = {}
    for name in names:
        seconds.setdefault(name[0], set()).add(name[1:2])
    branches = []
    for first, following in sorted(seconds.items()):
        if "" in following:  # a one-character name: the first character alone
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + "[" + "".join(re.escape(c) for c in sorted(following)) + "]")
    return re.compile("|".join(branches))
