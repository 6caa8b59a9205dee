"""Which place a bare 省, 市 or 县 in a notice means: the issuer's own.

"省医保局" in a notice of 广东省医疗保障局 is Guangdong's; "市住建局" in a notice
of 遂宁市人民政府 is Suining's. The issuer's place is read from its name
(广东省…, 遂宁市…, 邯郸市丛台区…). An issuer that says only 省 (省人民政府) is
named by its document number's short name instead: 鄂政发 -> 湖北省. Cities
number their documents with their own short names (宁政发 is Nanjing's, not
Ningxia's), so a number is read only for an issuer that is a province's own body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.datafiles import load_aliases, load_list, load_table

# Up to the last city-level word: 邯郸市 of 邯郸市丛台区, 某州市 (not 某州) of 某州市.
_CITY = re.compile(r"^.+(?:自治州|地区|市|州|盟)")
_COUNTY_UNIT = re.compile(r"[^市州盟县区旗]{1,6}(?:县|区|旗)$")  # 丛台区 of 邯郸市丛台区
# The characters a level of place is named by, bare: 省, 市, 县 … (市政府办公室 names no place of its own).
LEVEL_CHARS = "省市县区州盟旗乡镇村"
# The class words that stand for the issuer's own place, by the level they name.
# 本市 and 我市 are the issuer's city too (我市人社局 in a city's notice).
_LEVEL_WORDS = {
    "省": ("省", "省级", "本省", "我省"),
    "市": ("市", "市级", "本市", "我市"),
    "县": ("县", "县级", "本县", "我县"),
    "区": ("区", "本区", "我区"),
}


_SHORT_CITY_LENGTHS = (5, 4, 3, 2)  # 乌鲁木齐 … 嘉兴, longest first


@lru_cache(maxsize=1)
def short_city_names() -> dict[str, str]:
    """{short name: full name} of cities news pages name without 市 (嘉兴: 嘉兴市)."""
    return {row["short"]: row["full"] for row in load_table("cities.tsv") if row["short"]}


def short_city_before(text: str, end: int) -> str | None:
    """The city's short name that ends at ``end`` (嘉兴 of 嘉兴公安局), longest first."""
    names = short_city_names()
    for length in _SHORT_CITY_LENGTHS:
        if end >= length and text[end - length : end] in names:
            return text[end - length : end]
    return None


_LONGEST_PLACE = 8  # characters of a province's or a city's full name (新疆维吾尔自治区)


def known_place_before(text: str, end: int) -> tuple[str, int] | None:
    """(full name, start) of the province, city or county named right before ``end``, in full
    (珠海市, 浏阳市) or by a city's short name (广州: 广州市), longest first."""
    for length in range(min(_LONGEST_PLACE, end), 1, -1):
        if is_known_place(text[end - length : end]) or is_known_county(text[end - length : end]):
            return text[end - length : end], end - length
    short = short_city_before(text, end)
    return (short_city_names()[short], end - len(short)) if short else None


@lru_cache(maxsize=1)
def _city_provinces() -> dict[str, str]:
    """{city's full name: its province} (济南市: 山东省), for an issuer that names no province."""
    return {row["full"]: row["province"] for row in load_table("cities.tsv")}


def opens_with_known_place(place: str) -> bool:
    """Does the place open with a province's or a city's full name (襄阳市襄州区, 河北省邯郸市…)?"""
    return place.startswith(_known_places())


def opens_with_known_county(place: str) -> bool:
    """Does the place open with a county-level district's, county's or banner's full name of
    three characters or more (岳麓区, 长沙县, 达尔罕茂明安联合旗)?"""
    return place.startswith(_known_counties())


@lru_cache(maxsize=1)
def _known_counties() -> tuple[str, ...]:
    return load_list("counties.txt")


def is_known_county(place: str) -> bool:
    """Is it a county-level place's full name of three characters or more (浏阳市, 岳麓区)?"""
    return place in _known_county_set()


@lru_cache(maxsize=1)
def _known_county_set() -> frozenset[str]:
    return frozenset(_known_counties())


def is_known_place(place: str) -> bool:
    """Is it a province's or a city's full name (江苏省, 宿迁市)?"""
    return place in _known_place_set()


@lru_cache(maxsize=1)
def _known_place_set() -> frozenset[str]:
    return frozenset(_known_places())


@lru_cache(maxsize=1)
def _known_places() -> tuple[str, ...]:
    return (*_city_provinces(), *sorted(set(provinces().values())))


def with_full_city(place: str) -> str:
    """A place that ends in a city's short name gets the city's full name: 湖州 -> 湖州市,
    浙江省湖州 -> 浙江省湖州市. The short name must be the place's whole last level
    (what comes before it is nothing, a province or a level word)."""
    names = short_city_names()
    for length in _SHORT_CITY_LENGTHS:
        head, tail = place[:-length], place[-length:]
        if len(place) >= length and tail in names and (not head or head[-1] in LEVEL_CHARS or head in provinces()):
            return head + names[tail]
    return place


def without_own_province(place: str) -> str:
    """A city's place with its province before it, as the city alone: 福建省龙岩市 -> 龙岩市,
    四川省成都市武侯区 -> 成都市武侯区. A city's name is one in the country, so the province adds
    nothing, and one body written both ways must have one canonical name. Only when the city is
    that province's."""
    for province in set(provinces().values()):
        if place.startswith(province) and len(place) > len(province):
            rest = place[len(province) :]
            city = next((c for c in _cities_by_length() if rest.startswith(c)), None)
            return rest if city is not None and _city_provinces()[city] == province else place
    return place


@lru_cache(maxsize=1)
def _cities_by_length() -> tuple[str, ...]:
    return tuple(sorted(_city_provinces(), key=len, reverse=True))


def provinces() -> dict[str, str]:
    """{name or short form: full name} (广东: 广东省)."""
    return load_aliases("provinces.tsv", canonical="name")


@lru_cache(maxsize=1)
def _province_codes() -> dict[str, str]:
    """{short name in document numbers: province} (鄂: 湖北省)."""
    codes = {}
    for row in load_table("provinces.tsv"):
        for code in filter(None, row["code"].split("|")):
            codes[code] = row["name"]
    return codes


def home_places(issuer: str | None, issuer_place: str | None, number: str | None) -> dict[str, str]:
    """{class word: place} for the issuer: 省 -> 广东省; for a city's body also
    市 -> 遂宁市; for a county's or district's 县 / 区 -> the county or district.
    ``issuer_place`` is the place part of a local issuer's name (邯郸市丛台区), if any."""
    home: dict[str, str] = {}
    province = _issuer_province(issuer, number)
    if province and not province.endswith("市"):  # a municipality (重庆市) has no 省: 省 beside it is another's
        home.update(dict.fromkeys(_LEVEL_WORDS["省"], province))
    place = issuer_place or ""
    if province and place.startswith(province):
        place = place[len(province) :]
    if place in ("省", "自治区"):  # 自治区人民政府办公厅 named by its number: no place below the region
        place = ""
    if province and province.endswith("市"):  # 北京市: a municipality is its own city
        home.update(dict.fromkeys(_LEVEL_WORDS["市"], province))
    if province and province.endswith("自治区") and not place:  # a region's own body: 自治区人社厅, 区直
        home.update({"自治区": province, "区": province})
    city = _CITY.match(_COUNTY_UNIT.sub("", place))
    if city:
        home.update(dict.fromkeys(_LEVEL_WORDS["市"], (province or "") + city.group()))
    if city and not province and _city_provinces().get(city.group()):  # 省医保局 in a notice of 济南市: 山东省's
        home.update(dict.fromkeys(_LEVEL_WORDS["省"], _city_provinces()[city.group()]))
    for level in ("县", "区"):
        if place.endswith(level) and place != level:
            home.update(dict.fromkeys(_LEVEL_WORDS[level], (province or "") + place))
    unit = _COUNTY_UNIT.search(place)
    if city and unit and unit.start() > 0:  # 立山区 in a notice of 鞍山市立山区: that district
        home[unit.group()] = (province or "") + place
    return home


@lru_cache(maxsize=1)
def _province_names() -> re.Pattern[str]:
    """Provinces by their full names only (河北省, not 河北: a short form may be a word's part)."""
    names = sorted({name for name in provinces().values() if name.endswith("省")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def with_sole_province(home: dict[str, str], text: str, others: frozenset[str] = frozenset()) -> dict[str, str]:
    """A bare 省 whose issuer names no province (白水县人民政府办公室 forwarding 陕西省…) is
    the one province the text names, if it names exactly one (``others`` not counted)."""
    if "省" in home:
        return home
    named = set(_province_names().findall(text)) - others
    if len(named) != 1:
        return home
    return {**dict.fromkeys(_LEVEL_WORDS["省"], named.pop()), **home}


_OWN_PROVINCE = re.compile("|".join(word for word in _LEVEL_WORDS["省"] if word[0] in "本我"))  # 我省, 本省
_PARTNERS = re.compile(rf"(?:{_OWN_PROVINCE.pattern})[与和同及][^，。；,;\n]{{0,20}}")  # 我省与陕西省、宁夏…: the others


def with_own_province(home: dict[str, str], text: str) -> dict[str, str]:
    """A page with no issuer that speaks for a province (我省, 本省: a provincial paper's report)
    means that province by a bare 省: the one it names in full, the partners it works with
    (我省与陕西省…) left out. A page that does not say 我省 may report on any province."""
    if "省" in home or _OWN_PROVINCE.search(text) is None:
        return home
    partners = frozenset(name for stretch in _PARTNERS.findall(text) for name in _province_names().findall(stretch))
    home = with_sole_province(home, text, partners)
    if "省" in home or _province_names().search(text):
        return home
    province = _province_of_cities(text)  # 我省…平凉、庆阳、陇南等5个市州: 甘肃省
    return {**dict.fromkeys(_LEVEL_WORDS["省"], province), **home} if province else home


def _province_of_cities(text: str) -> str | None:
    """The one province of the cities a text names by their short names, when it names at
    least two and all of one province. A short name that is also a word (大同, 安康) only
    adds a province, which makes the answer none, never a wrong one."""
    named = [full for short, full in short_city_names().items() if short in text]
    found = {_city_provinces()[full] for full in named}
    return found.pop() if len(found) == 1 and len(named) >= 2 else None


def signers_of(issuer: str | None) -> list[str]:
    """A joint notice's issuer names its signers separated by spaces (甲市人民政府办公室
    乙县人民政府办公室); a tab is no separator (a label cell run into the title)."""
    if not issuer:
        return []
    return [issuer] if "\t" in issuer else issuer.split(" ")


def _issuer_province(issuer: str | None, number: str | None) -> str | None:
    """The issuer's province. Joint issuers ("浙江省桐乡市… 江苏省如东县…") share one or
    name none: "省" in a notice of two provinces' bodies is neither's."""
    if not issuer:
        return None
    signers = signers_of(issuer)
    if len(signers) > 1:
        found = {_one_province(signer, number) for signer in signers} - {None}
        return found.pop() if len(found) == 1 else None  # a central body beside them names none
    return _one_province(issuer, number)


def _one_province(issuer: str, number: str | None) -> str | None:
    for name in sorted(provinces(), key=len, reverse=True):
        if issuer.startswith(name):
            return provinces()[name]
    if issuer.startswith(("省", "自治区")) and number:
        return _province_codes().get(number[0])
    return None
