"""What makes a piece of text an item's name, shared by the list and table readers.

Cue words come from ``data/item_cues.tsv``: a name is at most 40 characters with
Han in it, not made only of generic words (政务服务事项), not a category
(工作类事项) and not a description (…相关的…).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.name_notes import past_note
from extractors.text import BULLETS, alternation

# 、 ；, and a tab (names a page set apart by blanks: normalize/name_gaps.py); a comma that goes
# on with 以及 (…、注销，以及工业产品生产许可证核发); the seam between
# names each in quotes of its own (“A”“B”“C”等); and
# ①A②B, （1）A（2）B and 1.A 2.B run together (a space between Han went in normalization, one
# before a number stays: 1.异地就医备案 2.医保关系转移接续):
# before each number past the first
_INLINE_NUMBER = r"(?<=[^\s])(?=[②-⑳]|[（(](?:[2-9]|[1-9][0-9]|[二三四五六七八九十])[）)])|(?<=[\u4e00-\u9fff])[ \u3000]*(?=[2-9][.、．][\u4e00-\u9fff])"
ITEM_SEPARATORS = re.compile(rf"[、；;﹔\t]|[，,](?:以及|及)|(?<=”)(?=“)|{_INLINE_NUMBER}")
_QUOTES = "“”‘’\"'「」『』【】"  # marks around a name, not part of it
MAX_ITEM_CHARS = 40
# a description, not a name: 的, a title, a quote, a preposition first, or a count inside
# ("医保局等10家部门单位104个高频事项")
_DESCRIPTIVE = re.compile(r"[的《》“”\"]|^[与和及对在为将把从向]|\d+[个项家类批]")


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for row in load_table("item_cues.tsv"):
        grouped.setdefault(row["type"], []).append(row["cue"])
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in grouped.items()}


def names_no_object(name: str) -> bool:
    """Is the name only service words (设立登记, 变更, 转移接续手续办理)? As a sub-item it
    is its main item's: 个体工商户's 设立登记 is not 农民专业合作社's."""
    return len(_service_words().sub("", name)) <= 1


def names_nothing(name: str) -> bool:
    """Is the name service words and nothing else (注销, 新申领, 信息变更)? One character more
    may be a thing (公证书核验, 补换卡): such a name is no sub-item of its own, yet names what
    it handles."""
    return _service_words().sub("", name).strip("与和及、") == ""  # 挂失与解挂: two services


@lru_cache(maxsize=1)
def _service_words() -> re.Pattern[str]:
    """The words of handling, not of a thing: an ending that holds its object (提取住房公积金, the
    ending of 正常退休提取住房公积金) names one, so 提取住房公积金 is no object-less name."""
    words = cues()
    endings = [word for word in words["service_ending"] if object_first(word) is None]
    return re.compile(alternation([*endings, *words["sub_word"]]))


def names_an_item(name: str) -> bool:
    return plausible(name) and not is_generic(name) and not _DESCRIPTIVE.search(name) and name not in cues()["stage_name"]


def is_generic(name: str) -> bool:
    words = cues()
    if name.endswith(words["category_ending"]) or name.endswith(words["place_ending"]):
        return True
    rest = name
    for word in words["generic_word"]:
        rest = rest.replace(word, "")
    return re.search(r"[\u4e00-\u9fff]{2}", rest) is None


def split_names(text: str, start: int, end: int, share_objects: bool = True) -> list[tuple[int, int]]:
    """The names of a list between ``start`` and ``end``. With ``share_objects``, a bare
    service verb goes with the name before it (居民身份证换领、补领)."""
    spans, cursor = [], start
    for separator in ITEM_SEPARATORS.finditer(text, start, end):
        if inside_brackets(text, cursor, separator.start()):
            continue  # "公安（出入境、机动车等）": a list inside a bracket is one piece's
        spans.append(_trim(text, cursor, separator.start()))
        cursor = separator.end()
    spans.append(_trim(text, cursor, end))
    spans = [piece for span in spans for piece in _spaced_services(text, span)]
    spans = [_past_subject(text, *_past_examples(text, *past_note(text, *span))) for span in spans]
    spans = [span for span in spans if span[1] > span[0]]
    return _join_shared_endings(text, _join_shared_objects(text, spans)) if share_objects else spans


_SPACES = re.compile(r"[ \u3000]+")


def _spaced_services(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """社会保障卡申领 失业保险金申领: names a page set apart by spaces alone, when every piece
    ends like a service; a name with a space inside it (机动车驾驶证 补领) stays one."""
    start, end = span
    if " " not in text[start:end] and "\u3000" not in text[start:end]:
        return [span]
    pieces, cursor = [], start
    for gap in _SPACES.finditer(text, start, end):
        pieces.append((cursor, gap.start()))
        cursor = gap.end()
    pieces.append((cursor, end))
    services = all(reads_as_service(text[a:b]) and len(text[a:b]) >= _LEAST_SPACED for a, b in pieces)
    return pieces if services else [span]


_LEAST_SPACED = 4  # a piece names its object too: 补领 alone is a verb the name before shares


def _past_examples(text: str, start: int, end: int) -> tuple[int, int]:
    """ "企业等各类市场主体登记注册": the examples before 等各类 are no part of the name."""
    cut = start
    for closer in cues()["example_closer"]:
        at = text.rfind(closer, start, end)
        if at >= 0:
            cut = max(cut, at + len(closer))
    return cut, end


def _past_subject(text: str, start: int, end: int) -> tuple[int, int]:
    """ "我省开具户籍类证明": the place that does it (我省, 全市, 川渝两地) is no part of the name,
    nor the time word before it (目前我市户口迁移)."""
    for word in cues()["subject_place"]:
        at = text.find(word, start, min(end, start + _SUBJECT_REACH + len(word)))
        if at >= 0 and end - at - len(word) >= 2:
            return at + len(word), end
    region = _REGION_SUBJECT.match(text, start, end)
    if region and end - region.end() >= 2 and all(char in province_codes() for char in region.group("codes")):
        return region.end(), end
    return start, end


_SUBJECT_REACH = 4  # characters of a time word before the subject place: 目前, 截至目前

# "川渝两地户口迁移": the provinces' one-character names and how many places they are
_REGION_SUBJECT = re.compile(r"(?P<codes>[\u4e00-\u9fff]{2,5})[两三四五]地")


_HALF_MIN_CHARS = 4  # 住房公积金缴存和提取: a bare verb after 和 is no item of its own


NAME_JOINERS = ("以及", "和", "及", "与")  # 以及 first: its 及 is no joiner of its own


def split_services_at_he(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "市场主体登记注册和涉企经营许可" in a list no count vouches for: two items when
    both halves are names that end like a service (or joined by 及, 以及, 与). A short half
    (…登记备案和结算) or one that is no service (人力资源和社会保障…) keeps the name whole."""
    split: list[tuple[int, int]] = []
    for start, end in spans:
        candidates = [halves for halves in _all_halves(text[start:end], start) if _two_services(text, halves)]
        split.extend(candidates[0] if len(candidates) == 1 else [(start, end)])
    # "…、到期换领、丢失补领和抵押登记": the half before 和 may share the object before it
    return _join_shared_objects(text, split) if len(split) > len(spans) else split


def _two_services(text: str, halves: list[tuple[int, int]]) -> bool:
    long_enough = all(b - a >= _HALF_MIN_CHARS for a, b in halves)
    return long_enough and all_services(text, halves) and not _opens_with_a_bare_verb(text, halves[1][0])


def _opens_with_a_bare_verb(text: str, start: int) -> bool:
    """ "…登记备案和结算和残疾人证迁移": a half that opens with a service verb standing alone
    before the next joiner (结算和) opens with the left name's last verb, not a name."""
    return any(text.startswith(verb + joiner, start) for verb in cues()["service_ending"] for joiner in NAME_JOINERS)


def _all_halves(piece: str, start: int) -> list[list[tuple[int, int]]]:
    """The piece cut in two at each of its joiners: "A和B和C" at either 和. Only one cut
    leaving two services is taken (个体工商户变更登记 | 异地就医登记备案和结算: 结算 alone is
    too short), so a name with two joiners splits only where no other reading does."""
    if "以及" in piece:
        return [halves] if (halves := join_halves(piece, start)) else []
    cuts = []
    for joiner in NAME_JOINERS:
        at = piece.find(joiner)
        while at > 0:
            cuts.append([(start, start + at), (start + at + len(joiner), start + len(piece))])
            at = piece.find(joiner, at + len(joiner))
    return cuts


def join_halves(piece: str, start: int) -> list[tuple[int, int]] | None:
    """The two halves around the piece's one joiner, or None (no joiner, or more than one)."""
    found = [(piece.find(joiner), joiner) for joiner in NAME_JOINERS if joiner in piece]
    if "以及" in piece:
        found = [(at, joiner) for at, joiner in found if joiner != "及"]
    if len(found) != 1 or piece.count(found[0][1]) != 1:
        return None
    at, joiner = found[0]
    return [(start, start + at), (start + at + len(joiner), start + len(piece))]


def _join_shared_objects(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "居民身份证换领、补领异地受理" is one item: a piece that starts with a bare
    service verb (补领, 换领) shares the object named before it."""
    verbs = cues()["shared_verb"]
    bare = set(cues()["service_ending"])  # "住房公积金汇缴、提取、转移接续": 提取 alone has no object

    def shares(_: str, piece: str) -> bool:
        return piece.startswith(verbs) or piece in bare or _adverb_and_verb(piece)

    return _joined_after_commas(text, spans, shares)


def _joined_after_commas(text: str, spans: list[tuple[int, int]], joins: Callable[[str, str], bool]) -> list[tuple[int, int]]:
    """Each piece that follows the one before it after a 、 and ``joins`` it (the piece before,
    this piece) is made one span with it."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and text[joined[-1][1] : start] == "、" and joins(text[joined[-1][0] : joined[-1][1]], text[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _adverb_and_verb(piece: str) -> bool:
    """到期换领, 丢失补领: when or why, then a bare verb; no object of its own."""
    verb = without_adverb(piece)
    return verb != piece and verb in (*cues()["shared_verb"], *cues()["opening_verb"])


def object_first(name: str) -> str | None:
    """首次申领居民身份证 -> 居民身份证首次申领: a name that opens with a service verb (maybe after a
    word of when), written object first, as most lists write it; None for any other name, and
    for one whose rest is a service of its own (领取养老金人员待遇资格认证) or whose verb is only
    "handling" (办理: 首次办理居民身份证 says no more than 居民身份证)."""
    if any(mark in name for mark in "、，,"):
        return None  # 补领、换领机动车检验合格标志: two verbs share the object
    adverb = name[: len(name) - len(without_adverb(name))]
    rest = name[len(adverb) :]
    verb = next((v for v in cues()["opening_verb"] if rest.startswith(v)), None)
    if verb is None or verb in cues()["generic_verb"]:
        return None
    thing = rest[len(verb) :]
    if len(thing) < 2 or thing.endswith(cues()["service_ending"]):
        return None
    return thing + adverb + verb


def without_adverb(name: str) -> str:
    """The name past a word of when or why that opens it (首次申领… -> 申领…)."""
    return name.removeprefix(next((a for a in cues()["opening_adverb"] if name.startswith(a)), ""))


def _join_shared_endings(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "结婚、离婚登记", "养老保险、失业保险关系转移接续": a piece that names no service shares
    the ending of the next, which opens with a word parallel to it (离婚 beside 结婚: the same
    length, the same last character). Read apart, 结婚 and 养老保险 had been items of their own;
    read together they stay one name, as 居民身份证换领、补领 does."""
    endings = cues()["service_ending"]
    return _joined_after_commas(text, spans, lambda piece, following: _shares_its_ending(piece, following, endings))


def _shares_its_ending(piece: str, following: str, endings: tuple[str, ...]) -> bool:
    length = len(piece)
    return (
        2 <= length
        and not piece.endswith(endings)
        and not _opens_like_a_service(piece)  # 首次申领居民身份证 is a service of its own
        and following.endswith(endings)
        and len(following) > length + 1
        and following[length - 1] == piece[-1]
        and following[:length] != piece
    )


# （一） 1. 一、 ①, the bullets of a web list (● • ▪ ■ ◆ ★ - *), and 一是/二是 (…事项主要有三项：一是A；二是B)
# …and 01 before a space (the normalizer keeps that space only after a number opening its line)
_ENUMERATOR = re.compile(
    rf"(?:[（(][一二三四五六七八九十\d]{{1,3}}[）)]|\d{{1,3}}[.、．]|\d{{1,3}}[ \u3000](?=[\u4e00-\u9fff])"
    rf"|[一二三四五六七八九十]{{1,3}}[、．是]|其[一二三四五六七八九十]{{1,3}}[，,、：:]|[{BULLETS}\-*①-⑳])\s*"
)


# A group's heading, for tables and lists alike: 一、社会保障类（5项）. Its count note comes off.
HEADING_MARK = r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])"
COUNT_NOTE = r"[（(]\s*共?\s*(?P<count>[0-9一二三四五六七八九十百]+)\s*[项个]\s*[）)]"
# a category heading: its mark (maybe), a name ending in 类, its count (maybe)
CATEGORY_HEAD = rf"{HEADING_MARK}?[ \t]*(?P<category>[\u4e00-\u9fff]{{1,10}}类)(?:{COUNT_NOTE})?"


def unnumbered(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A piece without its enumerator: （一）住房公积金汇缴 -> 住房公积金汇缴."""
    start, end = span
    number = _ENUMERATOR.match(text, start, end)
    return (number.end(), end) if number else span


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _QUOTES or text[start] in DECORATIONS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTES or text[end - 1] in DECORATIONS):
        end -= 1
    return start, end


# Marks a list sets beside a name (★ new this year, * see the note below, ▲ changed): no part of it
DECORATIONS = "★☆※*＊△▲"


def undecorated(text: str, start: int, end: int) -> tuple[int, int]:
    """The name without the marks a list sets before or after it (★异地就医备案, 户口迁移*)."""
    while start < end and text[start] in DECORATIONS:
        start += 1
    while end > start and text[end - 1] in DECORATIONS:
        end -= 1
    return start, end


def plausible(name: str) -> bool:
    has_han = re.search(r"[\u4e00-\u9fff]{2}", name) is not None
    counted = _COUNTED.match(name) is not None  # 新增22项可“跨省通办”: a count, not a name
    if _EXAMPLES_IN_BRACKETS.search(name) or inside_brackets(name, 0, len(name)):
        return False  # a category with examples, 社保（社保卡、失业保险等）, or half of a bracket
    return has_han and not counted and len(name) <= MAX_ITEM_CHARS and not re.fullmatch(r"[\d\s.]+", name)


_EXAMPLES_IN_BRACKETS = re.compile(r"[（(][^（）()]*等[）)]")
_OPENING, _CLOSING = "（(", "）)"


def inside_brackets(text: str, start: int, end: int) -> bool:
    """Is a bracket opened in text[start:end] still open at its end? (Counted in C:
    names hold few brackets, and a closer before any opener is not expected.)"""
    opened = sum(text.count(b, start, end) for b in _OPENING)
    return opened > 0 and opened > sum(text.count(b, start, end) for b in _CLOSING)


_COUNTED = re.compile(r"[\d一二三四五六七八九十百]+(?:项|个|批)")  # not 类: 二类医疗器械经营备案


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """The provinces' one-character names (provinces.tsv: code), and 港, 澳; not 内 (内蒙古's),
    which 省内通办 ends in."""
    codes = {code for row in load_table("provinces.tsv") for code in row["code"].split("|") if code}
    return frozenset((codes | {"港", "澳"}) - {"内"})


def all_services(text: str, spans: list[tuple[int, int]]) -> bool:
    """Does every name end like a service (备案, 申领, 汇缴), or open like one (申领居民身份证)?
    The check for lists that no lead verb or count vouches for."""
    return all(reads_as_service(before_bracket(text[start:end])) for start, end in spans)


def reads_as_service(name: str) -> bool:
    """异地就医备案 ends like a service; 首次申领居民身份证 opens like one (its verb first)."""
    return name.endswith(cues()["service_ending"]) or _opens_like_a_service(name)


def _opens_like_a_service(name: str) -> bool:
    """申领居民身份证, 首次申领居民身份证, 开具户籍类证明: a service verb, its object after it."""
    name = without_adverb(name)
    verb = next((v for v in cues()["opening_verb"] if name.startswith(v)), None)
    return verb is not None and len(name) - len(verb) >= 2


_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")


def before_bracket(name: str) -> str:
    """A name without what a bracket after it says: 参保登记（单位）, …转移接续（含异地）."""
    return _TRAILING_BRACKET.sub("", name)


def at_weak_separators(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "事项具体为：A，B，C。" or "…：A/B/C" (or A｜B｜C): a colon list written with commas or slashes is one
    piece to the separators; it is its names where every piece between them ends like a
    service (社会保障卡申领/补换 keeps its slash: 补换 alone is no name)."""
    if len(spans) != 1:
        return spans
    start, end = spans[0]
    for separator in _WEAK_SEPARATORS:
        pieces, cursor = [], start
        for mark in separator.finditer(text, start, end):
            pieces.append((cursor, mark.start()))
            cursor = mark.end()
        pieces.append((cursor, end))
        # a slash may join bare verbs to the name before them (申领/补换); commas set names apart
        bare = separator is _SLASH and any(names_no_object(text[a:b]) for a, b in pieces)
        named = not bare and all(names_an_item(text[a:b]) for a, b in pieces)
        if len(pieces) >= 2 and named and all_services(text, pieces):
            return pieces
    return spans


_SLASH = re.compile(r"[ \u3000]*[/／|｜][ \u3000]*")  # a bar too, blanks around it: 户口迁移 | 居民身份证换领
_WEAK_SEPARATORS = (re.compile(r"[，,][ \u3000]*"), _SLASH)
