"""A bracket after an item's name that says who handles the item or by when.

"户口迁移（省公安厅负责）、异地就医备案（省医保局）等事项" or "1.残疾人证迁移（市残联，2022年
6月底前）": the note is no part of the name, and the list's names end like services once it is
off. A note may also say how the item is done (异地就医备案（全程网办）): its scopes and modes go
with the item (``noted_ways``). A bracket that says what the item covers stays with the name
(医疗保障关系转移接续（含异地）, 参保登记（单位）).

A note is read from what it holds, not from a gazetteer: the item readers run before the
department finder. It names a role (责任单位：…, …负责, …牵头), ends like a body (省公安厅,
市残联, 县政务服务中心), or is a date by which the item is due. ``item_links.link_notes`` then
links the bodies the department finder found inside it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_table
from extractors.head_lines import body_endings, not_body_endings
from extractors.text import alternation

_OPENERS, _CLOSERS = "（(【[", "）)】]"  # 异地就医备案【全程网办】 as well
_NOTE_MAX = 40  # a note names a few bodies or a date; a longer bracket says more than who
_BODY_MIN = 3  # a body's name has a qualifier before its ending: 单位, 企业 alone are applicants
# a time by which the item is due: 2021年底前, 6月30日前, 今年底前, 明年上半年, 长期坚持
_DUE = re.compile(
    r"(?:\d{4}年|\d{1,2}月|今年|明年|本年|年内|年底|年末|季度|上半年|下半年)[^（）()]*(?:前|底|末|内|完成|半年)$"
    r"|^(?:长期坚持|持续推进|长期)$"
)
_NOTE_PARTS = re.compile(r"[、，,；;]")


def past_note(text: str, start: int, end: int) -> tuple[int, int]:
    """The name without a trailing note: 户口迁移（省公安厅负责） -> 户口迁移."""
    note = trailing_note(text, start, end)
    return (start, note[0]) if note else (start, end)


def trailing_note(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a note closing text[start:end], brackets included, or None."""
    if end - start < 4 or text[end - 1] not in _CLOSERS:
        return None
    opener = max(text.rfind(mark, start, end) for mark in _OPENERS)
    if opener <= start or not is_note(text[opener + 1 : end - 1]):
        return None
    return opener, end


def is_note(content: str) -> bool:
    content = content.strip()
    if not content or len(content) > _NOTE_MAX or content.startswith(_cues_of("note_covers")):
        return False
    if content in _cues_of("note_status"):
        return True  # 异地就医备案（新增）: what the list did with the item, no part of its name
    if says_only_how(content):
        return True  # 异地就医备案（全程网办）: the item's mode, no part of its name (``noted_ways``)
    if content.startswith(_role_labels()) or content.endswith(_role_verbs()) or _DUE.search(content):
        return True
    parts = [part.strip() for part in _NOTE_PARTS.split(content) if part.strip()]
    return all(names_a_body(part) or _DUE.search(part) for part in parts)


def names_a_body(part: str) -> bool:
    """Does the part end like a body's name (省公安厅, 市残联) after a qualifier?"""
    return len(part) >= _BODY_MIN and _body_ending().search(part) is not None and not part.endswith(not_body_endings())


def says_only_how(content: str) -> bool:
    """Does the bracket hold only scopes and modes (全程网办, 跨省通办、全程网办)? It says how
    the item is done. One with more words (含跨省通办事项) stays with the name."""
    rest = _ways().sub("", content)
    return rest != content and not _NOTE_PARTS.sub("", rest).strip()


def noted_ways(text: str, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(scopes, modes) a note right after a name (ending at ``end``) gives it."""
    note = note_after(text, end)
    if note is None:
        return (), ()
    content = text[note[0] + 1 : note[1] - 1]
    found = [match.group() for match in _ways().finditer(content)]
    scopes = set(_cues_of("scope"))
    return tuple(way for way in found if way in scopes), tuple(way for way in found if way not in scopes)


_NOTE_REACH = 60  # characters a note after a name may hold, its brackets included


def note_after(text: str, end: int) -> tuple[int, int] | None:
    """The note in brackets right after a name ending at ``end``, if it is one."""
    if text[end : end + 1] not in _OPENERS:
        return None
    closer = min((at for at in (text.find(mark, end) for mark in _CLOSERS) if at > 0), default=-1)
    if closer < 0 or closer - end > _NOTE_REACH:
        return None
    return trailing_note(text, end - 1, closer + 1)


@lru_cache(maxsize=1)
def _ways() -> re.Pattern[str]:
    return re.compile(alternation([*_cues_of("scope"), *_cues_of("mode")]))


@lru_cache(maxsize=4)
def _cues_of(kind: str) -> tuple[str, ...]:
    """item_cues.tsv's words of one kind, read here: item_names (which has ``cues``) imports this
    module to take notes off names, so it cannot be imported back."""
    return tuple(row["cue"] for row in load_table("item_cues.tsv") if row["type"] == kind)


@lru_cache(maxsize=1)
def _role_labels() -> tuple[str, ...]:
    """责任单位, 牵头单位, 配合： … : the role cues a list of bodies follows."""
    return tuple(row["cue"] for row in load_table("department_roles.tsv") if row["position"] == "before")


@lru_cache(maxsize=1)
def _role_verbs() -> tuple[str, ...]:
    """负责, 牵头, 配合 … : the role cues that follow a body."""
    return tuple(row["cue"] for row in load_table("department_roles.tsv") if row["position"] == "after")


@lru_cache(maxsize=1)
def _body_ending() -> re.Pattern[str]:
    """How a body's name ends, but for 办 alone (网办, 通办 and 代办 end modes, not bodies)."""
    endings = {ending for use in ("issuer", "member") for ending in body_endings(use)} - {"办"}
    return re.compile(f"(?:{alternation(sorted(endings))})$")
