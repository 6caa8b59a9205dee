"""Deadlines, ranges and labelled dates: their forms, what is no deadline, and resolution against the document date."""

from __future__ import annotations

from collections import Counter

import pytest

from extractors import extract_text
from extractors.dates import parse_iso
from extractors.deadlines import extract_deadlines
from tests.conftest import SEED_000, SEED_003


def test_state_council_deadline(extracted):
    deadlines = extracted(SEED_000).deadlines
    assert [(d.text, d.kind, d.date) for d in deadlines] == [("2023年6月底前", "by", "2023-06-30")]


def test_guangdong_deadlines_resolve_against_the_document_date(extracted):
    found = {(d.text, d.kind, d.date) for d in extracted(SEED_003).deadlines}
    assert ("5月25日前", "by", "2021-05-25") in found
    assert ("12月20日前", "by", "2021-12-20") in found
    assert ("2021年年底前", "by", "2021-12-31") in found
    assert ("每月20日前", "recurring", None) in found


@pytest.mark.parametrize(
    "text, kind, date, start",
    [
        ("三季度末前完成", "by", "2021-09-30", None),
        ("明年首季前设立自助服务机", "by", "2022-03-31", None),  # 首季: the first quarter
        ("本季度末前完成", "by", "2021-06-30", None),  # the quarter the document's date falls in
        ("二季末前完成", "by", "2021-06-30", None),
        ("二○二一年六月底前", "by", "2021-06-30", None),
        ("6月底完成", "by", "2021-06-30", None),
        ("本月底前", "by", "2021-05-31", None),
        ("自2023年7月1日起施行", "start", None, "2023-07-01"),
        ("2021年之后", "period", None, "2022-01-01"),
        ("年内完成", "period", "2021-12-31", "2021-01-01"),
        ("到2025年，基本实现高频事项跨省通办", "by", "2025-12-31", None),  # a target year
        ("力争到2022年底全面实现", "by", "2022-12-31", None),
        ("不晚于2022年6月完成", "by", "2022-06-30", None),
        ("7月初前完成", "by", "2021-07-10", None),  # 初: a month's first ten days, as 上旬
        ("于2021年6月底至7月初开展", "period", "2021-07-10", "2021-06-01"),
        ("在6月30日或之前完成", "by", "2021-06-30", None),  # the day itself counts, as with （含）
    ],
)
def test_deadline_forms(text, kind, date, start):
    (deadline,) = extract_deadlines(text, parse_iso("2021-05-24"))
    assert (deadline.kind, deadline.date, deadline.start) == (kind, date, start)
    assert deadline.base_date == "2021-05-24"


def test_a_time_something_is_started_by_is_a_start():
    (deadline,) = extract_deadlines("各地要于6月下旬启动通办专窗建设。", parse_iso("2021-05-24"))
    assert (deadline.text, deadline.kind) == ("6月下旬启动", "start")


@pytest.mark.parametrize(
    "text",
    [
        "截至9月28日，已累计结算",
        "今年7月以来",
        "9月30日，国务院新闻办公室举行",
        "联系电话：020-83260327",
        "办结时限为3个工作日以内",
        "2021年底已实现社保卡申领等服务事项的跨省通办",  # done by then: a fact
        "2020年底前已经实现第一批58项事项“跨省通办”",
        "截止2021年底，已办理10万件",  # as of
        "收到2021年的申请",  # 到 after another verb
        "提高到2025年的水平",
        "传承岁月底蕴",  # 月底 with no month before it is a date only with a time word after it
        "下周召开推进会",  # a week with no marker, as any bare date
        # a verb after the date that tells a past event: 了, 以来, or a noun it qualifies (的)
        "2020年4月启动了试点",
        "今年3月启动以来，已办理2万件",
        "在2016年启动的全国跨省异地就医持卡直接结算应用中",
        "2020年完成的试点已全面推广",
        "2020年4月完成了系统对接",
    ],
)
def test_not_deadlines(text):
    assert extract_deadlines(text, parse_iso("2021-05-24")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年10月—12月，开展试点。", ("2021年10月—12月", "period", "2021-10-01", "2021-12-31")),
        ("2021年9月至12月底，开展试点。", ("2021年9月至12月底", "period", "2021-09-01", "2021-12-31")),
        ("2021年3月-2022年6月，全面推广。", ("2021年3月-2022年6月", "period", "2021-03-01", "2022-06-30")),
        ("2021—2023年，分批推进。", ("2021—2023年", "period", "2021-01-01", "2023-12-31")),  # the unit written once
        ("2021年3—6月，开展试点。", ("2021年3—6月", "period", "2021-03-01", "2021-06-30")),
        ("4-6月开展试点。", ("4-6月", "period", "2021-04-01", "2021-06-30")),
        ("9月1日至30日开展专项行动。", ("9月1日至30日", "period", "2021-09-01", "2021-09-30")),  # the day alone
        ("2021年9月1日—30日，集中办理。", ("2021年9月1日—30日", "period", "2021-09-01", "2021-09-30")),
        ("完成时限：2021年12月", ("2021年12月", "by", None, "2021-12-31")),
        ("时间节点：5月25日前", ("5月25日前", "by", None, "2021-05-25")),
    ],
)
def test_ranges_and_labelled_dates(text, expected):
    found = extract_deadlines(text, parse_iso("2021-03-01"))
    assert [(d.text, d.kind, d.start, d.date) for d in found] == [expected]
    start, end = found[0].span
    assert text[start:end] == expected[0]


@pytest.mark.parametrize(
    "text",
    [
        "截至2021年9月，已有",
        "电话：020-12345678",
        "2020年9月30日，举行吹风会",
        "共1-2个月",
        "地址：9月1日-3号楼",  # a building, not a day
        "补贴按月计算。",  # 按月 with no verb of reporting
        "按年度计划推进。",
        "2017-2019年共脱贫63户244人。",  # the window of a count
        "2021年3月至6月累计办理3万件。",
        "2020年9月至12月，在3个区开展试点。",  # over before the text was written
        "1—2月，全市办理通办业务2万件。",
        "根据《数字政府建设三年行动方案（2021—2023年）》要求",  # another document's title
        "按照《关于2021年底前完成系统对接的通知》要求",
    ],
)
def test_no_range_or_label_where_there_is_none(text):
    assert extract_deadlines(text, parse_iso("2021-03-01")) == []


def test_a_range_with_no_document_date_is_kept():
    """With no date to compare with, a range may be the plan's own: it stays."""
    found = extract_deadlines("2020年9月至12月，开展试点。", None)
    assert [(d.text, d.kind, d.date) for d in found] == [("2020年9月至12月", "period", "2020-12-31")]


def test_deadline_and_range_searches_find_what_a_full_scan_finds():
    """Both are searched only near an anchor (a date start, a joining word or dash);
    on random text built from deadline pieces they must find exactly what
    ``finditer`` over the whole text finds."""
    import random

    from extractors.deadlines import _DATE_ANCHOR, _JOIN_ANCHOR, _JOIN_SPACE, _RANGE_JOIN, _pattern
    from extractors.text import anchored_matches

    pattern, reach = _pattern()
    pieces = ["完成时限", "：", "  ", "2021年", "底前", "9月", "至", "12月", "25日", "前", "自", "起", "一", "年",
              "第三季度", "首季", "二季", "截至", "—", "-", "本月", "，", "各地", "于", "上半年", "\n"]  # fmt: skip
    rng = random.Random(11)
    found = Counter()
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for name, full, anchor, near in (
            ("deadline", pattern, _DATE_ANCHOR, reach),
            ("range", _RANGE_JOIN, _JOIN_ANCHOR, _JOIN_SPACE),
        ):
            expected = [m.span() for m in full.finditer(text)]
            assert [m.span() for m in anchored_matches(full, anchor, near, text)] == expected, (name, text)
            found[name] += bool(expected)
    assert found["deadline"] > 500 and found["range"] > 500  # the generator does produce both


def test_a_bare_date_under_a_deadline_column_is_a_deadline():
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t完成时限\n1\t失业保险金申领\t2021年12月\n2\t异地就医登记备案\t长期坚持\n"
    )
    result = extract_text(text)
    assert [(d.text, d.kind, d.date) for d in result.deadlines] == [
        ("2021年12月", "by", "2021-12-31"),
        ("长期坚持", "ongoing", None),
    ]
    assert [i.deadlines for i in result.items] == [(0,), (1,)]


def test_a_deadline_column_in_each_block_of_a_side_by_side_table():
    text = (
        "附件：某市“跨省通办”事项清单\n序号\t事项名称\t完成时限\t序号\t事项名称\t完成时限\n"
        "1\t失业保险金申领\t2021年12月\t2\t异地就医登记备案\t2022年3月\n"
    )
    result = extract_text(text)
    assert [(d.text, d.date) for d in result.deadlines] == [("2021年12月", "2021-12-31"), ("2022年3月", "2022-03-31")]
    assert [(i.name, i.deadlines) for i in result.items] == [("失业保险金申领", (0,)), ("异地就医登记备案", (1,))]


@pytest.mark.parametrize("header", ["计划完成时间", "上线时间", "完成期限", "时限"])
def test_more_headers_of_a_deadline_column(header):
    text = f"附件：某市“跨省通办”事项清单\n序号\t事项名称\t{header}\n1\t失业保险金申领\t2021年12月\n"
    assert [(d.text, d.date) for d in extract_text(text).deadlines] == [("2021年12月", "2021-12-31")]


def test_a_processing_time_limit_column_holds_no_deadline():
    text = "附件：某市“跨省通办”事项清单\n序号\t事项名称\t办理时限\n1\t失业保险金申领\t2021年12月\n"
    assert extract_text(text).deadlines == []


@pytest.mark.parametrize(
    ("text", "base", "start", "precision"),
    [
        ("本方案自印发之日起施行。", "2022-03-01", "2022-03-01", "day"),
        ("本通知自发布之日起实施，有效期3年。", "2022-03-01", "2022-03-01", "day"),
        ("本方案自印发之日起施行。", None, None, "unresolved"),  # an undated page: its day is unknown
    ],
)
def test_a_start_on_the_documents_own_date(text, base, start, precision):
    (found,) = extract_deadlines(text, parse_iso(base))
    assert (found.kind, found.date, found.start, found.precision) == ("start", None, start, precision)


@pytest.mark.parametrize(
    ("text", "limit", "precision"),
    [
        ("于每年1月15日前报送上年度情况。", "每年1月15日前", "yearly:month=1:day=15"),
        ("于每季度首月10日前报送工作进展。", "每季度首月10日前", "quarterly:month=first:day=10"),
    ],
)
def test_a_recurring_limit_keeps_its_month(text, limit, precision):
    (found,) = extract_deadlines(text, parse_iso("2022-03-01"))
    assert (found.text, found.kind, found.precision) == (limit, "recurring", precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（省政务服务数据管理局牵头，各市配合；长期坚持）", ["长期坚持"]),  # a bracketed note's last clause
        ("（市医保局负责，持续推进）", ["持续推进"]),
        ("完成时限：长期\n", ["长期"]),  # after a label
        ("持续推进“跨省通办”服务网上办，相关工作长期坚持。", []),  # running text: a verb
        ("（异地长期居住人员备案）", []),  # inside a name
    ],
)
def test_an_ongoing_time_limit_where_a_time_limit_stands(text, expected):
    found = extract_deadlines(text, parse_iso("2021-05-24"))
    assert [d.text for d in found] == expected
    assert all(d.kind == "ongoing" and d.date is None and d.precision == "ongoing" for d in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("115个事项有望在今年10月底前实现川渝通办。", [("今年10月底前", "by")]),
        ("请于6月底前报送，自7月1日起施行。", [("6月底前", "by"), ("自7月1日起施行", "start")]),
        ("9月30日，国务院新闻办公室举行发布会。", []),  # a bare date is no deadline, base or not
    ],
)
def test_a_relative_deadline_without_a_base_date_is_kept_unresolved(text, expected):
    found = extract_deadlines(text, None)
    assert [(d.text, d.kind) for d in found] == expected
    assert all(d.date is None and d.precision == "unresolved" and d.base_date is None for d in found)


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        # counted from the document's own date (working days skip weekends: 2023-03-15 is a Wednesday)
        ("自本通知印发之日起30日内报送方案。", "2023-03-15", ("自本通知印发之日起30日内", "2023-04-14", "day")),
        ("各市于本方案下发后15个工作日内报送。", "2023-03-15", ("本方案下发后15个工作日内", "2023-04-05", "day")),
        ("自印发之日起两个月内完成清理。", "2023-12-31", ("自印发之日起两个月内", "2024-02-29", "day")),
        ("自本通知印发之日起30日内报送方案。", None, ("自本通知印发之日起30日内", None, "unresolved")),
        # a bare 方案 or 通知 opening its clause, or after 在/于, is this document
        ("方案印发后1个月内完成梳理。", "2023-03-15", ("方案印发后1个月内", "2023-04-15", "day")),
        ("各市在通知下发后10日内报送。", "2023-03-15", ("通知下发后10日内", "2023-03-25", "day")),
        # the document's arrival names the document itself: counted from its own date
        ("请于收到本通知后5个工作日内反馈意见。", "2023-03-15", ("收到本通知后5个工作日内", "2023-03-22", "day")),
        # the last year of a five-year plan
        ("到“十四五”末，全面实现高频事项跨省通办。", "2022-01-10", ("“十四五”末", "2025-12-31", "year")),
        ("十五五期末前基本建成", None, ("十五五期末", "2030-12-31", "year")),
        # holidays: with no year, the next one on or after the document's date
        ("春节前完成系统切换。", "2023-03-15", ("春节前", "2024-02-10", "day")),
        ("春节前完成系统切换。", "2023-01-10", ("春节前", "2023-01-22", "day")),
        ("2024年国庆节前上线运行。", "2023-03-15", ("2024年国庆节前", "2024-10-01", "day")),
        ("春节前完成系统切换。", None, ("春节前", None, "unresolved")),
        # 清明 is a solar term: April 4 in 2024, April 5 in 2026
        ("2024年清明节前完成祭扫预约系统上线。", "2023-11-01", ("2024年清明节前", "2024-04-04", "day")),
        ("清明前完成摸排。", "2026-01-05", ("清明前", "2026-04-05", "day")),
    ],
)
def test_deadlines_with_no_calendar_date_of_their_own(text, base, expected):
    (found,) = extract_deadlines(text, parse_iso(base))
    assert (found.text, found.date, found.precision) == expected
    assert found.kind == "by"


@pytest.mark.parametrize(
    ("text", "base", "start"),
    [
        ("本通知自印发之日起施行。", "2023-03-15", "2023-03-15"),
        ("本办法自发布之日起30日后施行。", "2023-03-15", "2023-04-14"),  # in force a count after its date
    ],
)
def test_a_document_in_force_on_its_day_or_a_count_after_it(text, base, start):
    (found,) = extract_deadlines(text, parse_iso(base))
    assert (found.kind, found.date, found.start) == ("start", None, start)
    assert found.text.endswith("施行")


@pytest.mark.parametrize(
    "text",
    [
        "收到本通知后，请立即部署。",  # receipt with no count sets no time
        "收到申请后3个工作日内办结。",  # a service's time limit, not counted from the document
        "《办法》印发后1个月内完成配套制度。",  # another document's date
        "国务院办公厅通知印发后，各地积极推进。",  # a document named by its issuer, no count
        "春节前后做好值守工作。",  # around the holiday
        "“十四五”时期是全面建设的关键时期。",  # the plan's years, no end named
        "“十三五”期间，全省累计办理“跨省通办”业务1.2万件。",  # a plan's years that ended: a report
    ],
)
def test_no_deadline_counted_from_another_event_or_around_a_holiday(text):
    assert extract_deadlines(text, parse_iso("2023-03-15")) == []


def test_a_five_year_plans_years_still_ahead_are_a_period():
    (found,) = extract_deadlines("于“十四五”期间全面实现高频事项跨省通办。", parse_iso("2023-03-15"))
    assert (found.text, found.kind, found.start, found.date) == ("“十四五”期间", "period", "2021-01-01", "2025-12-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range that opens with 自…起 or with the document's own day (即日)
        (
            "试点期限为2年，自2021年6月1日起至2023年5月31日止。",
            ("自2021年6月1日起至2023年5月31日", "period", "2023-05-31", "2021-06-01"),
        ),
        ("即日起至2021年12月31日开展专项行动。", ("即日起至2021年12月31日", "period", "2021-12-31", "2021-05-24")),
        ("2021年度完成", ("2021年度完成", "by", "2021-12-31", None)),  # a year written 年度
        # a month, quarter or week named from the document's own date (a Monday here)
        ("请于月底前报送。", ("月底前", "by", "2021-05-31", None)),
        ("请于下季度末前报送。", ("下季度末前", "by", "2021-09-30", None)),
        ("请于下周五前报送。", ("下周五前", "by", "2021-06-04", None)),
        ("请于本周内报送。", ("本周内", "period", "2021-05-30", "2021-05-24")),
    ],
)
def test_ranges_from_a_start_and_years_written_niandu(text, expected):
    (found,) = extract_deadlines(text, parse_iso("2021-05-24"))
    assert (found.text, found.kind, found.date, found.start) == expected


@pytest.mark.parametrize(
    ("text", "limit", "precision"),
    [
        ("每年年底前报送年度总结。", "每年年底前", "yearly:month=12"),
        ("每周五前报送周报。", "每周五前", "weekly:weekday=5"),
        ("每周一次调度工作进展。", "每周", "weekly"),  # once a week: no weekday
        ("每个月底前报送进展。", "每个月底前", "monthly"),  # not this month's end
        ("各地按月报送工作进展。", "按月", "monthly"),  # 按 and a unit before a verb of reporting
        ("实行按季度通报制度。", "按季度", "quarterly"),
        ("按年度考核完成情况。", "按年度", "yearly"),
        ("各地要按月向部社会保险事业管理中心报送办理情况。", "按月", "monthly"),  # whom it goes to between
    ],
)
def test_recurring_limits_at_a_years_end_or_on_a_weekday(text, limit, precision):
    (found,) = extract_deadlines(text, parse_iso("2021-05-24"))
    assert (found.text, found.kind, found.precision) == (limit, "recurring", precision)


@pytest.mark.parametrize(
    ("text", "limit", "precision"),
    [
        # the next period in a sentence that reports on the last one, or on every one: the rule
        ("各地于次月5日前报送上月进展情况。", "次月5日前", "monthly:day=5"),
        ("当月办件情况于次月3日前报送。", "次月3日前", "monthly:day=3"),
        ("每月数据于次月10日前报送。", "次月10日前", "monthly:day=10"),  # 每月 is the rule's, no time of its own
        ("于次年1月底前报送上一年度工作总结。", "次年1月底前", "yearly:month=1"),
        ("各市于下季度首月10日前报送上季度情况。", "下季度首月10日前", "quarterly:month=first:day=10"),
        ("每季度数据于下季度首月5日前报送。", "下季度首月5日前", "quarterly:month=first:day=5"),
        # within days of a period's end
        ("每季度结束后10日内报送。", "每季度结束后10日内", "quarterly:days_after=10"),
        ("每月终了后5个工作日内报送。", "每月终了后5个工作日内", "monthly:workdays_after=5"),
    ],
)
def test_a_rule_written_from_the_period_it_reports_on(text, limit, precision):
    (found,) = extract_deadlines(text, parse_iso("2022-04-08"))
    assert (found.text, found.kind, found.precision) == (limit, "recurring", precision)


@pytest.mark.parametrize(
    ("text", "limit", "date"),
    [
        ("请于次月5日前反馈。", "次月5日前", "2022-05-05"),  # alone: one date
        ("本月底前完成部署，次月5日前报送总结。", "次月5日前", "2022-05-05"),  # 本月 is this month, no rule's
    ],
)
def test_a_next_period_alone_is_one_date(text, limit, date):
    found = [d for d in extract_deadlines(text, parse_iso("2022-04-08")) if d.text == limit]
    assert [(d.kind, d.date) for d in found] == [("by", date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("力争明年上半年实现户口迁移“跨省通办”。", [("明年上半年", "2022-06-30")]),  # a target
        ("争取2021年9月上线运行。", [("2021年9月", "2021-09-30")]),
        ("力争于2022年上半年实现。", [("2022年上半年", "2022-06-30")]),  # a preposition between
        ("截止日期为2021年12月31日。", [("2021年12月31日", "2021-12-31")]),  # a label with 为
        ("预计2021年全年办件量达10万件。", []),  # a forecast sets no time
        ("力争2020年已实现的事项全部上线。", []),  # 已: a fact
    ],
)
def test_a_date_right_after_a_target_word_is_a_deadline(text, expected):
    found = extract_deadlines(text, parse_iso("2021-05-24"))
    assert [(d.text, d.date) for d in found] == expected
    assert all(d.kind == "by" for d in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("请于2021.12.31前完成。", ("2021.12.31前", "2021-12-31")),  # a form's date
        ("请于2021-12-31前完成。", ("2021-12-31前", "2021-12-31")),
        ("请于2022/6前完成。", ("2022/6前", "2022-06-30")),
        ("完成时限：2021.12.31", ("2021.12.31", "2021-12-31")),  # under a label
        ("请于12月31日24时前报送。", ("12月31日24时前", "2021-12-31")),  # an hour: the day is the window
        ("请于6月30日17:00前报送。", ("6月30日17:00前", "2021-06-30")),
        ("请于2022年11月30日（含）前报送。", ("2022年11月30日（含）前", "2022-11-30")),  # the day itself counts
        ("于4月20日(星期五)前上报区督查组。", ("4月20日(星期五)前", "2021-04-20")),  # a weekday in brackets
        ("请于6月30日（周三）12:00前报送。", ("6月30日（周三）12:00前", "2021-06-30")),
        ("请于6月30日下午5点半前报送。", ("6月30日下午5点半前", "2021-06-30")),
        ("请于6月30日下班前报送。", ("6月30日下班前", "2021-06-30")),
    ],
)
def test_dates_written_as_a_form_writes_them_or_with_an_hour(text, found):
    deadlines = extract_text(text, issued="2021-05-20").deadlines
    assert [(d.text, d.date) for d in deadlines] == [found]


@pytest.mark.parametrize("text", ["发布时间：2021-06-01 10:00", "全年增长2021.5亿元。", "2021-12-31"])
def test_a_form_date_with_no_marker_is_no_deadline(text):
    assert extract_text(text, issued="2021-05-20").deadlines == []


@pytest.mark.parametrize("text", ["自今年6月推出婚姻登记跨省通办以来，办理量大幅上升。", "自2021年1月以来，共办理1万件。"])
def test_zi_with_yilai_is_a_time_since_no_start(text):
    assert extract_deadlines(text, parse_iso("2021-05-24")) == []
    assert [d.kind for d in extract_deadlines("自2023年12月1日起，在全市范围实行。", parse_iso("2021-05-24"))] == ["start"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年，全面实现高频事项“跨省通办”。", [("2022年", "2022-12-31")]),  # a later year: a goal
        ("2024年，基本建成一体化平台。", [("2024年", "2024-12-31")]),
        ("今年，我市将实现50项事项“跨省通办”。", [("今年", "2021-12-31")]),  # its own year, with intent
        ("明年要实现全覆盖。", [("明年", "2022-12-31")]),
        ("2021年，全市实现“跨省通办”办件量3万件。", []),  # its own year, no intent: reported
        ("2020年，全面实现“跨省通办”。", []),  # a year gone by
        ("2022年，全市共办理3万件。", []),  # no goal verb
        ("2022年度考核实现全覆盖。", []),  # 年度: no bare year
    ],
)
def test_a_year_opening_its_clause_before_a_goal_is_a_deadline_when_it_lies_ahead(text, expected):
    found = extract_deadlines(text, parse_iso("2021-05-24"))
    assert [(d.text, d.date) for d in found if d.kind == "by"] == expected


def test_with_no_document_date_no_goal_year_is_read():
    assert extract_deadlines("2024年，基本建成一体化平台。", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每周六上午9:00-12:00，市政务服务中心“跨省通办”专窗提供延时服务。", []),
        ("专窗每周一至周五正常开放，每周六9:30-12:00延时服务。", []),
        ("各地每周五前报送办件情况，每季度末向市政务服务中心报送总结。", ["每周五前", "每季度末"]),
        ("每月10日前汇总上月数据。", ["每月10日前"]),
    ],
)
def test_opening_hours_are_no_recurring_deadline(text, expected):
    found = extract_deadlines(text, parse_iso("2024-05-10"))
    assert [d.text for d in found] == expected
    assert all(d.kind == "recurring" for d in found)
