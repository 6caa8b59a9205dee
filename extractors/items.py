"""Service items (事项) from enumerations and from item tables.

Enumerations: "…、医保电子凭证申领等 16 个事项基本实现“跨省通办、省内通办”". The
counter after 等 must count *items*: 个 needs a counter noun (事项), and 项 must
not be followed by a noun that says the list is of something else (等20余项内容).
The list runs back to its clause start or to a lead verb (包括, 实现), and the
stated count is checked against what was found.

Scope lists: "实现A、B“跨省通办”" names items with no count; a lead verb must open
the list and generic names (政务服务事项) are dropped.

Tables: a tab-separated header with an item-name column (事项名称, 服务事项, …; or
主项 / 子项), 通办目标, 通办业务模式.
Each data row is one item with its main item and scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.dates import to_int
from extractors.records import ItemCountCheck, ItemMention
from extractors.tables import looks_like_header
from extractors.text import overlaps

# 等16个事项; 等在内的 / 等事项在内的115个事项 (包括A、B等事项在内的…).
_COUNTER = re.compile(
    r"等(?:[\u4e00-\u9fff]{0,6}?在内的)?(?P<batch>第[一二三四五六七八九十0-9]+批)?(?P<count>[0-9]+|[一二三四五六七八九十百两]+)(?P<more>余|多)?(?P<unit>个|项)"
)
_CLAUSE_MARKS = "，,。；;：:\n！？"
_CLAUSE_START = re.compile(f"[{_CLAUSE_MARKS}]")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_ITEM_SEPARATORS = re.compile(r"[、；;﹔]")
_QUOTES = "“”‘’\"'「」『』"
_MAX_ITEM_CHARS = 40
_QUOTED_SCOPE = re.compile(r"^[“\"]?[^”\"]{0,12}[”\"]?")


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for row in load_table("item_cues.tsv"):
        grouped.setdefault(row["type"], []).append(row["cue"])
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in grouped.items()}


def extract_items(text: str, skip: list[tuple[int, int]] = ()) -> tuple[list[ItemMention], list[ItemCountCheck]]:
    """Items and count checks; spans inside ``skip`` (flagged mojibake) are ignored."""
    items: list[ItemMention] = []
    checks: list[ItemCountCheck] = []
    for group, match in enumerate(_COUNTER.finditer(text)):
        listed = _enumeration(text, match, group)
        listed = [item for item in listed if not overlaps(item.span, skip)]
        if listed:
            items.extend(listed)
            stated = listed[0].stated_count
            if stated is not None and match.group("more") is None:
                checks.append(ItemCountCheck(stated, len(listed), match.span()))
    items.extend(_kinds_items(text, first_group=len(items) + 1))
    scoped = _scope_lists(text, first_group=len(items) + 1, taken=[i.span for i in items])
    items.extend(item for item in scoped if not overlaps(item.span, skip))
    items.extend(_table_items(text, first_group=len(items) + 1))
    return items, checks


_JOINT_REACH = 16  # the longest joint: 等高频政务服务事项纳入“
_AFTER_SCOPE = re.compile(r"[”\"]?(?:$|[，,。；;：:！？\n]|(?P<range>范围))")
_DESCRIPTIVE = re.compile(r"[的《》“”\"]|^[与和及对在为将把从向]")


@lru_cache(maxsize=1)
def _before_scope() -> re.Pattern[str]:
    """Between a list and its scope: "…等高频事项“跨省通办”" (a counter noun), "将…纳入“省内通办”"."""
    nouns = "|".join(map(re.escape, _cues()["counter_noun"]))
    return re.compile(rf"(?:等(?:{nouns})?)?(?P<into>纳入)?[“\"]?$")


@lru_cache(maxsize=1)
def _scope_group() -> re.Pattern[str]:
    """One or more scopes joined by 、: “跨省通办、省内通办”."""
    scope = "|".join(map(re.escape, _cues()["scope"]))
    return re.compile(rf"(?:{scope})(?:[、和及](?:{scope}))*")


def _scope_lists(text: str, first_group: int, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """Lists with no count that a sentence ends by giving a 通办 scope:
    "实现养老保险关系转移接续、职业资格证书核验“跨省通办”。" A lead verb must open
    the list; a scope that qualifies a noun ("跨省通办"合作, 窗口, 事项) does not
    count, and neither does a list with any piece that is a description (…相关的…),
    a generic phrase (政务服务事项) or a category (工作类事项)."""
    items: list[ItemMention] = []
    for group, marker in enumerate(_scope_group().finditer(text), start=first_group):
        joint = _before_scope().search(text, max(0, marker.start() - _JOINT_REACH), marker.start())
        after = _AFTER_SCOPE.match(text, marker.end())
        if after is None or (after.group("range") and not (joint and joint.group("into"))):
            continue
        list_end = joint.start() if joint else marker.start()
        list_start = _list_start(text, list_end)
        if not _opens_with_lead_verb(text, list_start) or overlaps((list_start, list_end), taken):
            continue
        spans = _split(text, list_start, list_end)
        if not spans or not all(_names_an_item(text[start:end]) for start, end in spans):
            continue
        clause_end = _CLAUSE_START.search(text, after.end())
        scope = tuple(_cues_in(marker.group(), "scope"))
        modes = _tags(text[marker.end() : clause_end.start() if clause_end else len(text)], "mode")
        items.extend(ItemMention(text[a:b], (a, b), "enumeration", scope=scope, modes=modes, group=group) for a, b in spans)
    return items


def _cues_in(text: str, kind: str) -> list[str]:
    """Cues in text order (_tags gives them in cue-list order)."""
    return sorted(_tags(text, kind), key=text.index)


def _names_an_item(name: str) -> bool:
    return _plausible(name) and not _generic(name) and not _DESCRIPTIVE.search(name)


def _opens_with_lead_verb(text: str, list_start: int) -> bool:
    return text[max(0, list_start - 2) : list_start].endswith(_cues()["lead_verb"])


def _generic(name: str) -> bool:
    cues = _cues()
    if name.endswith(cues["category_ending"]):
        return True
    rest = name
    for word in cues["generic_word"]:
        rest = rest.replace(word, "")
    return re.search(r"[\u4e00-\u9fff]{2}", rest) is None


_KINDS = re.compile(r"等(?:[0-9]+|[一二三四五六七八九十两]+)种(?P<name>[\u4e00-\u9fff]{4,30})")


def _kinds_items(text: str, first_group: int) -> list[ItemMention]:
    """ "高血压、糖尿病…等5种门诊慢特病相关治疗费用跨省直接结算": the list counts kinds
    (diseases), and the item is the named service after them, when it ends like one."""
    endings = _cues()["service_ending"]
    items = []
    for group, match in enumerate(_KINDS.finditer(text), start=first_group):
        name = match.group("name")
        if name.endswith(endings):
            span = match.span("name")
            items.append(ItemMention(name, span, "enumeration", scope=_tags(name, "scope"), group=group))
    return items


def _counts_items(text: str, after: int, unit: str) -> bool:
    """Does the counter at ``after`` count service items?"""
    cues = _cues()
    rest = text[after : after + 30]
    # Skip a quoted scope such as “跨省通办” between the counter and its noun.
    rest = rest[len(_QUOTED_SCOPE.match(rest).group()) :] if rest[:1] in '“"' else rest
    if any(rest.startswith(noun) for noun in cues["counter_noun"]):
        return True
    if unit == "个":
        return False
    return not any(rest.startswith(noun) for noun in cues["stop_noun"]) and not re.match(
        r"[\u4e00-\u9fff]{0,2}(?:省|市|县|区|地|人)", rest
    )


def _enumeration(text: str, match: re.Match[str], group: int) -> list[ItemMention]:
    if not _counts_items(text, match.end(), match.group("unit")):
        return []
    list_end = match.start()
    list_start = _list_start(text, list_end)
    body = text[list_start:list_end]
    if "、" not in body and "；" not in body and len(body) > _MAX_ITEM_CHARS:
        return []
    stated = to_int(match.group("count"))
    clause_end = _CLAUSE_START.search(text, match.end())
    tail = text[match.end() : clause_end.start() if clause_end else len(text)]
    if not _tags(tail, "scope"):
        # "…等115个事项，有望在10月底前实现川渝通办。": the scope comes a clause later.
        sentence_end = _SENTENCE_END.search(text, match.end())
        tail = text[match.end() : sentence_end.start() if sentence_end else len(text)]
    scope, modes, batch = _tags(tail, "scope"), _tags(tail, "mode"), match.group("batch")
    spans = _split(text, list_start, list_end)
    if stated is not None and len(spans) == stated - 1:
        spans = spans[:-1] + _split_at_he(text, *spans[-1])
    items = []
    for start, end in spans:
        name = text[start:end]
        if _plausible(name):
            items.append(
                ItemMention(
                    name, (start, end), "enumeration", scope=scope, modes=modes, stated_count=stated, group=group, batch=batch
                )
            )
    return items


def _split_at_he(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "A和B" as two items, only when the stated count says one item is missing:
    和 also sits inside names (人力资源和社会保障局)."""
    piece = text[start:end]
    if piece.count("和") != 1:
        return [(start, end)]
    at = start + piece.index("和")
    if at - start < 2 or end - at - 1 < 2:
        return [(start, end)]
    return [(start, at), (at + 1, end)]


def _list_start(text: str, end: int) -> int:
    """Back to the clause start, then forward past a lead verb (包括, 实现)."""
    window = max(0, end - 400)
    start = max(text.rfind(mark, window, end) for mark in _CLAUSE_MARKS) + 1
    first_separator = _ITEM_SEPARATORS.search(text, start, end)
    head_end = first_separator.start() if first_separator else end
    head = text[start:head_end]
    cut = 0
    for verb in _cues()["lead_verb"]:
        at = head.rfind(verb)
        if at >= 0:
            cut = max(cut, at + len(verb))
    return start + cut


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for separator in _ITEM_SEPARATORS.finditer(text, start, end):
        spans.append(_trim(text, cursor, separator.start()))
        cursor = separator.end()
    spans.append(_trim(text, cursor, end))
    return _join_shared_objects(text, [span for span in spans if span[1] > span[0]])


def _join_shared_objects(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "居民身份证换领、补领异地受理" is one item: a piece that starts with a bare
    service verb (补领, 换领) shares the object named before it."""
    verbs = _cues()["shared_verb"]
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        follows_separator = joined and text[joined[-1][1] : start] == "、"
        if follows_separator and text.startswith(verbs, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _QUOTES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTES):
        end -= 1
    return start, end


def _plausible(name: str) -> bool:
    has_han = re.search(r"[\u4e00-\u9fff]{2}", name) is not None
    return has_han and len(name) <= _MAX_ITEM_CHARS and not re.fullmatch(r"[\d\s.]+", name)


def _tags(text: str, kind: str) -> tuple[str, ...]:
    return tuple(cue for cue in _cues()[kind] if cue in text)


@dataclass(frozen=True)
class _Columns:
    main: int | None
    sub: int | None
    scope: int | None
    mode: int | None


def _header_columns(cells: list[str]) -> _Columns | None:
    def find(*words: str) -> int | None:
        for index, cell in enumerate(cells):
            if all(word in cell for word in words):
                return index
        return None

    cues = _cues()
    sub, main = find(*cues["sub_header"][:1]), find(*cues["main_header"][:1])
    if sub is None and main is None:
        for header in _cues()["name_header"]:
            sub = find(header)
            if sub is not None:
                break
    if sub is None and main is None:
        return None
    return _Columns(main, sub, find("通办目标"), find("模式"))


def _table_items(text: str, first_group: int) -> list[ItemMention]:
    items: list[ItemMention] = []
    columns: _Columns | None = None
    group = first_group
    offset, after_blank = 0, False
    header: list[str] = []
    rows_read = 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if not line.strip():
            pass  # a blank line between rows does not end the table…
        elif len(cells) < 2:
            columns = None
        elif columns is None or (after_blank and looks_like_header(cells)):  # …a new header does
            header, rows_read = cells, 0
            columns = _header_columns(cells)
            group += 1
        elif rows_read == 0 and looks_like_header(cells):  # a second header row: 事项名称 over 主项 | 子项
            header = _stacked(header, cells)
            columns = _header_columns(header) or columns
        else:
            rows_read += 1
            items.extend(_row_items(cells, offset, columns, group))
        after_blank = not line.strip()
        offset += len(line) + 1
    return items


def _stacked(upper: list[str], lower: list[str]) -> list[str]:
    """Two header rows as one: a merged upper cell repeats over its columns, so
    ["事项名称", "事项名称"] over ["主项", "子项"] reads "事项名称主项", "事项名称子项"."""
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    return [a if a.strip() == b.strip() else a + b for a, b in zip(upper, lower)]


def _cell_span(cells: list[str], index: int, line_start: int) -> tuple[int, int]:
    start = line_start + sum(len(c) + 1 for c in cells[:index])
    return _trim_cell(cells[index], start)


def _trim_cell(cell: str, start: int) -> tuple[int, int]:
    stripped = cell.strip()
    lead = len(cell) - len(cell.lstrip())
    return start + lead, start + lead + len(stripped)


def _row_items(cells: list[str], line_start: int, columns: _Columns, group: int) -> list[ItemMention]:
    def cell(index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    name_column = columns.sub if columns.sub is not None and cell(columns.sub) else columns.main
    name = cell(name_column)
    if not name or not _plausible(name):
        return []
    scope = tuple(s for s in re.split(r"[；;、,，\s]+", cell(columns.scope)) if s)
    modes = tuple(s for s in re.split(r"[；;、,，\s]+", cell(columns.mode)) if s)
    span = _cell_span(cells, name_column, line_start)
    main = cell(columns.main) or None
    return [ItemMention(name, span, "table", main_item=main, scope=scope, modes=modes, group=group)]
