"""Numbers, units and dates as people write them."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.numbers import cn_number, find_dates, find_quantities
from assistant.slots import SlotSpec, extract


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三百", 300),
        ("一万五千", 15000),
        ("两亿", 2e8),
        ("三点五", 3.5),
        ("十二万", 120000),
        ("一千零五", 1005),
        ("十", 10),
    ],
)
def test_chinese_numbers(text, value):
    assert cn_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("光伏装机500千瓦能拿多少", [(500, "kW")]),
        ("装机 500 kW", [(500, "kW")]),
        ("装了2MW的光伏", [(2000, "kW")]),
        ("1.5万元", [(15000, "yuan")]),
        ("2亿", [(2e8, None)]),
        ("1,000千瓦时", [(1000, "kWh")]),
        ("买了300万度绿电", [(3e6, "kWh")]),
        ("三百单", [(300, "order")]),
        ("节能50吨标煤", [(50, "tce")]),
        ("节能50吨标准煤", [(50, "tce")]),
        ("面积3000平方米", [(3000, "m2")]),
        ("面积3000㎡", [(3000, "m2")]),
        ("投资800万", [(8e6, None)]),
    ],
)
def test_quantities(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2018年8月31日出生", date(2018, 8, 31), "day"),
        ("生日是2018-08-31", date(2018, 8, 31), "day"),
        ("2018年9月出生", date(2018, 9, 1), "month"),
        ("2023.7开始交社保", date(2023, 7, 1), "month"),
        ("2018 年 8 月 31 号", date(2018, 8, 31), "day"),
    ],
)
def test_dates(text, value, precision):
    found = find_dates(text)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_invalid_dates_are_ignored():
    assert find_dates("2018年2月30日") == []


CAPACITY = SlotSpec("capacity_kw", "装机容量？", unit="kW", cues=("装机",))


def test_extract_single_quantity():
    assert extract("光伏装机500千瓦能拿多少？", [CAPACITY]).values == {"capacity_kw": 500}
    assert extract("那如果是1200千瓦呢？", [CAPACITY]).values == {"capacity_kw": 1200}
    assert extract("800千瓦", [CAPACITY]).values == {"capacity_kw": 800}


def test_extract_ignores_numbers_of_other_units():
    assert extract("我们有3个项目", [CAPACITY]).values == {}


def test_extract_uses_cues_when_slots_share_a_unit():
    specs = [
        SlotSpec("investment", "投资？", unit="yuan", cues=("投资",)),
        SlotSpec("award", "奖励？", unit="yuan", cues=("市级", "奖励")),
    ]
    got = extract("获得市级奖励20万元，项目投资300万元", specs).values
    assert got == {"award": 200000, "investment": 3000000}


def test_extract_scale_and_integer():
    spec = SlotSpec("cost_wan", "费用？", unit="yuan", scale=10000)
    assert extract("费用50万元", [spec]).values == {"cost_wan": 50}
    orders = SlotSpec("orders", "订单数？", unit="order", integer=True)
    assert extract("一年三万单", [orders]).values == {"orders": 30000}


def test_extract_patterns_first_match_wins():
    spec = SlotSpec(
        "is_state_owned", "是否国有？", patterns=((False, ("非国有", "民营", "私人")), (True, ("国有",)))
    )
    assert extract("我们是非国有博物馆", [spec]).values == {"is_state_owned": False}
    assert extract("国有博物馆", [spec]).values == {"is_state_owned": True}
    assert extract("一家博物馆", [spec]).values == {}


def test_extract_dates_by_cue():
    specs = [
        SlotSpec("birth_date", "出生日期？", date=True, cues=("出生", "生日")),
        SlotSpec("lease_signed", "签约日期？", date=True, cues=("签", "租")),
    ]
    got = extract("孩子2018年5月3日出生，房子2023年4月1日签的租房合同", specs).values
    assert got == {"birth_date": "2018-05-03", "lease_signed": "2023-04-01"}


@pytest.mark.parametrize(
    ("text", "today", "want", "precision"),
    [
        ("去年3月开始交社保", date(2024, 7, 1), date(2023, 3, 1), "month"),
        ("今年5月10日签的合同", date(2024, 7, 1), date(2024, 5, 10), "day"),
        ("前年12月买的房", date(2024, 7, 1), date(2022, 12, 1), "month"),
        ("明年1月到期", date(2024, 7, 1), date(2025, 1, 1), "month"),
        ("上一年6月30号", date(2025, 2, 1), date(2024, 6, 30), "day"),
        ("去年3月", date(2026, 11, 29), date(2025, 3, 1), "month"),
        ("18年5月3号出生", date(2024, 7, 1), date(2018, 5, 3), "day"),
        ("99年3月", date(2024, 7, 1), date(1999, 3, 1), "month"),
    ],
)
def test_relative_and_two_digit_years_are_read_against_the_day_of_the_question(text, today, want, precision):
    (d,) = find_dates(text, today)
    assert (d.value, d.precision) == (want, precision)


def test_a_relative_year_without_the_day_of_the_question_is_not_guessed():
    assert find_dates("去年3月开始交社保") == []


def test_numbers_that_only_look_like_dates_are_not_dates():
    assert find_dates("面积2000 12月", date(2024, 7, 1)) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("光伏装机负500千瓦", (-500, "kW")),
        ("-500千瓦", (-500, "kW")),
        ("−500千瓦", (-500, "kW")),
        ("装机 -500 kW", (-500, "kW")),
        ("增资-2亿元", (-2e8, "yuan")),
        ("1e30千瓦", (1e30, "kW")),
        ("1.5e3千瓦", (1500, "kW")),
        ("1e999千瓦", (float("inf"), "kW")),
    ],
)
def test_signs_and_scientific_notation_are_read_as_written_never_dropped(text, want):
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == want


def test_a_dash_between_two_numbers_is_a_range_not_a_sign():
    assert [q.value for q in find_quantities("300-500千瓦")] == [300, 500]
    assert all(q.value > 0 for q in find_quantities("2018-08-31"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("电池容量55度（55千瓦时），售价20万", [(55, "kWh"), (200000, None)]),
        ("奖励3万元（即30000元）到账了", [(30000, "yuan")]),
        ("装机500千瓦(500kW)已并网", [(500, "kW")]),
    ],
)
def test_the_same_figure_said_again_in_brackets_is_one_quantity(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text)] == want


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("两台分别是40千瓦时（另一台40千瓦时）", 2),  # bracket with more words than a gloss: two items
        ("电池40千瓦时，（第二台）40千瓦时", 2),
        ("30千瓦时（50千瓦时）", 2),  # a different figure in brackets is no restatement
    ],
)
def test_only_an_equal_figure_right_inside_brackets_is_a_restatement(text, count):
    assert len([q for q in find_quantities(text) if q.unit == "kWh"]) == count
