"""N items, each with the same figure: "办了3场社教活动，每场花了5万" is three projects of 5万, not one."""

import pytest

from assistant.slots import SlotSpec, extract

COSTS = SlotSpec.from_dict("costs", {"unit": "yuan", "many": True})
TOTAL = SlotSpec.from_dict("total", {"unit": "yuan", "add_up": True})


@pytest.mark.parametrize(
    "text, items",
    [
        ("今年办了3场社教活动，每场花了5万", [50000] * 3),
        ("两个展览，每个花了30万", [300000] * 2),
        ("做了4个项目，各投了20万元", [200000] * 4),
        ("办了一场活动，花了5万", [50000]),  # one item
        ("花了5万，每场都很成功，办了3场", [50000]),  # 每 does not stand before the figure
    ],
)
def test_a_figure_said_of_each_item_stands_for_every_item(text, items):
    assert extract(text, [COSTS]).values["costs"] == items


def test_each_items_figure_adds_up_in_a_total():
    assert extract("3个助餐点，每个投入了2万元", [TOTAL]).values["total"] == 60000
