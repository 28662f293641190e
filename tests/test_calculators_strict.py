"""Calculator inputs are strict: a yes/no is not a number, NaN and infinity are no amounts, and the command
line bounds the JSON it parses — each refused with the real reason, never turned into another number."""

import math
from datetime import date

import pytest

from calculators.base import InputError, load_all
from core.cli import MAX_JSON_DEPTH, load_json_object

ON = date(2024, 7, 1)


@pytest.fixture(scope="module")
def pv():
    return load_all()["green_pv_reward"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [(True, "yes/no"), (False, "yes/no"), (math.nan, "finite"), (math.inf, "finite"), (-math.inf, "finite")],
)
def test_a_value_that_is_no_number_is_refused_with_its_reason(pv, value, reason):
    with pytest.raises(InputError, match=reason):
        pv.run({"capacity_kw": value}, ON)


@pytest.mark.parametrize("value", [-500, 0, 1e30])
def test_a_number_outside_the_rule_is_refused_not_computed(pv, value):
    with pytest.raises(InputError, match="capacity_kw"):
        pv.run({"capacity_kw": value}, ON)


def test_a_plain_number_still_computes(pv):
    assert pv.run({"capacity_kw": 500}, ON).amount_yuan == 600000


def test_a_list_of_numbers_is_checked_item_by_item():
    calcs = load_all()
    name, field = next(
        (n, k)
        for n, c in sorted(calcs.items())
        for k, f in c.inputs.model_fields.items()
        if "list[float]" in str(f.annotation)
    )
    with pytest.raises(InputError, match="yes/no"):
        calcs[name].run({field: [100, True]}, ON)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 50_000 + "]" * 50_000, "nested"),
        ('{"a": ' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1), "nested"),
        ('{"capacity_kw": NaN}', "NaN"),
        ('{"capacity_kw": Infinity}', "Infinity"),
        ("[1, 2]", "JSON object"),
        ("{oops", "not valid JSON"),
        ('{"x": "' + "长" * 60_000 + '"}', "larger than"),
    ],
)
def test_command_line_json_is_bounded_and_explained(text, reason):
    with pytest.raises(ValueError, match=reason):
        load_json_object(text)


def test_brackets_inside_strings_do_not_count_as_depth():
    assert load_json_object('{"note": "' + "[" * 100 + '\\"]"}')["note"].startswith("[[")
