"""A body's units: the section, office or station whose name follows the body's.

国家医疗保障局基金监管司, 市公安局交通警察支队车辆管理所 and 市政府督查室 are each one mention,
the unit after its body, so a match found by ``departments.py`` grows over the unit right
after it (``extended``). A ministry's own notice names its units with a bare 部 (部社保中心).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.datafiles import load_aliases
from extractors.department_roles import after_cues
from extractors.place_bounds import opens_with_stop_word
from extractors.text import alternation, overlaps


@dataclass(frozen=True)
class BodyMatch:
    """A body found in the text: its span, canonical name and, for a local body, its place."""

    start: int
    end: int
    canonical: str
    place: str = ""  # a local body's place, canonical (广东省, 各地级以上市)


# What may follow a body's name to make a longer one: its own unit (公安部 + 治安管理局, 市公安局 + 交警支队,
# 国家医疗保障局 + 基金监管司, 广东省医疗保障局 + 办公室, 中国人民银行 + 广州分行) or its departments as a class
# (国务院 + 有关部门). The unit's words never include a verb or function word, so
# "国务院办公厅印发《关于…》" or "省医保局将适时…" are not extended. A 司 or 局 before 长
# is its head's title (局长, 副局长): "省医保局局长" names 省医保局, not 省医保局局; nor is 局机关 a unit.
# up to 10 characters before the ending: 住房公积金监管司, 学生服务与素质发展中心; a government's
# offices by their names (市政府研究室, 参事室, 督查室); a housing fund centre's office for a county
# (株洲市住房公积金管理中心茶陵县管理部)
# An office written short (省政府职转办) is one only where a name ends: before a
# joiner, a clause mark or a role word (department_roles.tsv: "市政府督办，" is a verb's, and 督办
# has one character before 办). So is a city bureau's section (市医保局待遇保障科), a provincial one's
# division (省医保局待遇保障处) or a station (交通警察支队车辆管理所): 科技, 科室, 所属, 处理 open words.
@lru_cache(maxsize=1)
def _unit() -> re.Pattern[str]:
    roles = alternation(after_cues())
    return re.compile(
        r"(?P<unit>[\u4e00-\u9fff]{0,10}?(?:(?:司|局|总队|支队|大队)(?!长|机关)|中心支行|中心|办公厅|办公室|分行|支行|研究室|参事室|督查室|管理部)"
        rf"|(?:[\u4e00-\u9fff]{{2,6}}?办|[\u4e00-\u9fff]{{2,8}}?[科所处])(?=[、，。；,;（()）\s和及与在]|{roles}|$))"
        r"|(?P<cls>各?(?P<some>有关)?部门)"
    )


# 和 and 与 inside one unit's name (征管和科技发展司, 学生服务与素质发展中心) join two words; between
# two bodies (和公安部…) they join the bodies, and the unit would hold a body's word.
_JOINED_WORDS = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和与](?=[^部委厅署局司]{2,}(?:司|局|中心)$)")
# Nor 国家 (…医疗保障局国家税务总局: a signature block's columns run together).
_NOT_IN_UNIT = re.compile(
    r"关于|印发|转发|批转|抄送|发布|举行|推出|会同|牵头|配合|负责|出台|通过|国家|所属|下属|[的和与及在对将从向为要是于已等]"
)
# A local body's unit never opens with a place: "上海市卫生健康委员会上海市公安局" is two
# bodies. A central one's may: 国家税务总局上海市税务局 is the Shanghai tax bureau's name.
_PLACE_FIRST = re.compile(r"[\u4e00-\u9fff]{1,3}(?:省|自治区|市(?!场))")


def extended(text: str, match: BodyMatch, starts: set[int] = frozenset(), unsure: Sequence[tuple[int, int]] = ()) -> BodyMatch:
    """The match grown over a unit or a class of departments right after it. A local body's
    never grows over another body's name (市医保局指导各区医保局: 各区医保局 is a body of its
    own); a central one's may (国家税务总局深圳市税务局 is one body). Nor over mojibake
    (四川省公安厅…总|队?粽芾…): the body before it is still read."""
    found = _unit().match(text, match.end)
    if found is None or _NOT_IN_UNIT.search(_JOINED_WORDS.sub("", found.group())):
        return match
    if found.group("unit") and "有关" in found.group("unit"):
        return match  # 市公安局有关科所: units as a class, no unit's name (有关部门 is the class's)
    if overlaps(found.span(), unsure):
        return match
    if match.place and any(match.end <= start < found.end() for start in starts):
        return match
    if opens_with_stop_word(text, match.end) or found.group().startswith(after_cues()):
        return match  # 市医保局加快建设数据中心, …到政务服务中心, …具体承办: a verb or a role opens no unit
    if match.place and _PLACE_FIRST.match(found.group()):
        return match
    place = _PLACE_FIRST.search(found.group())
    if place and place.start() > 0:
        return match  # 卫生健康委|员会上海市公安局: a place inside is another body's
    if found.group("cls"):
        suffix = "有关部门" if found.group("some") else "部门"
        return BodyMatch(match.start, found.end(), match.canonical + suffix)
    unit = load_aliases("department_bodies.tsv").get(
        found.group(), found.group()
    )  # 市公安局交警支队: its unit's full name, 交通警察支队
    return BodyMatch(match.start, found.end(), match.canonical + unit)


def extended_twice(text: str, match: BodyMatch, starts: set[int], unsure: Sequence[tuple[int, int]]) -> BodyMatch:
    """A unit's own unit too: 市公安局 + 交通警察支队 + 车辆管理所, 国家医疗保障局 + 医疗保障事业管理中心."""
    grown = extended(text, match, starts, unsure)
    if grown.end == match.end or grown.canonical.endswith("部门"):
        return grown
    return extended(text, grown, starts, unsure)


# 部社保中心 in a ministry's own notice: a bare 部 opening a name, after no Han character
# or after a cue that a name follows (由, 请, 会同, 与, 和, 及, 向).
_BARE_MINISTRY = re.compile(r"部(?![分门署队位])")
_BEFORE_BARE_MINISTRY = "由请同与和及向"


def own_ministry_units(text: str, ministry: str) -> list[BodyMatch]:
    """A ministry names its own units with a bare 部 (部社保中心, 部信息中心 in a
    人力资源社会保障部 notice): the issuer's ministry and the unit as written."""
    if not ministry.endswith("部"):
        return []
    found = []
    for bare in _BARE_MINISTRY.finditer(text):
        before = text[bare.start() - 1] if bare.start() else ""
        if "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_BARE_MINISTRY:
            continue  # 全部, 内部, 干部: a word's 部
        unit = _unit().match(text, bare.end())
        if unit and unit.group("unit") and not _NOT_IN_UNIT.search(unit.group()) and "各" not in unit.group():
            found.append(BodyMatch(bare.start(), unit.end(), ministry + unit.group()))
    return found
