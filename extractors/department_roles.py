"""Department roles: what a cue around a name makes its body do.

A cue after a name (省医保局牵头, …配合, …负责) wins; else an agent cue before it
(由A、B在6月底前完成, 请各市…); else the last cue before it in its sentence (责任单位：…,
会同…). A list of names shares the cue after it (A、B配合), past a comma when a name
follows (C牵头，A、B，各市政府配合) and past a name no gazetteer knows that ends like a
body (团省委). The cues are ``data/department_roles.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from extractors.datafiles import load_table
from extractors.head_lines import ending_pattern, not_body_endings
from extractors.records import DepartmentMention
from extractors.text import alternation, mark_before

CLAUSE_END = re.compile(r"[，。；：\n,;:]")
_SENTENCE_MARKS = "。；;\n"
LIST_JOINERS = "、和及与"


class Located(Protocol):
    """A name's place in the text: its start and end."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], dict[str, str]]:
    """(cues after the name, longest first; cues before it)."""
    rows = load_table("department_roles.tsv")
    after_rows = sorted((r for r in rows if r["position"] == "after"), key=lambda r: len(r["cue"]), reverse=True)
    after = {r["cue"]: r["role"] for r in after_rows}
    before = {r["cue"]: r["role"] for r in rows if r["position"] == "before"}
    return after, before


def after_cues() -> tuple[str, ...]:
    """The role words that follow a name (牵头, 负责, 配合…), longest first."""
    return tuple(_cues()[0])


@lru_cache(maxsize=1)
def _agent_cues() -> dict[str, str]:
    return {r["cue"]: r["role"] for r in load_table("department_roles.tsv") if r["position"] == "agent"}


def _agent_role(text: str, match: Located, ends: dict[int, int]) -> str | None:
    """ "由A、B在6月底前完成", "交由各市人民政府组织实施": names right after an agent
    cue do what the clause says, whatever its verb. Only names and joiners may stand
    between the cue and this name, so 由于 and a 由 of an earlier clause never count."""
    head_start = mark_before(text, match.start, ",，" + _SENTENCE_MARKS)
    for cue, role in _agent_cues().items():
        at = text.rfind(cue, head_start, match.start)
        if at < 0 or (cue == _PLEASE and at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff"):
            continue  # the 请 of 申请 or 邀请 asks nobody
        if _only_names_between(text, at + len(cue), match.start, ends):
            return role
    return None


_PLEASE = "请"  # "请各市医保局…": asks the names after it, where it opens its clause


def _only_names_between(text: str, start: int, end: int, ends: dict[int, int]) -> bool:
    position = start
    while position < end:
        if text[position] in LIST_JOINERS:
            position += 1
        elif position in ends:
            position = ends[position]
        else:
            return False
    return position == end


def _joined_by(text: str, start: int, ends: dict[int, int]) -> bool:
    """Does 会同 stand before the name, with only names of its list between?"""
    joined = text.rfind(_JOINED_BY, max(0, start - 80), start)
    return joined >= 0 and _only_names_between(text, joined + len(_JOINED_BY), start, ends)


@lru_cache(maxsize=1)
def _between() -> re.Pattern[str]:
    """Words between the names and a cue after them: "…市场监管总局等按职责分工负责"."""
    # a person of the body (负责同志, 主要领导) stands between too: 市医保局主要负责同志牵头
    words = [r["cue"] for r in load_table("department_roles.tsv") if r["position"] in ("between", "person")]
    return re.compile(rf"^(?:{alternation(words)})*")


def role_of(text: str, match: Located, ends: dict[int, int]) -> str:
    """The role of the name at ``match``; ``ends`` maps every name's start to its end."""
    after_cues, before_cues = _cues()
    if _joined_by(text, match.start, ends):
        return before_cues[_JOINED_BY]  # "由A会同B、C负责": B and C cooperate, whatever follows
    tail_span = _tail_span(text, match, ends)
    tail = _between().sub("", text[tail_span[0] : tail_span[1]], count=1)
    # 牵头：区市场监管局配合：区政务服务中心 (a cell's two lines run together): a cue with a colon
    # after it labels the names that follow, not the one before
    labels_next = text[tail_span[1] : tail_span[1] + 1] in ("：", ":")
    for cue in after_cues:
        if tail.startswith(cue) and not (labels_next and tail == cue):
            return after_cues[cue]
    said = _says().match(text, match.end)
    if said:
        return after_cues[said.group("cue")]
    if _leads_the_next_clause(text, tail_span, ends):
        return "lead"  # "A要高度重视，会同B抓好落实": A is who 会同 has
    dated = _dated_task().match(_between().sub("", text[tail_span[0] : _sentence_end(text, tail_span[0])], count=1))
    if dated and _time_word().search(dated.group("time")):  # 在窗口前完成 is a place
        return _dated_verbs()[dated.group("verb")]
    agent = _agent_role(text, match, ends)
    if agent:
        return agent
    if _closes_a_line_note(text, match, ends):
        return "responsible"  # "3.异地就医结算备案（市医保局）": the body that handles the line's item
    head = _head_before(text, match)
    best, best_at = "mentioned", -1
    for cue, role in before_cues.items():
        at = head.rfind(cue)
        if at > best_at:
            best, best_at = role, at
    if best_at >= 0 and _a_subject_noun(head, best_at, before_cues):
        return "mentioned"
    return best


def _a_subject_noun(head: str, at: int, before_cues: dict[str, str]) -> bool:
    """ "各牵头单位的具体实施方案…报送市政府": the cue is the subject of its own clause,
    no label over names: a word of the clause (的, 要, 将) right after it, or the time it
    acts by (各牵头单位于5月19日前将方案报区政务服务中心, …在6月底前…, …务必…). A cue after
    各 is a collective of units, which no label is (请各责任单位按照时间节点…报区数据资源管理局)."""
    cue = max((c for c in before_cues if head.startswith(c, at)), key=len)
    return head[at + len(cue) : at + len(cue) + 1] in _SUBJECT_NEXT or head[at - 1 : at] == _EACH


_SUBJECT_NEXT = tuple("的要将应须于在务")
_EACH = "各"


@lru_cache(maxsize=1)
def _says() -> re.Pattern[str]:
    """ "A表示，下一步将会同B…": what a body says it will do, right after its name or its
    speaker (A相关负责人表示), or in a sound bite of one of its officials (A副局长 李华：我们将会同B…)."""
    rows = load_table("department_roles.tsv")
    says = alternation([r["cue"] for r in rows if r["position"] == "says"])
    then = alternation([r["cue"] for r in rows if r["position"] == "says_then"])
    speaker = alternation([r["cue"] for r in rows if r["position"] == "speaker"])
    title = alternation([r["cue"] for r in rows if r["position"] == "title"])
    we = alternation([r["cue"] for r in rows if r["position"] == "we"])
    cue = alternation(_cues()[0])
    # a sound bite: the title, the speaker's own name (a space may part them), maybe 说, a colon
    bite = rf"(?:{title})[ \u3000]?[\u4e00-\u9fff]{{2,3}}(?:{says})?[：:]“?"
    said = rf"(?:(?:{speaker})?(?:{says})[，,：:]“?|{bite})"
    return re.compile(rf"{said}(?:{then})?[，,]?(?:{we})?(?:还将|将)?(?P<cue>{cue})")


@lru_cache(maxsize=1)
def _dated_verbs() -> dict[str, str]:
    return {r["cue"]: r["role"] for r in load_table("department_roles.tsv") if r["position"] == "dated_verb"}


@lru_cache(maxsize=1)
def _time_word() -> re.Pattern[str]:
    """What a time limit holds: a digit or a unit of time, or the verb of the document's own day
    (本通知印发后10日内: ``issue_verb`` in deadline_markers.tsv)."""
    issue_verbs = [r["marker"] for r in load_table("deadline_markers.tsv") if r["position"] == "issue_verb"]
    return re.compile(rf"[0-9０-９年月日底末季周旬天]|工作日|{alternation(issue_verbs)}")


_DATE_REACH = 16  # 在2022年12月31日前: the longest time phrase between a name and its verb


@lru_cache(maxsize=1)
def _dated_task() -> re.Pattern[str]:
    """ "A要在2022年底前实现…", "A于6月底前完成…", "A要在本通知印发后10日内公开…": a time
    limit (…前, or a count of days or months and 内: not 在全省范围内, a place), then the verb
    that completes the task, after the words that may stand between a name and its cue are gone."""
    verbs = alternation(_dated_verbs())
    adverbs = alternation(r["cue"] for r in load_table("department_roles.tsv") if r["position"] == "dated_adverb")
    limit = r"(?:前|(?:日|天|周|个月|月|工作日)内)"
    # where the task is done may stand between the limit and its verb (…10日内在本部门门户网站公开)
    where = r"(?:在[^，。；：,;:\n]{2,14}?(?:网站|网|平台|系统)(?:上)?)?"
    # not a verb before 的: "在年底前发布的通知中" names a thing, it sets no task
    # what the verb acts on may come first, after 将 (于次月5日前将上月情况报送…)
    handled = r"(?:将[^，。；：,;:\n]{1,16}?)?"
    # a short clause with no subject of its own may come first: "A、B等部门要加强协作，于6月底前完成…"
    # (not what a speaker says: "A表示，于6月底前完成了…" reports)
    says = alternation(r["cue"] for r in load_table("department_roles.tsv") if r["position"] == "says")
    first = rf"(?:(?![^，。；：,;:\n]*?(?:{says})[，,])[^，。；：,;:\n]{{1,12}}[，,])?"
    # whom it goes to may stand before the verb (每月10日前向省医疗保障局报送)
    to = r"(?:向[^，。；：,;:\n]{1,20}?)?"
    # the time may follow the name with no 在 or 于 when it opens with a year or 每 (A每月10日前报送, A2024年底前完成)
    when = rf"(?:[在于]|(?=[0-9]{{4}}年|每))(?P<time>[^，。；：,;:\n]{{2,{_DATE_REACH}}}?){limit}"
    return re.compile(rf"{first}{when}{where}{handled}{to}(?:{adverbs})?(?P<verb>{verbs})(?!的|了)")


_NOTE_REST = re.compile(r"[，,；;][^（）()\n]*[）)]$|[）)]$", re.M)  # …，2022年6月底前） to the line's end


def _closes_a_line_note(text: str, match: Located, ends: dict[int, int]) -> bool:
    """Is the name inside a bracket of names that ends its line ("…备案（市医保局、市卫健委）"),
    maybe with the item's time limit after them ("…备案（市医保局，2022年6月底前）")?"""
    line_start = text.rfind("\n", 0, match.start) + 1
    opened = max(text.rfind("（", line_start, match.start), text.rfind("(", line_start, match.start))
    if opened < 0 or not _only_names_between(text, opened + 1, match.start, ends):
        return False
    return _NOTE_REST.match(text, _tail_after_names(text, match.end, ends)) is not None


def _tail_after_names(text: str, end: int, ends: dict[int, int]) -> int:
    """Where a list of names that starts at a name ending at ``end`` stops."""
    while end < len(text):
        if text[end] in LIST_JOINERS and end + 1 in ends:
            end = ends[end + 1]
        else:
            break
    return end


# "A、B等省有关部门和C按职责分工负责": a list may close on a collective of its kind.
COLLECTIVE_NOUNS = ("部门", "单位", "机构", "机关", "处室", "科室")  # the nouns a class of bodies ends in
_COLLECTIVE = re.compile(rf"等[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(COLLECTIVE_NOUNS)})")


_JOINED_BY = "会同"


_MODALS = tuple("要应须将务")  # what opens a name's own clause as its predicate: 要高度重视
_OWN_CLAUSE_REACH = 12  # characters of that clause: 要高度重视, 要切实履行职责


@lru_cache(maxsize=1)
def _next_clause_lead() -> re.Pattern[str]:
    leads = alternation([cue for cue, role in _cues()[0].items() if role == "lead"])
    return re.compile(rf"[，,](?:并|还要|还将|要|将|积极|主动)?(?:{leads})")


def _leads_the_next_clause(text: str, tail: tuple[int, int], ends: dict[int, int]) -> bool:
    """A name whose own short clause (``tail``: 要高度重视) is followed by one that opens with a
    lead cue and no name of its own (，会同B…): that clause's subject is the name."""
    start, end = tail
    if not text.startswith(_MODALS, start) or end - start > _OWN_CLAUSE_REACH:
        return False
    if any(start < at < end for at in ends):
        return False  # 要加强与市公安局沟通，会同…: whose clause it is, the names do not say
    return _next_clause_lead().match(text, end) is not None


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence holding ``start`` ends: its 。 or ； or line break, or the text's end.
    A dated task may go on past a comma ("A要加强协作，于6月底前完成…")."""
    found = _SENTENCE_END.search(text, start)
    return found.start() if found else len(text)


_SENTENCE_END = re.compile(r"[。；;\n]")


def _tail_span(text: str, match: Located, ends: dict[int, int]) -> tuple[int, int]:
    """What follows the name in its clause, skipping a list of further names
    (``ends``: start -> end of every mention) and a collective that closes it:
    in "A、B配合" and "A、B等有关部门配合" the cue belongs to A too. A comma with a
    name right after it goes on with the list: in "C牵头，A、B，各市政府配合" A
    and B cooperate."""
    end = match.end
    while True:
        before_joiners = end
        while end < len(text) and text[end] in LIST_JOINERS:
            end += 1
        if end + 1 in ends and text[end] in "，,":
            end += 1
        if end not in ends and end > match.end:
            past = _past_unknown_name(text, end)
            if past != end:
                end = past
                continue
        if end in ends:
            end = ends[end]
            continue
        other_name = _bracketed_name_end(text, end, ends)
        if other_name:
            end = other_name  # 市行政审批服务局（市政务服务中心）负责: one body's two names
            continue
        collective = _COLLECTIVE.match(text, end)
        if collective:
            end = collective.end()
            continue
        end = before_joiners  # "省税务局、认真落实部署": no name after the 、, so no cue of this name's
        break
    clause = CLAUSE_END.search(text, end)
    return end, clause.start() if clause else len(text)


def _bracketed_name_end(text: str, end: int, ends: dict[int, int]) -> int | None:
    """Past a bracket holding one name only, right at ``end`` (…局（市政务服务中心）), or past the
    closing bracket of the one that holds the name ending at ``end``; else None."""
    if text[end : end + 1] in ("（", "(") and end + 1 in ends:
        closing = ends[end + 1]
        return closing + 1 if text[closing : closing + 1] in ("）", ")") else None
    if text[end : end + 1] in ("）", ")") and any(
        text[start - 1 : start] in ("（", "(") and stop == end for start, stop in ends.items()
    ):
        return end + 1
    return None


@lru_cache(maxsize=1)
def _unknown_name() -> re.Pattern[str]:
    """A run of characters up to the next 、 or to a cue after names (…、市供电局配合)."""
    cues = alternation(["等", *_cues()[0]])
    return re.compile(rf"[\u4e00-\u9fff（）()]{{2,20}}?(?=、|{cues})")


def _past_unknown_name(text: str, start: int) -> int:
    """Past a name the gazetteers do not know, in a list: "A、团省委、B配合" and
    "A、市供电局配合" still give A the cue. It must end like a body and be followed by 、
    or by the cue."""
    unknown = _unknown_name().match(text, start)
    if unknown is None or not _BODY_END.search(unknown.group()) or unknown.group().endswith(not_body_endings()):
        return start
    return unknown.end()


_BODY_END = ending_pattern("addressee", "issuer", "member")


def _head_before(text: str, match: Located) -> str:
    """The sentence so far: from the last 。 ； or line break before the name."""
    start = mark_before(text, match.start, _SENTENCE_MARKS)
    return text[start : match.start]


# "注：排在第一位的为牵头单位，其他为配合单位": a plan's convention for its lists of units.
# Looked for from its end: a literal the regex engine scans for quickly.
_LEADS_END = re.compile(r"[为是]牵头(?:单位|部门)")
_FIRST_BEFORE = re.compile(r"(?:第一位|第一个|第一|首位)的?(?:单位|部门)?$")
_FIRST_REACH = 8  # 第一位的单位 before 为牵头单位
_OTHERS_COOPERATE = re.compile(r"其[他余](?:单位|部门)?(?:为|是)配合(?:单位|部门)")
_LIST_OPENERS = "：:\t\n（("  # what stands before a list of units: a label, a cell, a bracket
_NAME_JOINERS = "、，,和及与"


def first_named_leads(text: str, mentions: list[DepartmentMention]) -> list[DepartmentMention]:
    """Where a plan says the first unit of each list leads (排在第一位的为牵头单位), the
    first name of each list of responsible units leads, and, where it says so, the others
    cooperate. A list opens after a label, in a cell or in a bracket."""
    if not any(_FIRST_BEFORE.search(text, max(0, end.start() - _FIRST_REACH), end.start()) for end in _LEADS_END.finditer(text)):
        return mentions
    others = "cooperate" if _OTHERS_COOPERATE.search(text) else "responsible"
    result: list[DepartmentMention] = []
    in_list = False
    for index, mention in enumerate(mentions):
        joined = index > 0 and text[mentions[index - 1].span[1] : mention.span[0]] in _NAME_JOINERS
        in_list = mention.role == "responsible" and ((in_list and joined) or _opens_a_list(text, mention.span[0]))
        if in_list:
            mention = replace(mention, role=others if joined else "lead")
        result.append(mention)
    return result


def _opens_a_list(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u3000")
    return not before or before[-1] in _LIST_OPENERS
