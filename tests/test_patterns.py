"""The regex every word list compiles to (cues, markers, bodies): a trie of its words that
matches what a flat alternation sorted longest first matches, and prefers the same word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extractors.text import alternation

_CHARS = st.sampled_from(list("前底之年末月内起省市县局厅部委办a.(["))
_WORDS = st.lists(st.text(_CHARS, min_size=1, max_size=4), min_size=1, max_size=12)


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@given(_WORDS, st.text(_CHARS, max_size=30))
def test_the_trie_finds_what_a_longest_first_list_finds(words, text):
    trie, flat = re.compile(alternation(words)), re.compile(_flat(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@given(_WORDS, st.text(_CHARS, max_size=12))
def test_backtracking_into_the_trie_tries_the_shorter_words_in_turn(words, text):
    """Inside a longer pattern a failed longer word gives way to a shorter one, as in a list."""
    trie = re.compile(rf"(?:{alternation(words)})(?=局)")
    flat = re.compile(rf"(?:{_flat(words)})(?=局)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_words_sharing_a_start_are_one_branch():
    assert alternation(["国务院", "国务院办公厅", "国家"]) == "国(?:务院(?:办公厅|)|家)"
    assert alternation([]) == ""
    # the top is a bare list whose every branch opens with a literal (no [市省] class, no group):
    # only then does the engine scan ahead for the first characters (a class there made the
    # phrase-override scan ten times slower)
    assert alternation(["省", "市", "县局"]) == "县局|市|省"
    assert alternation(["省局", "市局"]) == "市局|省局"
    assert alternation(["局长", "局"]).startswith("局")
