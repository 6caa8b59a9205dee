"""Re-flowing a hard-wrapped page (a PDF's text, a newspaper column): every line of running
text broken at the page's width goes back together; heads, signatures and dates keep theirs."""

from __future__ import annotations

from bench.reflow_bench import set_in_lines
from extractors.normalize import normalize_text

PARAGRAPHS = [
    "为贯彻党中央、国务院关于加强数字政府建设、持续优化政务服务的决策部署，落实《政府工作报告》要求，"
    "扩大政务服务“跨省通办”范围，进一步提升服务效能，更好满足企业和群众异地办事需求，现提出以下意见。",
    "推行帮办代办、引导教办等线下服务，为老年人、残疾人等特殊群体和不熟悉网络操作的办事人提供更多便利，"
    "更好满足多样化、个性化办事需求，确保线上能办的线下也能办。",
    "各地区各部门要按照国办发〔2020〕35号文件要求，加快推进高频政务服务事项“跨省通办”，"
    "2021年底前基本实现第二批事项“跨省通办”（见附件）。",
]


def wrapped(lines: list[str], width: int) -> str:
    """Each paragraph set as print sets it (bench/reflow_bench.py): indented by two and cut at
    ``width`` full-width cells, half-width characters counting half."""
    return set_in_lines("\n".join(lines), width, indent=True)


def test_running_text_cut_at_any_width_goes_back_together():
    """Cut at 14 to 22 characters, lines ended on 决策部署 or 的办 (which end like a body's
    name: a signature's) or opened with ，, and kept those breaks."""
    for width in range(14, 23):
        result = normalize_text(wrapped(PARAGRAPHS, width))
        assert result.quality.hard_wrapped
        assert result.text.split("\n") == PARAGRAPHS, width


def test_a_number_cut_by_the_wrap_goes_on_without_a_space():
    text = "各地区各部门要按照国办发〔20\n20〕35号文件要求，加快推进。"
    assert normalize_text(text).text == "各地区各部门要按照国办发〔2020〕35号文件要求，加快推进。"
    # two Latin words still meet with one
    text = "为方便群众，可通过平台APP\nStore等渠道办理。"
    assert normalize_text(text).text == "为方便群众，可通过平台APP Store等渠道办理。"


def test_a_line_opening_with_a_pause_or_a_closer_goes_on_from_the_line_above():
    text = "为贯彻党中央、国务院关于加强数字政府建设的决策部署\n，落实《政府工作报告》要求。"
    assert normalize_text(text).text == "为贯彻党中央、国务院关于加强数字政府建设的决策部署，落实《政府工作报告》要求。"
    # across a blank line it is a paragraph of its own
    assert normalize_text("新疆旅游业“回暖”\n\n”另据报道。").text.count("\n") == 2


def test_attachment_closing_a_bracket_is_no_attachment_heading():
    text = "2021年底前基本实现第二批事项“跨省通办”（见\n附件）。"
    assert normalize_text(text).text == "2021年底前基本实现第二批事项“跨省通办”（见附件）。"
    assert normalize_text("请认真贯彻执行。\n附件：事项清单").text.split("\n") == ["请认真贯彻执行。", "附件：事项清单"]


def test_head_lines_and_a_flush_right_signature_keep_theirs_on_a_wrapped_page():
    addressees = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    signature = " " * 30 + "国务院办公厅"
    date = " " * 30 + "2022年9月28日"
    text = addressees + "\n" + wrapped(PARAGRAPHS, 28) + "\n" + signature + "\n" + date
    lines = normalize_text(text).text.split("\n")
    assert lines[0] == addressees
    assert lines[1] == PARAGRAPHS[0]
    assert lines[-2:] == ["国务院办公厅", "2022年9月28日"]


def test_a_centred_title_broken_inside_its_quotes_is_one_line():
    """The second line of a centred title is indented further, which on a hard-wrapped page reads as
    a new paragraph; a quote left open mid-word (“跨省 / 通办”) says it is not."""
    head = " " * 8 + "某市人民政府办公室关于印发某市推进政务服务“跨省\n" + " " * 18 + "通办”工作方案的通知\n\n"
    text = head + wrapped(PARAGRAPHS, 26)
    assert normalize_text(text).text.split("\n")[0] == "某市人民政府办公室关于印发某市推进政务服务“跨省通办”工作方案的通知"


def test_a_list_of_names_of_one_length_is_no_wrapped_column():
    """Five names a line and each item's field lines, all about one width, had read as a page
    wrapped at that width: the last name ran into the signature, field lines into each
    other, and the list went unread."""
    names = ["职业资格证书核查", "医保关系转移接续", "企业登记信息变更", "开具户籍类证明", "个体工商户变更登记"]
    numbered = [f"{number}.{name}" for number, name in enumerate(names, 1)]
    fields = [line for name in numbered for line in (name, "牵头单位：省公安厅", "完成时限：2024年6月底前")]
    head = ["江西省人民政府办公厅关于推进政务服务“跨省通办”的通知", "各市人民政府：", "为深化改革，现将有关事项通知如下。"]
    for listing in (numbered, fields):
        lines = [*head, "“省内通办”事项清单", *listing, "江西省人民政府办公厅", "2024年3月1日"]
        result = normalize_text("\n".join(lines))
        assert not result.quality.hard_wrapped
        assert result.text.split("\n") == lines


def test_table_rows_are_no_wrapped_column():
    rows = [f"{number}\t{name}\t公安部\t2021年底前" for number, name in enumerate(["户口迁移", "居民身份证换领"] * 6, 1)]
    text = "\n".join(["全国高频政务服务“跨省通办”事项清单", "序号\t事项名称\t主管部门\t完成时限", *rows])
    assert not normalize_text(text).quality.hard_wrapped


def test_a_list_with_dashes_for_bullets_keeps_its_lines():
    """A dash-bulleted list line holding 、 (one name, 居民身份证换领、补领) looked like an open
    clause and was joined to the next entry. Two dash lines in a row are a list's."""
    text = "此次新增的“跨省通办”事项有：\n-特种设备作业人员资格认定\n-居民身份证换领、补领\n-职工参保信息变更登记\n"
    assert normalize_text(text).text.split("\n")[2:] == ["-居民身份证换领、补领", "-职工参保信息变更登记"]


def test_a_headline_listing_items_keeps_its_line_over_the_dateline():
    """Its 、 reads as an open clause; the dateline under it opens a line all the same."""
    for dateline in ("2021-05-20 来源：新华网", "2021-05-20 10:30", "来源：新华网"):
        text = f"社保卡申领、异地就医备案等10项服务实现跨省通办\n{dateline}\n本报讯 近日，我市推出多项便民举措。"
        assert normalize_text(text).text.split("\n")[0] == "社保卡申领、异地就医备案等10项服务实现跨省通办"


def _cut(paragraph: str, width: int) -> list[str]:
    """A paragraph as a PDF's text layer gives it: cut every ``width`` characters, no indent."""
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def test_a_short_pdf_notice_finds_its_column_past_its_titles_and_signature():
    """A cover page and a few task paragraphs: its two-line title, number, signature and 附件
    stop short with no mark, as a wrapped line stops. They are lines of their own in any text
    and say nothing of the column, so the lines the page cut mid-word (…县人民政 / 府同意, a
    quote closed mid-clause: …“省内通办” / 窗口) go back together."""
    cover = "《某县2023年政务服务“跨省通办”“省内通办”工作方案》已经县人民政府同意，现印发给你们，请结合实际认真贯彻执行。"
    tasks = [
        "（一）完善线下专窗。各乡镇便民服务中心要设置“跨省通办”“省内通办”窗口，9月底前完成人员培训。",
        "（二）强化数据共享。县数据资源局负责系统对接，按月汇总办件数据，每季度首月10日前报送县政府办公室。",
        "（三）拓展通办事项。县人社局要在5月底前实现失业登记、就业困难人员认定、职业介绍补贴申领跨省通办，县医保局会同县卫健局推进参保登记省内通办。",
        "（四）加强宣传引导。各乡镇要通过政府网站、政务新媒体和便民服务中心窗口等渠道，及时宣传通办事项和办理方式，提高群众知晓度。",
        "各单位要高度重视，明确专人负责。工作中遇到的问题，请及时与县政务服务中心联系沟通，确保各项任务落实到位。",
    ]
    lines = [
        "某县人民政府办公室关于印发某县2023年政务服务“跨省",
        "通办”“省内通办”工作方案的通知",
        "县府办发〔2023〕9号",
        "各乡镇人民政府，县政府各部门：",
        *_cut(cover, 34),
        "某县人民政府办公室",
        "2023年3月15日",
        "",
        "某县2023年政务服务“跨省通办”“省内通办”工作方案",
        "一、主要任务",
        *[line for task in tasks for line in _cut(task, 34)],
        "",
        "附件",
        "某县2023年“跨省通办”“省内通办”事项清单",
    ]
    result = normalize_text("\n".join(lines)).text.split("\n")
    assert cover in result
    assert all(task in result for task in tasks)
    assert result[:2] == ["某县人民政府办公室关于印发某县2023年政务服务“跨省通办”“省内通办”工作方案的通知", "县府办发〔2023〕9号"]
    assert "某县人民政府办公室" in result and "附件" in result


def test_list_entries_a_blank_line_apart_stay_apart_though_one_holds_a_dunhao():
    """An HTML list's entries come a blank line apart; one whose name holds 、 had run on
    into the ones after it (…、丢失补领城乡居民养老保险参保登记居住证签注)."""
    entries = ["出生登记", "身份证首次申领、到期换领、丢失补领", "城乡居民养老保险参保登记", "居住证签注"]
    text = "此次新增的“跨省通办”事项有：\n\n" + "\n\n".join(entries) + "\n"
    assert normalize_text(text).text.split("\n\n")[1:] == entries
    # a sentence cut mid-word across a blank line still goes on: what follows has its marks
    cut = "第一段文字说明。\n\n推动异地就医备案、户口\n\n迁移等事项跨省通办。\n\n第二段。\n"
    assert "推动异地就医备案、户口迁移等事项跨省通办。" in normalize_text(cut).text


def test_a_cover_too_short_for_a_column_by_percentiles_reflows_at_its_widest_lines():
    """A cover with two task paragraphs: too few lines for the column tests above, but its
    widest lines stop mid-sentence, so they are the column's. A numbered paragraph whose first
    line holds no clause (一、…的认领和办 / 事指南编制，…) goes back together, and a title's last
    line that opens with 的 joins the title."""
    tasks = [
        "一、各市（州）政务服务中心要于7月15日前完成清单内事项的认领和办事指南编制，9月30日前全面实现清单内事项“省内通办”。",
        "二、省直各有关部门要加强业务指导，每季度末向省政务服务中心报送通办事项办理情况。",
    ]
    cover = "经省人民政府同意，现将第三批“省内通办”事项清单（共14项）予以公布，请认真抓好落实。"
    lines = [
        "某省人民政府办公厅关于公布第三批“省内通办”事项清单",
        "的通知",
        "某府办函〔2024〕31号",
        "各市、自治州人民政府，省政府各部门、各直属机构：",
        *_cut(cover, 34),
        *[line for task in tasks for line in _cut(task, 34)],
        "附件：第三批“省内通办”事项清单",
        "某省人民政府办公厅",
        "2024年6月3日",
    ]
    result = normalize_text("\n".join(lines)).text.split("\n")
    assert result[0] == "某省人民政府办公厅关于公布第三批“省内通办”事项清单的通知"
    assert cover in result and all(task in result for task in tasks)
    assert result[-3:] == lines[-3:]


def test_a_cover_with_one_paragraph_wrapped_once_reflows_it():
    """A 印发 notice's cover: one paragraph, cut once mid-word (…要于每 / 月5日前…). One stop is
    too few to vouch for a column, but the widest line stops mid-sentence and the shorter line
    under it ends the sentence. The title over its number and the signature stay apart."""
    paragraph = (
        "《某市2024年政务服务“省内通办”重点事项清单》已经市政府同意，现印发给你们，请认真贯彻执行。"
        "各牵头单位要于每月5日前将上月工作进展报送市政务服务和大数据管理局。"
    )
    lines = [
        "某市人民政府办公室关于印发《某市2024年政务服务“省内通办”重点事项清单》的通知",
        "某府办发〔2024〕12号",
        "各县（区）人民政府，市政府各部门：",
        *_cut(paragraph, 56),
        "某市人民政府办公室",
        "2024年3月18日",
    ]
    assert normalize_text("\n".join(lines)).text.split("\n") == [*lines[:3], paragraph, *lines[-2:]]
    # a widest line whose next line ends no sentence is no wrap: the title over its number
    title_only = ["某市人民政府办公室关于印发《某市2024年政务服务“省内通办”重点事项清单》的通知", "某府办发〔2024〕12号"]
    assert normalize_text("\n".join(title_only)).text.split("\n") == title_only


def test_a_page_whose_widest_lines_end_their_sentences_keeps_its_short_lines():
    """A scraped page sets a paragraph a line: its widest lines end with 。, so no column is
    read from them, and a short numbered line with no mark stays a heading of its own."""
    lines = [
        "一、工作目标",
        "到2024年底，实现第三批高频政务服务事项“省内通办”，线下专窗覆盖所有县级政务服务中心，办事更加便捷。",
        "二、主要任务",
        "各市（州）政务服务中心要于7月15日前完成清单内事项的认领和办事指南编制，并向社会公布办事指南。",
        "三、工作要求",
        "省直各有关部门要加强业务指导，每季度末向省政务服务中心报送通办事项办理情况，确保工作落实。",
    ]
    assert normalize_text("\n".join(lines)).text.split("\n") == lines
