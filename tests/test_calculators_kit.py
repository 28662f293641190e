"""The calculators kit (conditions, three-valued logic, money, arithmetic) and the registry's metadata and dates."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from calculators.base import REGISTRY, Calculator, Explain, load_all
from calculators.kit import (
    CONDITION,
    KNOWN,
    Conditions,
    all_of,
    any_of,
    capped,
    count,
    highest_of,
    negate,
    pct,
    per_unit,
    with_missing,
    within_remaining,
    yuan,
)
from core.schema import CalcResult

CALCULATORS = Path(__file__).resolve().parent.parent / "calculators"
AS_OF = date(2024, 7, 1)


class _Facts(BaseModel):
    registered: bool | None = Field(None, description="是否已登记")
    listed: bool | None = Field(None, description="是否被列入名单")


def _ex() -> Explain:
    return Explain("kit_test", {}, AS_OF)


# -- three-valued logic ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conds", "all_", "any_"),
    [
        ([True, True], True, True),
        ([True, None], None, True),
        ([False, None], False, None),
        ([None, None], None, None),
        ([False, False], False, False),
        ([], True, False),
    ],
)
def test_and_or_are_three_valued(conds, all_, any_):
    assert all_of(conds) is all_ and any_of(conds) is any_
    assert negate(None) is None and negate(True) is False


def test_and_or_short_circuit():
    """One failed condition decides all-of, one met branch decides any-of: later ones are not evaluated."""
    seen = []

    def cond(value):
        seen.append(value)
        return value

    assert all_of(cond(v) for v in (None, False, True)) is False and seen == [None, False]
    seen.clear()
    assert any_of(cond(v) for v in (None, True, False)) is True and seen == [None, True]


# -- the condition recorder ----------------------------------------------------------------------------


def test_conditions_record_met_failed_and_unknown_with_their_words():
    ex = _ex()
    c = Conditions(ex, _Facts(registered=True))
    c.fact("registered", "已在西城区登记", failed="未在西城区登记")
    c.fact("listed", "未被列入名单", want=False, unknown="是否被列入名单")
    c.add(False, "规模达标", failed="规模未达标", article="第三条")
    assert ex.steps == ["符合：已在西城区登记", "尚需确认：是否被列入名单", "不符合：规模未达标（第三条）"]
    assert [r.met for r in c.rows] == [True, None, False]
    assert c.verdict is False and c.tally(None) == 1
    assert c.missing == {"listed": "是否被列入名单"}


def test_conditions_wording_is_the_documents():
    ex = _ex()
    Conditions(ex, _Facts(), CONDITION).fact("registered", "已登记", why="未说明是否登记")
    Conditions(ex, _Facts(), KNOWN).fact("registered", "已登记", article="第三条")
    assert ex.steps == ["条件未知：已登记（未说明是否登记）", "未知：已登记（第三条）"]


def test_payable_gives_nothing_on_a_failed_condition_and_a_conditional_amount_on_an_unknown():
    failed = Conditions(_ex(), _Facts(registered=False))
    failed.fact("registered", "已登记")
    assert (failed.payable(100).amount_yuan, failed.payable(100).eligible) == (0, False)
    open_ = Conditions(_ex(), _Facts())
    open_.fact("registered", "已登记")
    result = open_.payable(100)
    assert (result.amount_yuan, result.eligible) == (100, None)


def test_conclude_lists_each_condition_and_asks_only_while_the_verdict_is_open():
    ex = Explain("kit_test", {}, AS_OF, doc_no="西教发〔2024〕7号")
    c = Conditions(ex, _Facts())
    c.fact("registered", "已登记", said=("已登记", "未登记"), article="一")
    result = c.conclude()
    assert result.eligible is None and result.extra["missing_fields"] == ["registered"]
    row = result.extra["conditions"][0]
    assert row == {
        "condition": "已登记",
        "met": None,
        "article": "西教发〔2024〕7号 一",
        "detail": "未说明：是否已登记",
    }
    decided = Conditions(_ex(), _Facts(listed=True))
    decided.fact("listed", "未被列入名单", want=False)
    decided.fact("registered", "已登记")
    assert decided.conclude().missing == ()  # one failed condition is enough: nothing left to ask


def test_with_missing_adds_fields_once():
    base = CalcResult("kit_test", {}, None, None, extra={"missing_fields": ["a"]}, missing=("甲",))
    result = with_missing(base, {"a": "甲", "b": "乙"})
    assert result.missing == ("甲", "乙") and result.extra["missing_fields"] == ["a", "b"]
    assert with_missing(base, {}) is base


# -- money and arithmetic ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (600000, "60万元"),
        (1234.5, "1234.5元"),
        (10**9, "10亿元"),
        (1.2e8, "1.2亿元"),
        (1234500, "123.45万元"),
    ],
)
def test_yuan(amount, text):
    assert yuan(amount) == text


def test_pct_and_count():
    assert (pct(0.4), pct(0.085), pct(0.165)) == ("40%", "8.5%", "16.5%")
    assert (count(50000, "单"), count(9999, "单")) == ("5万单", "9999单")


def test_cap_and_remaining_cap_say_whether_they_bound():
    ex = _ex()
    assert capped(ex, 120, 100, "上限") == 100 and capped(ex, 100, 100, "上限") == 100
    assert within_remaining(ex, 50, 100, 80, "累计补贴上限", short="累计上限") == 20
    assert ex.steps[0] == "超过上限 100元，按上限计 100元"
    assert ex.steps[1] == "未超过上限 100元（恰好等于上限）"
    assert "累计上限 100元，此前已获 80元，尚余额度 20元" in ex.steps


def test_per_unit_and_highest_of():
    ex = _ex()
    assert per_unit(ex, 500, "千瓦", 1200) == 600000
    assert highest_of(ex, [("甲", 10), ("乙", 30)], "不累计") == ("乙", 30)
    assert highest_of(ex, [], "不累计") is None
    assert ex.steps == ["500 千瓦 × 1200元/千瓦 = 60万元", "不累计：按乙给予 30元"]


# -- registry: metadata, names, parameters, dates ------------------------------------------------------


def test_every_calculator_declares_its_metadata():
    for calc in load_all().values():
        assert calc.audience in {"resident", "enterprise", "staff"}, calc.name
        assert calc.kind in {"amount", "eligibility", "verdict"}, calc.name
        assert (calc.stage is not None) == calc.name.startswith("admission_"), calc.name
        described = calc.describe()
        assert (described["audience"], described["stage"], described["kind"]) == (
            calc.audience,
            calc.stage,
            calc.kind,
        )


def test_metadata_is_checked():
    with pytest.raises(ValueError):
        Calculator("x", "t", "d", "a", _Facts, (), lambda *a: None, audience="everyone")


def test_a_rule_reads_only_the_parameters_it_declared():
    calc = load_all()["green_pv_reward"]
    ex = Explain(calc.name, {}, AS_OF, params={})
    with pytest.raises(KeyError, match="not declared"):
        ex.value(calc.params[0])


def test_run_needs_the_date_from_its_caller():
    calc = load_all()["green_pv_reward"]
    with pytest.raises(TypeError):
        calc.run({"capacity_kw": 500})  # no silent date.today()
    assert calc.run({"capacity_kw": 500}, AS_OF).amount_yuan == 600000


def test_tools_apply_the_callers_date():
    from calculators.tools import all_tools

    pv = next(t for t in all_tools(date(2030, 1, 1)) if t.name == "green_pv_reward")
    assert any("失效" in w for w in pv.invoke({"capacity_kw": 500})["warnings"])


def test_no_calculator_code_asks_the_clock_except_the_cli():
    offenders = []
    for py in CALCULATORS.rglob("*.py"):
        if py.name == "__main__.py":
            continue  # the edge: `run --as-of` defaults to today there
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"today", "now"}:
                offenders.append(f"{py.relative_to(CALCULATORS)}:{node.lineno}")
    assert not offenders


def test_registry_names_are_the_rule_functions():
    assert "green_pv_reward" in REGISTRY or "green_pv_reward" in load_all()
    assert load_all()["green_pv_reward"].func.__doc__.startswith("第五条 1.")
