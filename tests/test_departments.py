"""Department names, classes and roles on sentences shaped like real notices."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from extractors import extract, extract_text
from extractors.departments import find_departments
from extractors.normalize import normalize_text
from tests.conftest import SEED_000, SEED_003


def _found(text: str) -> set[tuple[str, str]]:
    return {(d.canonical, d.role) for d in find_departments(text)}


def _name_roles(text: str, issuer: str | None = None) -> list[tuple[str, str]]:
    return [(d.name, d.role) for d in find_departments(text, issuer=issuer)]


def test_a_shared_head_names_every_member():
    found = _found("各类补贴发到社保卡，医保、人社部门紧密合作，社保卡全面支持跨省异地就医结算。")
    assert found == {("医保部门", "mentioned"), ("人社部门", "mentioned")}


def test_a_sector_class_is_not_the_ministry_inside_it():
    found = _found("四川等20个省（区、市）的财政部门牵头，进一步实现了惠民惠农财政补贴资金发放。")
    assert found == {("财政部门", "lead")}  # not 财政部


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a clause with no subject of its own goes on with the names' task
        ("市公安局、市民政局等部门要加强协作，于6月底前完成数据对接。", ["responsible", "responsible"]),
        # …but not past another subject, nor what a speaker reports, nor a task done (了)
        ("市公安局要加强协作，市民政局于6月底前完成数据对接。", ["mentioned", "responsible"]),
        ("市医保局表示，于2023年6月底前完成了系统改造。", ["mentioned"]),
        ("市医保局于2023年6月底前完成了系统改造。", ["mentioned"]),
    ],
)
def test_a_dated_task_one_clause_on(text, roles):
    assert [d.role for d in find_departments(text, issuer="某市人民政府")] == roles


def test_a_role_word_after_ge_is_a_collective_no_label():
    """请各责任单位…报区数据资源管理局: 各责任单位 are the units the notice asks, no label over the
    body that receives their reports; 责任单位：… still labels its names."""
    text = "请各责任单位按照时间节点抓好落实，并于每季度末将进展情况报区数据资源管理局。"
    assert [d.role for d in find_departments(text, issuer="某湖区人民政府办公室")] == ["mentioned"]
    labelled = "（责任单位：区数据资源管理局）"
    assert [d.role for d in find_departments(labelled, issuer="某湖区人民政府办公室")] == ["responsible"]


def test_a_sectors_case_agency_with_no_place_is_a_class_with_the_bodys_name():
    """医保经办机构 with no place names no one agency but the class: the same canonical it has
    after a place (各级医疗保障经办机构), not a second spelling."""
    found = _found("申请人提交申请→医保经办机构受理→即时办结。各级社保经办机构要做好衔接。")
    assert found == {("医疗保障经办机构", "mentioned"), ("各级社会保险经办机构", "responsible")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("公安部治安管理局局长李京生介绍", "公安部治安管理局"),
        ("国家医疗保障局基金监管司司长黄华波表示", "国家医疗保障局基金监管司"),
        ("抄送：省政务服务数据管理局。\n广东省医疗保障局办公室\n2021年5月24日印发", "广东省医疗保障局办公室"),
    ],
)
def test_a_body_grows_over_its_own_unit(text, name):
    assert name in {canonical for canonical, _ in _found(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("黄石市政数局副局长吴学东介绍，该局将设置窗口。", "黄石市政务服务数据管理局"),
        ("省医保局局长在会上表示", "广东省医疗保障局"),
        ("国家医疗保障局副局长在发布会上介绍", "国家医疗保障局"),
    ],
)
def test_a_heads_title_is_not_a_unit_of_the_body(text, name):
    """局长 and 副局长 end in the characters a unit ends in (局, 司): no 医保局局."""
    assert {d.canonical for d in find_departments(text, issuer="广东省医疗保障局")} == {name}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("国务院办公厅印发《关于加快推进政务服务“跨省通办”的指导意见》", "国务院办公厅"),
        ("省医保局将适时通过工作通报及实地督导等形式进行重点督办。", "广东省医疗保障局"),
        ("公安部已出台居民身份证换领、补领异地受理等改革措施", "公安部"),
    ],
)
def test_a_body_does_not_swallow_the_verb_after_it(text, name):
    found = {d.canonical for d in find_departments(text, issuer="广东省医疗保障局")}
    assert found == {name}


def test_the_ministries_as_a_class():
    found = _found("国务院各有关部门要加大业务统筹力度。国务院有关部门要加快制定。推动国务院部门垂直管理业务信息系统对接。")
    assert found == {("国务院有关部门", "mentioned"), ("国务院部门", "mentioned")}


def test_huitong_after_a_modal_still_makes_the_subject_lead():
    found = _found("各级政务服务管理机构要会同本级业务主管部门建立常见问题解答知识库。")
    assert found == {("各级政务服务管理机构", "lead"), ("本级业务主管部门", "cooperate")}


def test_a_partner_to_cooperate_with():
    found = _found("进一步强化与本级政务服务数据管理局协同配合，大力推进业务协同。")
    assert found == {("本级政务服务数据管理局", "cooperate")}


def test_the_addressee_line_is_not_a_mention():
    text = SEED_000.read_text(encoding="utf-8")
    extraction = extract_text(text)
    start, end = extraction.document.addressees_span
    assert "直辖市人民政府" in text[start:end]
    assert not [d for d in extraction.departments if start <= d.span[0] < end]
    assert extraction.document.addressees == ("各省、自治区、直辖市人民政府", "国务院各部委、各直属机构")


@pytest.mark.parametrize(
    ("line", "addressees"),
    [
        ("各县（市、区）人民政府，市政府各部门：", ("各县（市、区）人民政府", "市政府各部门")),
        ("各镇人民政府、街道办事处，市政府各部门，市直各单位：", ("各镇人民政府、街道办事处", "市政府各部门", "市直各单位")),
        (
            "各县（市、区）人民政府，市政府各部门，各大企业，各高等院校：",
            ("各县（市、区）人民政府", "市政府各部门", "各大企业", "各高等院校"),
        ),
    ],
)
def test_city_addressee_lines_are_not_mentions(line, addressees):
    text = f"某某市人民政府办公室关于印发实施方案的通知\n某府办〔2021〕3号\n{line}\n现将方案印发给你们。\n"
    extraction = extract_text(text)
    assert extraction.document.addressees == addressees
    assert extraction.departments[0].canonical == "某某市人民政府办公室"  # the title's issuer only
    assert len(extraction.departments) == 1


def test_doc_number_spans_equal_a_full_regex_scan():
    """The fast document-number finder must find exactly what DOC_NUMBER finds."""
    import random

    from extractors.text import DOC_NUMBER, doc_number_spans

    pieces = [
        "国办发",
        "人社部函",
        "〔2021〕",
        "[2020]",
        "（2019）",
        "12号",
        "第3号",
        " ",
        "号",
        "，",
        "各省",
        "〔",
        "2022",
        "〕5号",
    ]
    rng = random.Random(7)
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = [m.span() for m in DOC_NUMBER.finditer(text)]
        assert list(doc_number_spans(text)) == expected, text
        found += bool(expected)
    assert found > 100  # the generator does produce document numbers


def test_the_gazetteer_finds_what_hanlps_longest_match_finds():
    """Candidates are found by a name's first two characters before the trie is
    walked; the result must equal hanlp_trie's own ``parse_longest`` on random text."""
    import random

    from hanlp_trie import Trie

    from extractors.gazetteer import Gazetteer

    names = {"国务院": "a", "国务院办公厅": "b", "国家医疗保障局": "c", "公安部": "d", "局": "e", "国": "f"}
    pieces = ["国务院", "办公厅", "国家", "医疗保障局", "公安", "部", "局", "国", "和", "，"]
    gazetteer, trie = Gazetteer(names), Trie(names)
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert gazetteer.longest(text) == [tuple(found) for found in trie.parse_longest(text)], text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("福建省龙岩市行政服务中心管理委员会负责。", "龙岩市行政服务中心管理委员会"),
        ("四川省成都市武侯区政务服务中心负责。", "成都市武侯区政务服务中心"),
        ("湖南省郴州市人社局负责。", "郴州市人力资源和社会保障局"),
        ("广东省长沙市公安局负责。", "广东省长沙市公安局"),  # not that province's city: as written
    ],
)
def test_a_city_written_after_its_province_is_the_city_alone(text, canonical):
    assert [d.canonical for d in find_departments(text)] == [canonical]


def test_a_provincial_abbreviation_is_the_provinces_own_body():
    """省发展改革委 is the province's commission, never the national one that
    发展改革委 alone abbreviates; 省 is resolved through the issuer."""
    text = "推进全流程网办。（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅、省环保厅、省商务厅）"
    found = {(d.canonical, d.role) for d in find_departments(text, issuer="湖北省人民政府")}
    assert found == {
        ("湖北省发展和改革委员会", "lead"),
        ("湖北省机构编制委员会办公室", "responsible"),
        ("湖北省国土资源厅", "responsible"),
        ("湖北省环境保护厅", "responsible"),
        ("湖北省商务厅", "responsible"),
    }


@pytest.mark.parametrize(
    ("issuer", "number", "province"),
    [
        ("省人民政府", "鄂政发〔2018〕26号", "湖北省"),
        ("省人民政府办公厅", "粤府办〔2023〕5号", "广东省"),
        # A city numbers with its own short name: 宁政发 is Nanjing's, not Ningxia's.
        ("市人民政府", "宁政发〔2021〕3号", None),
        ("省人民政府", "国办发〔2022〕34号", None),
    ],
)
def test_an_issuer_that_says_only_province_is_named_by_its_number(issuer, number, province):
    found = {d.canonical for d in find_departments("（责任单位：省商务厅）", issuer=issuer, number=number)}
    assert found == {f"{province or '省'}商务厅"}


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("广东省医疗保障局 广东省财政厅", "广东省商务厅"),
        ("国家医疗保障局 广东省医疗保障局", "广东省商务厅"),  # a central body beside it names no province
        ("浙江省桐乡市人民政府办公室 江苏省如东县人民政府办公室", "省商务厅"),  # two provinces: neither's
        ("四川省人民政府办公厅 重庆市人民政府办公厅", "四川省商务厅"),  # a municipality has no 省 of its own
        ("重庆市人民政府办公厅", "省商务厅"),
    ],
)
def test_joint_issuers_name_a_province_only_when_they_share_it(issuer, expected):
    found = {d.canonical for d in find_departments("（责任单位：省商务厅）", issuer=issuer)}
    assert found == {expected}


@pytest.mark.parametrize(
    ("issuer", "text", "expected"),
    [
        ("白水县人民政府办公室", "转发陕西省人民政府办公厅文件。经省政府同意，", "陕西省人民政府"),  # the one province named
        ("白水县人民政府办公室", "陕西省、甘肃省联合印发。经省政府同意，", "省人民政府"),  # two: neither
        ("国务院办公厅", "浙江省先行试点。经省政府同意，", "省人民政府"),  # a central notice's 省 may be any
        (None, "据陕西省政务服务中心介绍，经省政府同意，", "省人民政府"),  # a news page's too
    ],
)
def test_a_bare_province_is_the_one_the_text_names_when_the_issuer_names_none(issuer, text, expected):
    found = [d.canonical for d in find_departments(text, issuer=issuer) if d.name == "省政府"]
    assert found == [expected]


def test_classes_of_levels_written_as_lists():
    text = "各市、县、区人民政府负责，市、县两级医保部门配合，省、市、县三级政务服务中心参与。"
    assert [(d.name, d.role) for d in find_departments(text)] == [
        ("各市、县、区人民政府", "responsible"),
        ("市、县两级医保部门", "cooperate"),
        ("省、市、县三级政务服务中心", "cooperate"),
    ]


def test_a_municipality_beside_a_province_names_the_bare_city():
    issuer = "四川省人民政府办公厅 重庆市人民政府办公厅"
    found = {d.canonical for d in find_departments("（责任单位：省公安厅、市公安局、市大数据应用发展管理局）", issuer=issuer)}
    assert found == {"四川省公安厅", "重庆市公安局", "重庆市大数据应用发展管理局"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某阳市第二批“省内通办”事项清单", {"某阳市医疗保障局", "省人民政府"}),
        ("浙江：“跨省通办”事项扩容", {"市医疗保障局", "浙江省人民政府"}),  # a province's short name
        ("南平:101项政务服务事项可实现“跨省通办”", {"南平市医疗保障局", "福建省人民政府"}),  # a city's
        ("我市居民身份证“跨省通办”再扩围", {"市医疗保障局", "省人民政府"}),  # 我市 names no place
        ("第二批“省内通办”事项清单", {"市医疗保障局", "省人民政府"}),  # no place: bare stays bare
        ("《某安市深化政务服务“省内通办”实施方案》政策解读", {"某安市医疗保障局", "省人民政府"}),  # in title marks
        ("2021年某阳市政务服务工作要点", {"某阳市医疗保障局", "省人民政府"}),  # after the year it is for
    ],
)
def test_a_page_with_no_issuer_reads_a_bare_level_by_its_titles_place(title, expected):
    text = f"{title}\n经省政府同意，现公布如下。\n序号\t事项名称\t实施部门\n1\t异地就医备案\t市医保局\n"
    assert {d.canonical for d in extract_text(text).departments} == expected


def test_a_province_in_the_title_leaves_the_bare_city_to_the_one_city_named_in_full():
    """江西：赣州新增… names a province: its bare 省 is 江西省, and its bare 市 is the one city
    its bodies name in full, as on a page whose title names no place."""
    text = "江西：赣州新增30项“跨省通办”事项\n赣州市医疗保障局会同市人力资源和社会保障局、省医保局推进。\n"
    assert [d.canonical for d in extract_text(text).departments] == [
        "赣州市医疗保障局",
        "赣州市人力资源和社会保障局",
        "江西省医疗保障局",
    ]


def test_bodies_in_a_bracket_ending_a_list_line_handle_its_item():
    text = (
        "第一批“跨省通办”事项清单\n1.工伤保险待遇资格认证（市人社局）\n2.异地就医结算备案（市医保局、市卫健委）\n"
        "3.户口迁移（市公安局，2022年6月底前）\n"  # the item's time limit after the bodies
    )
    roles = _name_roles(text)
    assert roles == [
        ("市人社局", "responsible"),
        ("市医保局", "responsible"),
        ("市卫健委", "responsible"),
        ("市公安局", "responsible"),
    ]
    # a bracket in running text that goes on is no such note
    assert [d.role for d in find_departments("经市政府（市医保局）研究，同意实施。")] == ["mentioned", "mentioned"]


def test_joint_signers_each_name_their_level():
    issuer = "甲市人民政府办公室 乙县人民政府办公室"
    found = {d.canonical for d in find_departments("（市人社局、县民政局负责）", issuer=issuer)}
    assert found == {"甲市人力资源和社会保障局", "乙县民政局"}
    # two cities: a bare 市 is neither's
    found = {d.canonical for d in find_departments("（市人社局负责）", issuer="甲市人民政府办公室 丙市人民政府办公室")}
    assert found == {"市人力资源和社会保障局"}


def test_the_number_names_the_province_through_extract():
    text = "省人民政府关于进一步优化营商环境的若干意见\n鄂政发〔2018〕26号\n各市、州、县人民政府：\n一、主要任务\n（一）全面清理审批事项。（牵头单位：省发展改革委）\n"
    names = {d.canonical for d in extract_text(text).departments}
    assert "湖北省发展和改革委员会" in names
    assert "国家发展和改革委员会" not in names


def test_bare_bodies_continuing_a_list_share_its_place_and_role():
    text = "（省发展改革委、交通运输厅、水利厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责）"
    found = {(d.canonical, d.role) for d in find_departments(text, issuer="广东省人民政府办公厅")}
    assert found == {
        ("广东省发展和改革委员会", "responsible"),
        ("广东省交通运输厅", "responsible"),
        ("广东省水利厅", "responsible"),
        ("广东省能源局", "responsible"),
        ("各地级以上市人民政府", "responsible"),
    }


def test_a_bare_body_after_a_central_one_is_nobody_in_particular():
    found = _found("公安部、交通运输厅联合部署。")
    assert found == {("公安部", "mentioned")}


def test_business_environment_bureaus_and_each_level_of_government():
    text = "（责任单位：省营商环境局、省直有关部门，各市级政府、各县级政府）"
    found = {d.canonical for d in find_departments(text, issuer="黑龙江省营商环境建设监督局")}
    assert found == {"黑龙江省营商环境局", "省直有关部门", "各市级人民政府", "各县级人民政府"}


def test_a_list_goes_on_past_a_comma_to_the_cue_after_it():
    text = "（省政务服务和数据管理局牵头，省委编办、省委网信办、中国人民银行广州分行、省通信管理局，各地级以上市政府配合）"
    found = [(d.name, d.canonical, d.role) for d in find_departments(text, issuer="广东省人民政府办公厅")]
    assert found == [
        ("省政务服务和数据管理局", "广东省政务服务和数据管理局", "lead"),
        ("省委编办", "广东省委机构编制委员会办公室", "cooperate"),
        ("省委网信办", "广东省委网络安全和信息化委员会办公室", "cooperate"),
        ("中国人民银行广州分行", "中国人民银行广州分行", "cooperate"),
        ("省通信管理局", "广东省通信管理局", "cooperate"),
        ("各地级以上市政府", "各地级以上市人民政府", "cooperate"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（济宁经济技术开发区管委会负责）", ["济宁经济技术开发区管委会"]),
        ("（横琴粤澳深度合作区执行委员会负责）", ["横琴粤澳深度合作区执行委员会"]),
        ("推进济宁经济技术开发区管委会工作。", ["济宁经济技术开发区管委会"]),  # after a verb
        # a county, a town, then a zone
        ("（某某县某某镇现代农业产业园区管委会负责）", ["某某县某某镇现代农业产业园区管委会"]),
        # the 区 ending a zone's name too long for a unit is no class of districts: no "区管委会"
        ("（某某省级高新技术产业开发区管委会负责）", []),
        ("坚决贯彻市委市政府决策部署。", ["市政府"]),  # a party committee's 委 is in no place
        # an industrial park's name ends in 园 (a 新华日报 report)
        ("苏州市行政审批局与银川苏银产业园审批服务管理局签订框架协议。", ["苏州市行政审批局", "银川苏银产业园审批服务管理局"]),
        # a city's secondary centre is a zone with its own administration (a 中新网 report)
        ("由城市副中心管委会政务服务局会同通州区政务服务局负责。", ["城市副中心管委会政务服务局", "通州区政务服务局"]),
    ],
)
def test_zones_are_places_of_their_own(text, names):
    assert [d.name for d in find_departments(text, issuer="济宁市人民政府")] == names


def test_central_bodies_named_by_their_short_forms_share_the_cue():
    text = "（国家发展改革委牵头，中央网信办、国家市场监管总局、中国残联、全国总工会、国家数据局配合）"
    assert [(d.canonical, d.role) for d in find_departments(text)] == [
        ("国家发展和改革委员会", "lead"),
        ("中央网络安全和信息化委员会办公室", "cooperate"),
        ("国家市场监督管理总局", "cooperate"),
        ("中国残疾人联合会", "cooperate"),
        ("中华全国总工会", "cooperate"),
        ("国家数据局", "cooperate"),
    ]


def test_a_body_several_provinces_set_up_is_named_with_no_place():
    text = "长三角区域合作办公室在合肥召开发布会。上海市大数据中心将会同安徽省数据资源管理局推进互认。"
    assert [(d.canonical, d.role) for d in find_departments(text)] == [
        ("长三角区域合作办公室", "mentioned"),
        ("上海市大数据中心", "lead"),
        ("安徽省数据资源管理局", "cooperate"),
    ]


def test_party_bodies_and_peoples_organizations_are_local_bodies():
    text = "（省委宣传部、省妇联、省总工会、省科协配合）"
    assert [d.canonical for d in find_departments(text, issuer="广东省人民政府")] == [
        "广东省委宣传部",
        "广东省妇女联合会",
        "广东省总工会",
        "广东省科学技术协会",
    ]


def test_a_name_no_gazetteer_knows_does_not_break_the_list_when_it_ends_like_a_body():
    text = "（省发展改革委牵头，省财政厅、团省委、省海洋与渔业局、有关企业、省人社厅配合）"
    found = _name_roles(text, issuer="广东省人民政府")
    assert found == [("省发展改革委", "lead"), ("省财政厅", "cooperate"), ("省人社厅", "cooperate")]
    # a piece that is no body's name still ends the list
    found = _name_roles("省财政厅、加强宣传、省人社厅配合", issuer="广东省人民政府")
    assert found == [("省财政厅", "mentioned"), ("省人社厅", "cooperate")]


@pytest.mark.parametrize(
    ("header", "role"),
    [("实施主体", "responsible"), ("办理部门", "responsible"), ("牵头部门", "lead"), ("配合部门", "cooperate")],
)
def test_a_column_headed_by_other_role_words_gives_its_departments_their_role(header, role):
    text = f"某县“跨省通办”事项清单\n序号\t事项名称\t{header}\n1\t婚姻登记\t县民政局\n2\t失业登记\t县人社局\n"
    assert [(d.name, d.role) for d in extract_text(text).departments] == [("县民政局", role), ("县人社局", role)]


def test_towns_and_street_offices_are_places_of_bodies():
    text = "（区政务服务中心牵头，东城街道办事处、某某镇人民政府、各街道办事处配合）"
    found = _name_roles(text, issuer="某城区人民政府")
    assert found == [
        ("区政务服务中心", "lead"),
        ("东城街道办事处", "cooperate"),
        ("某某镇人民政府", "cooperate"),
        ("各街道办事处", "cooperate"),
    ]
    assert find_departments("推进城镇职工基本医疗保险参保登记。") == []  # 城镇 is a word, no town


def test_a_levels_bodies_and_lists_of_levels_are_classes():
    text = "牵头单位：省数据局；配合单位：省直各相关部门、市级有关单位；责任单位：各市、县（区）人民政府"
    found = _name_roles(text)
    assert found == [
        ("省数据局", "lead"),
        ("省直各相关部门", "cooperate"),
        ("市级有关单位", "cooperate"),
        ("各市、县（区）人民政府", "responsible"),
    ]


def test_a_working_groups_office_is_a_body_and_shares_the_lead():
    text = "（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，各县市区政府按职责分工负责）"
    assert _found(text) == {
        ("市人民政府办公室", "lead"),
        ("市行政审批制度改革工作领导小组办公室", "lead"),
        ("各县市区人民政府", "responsible"),
    }


def test_a_reform_office_with_no_group_in_its_name_is_a_body():
    text = "8月20日从四川省推进政府职能转变和“放管服”改革协调办公室获悉，专区正式上线。"
    assert _found(text) == {("四川省推进政府职能转变和“放管服”改革协调办公室", "mentioned")}


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("遂宁市人民政府", {"遂宁市住房和城乡建设局", "遂宁市发展和改革委员会", "区人民政府"}),
        ("邯郸市丛台区人民政府", {"邯郸市住房和城乡建设局", "邯郸市发展和改革委员会", "邯郸市丛台区人民政府"}),
        # a province's notice: 市 and 区 are any city, any district
        ("广东省人民政府", {"市住房和城乡建设局", "市发展和改革委员会", "区人民政府"}),
    ],
)
def test_a_bare_city_or_district_is_the_issuers_own(issuer, expected):
    text = "（牵头单位：市住建局；配合单位：市发改委）已经区政府同意。"
    assert {d.canonical for d in find_departments(text, issuer=issuer)} == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("实施方案已经市政府常务会议讨论通过。", ["市政府"]),
        ("以下任务均需各区市政府、开发区管委落实。", ["各区市政府", "开发区管委"]),  # not 需各区市; 管委 = 管委会
    ],
)
def test_a_place_never_opens_with_an_adverb(text, names):
    assert [d.name for d in find_departments(text, issuer="遂宁市人民政府")] == names


def test_a_place_never_opens_with_a_verb_that_sends_to_it():
    found = [d.name for d in find_departments("（此件发至县人民政府）", issuer="某省人民政府办公厅")]
    assert found == ["县人民政府"]  # not the county 发至县
    assert [d.name for d in find_departments("周至县人民政府")] == ["周至县人民政府"]  # 至 inside a name stays


def test_a_future_or_past_huitong_keeps_the_lead():
    text = "省公安厅将会同省商务厅推行二手车交易登记“跨省通办”。省医保局已会同省财政厅出台办法。"
    roles = {(d.canonical, d.role) for d in find_departments(text, issuer="某省人民政府")}
    assert ("省公安厅", "lead") in roles and ("省商务厅", "cooperate") in roles
    assert ("省医疗保障局", "lead") in roles and ("省财政厅", "cooperate") in roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("（省医保局主办，省财政厅协办）", ["lead", "cooperate"]),
        ("（省医保局负主责，省财政厅配合）", ["lead", "cooperate"]),
        ("（牵头：省医保局；参与：省财政厅、省税务局）", ["lead", "cooperate", "cooperate"]),
        ("省医保局作为牵头单位，要加强统筹协调。", ["lead"]),
        ("省医保局牵头，省人社厅、省税务局协同。", ["lead", "cooperate", "cooperate"]),
    ],
)
def test_host_and_co_host_and_bare_labels_give_roles(text, roles):
    assert [d.role for d in find_departments(text, issuer="广东省人民政府")] == roles


def test_a_sites_sponsor_label_gives_no_role():
    """主办单位： in a page's footer names the site's sponsor, not a task's lead."""
    found = find_departments("主办单位：某安县人民政府办公室", issuer="某安县人民政府")
    assert [d.role for d in found] == ["mentioned"]


def test_every_name_of_a_huitong_list_cooperates():
    """由A牵头，会同B、C组织实施: C had read as responsible from 组织实施 after it."""
    text = "由省人力资源社会保障厅牵头，会同省财政厅、省税务局组织实施。"
    roles = [(d.name, d.role) for d in find_departments(text, issuer="某省人民政府")]
    assert roles == [("省人力资源社会保障厅", "lead"), ("省财政厅", "cooperate"), ("省税务局", "cooperate")]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("省府办公厅\n2016年4月29日", "广东省人民政府办公厅"),  # a signature's short form
        ("请径向省经济和信息化委反映。", "广东省经济和信息化委员会"),
        ("市大数据发展管理局配合。", "市大数据发展管理局"),
        ("（市工商质监局牵头负责）", "市工商行政管理和质量技术监督局"),  # a body before the 2018 reform
        ("省审改办印发通知。", "广东省审批制度改革办公室"),
    ],
)
def test_short_forms_of_local_bodies(text, canonical):
    found = [d.canonical for d in find_departments(text, issuer="广东省人民政府办公厅", number="粤办函〔2016〕186号")]
    assert found == [canonical]


def test_a_verb_before_a_city_is_no_part_of_its_name_but_a_county_named_so_stays():
    found = [d.name for d in find_departments("市政务服务中心将会同市医保局、配合市人社局推进。", issuer="某市人民政府")]
    assert found == ["市政务服务中心", "市医保局", "市人社局"]
    assert [d.name for d in find_departments("会同县人民政府")] == ["会同县人民政府"]


def test_a_role_in_brackets_after_a_name():
    text = "责任单位：市人社局（牵头）、市财政局；省医保局(配合)"
    roles = _name_roles(text, issuer="某市人民政府")
    assert roles == [("市人社局", "lead"), ("市财政局", "responsible"), ("省医保局", "cooperate")]


def test_an_administrative_service_centres_committee_is_a_body():
    found = [d.canonical for d in find_departments("福建省晋江市行政服务中心管委会、湖北省武汉市江岸区行政审批局")]
    assert found == ["晋江市行政服务中心管理委员会", "武汉市江岸区行政审批局"]  # a city needs no province


def test_a_half_width_semicolon_ends_the_sentence_a_role_cue_reaches():
    text = "配合单位:市财政局;请市医保局做好统筹。"
    roles = _name_roles(text, issuer="某市人民政府")
    # the cue 配合单位 stops at ;. (请 asks 市医保局: responsible, not the cue's cooperate.)
    assert roles == [("市财政局", "cooperate"), ("市医保局", "responsible")]


@pytest.mark.parametrize(
    ("text", "issuer", "number", "canonical"),
    [
        ("（自治区人社厅牵头）", "新疆维吾尔自治区人民政府办公厅", None, "新疆维吾尔自治区人力资源和社会保障厅"),
        ("（自治区人社厅牵头）", "自治区人民政府办公厅", "新政办发〔2021〕12号", "新疆维吾尔自治区人力资源和社会保障厅"),
        ("（区人社厅牵头）", "广西壮族自治区人民政府办公厅", None, "广西壮族自治区人力资源和社会保障厅"),  # 区 = the region
        ("（市人社局牵头）", "北京市人民政府办公厅", None, "北京市人力资源和社会保障局"),  # a municipality's 市
        ("（区人社局牵头）", "南宁市青秀区人民政府", None, "南宁市青秀区人力资源和社会保障局"),  # a district's 区
    ],
)
def test_regions_and_municipalities_resolve_their_bare_level_words(text, issuer, number, canonical):
    assert [d.canonical for d in find_departments(text, issuer=issuer, number=number)] == [canonical]


def test_collectives_of_a_provinces_or_citys_own_departments_and_cities_with_prefectures():
    text = "（各市（州）人民政府负责，省直有关部门配合）各级政务服务管理部门要会同业务主管部门推进。"
    roles = [(d.canonical, d.role) for d in find_departments(text, issuer="某省人民政府")]
    assert roles == [
        ("各市（州）人民政府", "responsible"),
        ("省直有关部门", "cooperate"),
        ("各级政务服务管理部门", "lead"),
        ("业务主管部门", "cooperate"),
    ]


def test_a_levels_own_departments_share_the_responsibility_after_them():
    text = "（市政府办公室牵头，市级各有关部门及各县市区政府按职责分工负责）"
    roles = _name_roles(text, issuer="某市人民政府")
    assert roles == [("市政府办公室", "lead"), ("市级各有关部门", "responsible"), ("各县市区政府", "responsible")]


def test_roles_in_the_guangdong_plan(extracted):
    roles = Counter((d.canonical, d.role) for d in extracted(SEED_003).departments)
    assert roles[("广东省医疗保障局", "lead")] == 3
    assert roles[("各地级以上市医疗保障局", "cooperate")] == 3
    assert roles[("各地级以上市医疗保障局", "responsible")] == 2


def test_central_aliases_resolve_to_official_names():
    found = {(d.name, d.canonical) for d in extract_text("人社部、国家医保局会同市场监管总局负责。").departments}
    assert found == {
        ("人社部", "人力资源和社会保障部"),
        ("国家医保局", "国家医疗保障局"),
        ("市场监管总局", "国家市场监督管理总局"),
    }


def test_role_words_alone_name_nobody():
    assert extract_text("责任单位牵头，相关部门配合。").departments == []


@pytest.mark.parametrize("number", ["国办发〔2020〕35号", "国办发﹝2020﹞35号", "国办发〖2020〗35号", "国办发[2020]35号"])
def test_document_numbers_are_not_department_mentions(number):
    names = [d.name for d in extract_text(f"根据{number}文件，国务院办公厅负责统筹。").departments]
    assert names == ["国务院办公厅"]


def test_the_publisher_after_laiyuan_is_no_mention_but_a_sentences_own_laiyuan_is():
    text = (
        "某市首批“跨省通办”事项清单发布\n发布时间：2021-05-10 10:00 来源：某市政务服务中心\n"
        "资金来源：市财政局统筹安排。市政务服务中心将会同市医保局推进。\n"
    )
    names = [d.name for d in extract_text(text).departments]
    assert names == ["市财政局", "市政务服务中心", "市医保局"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推动市人社局配合做好转移接续。", ["市人社局"]),  # a clause's verb is no part of a place
        ("积极推进市人社局配合。", ["市人社局"]),
        ("坚决贯彻市委市政府决策部署。", ["市政府"]),
        ("14个县市区政务服务管理机构网上签约。", ["政务服务管理机构"]),  # 区 of 县市区 is no district
        ("各县市区政务服务管理机构网上签约。", ["各县市区政务服务管理机构"]),
        ("邯郸市丛台区人社局配合。", ["邯郸市丛台区人社局"]),
        ("线下要在区行政服务中心设置专窗。", ["区行政服务中心"]),  # a function word deep inside: no place
        ("群众可向县医保局申请。", ["县医保局"]),
        ("信息中心负责同志和市民政局分管同志为成员。", ["市民政局"]),  # 同 of 同志 is no function word
        ("大同市医保局、呼和浩特市医保局配合。", ["大同市医保局", "呼和浩特市医保局"]),
    ],
)
def test_what_opens_a_local_bodys_place(text, names):
    assert [d.name for d in find_departments(text, issuer="某省人民政府")] == names


def test_a_class_of_levels_opens_a_collective_of_bodies():
    text = "同时，旗县级以上政务服务管理机构要设置窗口，推动县级以上政务服务中心窗口全覆盖。"
    names = [d.canonical for d in find_departments(text, issuer="某省人民政府")]
    assert names == ["旗县级以上政务服务管理机构", "县级以上政务服务中心"]


def test_a_joint_signature_block_names_each_issuer_once():
    """Two issuers a line, set apart by spaces; a central body's own branch keeps its full name."""
    text = (
        "特此通知。\n\n上海市卫生健康委员会           上海市公安局\n\n"
        "   上海市医疗保障局      国家税务总局上海市税务局\n\n      上海市民政局              上海市档案局\n"
    )
    names = [d.canonical for d in extract(normalize_text(text)).departments]
    assert names == [
        "上海市卫生健康委员会",
        "上海市公安局",
        "上海市医疗保障局",
        "国家税务总局上海市税务局",
        "上海市民政局",
        "上海市档案局",
    ]


def test_a_local_bodys_unit_never_opens_with_a_place():
    """Columns already glued by the source: two bodies, as a central body's branch is one."""
    assert [d.name for d in find_departments("上海市卫生健康委员会上海市公安局")] == ["上海市卫生健康委员会", "上海市公安局"]
    assert [d.name for d in find_departments("国家税务总局江苏省税务局")] == ["国家税务总局江苏省税务局"]


def test_responsibility_by_field_and_a_citys_own_departments():
    text = (
        "（市公安局、北京市税务局按分管领域负责，2023年12月底前完成）（市各相关部门按分管领域负责）"
        "由副中心管委会政务服务局会同通州区政务服务局建立机制。（市民政局按职能负责）"
    )
    roles = _name_roles(text, issuer="北京市政务服务管理局")
    assert roles == [
        ("市公安局", "responsible"),
        ("北京市税务局", "responsible"),
        ("市各相关部门", "responsible"),
        ("通州区政务服务局", "cooperate"),
        ("市民政局", "responsible"),
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "争取国家层面支持等，由重庆市政府办公厅、四川省发展改革委在今年6月底前完成。",
            [("重庆市政府办公厅", "responsible"), ("四川省发展改革委", "responsible")],
        ),
        ("上述工作交由各市人民政府组织实施。", [("各市人民政府", "responsible")]),
        ("社保卡由各地人社部门组织实施发行和应用工作。", [("各地人社部门", "responsible")]),
        ("由市医保局牵头，市财政局配合。", [("市医保局", "lead"), ("市财政局", "cooperate")]),  # a cue after wins
        ("由于省医疗保障局系统升级，暂停办理。", [("省医疗保障局", "mentioned")]),
        ("由申请人提交材料，省医疗保障局审核。", [("省医疗保障局", "mentioned")]),  # 由 of another clause
        ("由省医保局会同省财政厅负责组织实施。", [("省医保局", "lead"), ("省财政厅", "cooperate")]),  # 会同 B: B cooperates
        ("请各市医保局于6月底前报送。", [("各市医保局", "responsible")]),
        ("现将方案印发给你们，并请省财政厅按时拨付资金。", [("省财政厅", "responsible")]),  # 并请 asks too
        ("另请各市医保局于每月5日前报送。", [("各市医保局", "responsible")]),
        ("申请省财政厅拨付资金。", [("省财政厅", "mentioned")]),  # 申请 asks nobody
        ("改由一地受理申请、各地人社部门内部协同。", [("各地人社部门", "mentioned")]),  # the 请 of 申请 asks nobody
        ("省政务服务数据管理局统筹，各市政府具体实施。", [("省政务服务数据管理局", "lead"), ("各市政府", "responsible")]),
        ("省委网信办做好网络安全保障，省医保局要抓好落实。", [("省委网信办", "responsible"), ("省医保局", "responsible")]),
        ("为做好异地就医工作，省医保局召开会议。", [("省医保局", "mentioned")]),  # 做好 before a name gives it nothing
    ],
)
def test_names_right_after_an_agent_cue_do_what_their_clause_says(text, roles):
    assert _name_roles(text, issuer="某省人民政府") == roles


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("由申请人向市医保局提出申请。", ["市医保局"]),  # 向 is in no place's name
        ("设在邯郸市医保局的专班负责。", ["邯郸市医保局"]),  # … nor 在
        # real places that open with or hold a stop character keep it
        ("江西省于都县医保局、将乐县人民政府负责。", ["江西省于都县医保局", "将乐县人民政府"]),
        ("大同市医保局、呼和浩特市人社局、犍为县医保局配合。", ["大同市医保局", "呼和浩特市人社局", "犍为县医保局"]),
        ("图为长沙市政务服务中心“跨省通办”专窗。", ["长沙市政务服务中心"]),  # a photo caption's 图为 ("shown is")
        ("记者走访市政务服务中心。", ["市政务服务中心"]),  # a reporter's visit
        ("位于岳麓区的市政务服务中心。", ["市政务服务中心"]),  # 的 is in no place's name
        # a city's or province's full name is a place after any word: 走访 + 长沙市, 7号 + 济源市
        ("近日，记者走访长沙市政务服务中心。", ["长沙市政务服务中心"]),
        ("济政办〔2022〕7号济源市人民政府办公室关于推进…", ["济源市人民政府办公室"]),
        # … and so is a county's (counties.txt): 探访 + 岳麓区, 来自 + 岳麓区; not after a level word
        ("记者日前探访岳麓区政务服务中心。", ["岳麓区政务服务中心"]),
        ("工作人员来自岳麓区政务服务中心。", ["岳麓区政务服务中心"]),
        ("长沙市岳麓区政务服务中心负责。", ["长沙市岳麓区政务服务中心"]),
        # a cell's two bodies whose blank the layout closed: 各区 is a class of places, whatever is before it
        ("由市公安局各区人民政府负责。", ["市公安局", "各区人民政府"]),
        # … and so is a known place's full name right after a body, and a body of a bare level word
        ("责任单位：市公安局岳麓区民政局", ["市公安局", "岳麓区民政局"]),
        ("责任单位：市公安局长沙市人社局", ["市公安局", "长沙市人社局"]),
        ("责任单位：市公安局市医保局", ["市公安局", "市医保局"]),
        # not a known name that opens with a verb (会同 is a county too), nor an unknown run
        ("县医保局会同县卫生健康局开展工作。", ["县医保局", "县卫生健康局"]),
        ("省医保局指导区医保局开展工作。", ["省医保局", "区医保局"]),
    ],
)
def test_a_place_holds_a_stop_character_only_as_real_names_do(text, names):
    assert [d.name for d in find_departments(text)] == names


def test_shipped_function_char_words_match_the_pinned_jieba_dictionary():
    from extractors.datafiles import load_list
    from extractors.normalize.char_scores import jieba_dictionary
    from extractors.place_bounds import function_char_words

    assert list(load_list("function_char_words.txt")) == function_char_words(jieba_dictionary())


def test_a_special_administrative_regions_government_is_no_peoples_government():
    text = "香港特区政府创新科技及工业局与广东省政府签署协议。网页列54条特区政府连结。澳门特别行政区政府参与。"
    assert [(d.name, d.canonical) for d in find_departments(text)] == [
        ("香港特区政府", "香港特别行政区政府"),
        ("广东省政府", "广东省人民政府"),
        ("特区政府", "特别行政区政府"),  # not the 区政府 of a district
        ("澳门特别行政区政府", "澳门特别行政区政府"),
    ]


def test_a_ministry_names_its_own_units_with_a_bare_bu():
    text = "部社保中心负责平台建设，部信息中心配合。全部社保中心业务由财政部办公厅会同部分地区中心办理。"
    names = _name_roles(text, issuer="人力资源社会保障部办公厅")
    assert names == [
        ("部社保中心", "responsible"),
        ("部信息中心", "cooperate"),
        ("财政部办公厅", "lead"),  # a ministry's 办公厅 is its unit
    ]
    found = find_departments("部社保中心负责平台建设。", issuer="人力资源社会保障部办公厅")
    assert [d.canonical for d in found] == ["人力资源和社会保障部社保中心"]
    assert find_departments("部社保中心负责平台建设。", issuer="广东省人力资源和社会保障厅") == []  # no ministry
    # 向 before it, as before any name a report goes to
    found = find_departments("各地要按月向部社会保险事业管理中心报送。", issuer="人力资源社会保障部办公厅")
    assert [d.canonical for d in found] == ["人力资源和社会保障部社会保险事业管理中心"]


@pytest.mark.parametrize(
    ("note", "others"),
    [
        ("注：排在第一位的为牵头单位，其他为配合单位。", "cooperate"),
        ("注：列第一位的为牵头单位。", "responsible"),  # the others stay responsible
    ],
)
def test_a_plans_note_that_the_first_unit_of_each_list_leads(note, others):
    text = (
        "（一）推进异地就医备案“跨省通办”。（责任单位：省医保局、省卫生健康委、省财政厅）\n"
        "序号\t任务\t责任单位\n1\t社保卡申领\t省人力资源社会保障厅、省公安厅\n"
        f"{note}\n（二）推进户口迁移。省公安厅负责，省医保局配合。\n"
    )
    roles = [(d.name, d.role) for d in extract_text(text).departments]
    assert roles == [
        ("省医保局", "lead"),
        ("省卫生健康委", others),
        ("省财政厅", others),
        ("省人力资源社会保障厅", "lead"),  # a cell's list too
        ("省公安厅", others),
        ("省公安厅", "responsible"),  # 负责 in running text is no list of units
        ("省医保局", "cooperate"),
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # 会同 before a place's full name is the verb; 会同县 is a county
        ("市医保局将会同深圳市市场监督管理局推进。", [("市医保局", "lead"), ("深圳市市场监督管理局", "cooperate")]),
        ("怀化市会同县医保局负责。", [("怀化市会同县医保局", "responsible")]),
        # what a body says it will do is its role
        (
            "深圳市政务服务数据管理局表示，下一步将会同市税务局推进。",
            [("深圳市政务服务数据管理局", "lead"), ("市税务局", "cooperate")],
        ),
        ("市医保局表示，群众反映良好。", [("市医保局", "mentioned")]),
        # … or what its spokesman says (相关负责人表示)
        (
            "市政务服务数据管理局相关负责人表示，下一步将会同市人社局推进。",
            [("市政务服务数据管理局", "lead"), ("市人社局", "cooperate")],
        ),
        # 负责人 and 负责同志 are people of the body, not its 负责
        ("市医保局负责人表示，下一步将会同市人社局推进。", [("市医保局", "lead"), ("市人社局", "cooperate")]),
        (
            "会上，省政府有关负责同志、省政务服务管理部门负责同志出席会议。",
            [("省政府", "mentioned"), ("省政务服务管理部门", "mentioned")],
        ),
        ("省医保局牵头人介绍了情况。", [("省医保局", "mentioned")]),
        # … and a person of the body may stand between its name and its cue
        ("市医保局主要负责同志牵头，市人社局分管领导配合。", [("市医保局", "lead"), ("市人社局", "cooperate")]),
        # 为责任主体 names who answers for the work; 分工 may stand before the cue
        ("各区政府为责任主体，负责本辖区通办工作。", [("各区政府", "responsible")]),
        ("市医保局、市人社局分工负责。", [("市医保局", "responsible"), ("市人社局", "responsible")]),
        # a body's unit never runs over another body's name
        ("市医保局指导各区医保局做好备案工作。", [("市医保局", "mentioned"), ("各区医保局", "responsible")]),
        # … nor opens with a verb (建设, 依托, 指导): the centre is what the body works on
        ("市医保局加快建设数据中心。", [("市医保局", "mentioned")]),
        ("市人社局指导社保经办中心开展业务。", [("市人社局", "mentioned")]),
        ("市人社局社保中心负责。", [("市人社局社保中心", "responsible")]),  # a unit of its own
        ("县人社局委托便民服务中心代收材料。", [("县人社局", "mentioned")]),
        ("区政务服务数据管理局到市民服务中心设点。", [("区政务服务数据管理局", "mentioned")]),
        ("市公安局出入境管理支队负责。", [("市公安局出入境管理支队", "responsible")]),
        # a city bureau's section where a name ends; not 科技, nor the bureau's own organs (局机关)
        ("市医保局医药服务管理科牵头。", [("市医保局医药服务管理科", "lead")]),
        ("将情况报送市医保局待遇保障科。", [("市医保局待遇保障科", "mentioned")]),
        ("市医保局加强科技支撑。", [("市医保局", "mentioned")]),
        # a central bank's branch whose name holds 中心: 中心支行 is one ending
        ("由人民银行长沙市中心支行负责。", [("人民银行长沙市中心支行", "responsible")]),
        # the ways a city writes its counties and districts as a class
        ("由各区（市）县人民政府负责。", [("各区（市）县人民政府", "responsible")]),
        ("由各区县（市）政务服务中心负责。", [("各区县（市）政务服务中心", "responsible")]),
        # a station (所) where a name ends, and a unit's own unit; not 所属, nor units as a class
        ("由市公安局交警支队车管所负责。", [("市公安局交警支队车管所", "responsible")]),
        ("由县公安局城关派出所负责。", [("县公安局城关派出所", "responsible")]),
        ("由市公安局所属派出所负责。", [("市公安局", "responsible")]),
        ("市公安局有关科所负责。", [("市公安局", "mentioned")]),
        # 经开区 is a place though 经 opens no place (经市政府同意)
        ("由经开区管委会负责。", [("经开区管委会", "responsible")]),
        # a government's offices by their names, whatever follows
        ("由市政府督查室每半年开展一次督查。", [("市政府督查室", "responsible")]),
        ("市医保局局机关各科室要配合。", [("市医保局", "mentioned")]),
        # a body whose own short clause comes first leads the 会同 of the next one
        ("各区医保局要高度重视，会同同级财政部门抓好落实。", [("各区医保局", "lead"), ("同级财政部门", "cooperate")]),
        ("市医保局要高度重视，并会同市人社局做好衔接。", [("市医保局", "lead"), ("市人社局", "cooperate")]),
        (
            "市医保局要加强与市公安局沟通，会同市人社局推进。",
            [("市医保局", "mentioned"), ("市公安局", "mentioned"), ("市人社局", "cooperate")],
        ),
        # a cell's labelled lines run together: a cue with a colon labels the names after it
        ("牵头：区市场监管局配合：区政务服务中心", [("区市场监管局", "lead"), ("区政务服务中心", "cooperate")]),
        # a dated task whose object comes first, after 将
        ("各区医保局于次月5日前将上月情况报送市医保局。", [("各区医保局", "responsible"), ("市医保局", "mentioned")]),
        # setting up a window or a post by a date is a task too
        ("各区政务服务中心要在2024年6月底前设置“跨省通办”专窗。", [("各区政务服务中心", "responsible")]),
        ("市医保局于2024年6月底前设立的窗口已开放。", [("市医保局", "mentioned")]),
        # 报 alone submits as 报送 does
        ("各区医保局要于6月30日前将清单报市医保局。", [("各区医保局", "responsible"), ("市医保局", "mentioned")]),
        # a time with no 于 that opens with 每 or a year, whom the report goes to before the verb, 推行
        ("各区医保局每月10日前向市医保局报送工作进展。", [("各区医保局", "responsible"), ("市医保局", "mentioned")]),
        ("各区医保局2024年底前完成系统对接。", [("各区医保局", "responsible")]),
        ("各区医保局要于2024年9月30日前全面推行备案承诺制。", [("各区医保局", "responsible")]),
        ("各区医保局每月开展一次调度，市医保局在窗口前完成引导。", [("各区医保局", "mentioned"), ("市医保局", "mentioned")]),
        # a provincial department's division (处) where a name ends, before a bracket too; not 处理
        ("寄至省医保局待遇保障处（邮编：550081）。", [("省医保局待遇保障处", "mentioned")]),
        ("省医保局处理投诉。", [("省医保局", "mentioned")]),
        ("省医疗保障事业服务中心牵头。", [("省医疗保障事业服务中心", "lead")]),
        ("由县社会保险中心负责。", [("县社会保险中心", "responsible")]),
        # the names local social security, employment and registration bodies go by
        ("由市就业创业服务中心负责。", [("市就业创业服务中心", "responsible")]),
        ("由县劳动人事争议仲裁院负责。", [("县劳动人事争议仲裁院", "responsible")]),
        ("由市不动产登记交易中心负责。", [("市不动产登记交易中心", "responsible")]),
        ("由县住房公积金管理部负责。", [("县住房公积金管理部", "responsible")]),
        ("由市医保事务中心负责。", [("市医保事务中心", "responsible")]),
        ("由省港澳办、省人才交流服务中心负责。", [("省港澳办", "responsible"), ("省人才交流服务中心", "responsible")]),
        # the bodies that must carry a task out (落实) answer for it
        (
            "以下任务均需各区市政府、开发区管委落实，不再一一列出。",
            [("各区市政府", "responsible"), ("开发区管委", "responsible")],
        ),
    ],
)
def test_huitong_before_a_place_and_what_a_body_says_it_will_do(text, roles):
    assert _name_roles(text, issuer="深圳市人民政府") == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a TV script's sound bite: an official's title, own name and a colon speak for the body
        (
            "【同期声】县行政审批局副局长 李华：下一步，我们将会同县人社局、县医保局推出一批事项。",
            [("县行政审批局", "lead"), ("县人社局", "cooperate"), ("县医保局", "cooperate")],
        ),
        ("市医保局局长张明说：“我局将会同市税务局推进。”", [("市医保局", "lead"), ("市税务局", "cooperate")]),
        # a title and a name alone say nothing the body will do
        ("市医保局局长 张明：今年办件量比去年增加两成。", [("市医保局", "mentioned")]),
    ],
)
def test_a_sound_bite_of_an_official_speaks_for_the_body(text, roles):
    assert _name_roles(text) == roles


def test_central_bodies_of_every_kind_and_the_banking_regulator_before_2023():
    text = "（人民银行、银保监会、国家民委、国管局、国台办、全国工商联、中央统战部按职责分工负责）"
    found = [(d.canonical, d.role) for d in find_departments(text)]
    assert found == [
        ("中国人民银行", "responsible"),
        ("中国银行保险监督管理委员会", "responsible"),
        ("国家民族事务委员会", "responsible"),
        ("国家机关事务管理局", "responsible"),
        ("国务院台湾事务办公室", "responsible"),
        ("中华全国工商业联合会", "responsible"),
        ("中共中央统一战线工作部", "responsible"),
    ]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a provincial paper's report: 我省, and the one province it names in full
        ("近日，省政府办公厅印发《湖北省推进政务服务“跨省通办”实施方案》，我省将分批承接。", "湖北省人民政府办公厅"),
        # the province it works with is not its own
        ("省公安厅发布消息，我省与陕西省实现户口迁移“跨省通办”，户口在陕西省的群众可就近办理。", "省公安厅"),
        # a page that does not speak for a province may report on any
        ("近日，省政府办公厅印发《湖北省推进政务服务“跨省通办”实施方案》。", "省人民政府办公厅"),
        # a Gansu report names no province, only its cities: 平凉, 庆阳, 陇南 are all 甘肃's
        ("记者从省民政厅获悉，今年我省对平凉、庆阳、陇南等5个市州进行了工作推进。", "甘肃省民政厅"),
        # cities of two provinces (兰州 is 甘肃's, 西安 陕西's): no province
        ("记者从省民政厅获悉，我省兰州与西安两地实现结婚登记通办。", "省民政厅"),
        ("记者从省民政厅获悉，我省平凉市推进通办。", "省民政厅"),  # one city only
    ],
)
def test_a_news_page_that_says_wosheng_speaks_for_the_one_province_it_names(text, canonical):
    assert find_departments(text)[0].canonical == canonical


def test_a_verb_of_forwarding_ends_a_bodys_name():
    """A Fujian notice's title: 福建省民政厅转发民政部办公厅关于… was one body of that name."""
    found = find_departments("福建省民政厅转发民政部办公厅关于扩大内地居民婚姻登记“跨省通办”试点的通知")
    assert [d.canonical for d in found] == ["福建省民政厅", "民政部办公厅"]


@pytest.mark.parametrize("text", [".州市改革领导小组办公室"])
def test_a_group_office_whose_place_is_rejected_ends_the_search(text):
    """A group office is searched from the last match's end: a match rejected for its place
    (after a full stop, 州市 opens no name) came back for ever and hung the run. Found by fuzzing."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        result = pool.apply_async(find_departments, (text,))
        assert result.get(timeout=10) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a news page names a body in full first, short after: the same body
            "广东省政务服务数据管理局12日表示，即日起实现跨境通办。省政务服务数据管理局将会同省税务局推进。",
            ["广东省政务服务数据管理局", "广东省政务服务数据管理局", "省税务局"],  # 省税务局 is no body named in full
        ),
        (  # two cities named: the short one is the city whose body the page named in full
            "深圳市政务服务数据管理局与东莞市人社局签署协议。市政务服务数据管理局表示将推进。",
            ["深圳市政务服务数据管理局", "东莞市人力资源和社会保障局", "深圳市政务服务数据管理局"],
        ),
        (  # two provinces' bodies of one name: none is meant
            "广东省医疗保障局与湖南省医疗保障局签署协议。省医疗保障局表示将推进。",
            ["广东省医疗保障局", "湖南省医疗保障局", "省医疗保障局"],
        ),
    ],
)
def test_a_body_named_short_after_it_was_named_in_full_is_that_one(text, expected):
    assert [d.canonical for d in find_departments(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "由珠海市、中山市医疗保障局负责。",
            [("珠海市", "珠海市医疗保障局", "responsible"), ("中山市医疗保障局", "中山市医疗保障局", "responsible")],
        ),
        (  # a city's short name shares the body too
            "广州、深圳市政务服务数据管理局负责。",
            [
                ("广州", "广州市政务服务数据管理局", "responsible"),
                ("深圳市政务服务数据管理局", "深圳市政务服务数据管理局", "responsible"),
            ],
        ),
        # a class of places before a class of bodies stays one class
        ("各市、县医保局负责。", [("各市、县医保局", "各市、县医疗保障局", "responsible")]),
        (  # and so do counties and county-level cities named in full
            "长沙县、浏阳市、醴陵市政务服务中心负责。",
            [
                ("长沙县", "长沙县政务服务中心", "responsible"),
                ("浏阳市", "浏阳市政务服务中心", "responsible"),
                ("醴陵市政务服务中心", "醴陵市政务服务中心", "responsible"),
            ],
        ),
        # one body's second name in brackets: the cue after it is both names'
        (
            "市行政审批服务局（市政务服务中心）负责。",
            [("市行政审批服务局", "市行政审批服务局", "responsible"), ("市政务服务中心", "市政务服务中心", "responsible")],
        ),
    ],
)
def test_places_listed_before_one_body_share_it(text, expected):
    assert [(d.name, d.canonical, d.role) for d in find_departments(text)] == expected


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("负责牵头", "lead"),
        ("总牵头", "lead"),
        ("抓总", "lead"),
        ("作为主责部门", "lead"),
        ("要切实履行牵头责任", "lead"),
        ("具体承办", "responsible"),  # a role opens no unit of the body (…承办 ends like 市政府办)
        ("组织落实", "responsible"),
        ("履行主体责任", "responsible"),
        ("做好配合", "cooperate"),  # not 做好's responsible
        ("积极配合", "cooperate"),  # an adverb between the name and its cue
        ("积极推进", "mentioned"),
    ],
)
def test_more_ways_notices_say_a_bodys_role(phrase, role):
    (found,) = find_departments(f"市医保局{phrase}。")
    assert (found.name, found.role) == ("市医保局", role)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("主责单位", "lead"),
        ("协同部门", "cooperate"),
        ("参与单位", "cooperate"),
        ("实施单位", "responsible"),
        ("经办机构", "responsible"),
    ],
)
def test_more_labels_over_a_list_of_bodies(label, role):
    assert [(d.name, d.role) for d in find_departments(f"（{label}：市医保局、市人社局）")] == [
        ("市医保局", role),
        ("市人社局", role),
    ]


def test_a_bodys_unit_never_grows_into_mojibake():
    """A GBK byte shift began inside a unit's name (…工作总|队?粽芾…): the unit's text is not
    sure, but the body before it is, and it is still read."""
    text = "四川省公安厅基层基础工作总队?粽芾碇负责人表示，将力争在年内实现新生儿入户“跨省通办”。"
    start = text.index("队?")
    bodies = [(d.canonical, d.role) for d in extract_text(text, skip=[(start, start + 6)]).departments]
    assert bodies == [("四川省公安厅", "mentioned")]
    whole = [d.canonical for d in extract_text(text.replace("?粽芾碇", "")).departments]
    assert whole == ["四川省公安厅基层基础工作总队"]  # with no mojibake, the unit is its name


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("户籍业务由各派出所负责办理。", [("各派出所", "responsible")]),
        ("各税务所要于6月底前设置专窗。", [("各税务所", "responsible")]),
        # a station alone is one station, named before it or not: no class
        ("群众可就近到派出所办理。", []),
    ],
)
def test_a_towns_stations_after_ge_are_a_class(text, roles):
    assert _name_roles(text, issuer="某县人民政府") == roles


def test_a_task_tables_host_and_co_host_columns_lead_and_cooperate_but_a_footers_host_does_not():
    text = (
        "“跨省通办”任务分工\n序号\t任务\t主办单位\t协办单位\t完成时限\n"
        "1\t推进异地就医备案\t市医保局\t市人社局\t2024年6月底前\n\n"
        "主办单位：某安县人民政府办公室\n"
    )
    extraction = extract_text(text, issued="2024-01-01")
    assert [(d.name, d.role) for d in extraction.departments] == [
        ("市医保局", "lead"),
        ("市人社局", "cooperate"),
        ("某安县人民政府办公室", "mentioned"),
    ]
