"""西财资产〔2024〕18号: 第二条 scope, everyday words for acts and subordinate units, act + route (issue 10)."""

from datetime import date

import pytest

from assistant.intents import load_intents
from assistant.slots import extract
from calculators.base import load_all

DAY = date(2024, 6, 1)


def _run(name: str, text: str):
    intent = next(i for i in load_intents() if i.calculator == name)
    values = extract(text, list(intent.slots), DAY).values
    return values, load_all()[name].run(values, DAY)


@pytest.mark.parametrize(
    "text",
    [
        "我们是市属的事业单位，在西城办公，要出售一批旧设备，要按这个办法评估吗",
        "国家部委直属单位在西城，资产转让要不要评估",
    ],
)
def test_a_city_or_central_unit_is_outside_the_measures(text):
    values, result = _run("asset_evaluation_required", text)
    assert values["xicheng_unit"] is False
    assert result.eligible is False


def test_a_free_transfer_in_everyday_words_with_approval_needs_no_evaluation():
    values, result = _run(
        "asset_evaluation_required", "已经批准了，把一批电脑无偿调给区里另一家事业单位，要评估吗"
    )
    assert values["act"] == "无偿划转给行政事业单位"
    assert result.eligible is False


def test_a_merger_of_two_wholly_owned_subsidiaries_needs_no_evaluation():
    values, result = _run(
        "asset_evaluation_required", "单位名下有三家独资企业，要把其中两家合并，需要资产评估吗"
    )
    assert values["between_subordinate_units"] is True
    assert result.eligible is False


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("要把门面房整体出租，账面值800万，评估后报财政局核准还是备案", "备案"),
        ("改制项目账面价值3亿元，评估要核准还是备案", "核准"),
    ],
)
def test_a_stated_act_and_book_value_give_both_answers(text, route):
    _, result = _run("asset_approval_or_filing", text)
    assert result.eligible is True
    assert route in "".join(result.steps)


@pytest.mark.parametrize(
    "text",
    [
        "局里两个下属事业单位之间调拨一批电脑，必须做资产评估吗",
        "同一主管单位下属的两家事业单位之间划转车辆，需要评估吗",
    ],
)
def test_a_transfer_between_subordinate_units_named_without_wuchang_needs_no_evaluation(text):
    values, result = _run("asset_evaluation_required", text)
    assert values["act"] == "无偿划转给行政事业单位"
    assert result.eligible is False


def test_a_paid_transfer_is_not_read_as_a_free_one():
    values, _ = _run("asset_evaluation_required", "下属单位有偿划转设备给外单位要评估吗")
    assert values.get("act") != "无偿划转给行政事业单位"
