"""Where a department's place begins and which place a short or bare name means."""

from __future__ import annotations

import pytest

from extractors import extract_text
from extractors.departments import find_departments


def _canonical(text: str, issuer: str | None = None) -> list[str]:
    return [d.canonical for d in find_departments(text, issuer=issuer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news pages drop a city's 市: the registry keeps the city's full name
        ("嘉兴公安局负责户籍业务。", ["嘉兴市公安局"]),
        ("湖州卫生健康委发布通知。", ["湖州市卫生健康委员会"]),
        ("杭州市场监管局和义乌市场监管局", ["杭州市市场监督管理局", "义乌市市场监督管理局"]),
        ("浙江湖州卫健委", ["湖州市卫生健康委员会"]),  # the province adds nothing to its city
        ("延边人社局", ["延边朝鲜族自治州人力资源和社会保障局"]),
        # the county of the same name keeps its own level; the city's own name is left as written
        ("长沙县公安局和长沙公安局", ["长沙县公安局", "长沙市公安局"]),
        ("长沙市公安局", ["长沙市公安局"]),
        # county-level cities set up after the division table (宁乡县 -> 宁乡市, 2017)
        ("宁乡医保局负责。", ["宁乡市医疗保障局"]),
        ("平果市场监管局负责。", ["平果市市场监督管理局"]),
    ],
)
def test_a_city_named_without_its_level_word_gets_its_full_name(text, expected):
    assert _canonical(text) == expected


def test_a_short_name_two_provinces_share_names_no_city():
    # 朝阳市 (辽宁) and 朝阳区 (北京): the table leaves 朝阳 out, so no body is guessed
    assert _canonical("朝阳公安局发布提示。") == []


@pytest.mark.parametrize(
    "text",
    [
        "这标志着市公安局已经实现身份证跨省通办。",
        "此次进驻市公安局的户籍业务共计43项。",
        "群众看过市公安局的指南。",
        "下一步市公安局将加快推进。",  # a word of when opening the clause
        "目前市公安局已实现通办。",
    ],
)
def test_a_place_never_opens_with_a_demonstrative_or_a_particle(text):
    assert _canonical(text, issuer="济南市人民政府办公厅") == ["济南市公安局"]


def test_a_place_never_opens_with_a_verb_of_going():
    """A Sichuan news report: 来到大邑县公安局 read as a body named 来到大邑县公安局."""
    assert _canonical("王先生带着两个儿子来到大邑县公安局晋原派出所申领居民身份证。") == ["大邑县公安局"]


def test_our_city_and_this_city_are_the_issuers_own():
    text = "我市人社局、本市医保局和我省人社厅"
    assert _canonical(text, issuer="济南市人民政府办公厅") == [
        "济南市人力资源和社会保障局",
        "济南市医疗保障局",
        "山东省人力资源和社会保障厅",
    ]


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("济南市人民政府办公厅", ["山东省医疗保障局", "济南市医疗保障局"]),
        ("西安市人民政府", ["陕西省医疗保障局", "西安市医疗保障局"]),  # no short name, still a province
        ("广东省人民政府", ["广东省医疗保障局", "市医疗保障局"]),  # a province's notice: 市 is any city
        ("宁乡市人民政府办公室", ["湖南省医疗保障局", "宁乡市医疗保障局"]),  # set up in 2017
    ],
)
def test_a_citys_notice_names_its_province_for_a_bare_province(issuer, expected):
    assert _canonical("按照省医保局要求，市医保局负责。", issuer=issuer) == expected


def test_a_news_page_reads_a_bare_city_as_the_one_city_it_names():
    text = "记者从泉州市医保局获悉，下一步将会同市人社局推进，我市公安局配合。"
    assert _canonical(text) == ["泉州市医疗保障局", "泉州市人力资源和社会保障局", "泉州市公安局"]
    two = "泉州市医保局和厦门市医保局表示，市人社局将跟进。"  # two cities: the bare one stays bare
    assert _canonical(two)[-1] == "市人力资源和社会保障局"


@pytest.mark.parametrize("levels", ["市、区两级", "市区两级", "省、市两级", "市、县（区）两级", "各市州、县市区"])
def test_lists_of_levels_are_classes(levels):
    assert _canonical(f"可到{levels}政务服务中心办理。") == [f"{levels}政务服务中心"]


def test_a_page_with_no_issuer_reads_a_bare_province_by_its_publishers_place():
    text = (
        "“跨省通办”新闻发布会实录\n发布时间：2022-09-15 10:30  来源：湖北省人民政府新闻办公室\n"
        "省政府新闻办举行发布会。省政务服务管理局将会同省公安厅推出新事项。\n"
    )
    found = [(d.canonical, d.role) for d in extract_text(text).departments]
    assert found == [
        ("湖北省人民政府新闻办公室", "mentioned"),  # the label's publisher is no mention; the sentence's is
        ("湖北省政务服务管理局", "lead"),
        ("湖北省公安厅", "cooperate"),
    ]
    national = "新增事项发布\n2022-09-15 来源：人民日报\n省公安厅将推出新事项。\n"
    assert [d.canonical for d in extract_text(national).departments] == ["省公安厅"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("记者从杭州市医保局获悉，该市公安局也将推出新举措。", ["杭州市医疗保障局", "杭州市公安局"]),
        ("杭州市西湖区医保局称，该区民政局配合。", ["杭州市西湖区医疗保障局", "杭州市西湖区民政局"]),
        ("该市公安局表示。", ["该市公安局"]),  # no city before: as written
        # a district's body before: 该市 is the district's city
        ("杭州市西湖区医保局称，该市公安局也将推出新举措。", ["杭州市西湖区医疗保障局", "杭州市公安局"]),
    ],
)
def test_that_city_is_the_last_one_named_before(text, expected):
    assert _canonical(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各市、县（市、区）人民政府要加强组织领导。",
        "各市、县人民政府要加强组织领导。",
        "各市、州人力资源和社会保障局要加强组织领导。",
    ],
)
def test_cities_and_counties_together_are_one_class(text):
    assert _canonical(text) == [text[: text.index("要")]]


@pytest.mark.parametrize(
    "place_class",
    [
        "各市、州、县",
        "各市（含定州、辛集市）",
        "各市、自治州",
        "各州、市",
        "各市（地）",
        "各州、市、县（市）",
        "各市、县、自治县",
        "各地（市）",
    ],
)
def test_the_classes_provinces_address_their_cities_and_counties_by(place_class):
    """The forms provincial notices open with (Hubei's 各市、州、县, Hebei's 各市（含定州、辛集市）,
    Yunnan's 各州、市…): a task given to the class names the class, not its last level alone."""
    text = f"请{place_class}人民政府于8月底前完成。"
    assert _canonical(text) == [place_class + "人民政府"]


def test_a_cover_text_with_no_head_reads_a_bare_city_by_the_city_it_forwards():
    cover = (
        "各区县（自治县）人民政府，市政府各部门：\n"
        "《重庆市“高效办成一件事”重点事项实施工作任务》已经市政府同意，现印发给你们。\n"
        "市大数据发展局负责做好系统对接。\n"
    )
    found = [d.canonical for d in extract_text(cover).departments]
    assert found == ["重庆市人民政府", "重庆市大数据发展管理局"]
    # a province's document, or two cities' documents, say nothing of which city a bare 市 is
    for quoted in ("《四川省政务服务实施方案》", "《成都市实施方案》和《德阳市实施方案》"):
        text = f"{quoted}已经市政府同意。\n市大数据发展局负责。\n"
        assert [d.canonical for d in extract_text(text).departments] == ["市人民政府", "市大数据发展管理局"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在充分征求区政府意见后，现将任务分解表印发给你们。", ["区人民政府"]),
        ("请及时上报市政务办。", ["市政务服务管理办公室"]),
    ],
)
def test_a_verb_or_adverb_before_a_bare_level_is_no_part_of_a_place(text, expected):
    assert _canonical(text) == expected


def test_a_district_named_short_is_the_one_the_page_named_in_full():
    text = "襄阳市襄州区行政审批局推行跨省通办。近一年来，襄州区行政审批局累计办件9000余件。"
    assert _canonical(text) == ["襄阳市襄州区行政审批局", "襄阳市襄州区行政审批局"]
    # two cities' districts of one name: which one, the page does not say
    two = "北京市朝阳区政务服务中心和长春市朝阳区政务服务中心签约。朝阳区政务服务中心表示。"
    assert _canonical(two)[-1] == "朝阳区政务服务中心"
    # a city's own name is how the registry names it already: no province is put before it
    city = "江苏省宿迁市人民政府印发方案。宿迁市人民政府要求。"
    assert _canonical(city)[-1] == "宿迁市人民政府"


def test_districts_set_up_after_the_division_table_open_after_any_word():
    """记者探访临平区政务服务中心: 临平区 (2021) is a place, so 探访 is no part of the body."""
    assert _canonical("记者探访临平区政务服务中心，又走访光明区政务服务数据管理局。") == [
        "临平区政务服务中心",
        "光明区政务服务数据管理局",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an adverb, 会同 is the verb: the body is the bare county level's
        ("市行政审批服务局将会同县医保局推进。", ["某市行政审批服务局", "县医疗保障局"]),
        # elsewhere 会同县 is the county
        ("会同县医保局负责。", ["会同县医疗保障局"]),
        ("怀化市会同县医保局负责。", ["怀化市会同县医疗保障局"]),
    ],
)
def test_a_county_that_opens_with_a_verb_is_the_verb_after_an_adverb(text, expected):
    assert _canonical(text, issuer="某市人民政府") == expected
