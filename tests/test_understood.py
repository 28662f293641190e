"""我理解的情况: every fact read keeps the words it came from; a fact stated twice with different values is
asked about, never chosen silently; a correction in words replaces what was understood."""

from datetime import date

import pytest

from assistant.conversation import Conversation
from assistant.service import Assistant
from assistant.slots import SlotSpec, extract


@pytest.fixture(scope="module")
def assistant(fake_index):
    return Assistant(fake_index, today=date(2024, 9, 1))


CAPACITY = SlotSpec.from_dict("capacity_kw", {"unit": "kW", "cues": ["装机", "容量"]})
HIGH_TECH = SlotSpec.from_dict("uses_high_tech", {"patterns": {True: ["高新技术产品"]}})
IN_XICHENG = SlotSpec.from_dict("in_xicheng", {"place_of": ["项目"]})
SPECS = [CAPACITY, HIGH_TECH, IN_XICHENG]


@pytest.mark.parametrize(
    "text, name, words",
    [
        ("我们公司光伏装机500千瓦，项目在西城", "capacity_kw", "我们公司光伏装机500千瓦"),
        ("我们公司光伏装机500千瓦，项目在西城", "in_xicheng", "项目在西城"),
        ("项目在海淀，装了五百千瓦", "in_xicheng", "项目在海淀"),
        ("节能改造做完了，没有使用高新技术产品，省了100吨", "uses_high_tech", "没有使用高新技术产品"),
        ("用了市级认定的高新技术产品", "uses_high_tech", "用了市级认定的高新技术产品"),
    ],
)
def test_each_fact_keeps_the_words_it_was_read_from(text, name, words):
    found = extract(text, SPECS)
    assert name in found.values
    assert found.sources[name] == words


@pytest.mark.parametrize(
    "text, value",
    [
        ("是800千瓦不是500千瓦", 800),
        ("不是500千瓦，是800千瓦", 800),
        ("装机并非500千瓦，而是800千瓦", 800),
        ("装机500千瓦，哦不对，装机800千瓦", 800),
        ("装机500千瓦，说错了，应该是装机800千瓦", 800),
    ],
)
def test_a_figure_taken_back_is_not_a_fact(text, value):
    found = extract(text, SPECS)
    assert found.values["capacity_kw"] == value
    assert not found.conflicts


@pytest.mark.parametrize(
    "text",
    [
        "光伏装机500千瓦，光伏装机800千瓦",
        "光伏装机容量500千瓦。光伏装机容量1200千瓦",
        "我们用了高新技术产品，其实没用高新技术产品",
    ],
)
def test_one_fact_stated_twice_differently_is_a_conflict(text):
    assert extract(text, SPECS).conflicts


@pytest.mark.parametrize(
    "text",
    [
        "我们房子装机500千瓦，对方仓库装机800千瓦",  # two things, each with its own figure
        "第一个项目装机500千瓦，第二个项目装机800千瓦",
        "没罚款，用了高新技术产品",
        "装机500千瓦，500千瓦都并网了",  # the same figure twice
        "第一台装机500千瓦；第二台装机800千瓦",
        "一个装机500千瓦，另一个装机800千瓦",
    ],
)
def test_two_items_or_one_figure_repeated_are_not_a_conflict(text):
    assert not extract(text, SPECS).conflicts


def test_a_calculation_lists_what_was_understood(assistant):
    a = assistant.ask("我们公司光伏装机500千瓦，项目在西城，能拿多少？")
    assert a.status == "calculated" and a.calculation.amount_yuan == 600000
    understood = a.answer[a.answer.index("我理解的情况") :]
    assert "500（您说：“我们公司光伏装机500千瓦”）" in understood
    assert "西城区域内：是（您说：“项目在西城”）" in understood
    assert a.calculation.sources == {
        "capacity_kw": "我们公司光伏装机500千瓦",
        "project_in_district": "项目在西城",
    }


def test_contradictory_figures_are_asked_about_not_computed(assistant):
    a = assistant.ask("光伏装机500千瓦，光伏装机800千瓦，能拿多少？")
    assert a.status == "needs_input"
    assert "“光伏装机500千瓦”" in a.answer and "“光伏装机800千瓦”" in a.answer and "以哪个为准" in a.answer
    assert "万元" not in a.answer


@pytest.mark.parametrize(
    "correction", ["不对，是800千瓦不是500千瓦", "不是500千瓦，是800千瓦", "说错了，应该是800千瓦"]
)
def test_a_correction_in_words_replaces_the_fact(assistant, correction):
    conv = Conversation()
    first = assistant.ask("光伏装机500千瓦能拿多少？", conv)
    assert first.calculation.amount_yuan == 600000
    again = assistant.ask(correction, conv)
    assert again.status == "calculated" and again.calculation.amount_yuan == 960000
    assert again.calculation.inputs["capacity_kw"] == 800
    assert "800（您说：" in again.answer


def test_a_negated_correction_removes_a_bonus(assistant):
    conv = Conversation()
    first = assistant.ask("工业企业节能技改，年节能100吨标煤，用了高新技术产品，能拿多少", conv)
    again = assistant.ask("不对，我们没用高新技术产品", conv)
    assert again.status == "calculated"
    assert again.calculation.amount_yuan < first.calculation.amount_yuan
    assert "否（您说：“我们没用高新技术产品”）" in again.answer


def test_a_correction_also_changes_the_facts_read_from_the_same_words(assistant):
    conv = Conversation()
    assistant.ask("我母亲82岁，西城户口，在家住，在父母食堂吃饭，每天补多少", conv)
    assistant.ask("不对，她是86岁", conv)
    ages = {n: v for n, v in conv.inputs.items() if n.endswith("age")}
    assert ages and set(ages.values()) == {86}


HUKOU = SlotSpec.from_dict(
    "hukou", {"patterns": {"beijing": ["北京户口", "京籍"], "other": ["外地户口", "外省户口", "非京籍"]}}
)


@pytest.mark.parametrize(
    "text",
    ["我是北京户口，孩子上小学，我是外地户口", "孩子是北京户口。孩子是外地户口", "我们是京籍，我们是非京籍"],
)
def test_two_categories_of_one_subject_are_a_conflict(text):
    assert "hukou" in extract(text, [HUKOU]).conflicts


@pytest.mark.parametrize(
    "text", ["我是北京户口，孩子是外地户口", "爸爸北京户口，妈妈外地户口", "我们不是北京户口，我们是外地户口"]
)
def test_categories_of_different_subjects_or_denied_are_not(text):
    assert "hukou" not in extract(text, [HUKOU]).conflicts
