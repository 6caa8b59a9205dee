"""Where a list of items in running text begins and ends.

A list runs back from its count or scope to the clause's start, then forward past a lead
verb (包括, 实现) and anything that is not yet a name: a particle (开展了), a subject that has
the items (其中四川有), an earlier counted list joined to it (A等5类业务和B等5项服务).
``items.py`` reads the names between these bounds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.item_names import ITEM_SEPARATORS, NAME_JOINERS, before_bracket, cues
from extractors.text import alternation, is_han

# 等16个事项; 等在内的 / 等事项在内的115个事项 (包括A、B等事项在内的…), or 在内的 alone (包括A、B在内的
# 15项事项); 等5类业务 (classes of items: 类, like 个, counts items only before a counter noun).
COUNTER = re.compile(
    r"(?:等(?:[\u4e00-\u9fff]{0,6}?在内的)?|(?<=[\u4e00-\u9fff])在内的)(?P<batch>第[一二三四五六七八九十0-9]+批)?(?P<count>[0-9]+|[一二三四五六七八九十百两]+)(?P<more>余|多)?(?P<unit>个|项|类)"
)
CLAUSE_MARKS = "，,。；;：:\n！？"
CLAUSE_START = re.compile(f"[{CLAUSE_MARKS}]")
SENTENCE_MARKS = "。；;！？!?\n"
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}]")


_NAME_AFTER_VERB = 2  # a lead verb that ends the first name (…登记办理、) opens no list


def _past_lead_verb(piece: str) -> int:
    """Where the names start after the last lead verb in ``piece`` (0: none). Not a verb that
    ends the piece (不动产登记办理) or a name before a joiner (…办理和抵押登记), nor one after a
    word of when that opens a name: in 开通首次办理居民身份证, 首次办理 is the service's own. A
    note in brackets after the last name (…证明办理（省公安厅）) is no part of it: 办理 still ends it."""
    piece = before_bracket(piece)
    cut = 0
    adverbs = cues()["opening_adverb"]
    for verb in cues()["lead_verb"]:
        at = piece.rfind(verb)
        if at < 0:
            continue
        end = at + len(verb)
        if len(piece) - end < _NAME_AFTER_VERB or piece.startswith(NAME_JOINERS, end) or piece.endswith(adverbs, 0, at):
            continue
        cut = max(cut, end)
    return cut


def start_of_list(text: str, end: int) -> int:
    """Back to the clause start, then forward past a lead verb (包括, 实现)."""
    window = max(0, end - 400)
    start = _clause_start(text, window, end)
    if start > 1 and text[start - 1] in "，," and text.startswith(_LIST_CONTINUES, start):
        # "企业设立、变更、注销，以及工业产品生产许可证核发等30项": one list over two clauses
        start = _clause_start(text, window, start - 1)
    first_separator = ITEM_SEPARATORS.search(text, start, end)
    head_end = first_separator.start() if first_separator else end
    head = text[start:head_end]
    cut = _past_lead_verb(head)
    subject = _SUBJECT_HAS.match(head)
    if subject:
        cut = max(cut, subject.end())
    handled = _CAN_HANDLE.search(head)
    if handled:
        cut = max(cut, handled.end())
    start = _past_particle(text, max(start + cut if cut else start, _after_late_verb(text, head_end, end)))
    return _past_counted_list(text, start, end)


_JOINS_LISTS = re.compile(r"[^、，,]{0,16}?(?:以及|和|及|与)(?!“)")  # not between two quoted scopes


def _past_counted_list(text: str, start: int, end: int) -> int:
    """ "包括A等5类业务“异地通办”和B等5项服务“便捷快办”": two counted lists joined in one clause.
    The second starts after the joiner that follows the first one's count, never inside it."""
    counts = list(COUNTER.finditer(text, start, end))
    if not counts:
        return start
    return joiner_after(text, counts[-1].end(), end) or start


def joiner_after(text: str, count_end: int, end: int) -> int | None:
    """Where the joiner after a count ends (A等3个事项“跨省通办”以及|B…), if one comes before ``end``."""
    joiner = _JOINS_LISTS.match(text, count_end, end)
    return joiner.end() if joiner else None


def _past_particle(text: str, start: int) -> int:
    """开展了A“跨省通办”试点, 推出的A: the verb's particle opens no name; nor does the ordinal
    that counts a clause off in running text (一是…；二是分科目考试实现异地可办), nor the batch the
    names are in (首批A、B…), nor a preposition that introduces them (对于A、B等…, 像A、B这类…) or a
    word of when before them (目前A、B…)."""
    while True:
        opener = _ORDINAL.match(text, start) or _BATCH.match(text, start) or _preposition().match(text, start)
        particle = text[start : start + 1] in ("了", "的") and start > 0 and is_han(text[start - 1])
        if opener is None and not particle:
            return start
        start = opener.end() if opener else start + 1


_ORDINAL = re.compile(r"[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]{1,2}是?[，,]?")


@lru_cache(maxsize=1)
def _preposition() -> re.Pattern[str]:
    """对于A、B等“跨省通办”事项，…: the words that introduce a list (item_cues.tsv list_preposition),
    or a word of when before a list that is its clause's subject (目前A、B等业务已实现…: clause_adverb)."""
    return re.compile(alternation([*cues()["list_preposition"], *cues()["clause_adverb"]]))


_BATCH = re.compile(r"(?:首|本|此|新一|第[一二三四五六七八九十0-9]{1,3})批")
# 群众可在家门口办理A、B等10项事项: 办理 after 可 and where or how leads the list (办理 alone
# sits inside names: 办理居民身份证; and 可 inside 许可, 认可: 许可证办理 is a name). So does
# 在…就能办理 (市民在家门口就能办理A、B…).
_CAN_HANDLE = re.compile(
    r"(?<![许认智功])(?:可以?|能够?)(?:(?:在|通过|到|就近|直接|选择)[^，。；、,;]{0,10}?)?办理"
    r"|(?:在|通过|到)[^，。；、,;]{1,10}?(?:就|即|都)?(?:可以?|能够?)办理"
)


def _clause_start(text: str, window: int, end: int) -> int:
    """Past the last clause mark before ``end`` that no bracket holds: "户口迁移（责任单位：
    省公安厅）、…" is one clause, its colon a note's."""
    start = max(text.rfind(mark, window, end) for mark in CLAUSE_MARKS) + 1
    while _closes_more_than_it_opens(text, start, end):
        opener = max(text.rfind(mark, window, start) for mark in "（(")
        if opener < 0:
            break
        start = max(text.rfind(mark, window, opener) for mark in CLAUSE_MARKS) + 1
    return start


def _closes_more_than_it_opens(text: str, start: int, end: int) -> bool:
    closers = text.count("）", start, end) + text.count(")", start, end)
    return closers > text.count("（", start, end) + text.count("(", start, end)


def _after_late_verb(text: str, head_end: int, end: int) -> int:
    """ "在北京、天津等21个省实施结婚登记和离婚登记": a lead verb after the clause's last
    separator opens the list; what the separators joined before it was no list of items."""
    last_separator = head_end
    for separator in ITEM_SEPARATORS.finditer(text, head_end, end):
        last_separator = separator.end()
    if last_separator == head_end:
        return 0  # one separator-free stretch: the head's lead verb decided
    tail = text[last_separator:end]
    at = _past_lead_verb(tail)
    return last_separator + at if at else 0


_LIST_CONTINUES = ("以及", "及")

# "其中四川有A、B等51项事项", "全市共有A等102项": a subject that has the items. 有 alone is no
# lead verb, it sits inside names (国有建设用地使用权, 共有产权住房); after 其中 and a short subject,
# or after a whole place or 目前 (全市共有, 目前共有), it is.
_SUBJECT_HAS = re.compile(r"其中[\u4e00-\u9fff]{0,8}?有|(?:全[国省市县区]|目前|现)共?有")
