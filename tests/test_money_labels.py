"""What a sum of money is, by the word before it: a price paid or income earned fills no subsidy slot, and a
company's capital is not what the asker invested — whatever cue follows the figure."""

import pytest

from assistant.slots import SlotSpec, extract

SUBSIDY = SlotSpec.from_dict("assessed", {"unit": "yuan", "cues": ["核定", "购房补贴", "补贴"]})
PRICE = SlotSpec.from_dict("price", {"unit": "yuan", "cues": ["买价", "花了", "价格"]})
INVESTED = SlotSpec.from_dict("invested", {"unit": "yuan", "cues": ["投资", "出资", "注资"]})
CAPITAL = SlotSpec.from_dict("capital", {"unit": "yuan", "cues": ["实收资本", "增资"]})


@pytest.mark.parametrize(
    "text", ["买办公楼花了3亿，购房补贴多少", "办公楼总价3亿，补贴能有多少", "年薪300万，补贴多少"]
)
def test_money_paid_or_earned_is_no_subsidy(text):
    assert "assessed" not in extract(text, [SUBSIDY]).values


def test_a_subsidy_stated_as_such_is_read():
    assert extract("核定的购房补贴是800万", [SUBSIDY]).values["assessed"] == 8_000_000


def test_a_price_goes_to_the_slot_that_names_prices():
    assert extract("买价15万，补贴多少", [SUBSIDY, PRICE]).values == {"price": 150_000}


@pytest.mark.parametrize("text", ["子公司注册资本2亿，我们持股60%", "新公司实收资本5000万"])
def test_a_companys_capital_is_not_the_askers_investment(text):
    assert "invested" not in extract(text, [INVESTED]).values


def test_capital_goes_to_a_slot_about_capital():
    assert extract("实收资本累计增资了3亿", [CAPITAL]).values["capital"] == 300_000_000


COSTS = SlotSpec.from_dict("costs", {"unit": "yuan", "many": True})


def test_a_unit_price_is_no_projects_cost():
    assert extract("门票30元，办了一个展览花了40万", [COSTS]).values["costs"] == [400_000]
    assert extract("两个展览分别花了40万和20万", [COSTS]).values["costs"] == [400_000, 200_000]


def test_a_price_per_unit_said_after_the_figure_is_no_sum_received():
    received = SlotSpec.from_dict("received", {"unit": "yuan", "cues": ["已经领", "已领", "之前"]})
    assert "received" not in extract("买了绿电500万度，电价0.4元每度，之前没领过", [received]).values
    assert "costs" not in extract("票价30元/张", [COSTS]).values
