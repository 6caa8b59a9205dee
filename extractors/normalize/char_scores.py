"""How much a stretch of text reads like Chinese: the mojibake repair's language model.

Character frequencies and 2-4 character words from jieba's dictionary. A shifted GBK
decode gives valid but unlikely characters (膊恐伟补) that form no words; the text it
garbled scores far higher. Crude (unigrams plus a bonus per dictionary word), but it
tells garble from text and ranks a lost byte's readings.
"""

from __future__ import annotations

import math
import os
import re
from functools import lru_cache

import jieba
import opencc

from extractors.datafiles import load_list, load_table

PUNCT = set("。，、；：？！“”‘’（）《》…—")

_COUNTS_FILE = "char_frequencies.tsv"
_POLICY_WORDS = "policy_words.txt"
POLICY_WORD_COUNT = 500  # as common as 户籍 or 公积金 in jieba's dictionary
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
def frequencies() -> tuple[dict[str, float], dict[str, str]]:
    """Log char frequencies (shipped: counting 350k words takes a second) and
    each 2–4 character word's bonus, from jieba's dictionary.

    A word's bonus grows with its frequency: 支付 (3382) must beat 支给 (3), a
    rare word that would otherwise win on its commoner character 给.
    """
    counts = {row["char"]: int(row["count"]) for row in load_table(_COUNTS_FILE)}
    total = sum(counts.values())
    words = dict(_WORD.findall(jieba_dictionary()))  # word -> frequency, as text
    for word in load_list(_POLICY_WORDS):
        words[word] = str(max(int(words.get(word, "0")), POLICY_WORD_COUNT))
    return {c: math.log(n / total) for c, n in counts.items()}, words


@lru_cache(maxsize=4096)
def _word_bonus(freq: str) -> float:
    """2 for a word seen once, about 4 at 50 and 6 at 3,000 occurrences."""
    return 2.0 + 0.5 * math.log(int(freq) + 1)


@lru_cache(maxsize=1)
def t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_RARE = -12.0  # log share of a character seen fewer than about 6 times in a million


def is_rare_han(char: str) -> bool:
    """A Han character that real text seldom uses (翱, 缡; in simplified form, so 確 is
    common): a shifted decode produces such characters, a notice seldom does."""
    if not "\u3400" <= char <= "\u9fff":
        return False
    logs, _ = frequencies()
    return logs.get(t2s().convert(char), -20.0) < _RARE


def mean_score(text: str) -> float:
    """Score per character, so candidates of different lengths compare fairly."""
    return score(text) / max(1, len(text))


def score(text: str) -> float:
    """Log-likelihood-like score: common characters and dictionary words score high.

    Scored in simplified script: jieba's dictionary is simplified, and a garbled
    traditional page decodes to traditional characters.
    """
    logs, words = frequencies()
    text = t2s().convert(text)
    floor = -20.0
    total = 0.0
    for char in text:
        if char in PUNCT or char.isdigit():
            total += -6.0
        else:
            total += logs.get(char, floor)
    for size in (2, 3, 4):
        for i in range(len(text) - size + 1):
            freq = words.get(text[i : i + size])
            total += _word_bonus(freq) if freq else 0.0
    return total


def word_coverage(text: str) -> float:
    """Share of Han characters that sit inside a dictionary word: a repair must read as words."""
    _, words = frequencies()
    text = t2s().convert(text)
    covered = set()
    for size in (2, 3, 4):
        for i in range(len(text) - size + 1):
            if text[i : i + size] in words:
                covered.update(range(i, i + size))
    han = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for i in han if i in covered) / max(1, len(han))
