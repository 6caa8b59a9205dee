"""The local bodies a notice may name, by their full names and short forms (department_bodies.tsv), and what a body before a dated task answers for."""

from __future__ import annotations

import pytest

from extractors.departments import find_departments


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("市车管所", "某某市车辆管理所"),
        ("市教体局", "某某市教育和体育局"),
        ("市住建委", "某某市住房和城乡建设委员会"),  # the municipalities' and some cities' 委
        ("市交通委", "某某市交通委员会"),  # not 交通运输委员会: 北京市交通委员会 is its own name
        ("市卫生计生委", "某某市卫生和计划生育委员会"),
        ("市公共就业和人才服务局", "某某市公共就业和人才服务局"),
        ("区婚姻登记处", "区婚姻登记处"),  # a bare 区 in a city's notice is any district
        ("市医保经办机构", "某某市医疗保障经办机构"),
        # a housing fund's branch, and the branch for the province's own organs (省直)
        ("市公积金分中心", "某某市住房公积金管理分中心"),
        ("吉林省省直住房公积金管理分中心", "吉林省省直住房公积金管理分中心"),
        # a unit after its body, by its full name (交警支队 = 交通警察支队, as 市公安局交通警察支队
        # writes it), but not its head's title (支队长)
        ("市公安局交警支队", "某某市公安局交通警察支队"),
        ("市公安局交通警察支队", "某某市公安局交通警察支队"),
        ("市交警支队", "某某市交通警察支队"),
        ("省公安厅交警总队", "省公安厅交通警察总队"),  # a city's notice: whose province, it does not say
        ("市公安局支队长", "某某市公安局"),
        # courts and procuratorates handle their own cross-region services (跨域立案)
        ("市中院", "某某市中级人民法院"),
        ("县人民法院", "县人民法院"),
        ("市人民检察院", "某某市人民检察院"),
        # a housing fund centre's office for a county, named for the county it serves
        ("市住房公积金管理中心浏阳管理部", "某某市住房公积金管理中心浏阳管理部"),
    ],
)
def test_local_bodies_by_their_short_forms(name, canonical):
    (found,) = find_departments(f"由{name}负责。", issuer="某某市人民政府")
    assert found.canonical == canonical


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("由市市场监管部门负责。", [("市市场监管部门", "某某市市场监管部门")]),  # the issuer's city's
        ("城市市场监管部门", [("市场监管部门", "市场监管部门")]),  # 市 of 城市: no level
        ("各级市场监管部门", [("各级市场监管部门", "各级市场监管部门")]),
    ],
)
def test_a_bare_level_before_a_sector_class_is_the_issuers_place(text, found):
    assert [(d.name, d.canonical) for d in find_departments(text, issuer="某某市人民政府")] == found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("各省级医保部门要在2022年底前实现异地就医备案“跨省通办”。", "responsible"),  # a task by a date
        ("省医保局于6月底前完成系统改造。", "responsible"),
        ("省医保局要在年底前全面完成系统改造。", "responsible"),  # an adverb before the verb
        ("省医保局已在全省范围内实现异地就医备案。", "mentioned"),  # a place, not a time limit
        ("省编办要在本通知印发后10日内公开清单。", "responsible"),  # a count of days from the notice
        ("省编办要于30日内公布汇总清单。", "responsible"),
        ("省编办要在本通知印发后10日内在广东机构编制网公开清单。", "responsible"),  # where, then the verb
        ("省医保局在会上介绍了情况。", "mentioned"),
        ("省政务服务中心要于每季度末前汇总各地进展情况。", "responsible"),  # any task verb: 汇总, 上报…
        ("省医保局要在6月底前上报工作方案。", "responsible"),
        ("省医保局在年底前发布的通知中明确了要求。", "mentioned"),  # the verb names a thing (…的通知)
    ],
)
def test_a_body_that_must_complete_a_task_by_a_date_answers_for_it(text, role):
    (found,) = find_departments(text, issuer="广东省人民政府")
    assert found.role == role


@pytest.mark.parametrize(
    ("text", "issuer", "canonical"),
    [
        ("省大数据局会同省公安厅推进。", "浙江省人民政府办公厅", "浙江省大数据发展管理局"),
        ("省大数据局会同省公安厅推进。", "山东省人民政府办公厅", "山东省大数据局"),
        ("省大数据局会同省公安厅推进。", "河北省人民政府办公厅", "河北省大数据管理局"),  # no row: the generic form
        ("杭州市大数据局会同市公安局推进。", "杭州市人民政府办公厅", "杭州市大数据管理局"),  # a city's: not the province's row
    ],
)
def test_a_province_whose_body_has_its_own_name_gets_it(text, issuer, canonical):
    assert find_departments(text, issuer=issuer)[0].canonical == canonical


def test_a_prefectures_administrative_office_is_a_body():
    text = "请那曲市人民政府、阿里地区行政公署于8月底前完成，锡林郭勒盟行政公署配合。"
    found = [(d.canonical, d.role) for d in find_departments(text, issuer="西藏自治区人民政府办公厅")]
    assert found == [
        ("那曲市人民政府", "responsible"),
        ("阿里地区行政公署", "responsible"),
        ("锡林郭勒盟行政公署", "cooperate"),
    ]


@pytest.mark.parametrize(
    "unit",
    [
        "国家税务总局征管和科技发展司",
        "教育部学生服务与素质发展中心",
        "住房和城乡建设部住房公积金监管司",
        "司法部公共法律服务管理局",
    ],
)
def test_a_ministrys_unit_with_a_long_name_or_a_joined_one_is_one_body(unit):
    """Units of up to ten characters before 司, 局 or 中心, and 和 or 与 inside one (征管和科技发展司);
    a 和 between two bodies still parts them."""
    assert [d.name for d in find_departments(f"{unit}负责。", issuer="国务院办公厅")] == [unit]
    two = [d.name for d in find_departments("人力资源社会保障部和公安部信息中心负责。", issuer="国务院办公厅")]
    assert two == ["人力资源社会保障部", "公安部信息中心"]


def test_a_service_centre_and_a_transport_bureau_written_short_are_bodies():
    found = [(d.name, d.canonical) for d in find_departments("市便民服务中心、市交通局负责。", issuer="某州市人民政府")]
    assert found == [("市便民服务中心", "某州市便民服务中心"), ("市交通局", "某州市交通运输局")]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("省侨办", "广东省人民政府侨务办公室"),
        ("省民宗委", "广东省民族宗教事务委员会"),
        ("市信访局", "广州市信访局"),
        ("市人防办", "广州市人民防空办公室"),
        ("省药监局", "广东省药品监督管理局"),
        ("省粮食和储备局", "广东省粮食和物资储备局"),
        ("市消防救援支队", "广州市消防救援支队"),
        ("省气象局", "广东省气象局"),
        ("市疾控中心", "广州市疾病预防控制中心"),
        ("省老龄办", "广东省老龄工作委员会办公室"),
        ("省侨联", "广东省归国华侨联合会"),
        ("省政务管理服务局", "广东省政务管理服务局"),  # 湖南's name for its service office
        ("市社会保险服务中心", "广州市社会保险服务中心"),
        ("省医疗保障事务中心", "广东省医疗保障事务中心"),
        ("省监狱管理局", "广东省监狱管理局"),
    ],
)
def test_provincial_and_city_bodies_beyond_the_service_departments(name, canonical):
    place = "广东省" if name.startswith("省") else "广州市"
    (found,) = find_departments(f"由{name}负责。", issuer=f"{place}人民政府")
    assert found.canonical == canonical


@pytest.mark.parametrize(
    ("text", "issuer", "canonical"),
    [
        ("由省税务局负责。", "广东省人民政府", "国家税务总局广东省税务局"),
        ("由市税务局负责。", "广州市人民政府", "国家税务总局广州市税务局"),
        ("由国家税务总局广州市税务局负责。", "广州市人民政府", "国家税务总局广州市税务局"),
        ("由各市税务局负责。", "广东省人民政府", "各市税务局"),  # a class of bodies, not one
        ("由市税务局负责。", None, "市税务局"),  # no issuer: 市 is no place we know
    ],
)
def test_a_local_tax_bureau_is_named_under_the_state_taxation_administration(text, issuer, canonical):
    (found,) = find_departments(text, issuer=issuer)
    assert found.canonical == canonical


@pytest.mark.parametrize(
    ("text", "first_role"),
    [
        ("（省税务局、广州海关、省民政厅按职责分工负责）", "responsible"),  # a customs district: a body
        ("（省税务局、省消防救援总队、省民政厅按职责分工负责）", "responsible"),
        ("（省税务局、认真落实部署、省民政厅按职责分工负责）", "mentioned"),  # 部署 ends no body's name
    ],
)
def test_a_list_of_bodies_goes_on_past_a_name_no_gazetteer_knows_only_if_it_ends_like_a_body(text, first_role):
    found = find_departments(text, issuer="广东省人民政府")
    assert (found[0].name, found[0].role) == ("省税务局", first_role)
    assert (found[-1].name, found[-1].role) == ("省民政厅", "responsible")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("市外侨办", "广州市人民政府外事侨务办公室"),
        ("市外事办", "广州市人民政府外事办公室"),
        ("市文广旅体局", "广州市文化广电旅游体育局"),
        ("市房管局", "广州市房产管理局"),
        ("市园林局", "广州市园林绿化局"),
        ("乡镇（街道）便民服务中心", "乡镇（街道）便民服务中心"),  # a class of places, then the body
        ("村（社区）党群服务中心", "村（社区）党群服务中心"),
    ],
)
def test_a_citys_bodies_and_the_service_centres_below_it(name, canonical):
    (found,) = find_departments(f"由{name}负责。", issuer="广州市人民政府")
    assert found.canonical == canonical


def test_an_enterprise_in_a_list_of_bodies_keeps_the_list_going():
    """一件事 plans name utilities beside bodies: "市住建局、市自来水公司、市供电局配合"."""
    found = find_departments("（市住建局、市自来水公司、市燃气集团、市供电局配合）", issuer="广州市人民政府")
    assert (found[0].name, found[0].role) == ("市住建局", "cooperate")


def test_a_district_notice_names_its_own_district_without_its_city():
    """立山区人民政府 in a notice of 鞍山市立山区人民政府 is that body, not a second one."""
    text = "立山区人民政府关于印发方案的通知。（牵头单位：区发改局；责任单位：各街道，区市场局，区直各部门）"
    found = {(d.name, d.canonical, d.role) for d in find_departments(text, issuer="鞍山市立山区人民政府")}
    assert found == {
        ("立山区人民政府", "鞍山市立山区人民政府", "mentioned"),
        ("区发改局", "鞍山市立山区发展和改革局", "lead"),
        ("区市场局", "鞍山市立山区市场监督管理局", "responsible"),
        ("区直各部门", "区直各部门", "responsible"),
    }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("各牵头单位的具体实施方案务于2月3日前报送市政府。", "mentioned"),  # the cue is its clause's subject
        ("各牵头单位要于每月28日前将进展情况报送市政府督考办。", "mentioned"),
        ("请各牵头单位于5月19日（星期五）前将细化方案报市政务服务中心。", "mentioned"),  # the time it acts by
        ("各责任单位在6月底前将方案报送市政府。", "mentioned"),
        ("牵头单位：市政府办公室。", "lead"),  # a label over the name
    ],
)
def test_a_role_word_that_is_its_clauses_subject_labels_no_name(text, role):
    found = find_departments(text, issuer="盘锦市人民政府办公室")
    assert found[-1].role == role


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（广州海关、黄埔海关、省商务厅按职责分工负责）", ["广州海关", "黄埔海关", "广东省商务厅"]),
        ("由广东银保监局、深圳银保监局、佛山银保监分局负责。", ["广东银保监局", "深圳银保监局", "佛山银保监分局"]),
        ("上海海关、长江海事局配合。", ["上海海关", "长江海事局"]),
        ("由广州海关、罗湖出入境边防检查站配合。", ["广州海关", "罗湖出入境边防检查站"]),
        ("广东出入境边防检查总站负责。", ["广东出入境边防检查总站"]),
        ("全省海关要加快推进通关便利化。", []),  # no place's name: no one office
        ("通过海关申报系统办理。", []),
    ],
)
def test_a_central_bodys_local_office_keeps_the_name_it_is_written_with(text, names):
    """广州海关 is the customs district, not 广州市海关: the central body runs it."""
    found = find_departments(text, issuer="广东省人民政府")
    assert [mention.canonical for mention in found] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("由省政府办公厅、省政府职转办负责。", "省政府职转办"),
        ("由市政府研究室负责。", "市政府研究室"),
        ("由重庆市政府职转办在今年6月底前完成。", "重庆市政府职转办"),
        ("由市政府督办，各区落实。", "市政府"),  # 督办 is a verb
        ("经省政府批准办理。", "省政府"),
    ],
)
def test_a_governments_office_written_short_is_that_office(text, name):
    """省政府职转办 is the government's office for its reform, not the government."""
    assert find_departments(text, issuer="广东省人民政府")[-1].name == name


@pytest.mark.parametrize("places", ["各市、区", "各县、市、区", "各区、县"])
def test_level_words_joined_in_any_order_are_a_class_of_places(places):
    """各市、区人民政府 (a Guangdong city's county-level cities and districts) had been read as 区人民政府."""
    (found,) = find_departments(f"请{places}人民政府在1个月内完成编制。", issuer="江门市人民政府办公室")
    assert (found.name, found.role) == (f"{places}人民政府", "responsible")


def test_a_working_groups_office_issuing_gives_its_city():
    """泉州市行政审批制度改革领导小组办公室 signs: 市 is 泉州市, and the office's name is read
    whole (泉州 is a city's short name too: its 市 had gone to the office's name)."""
    issuer = "泉州市行政审批制度改革领导小组办公室"
    text = f"{issuer}关于公布清单的通知\n由市审改办负责。事项必须全部进驻市行政服务中心。"
    found = [(d.name, d.canonical) for d in find_departments(text, issuer=issuer)]
    assert found == [
        (issuer, issuer),
        ("市审改办", "泉州市审批制度改革办公室"),
        ("市行政服务中心", "泉州市行政服务中心"),  # 全部进驻 is no place
    ]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("由区公安分局负责。", "广州市天河区公安分局"),  # a district's police: a sub-bureau of the city's
        ("由某溪区公安分局负责。", "某溪区公安分局"),
    ],
)
def test_a_districts_police_sub_bureau_is_a_body(text, canonical):
    (found,) = find_departments(text, issuer="广州市天河区人民政府")
    assert found.canonical == canonical


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("市医保局为责任单位。", "responsible"),
        ("市公安局是牵头单位。", "lead"),
        ("市公安局作为责任单位，要加强指导。", "responsible"),
        ("市民政局为配合单位。", "cooperate"),
    ],
)
def test_a_body_said_to_be_a_role_unit_takes_that_role(text, role):
    (found,) = find_departments(text, issuer="某州市人民政府")
    assert found.role == role


@pytest.mark.parametrize(
    "text",
    ["请将名单报市公安局。", "群众可到市公安局办理。", "请送市公安局。", "给市公安局打电话。", "另据市公安局消息。"],
)
def test_a_verb_of_going_sending_or_citing_opens_no_place(text):
    """请将名单报市公安局: 报 is a verb, no place's character (名单报市 was read as a city)."""
    (found,) = find_departments(text, issuer="某州市人民政府")
    assert (found.name, found.canonical) == ("市公安局", "某州市公安局")


def test_a_class_written_with_half_width_brackets_has_the_full_width_canonical():
    """One class in the registry, whatever brackets a page typed."""
    half = find_departments("各县(市、区)政务服务中心均可受理。")
    full = find_departments("各县（市、区）政务服务中心均可受理。")
    assert [d.canonical for d in half] == [d.canonical for d in full] == ["各县（市、区）政务服务中心"]
    assert half[0].name == "各县(市、区)政务服务中心"  # the name stays as written
