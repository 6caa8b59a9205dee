"""Where a place name in a department's name may begin and what it never holds.

A local body is a place plus a body (邯郸市 + 医保局), but the place is an open run
of characters ending in 市, 县 or 区, so its start must be found: after punctuation,
or after a function character (在邯郸市, 已经市政府同意), never inside a verb
(此件发至县). The function characters and verbs are ``data/place_stop_words.txt``.

A function character that opens a word is no function word there: the 同 of
"负责同志和市民政局" is 同志's, so no place "志和市" starts after it. Those words are
``data/function_char_words.txt``, generated from jieba's dictionary by
``write_function_char_words`` (regenerate it after a jieba upgrade or a stop-word edit).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_list
from extractors.places import LEVEL_CHARS
from extractors.text import alternation

# half-width too: scraped pages write ",苏州市行政审批局"; 丨: a portal's bar (政务服务丨济宁市…)
_PUNCTUATION_BOUNDARY = "，。；：、（）()《》“”\n\t |｜丨,;:!?！？\"'"
_LEVELS = "自治州|地区|市|州|盟|县|区|旗|街道|镇|乡"
_WORDS_FILE = "function_char_words.txt"
_PLACES_FILE = "places_with_stop_chars.txt"
_MIN_WORD_FREQ = 20  # rarer dictionary words are names and fragments, not the words that matter


@lru_cache(maxsize=1)
def stop_words() -> tuple[str, tuple[str, ...]]:
    """(function characters, verbs) a place name never opens with."""
    entries = load_list("place_stop_words.txt")
    return "".join(e for e in entries if len(e) == 1), tuple(e for e in entries if len(e) > 1)


@lru_cache(maxsize=1)
def _punctuation() -> frozenset[str]:
    return frozenset(_PUNCTUATION_BOUNDARY)


@lru_cache(maxsize=1)
def _words_opening_with_function_chars() -> frozenset[str]:
    return frozenset(load_list(_WORDS_FILE))


def opens_with_stop_word(text: str, start: int) -> bool:
    """Does a verb or a function character open the text at ``start`` (委托…, 到…; not 经济…,
    a word that opens with a function character)? Such a stretch is no body's unit."""
    if text.startswith(stop_words()[1], start):
        return True
    return text[start : start + 1] in stop_words()[0] and text[start : start + 2] not in _words_opening_with_function_chars()


# Adverbs that stand before a verb, never before a place: 将会同县医保局 is 将 + 会同 + 县医保局
_VERB_ADVERBS = "将要并还应须已均拟再亦也又"


def verb_opens_place(text: str, start: int) -> bool:
    """Does a verb that opens a real place's name (会同 of 会同县) stand after an adverb, where
    it is the verb (某县行政审批服务局将会同县医保局…)?"""
    return start > 0 and text[start - 1] in _VERB_ADVERBS and text.startswith(stop_words()[1], start)


def place_may_start(text: str, start: int) -> bool:
    """After punctuation or a stop verb, or after a function character that opens no
    word with the place's first character (在邯郸市 yes; 同志和市 no: 同志 is a word)."""
    if start == 0:
        return True
    before = text[start - 1]
    if before in _punctuation() or text.endswith(stop_words()[1], 0, start):
        return True  # … or after a verb that puts a place after it (推进济宁经济技术开发区…)
    return before in stop_words()[0] and text[start - 1 : start + 1] not in _words_opening_with_function_chars()


@lru_cache(maxsize=1)
def _places_with_stop_chars() -> tuple[tuple[str, ...], str]:
    """(names that open with a stop character, the stop characters real names hold)."""
    names = load_list(_PLACES_FILE)
    chars, _ = stop_words()
    opening = tuple(name for name in names if name[0] in chars)
    held = "".join(sorted({char for name in names for char in name[1:] if char in chars}))
    return opening, held


def local_unit(zone: bool = False) -> str:
    """One level of a place (邯郸市, 丛台区). It opens with no function word and holds
    only those real names hold (大同市, 呼和浩特市), and only as its second character:
    "申请人向市医保局" is 申请人向 + 市医保局, "设在邯郸市" is 设在 + 邯郸市. The real
    places that open with one (于都县, 将乐县) are matched by name. With ``zone``, a
    zone's longer name (济宁经济技术开发区) is a unit too."""
    chars, _ = stop_words()
    opening, held = _places_with_stop_chars()
    refused = "".join(char for char in chars if char not in held)
    han = r"[\u4e00-\u9fff]"
    generic = rf"(?![{chars}]){han}(?:(?![{refused}]){han})??(?:(?![{chars}]){han}){{0,2}}?(?:{_LEVELS})"
    zone_unit = rf"(?![{chars}]){han}{{1,8}}?(?:{'|'.join(zone_endings())})"
    return "|".join([*opening, zone_unit, generic] if zone else [*opening, generic])


@lru_cache(maxsize=1)
def zone_endings() -> tuple[str, ...]:
    """How a zone's name ends (开发区, 示范区), longest first."""
    return tuple(sorted(load_list("zone_endings.txt"), key=len, reverse=True))


def ends_a_zone(text: str, end: int) -> bool:
    """Does ``text[:end]`` end with a zone's name (…经济技术开发区)? Its last 区 is the zone's."""
    return text.endswith(zone_endings(), 0, end)


def holds_a_verb(place: str) -> bool:
    """此件发至县: a verb inside the run of characters before 县 makes it no place. Nor
    does a party committee's 委: "贯彻市委市政府部署" is 市委 + 市政府. A real name that
    holds such a word (会同县) does not count."""
    if _held_words().search(place) is None:
        return False
    for name in load_list(_PLACES_FILE):
        place = place.replace(name, "")
    return _held_words().search(place) is not None


@lru_cache(maxsize=1)
def _held_words() -> re.Pattern[str]:
    return re.compile("委|" + alternation(stop_words()[1]))


def function_char_words(dictionary: str) -> list[str]:
    """Two-character words of ``dictionary`` (jieba's format: word, frequency, tag)
    that open with a function character: 同志, 经办, 在线. Places (tag ns) and words
    ending in a level character (在市) are left out: there the character is a boundary."""
    chars, _ = stop_words()
    words = []
    for line in dictionary.splitlines():
        word, freq, tag = line.split(" ")[:3]
        if len(word) == 2 and word[0] in chars and int(freq) >= _MIN_WORD_FREQ:
            if tag != "ns" and word[1] not in LEVEL_CHARS:
                words.append(word)
    return words


def write_function_char_words(path: str) -> None:
    """Regenerate ``extractors/data/function_char_words.txt`` from jieba's dictionary."""
    import jieba

    from extractors.normalize.char_scores import jieba_dictionary

    header = (
        f"# Words that open with a place stop character (place_stop_words.txt), from jieba {jieba.__version__}'s\n"
        f"# dict.txt (frequency >= {_MIN_WORD_FREQ}, no places), by place_bounds.write_function_char_words().\n"
        "# After such a character no place begins: 负责同志和市民政局 holds no 志和市.\n"
    )
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(header + "".join(f"{word}\n" for word in function_char_words(jieba_dictionary())))
