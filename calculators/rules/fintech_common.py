"""Shared pieces of the 西科管发〔2024〕1号 fintech rules: registration, accepting office, year inputs, conditions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from types import SimpleNamespace
from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator
from calculators.kit import CONDITION, Conditions, add_years, yuan
from calculators.kit.bounds import EARLIEST_FOUNDING_YEAR, FIRST_POLICY_YEAR, LAST_POLICY_YEAR, MAX_TRANCHES
from core.schema import CalcResult

DOC = "西科管发〔2024〕1号"
ZGC_XICHENG = "中关村科技园区西城园管理委员会"
NEW_ENTITY = "fintech/new_entity"
LEGAL_PERSON = "fintech/independent_legal_person"


def accepting_office(ex: Explain) -> None:
    ex.extra["accepting_office"] = ZGC_XICHENG


fintech = partial(calculator, doc_no=DOC, audience="enterprise", kind="amount", prepare=accepting_office)


class _Stated(SimpleNamespace):
    """The facts stated so far: an input not stated reads None."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return None


def screen_by(calc_name: str, fails: Callable[[Explain, SimpleNamespace], CalcResult | None]):
    """A calculator's `screen`: `fails` reads the facts stated so far (absent ones None) and returns 0 / not
    eligible when one of them already fails a condition, so no figure is asked for that could not change it."""

    def screen(raw: dict, as_of: date, loaded: dict) -> CalcResult | None:
        stated = {k: v for k, v in raw.items() if v is not None}
        ex = Explain(calc_name, stated, as_of, params=loaded, doc_no=DOC)
        accepting_office(ex)
        try:
            return fails(ex, _Stated(**raw))
        except (TypeError, ValueError):
            return None  # a stated value that is not valid: the input check reports it

    return screen


def conditions(ex: Explain, inputs: BaseModel) -> Conditions:
    """This document's conditions read 条件满足 / 条件不满足 / 条件未知."""
    return Conditions(ex, inputs, CONDITION)


# A calendar year (如 2024) in which something was paid or is asked about.
Year = Annotated[int | None, Field(ge=FIRST_POLICY_YEAR, le=LAST_POLICY_YEAR)]
# The year a company was registered (may precede the policy years).
FoundingYear = Annotated[int | None, Field(ge=EARLIEST_FOUNDING_YEAR, le=LAST_POLICY_YEAR)]
# Which instalment of a 40/30/30 plan a question asks for (第二年那笔 → 2).
Instalment = Annotated[int | None, Field(ge=1, le=MAX_TRANCHES)]


def at_least(c: Conditions, value: float | None, least: float, what: str, unit: str, why: str) -> bool | None:
    """A number that must reach a minimum (合同期限、履职年限、经营权年限)."""
    if value is None:
        return c.add(None, f"{what}不低于 {least} {unit}", why=why)
    return c.add(value >= least, f"{what} {value:g} {unit}，要求不低于 {least} {unit}")


def instalment_asked(
    ex: Explain, plan: list[dict], payment_year: int | None, number: int | None
) -> float | None:
    """The one instalment a question asks for — by its number (第二年那笔) or by its calendar year (今年这笔) —
    from a plan made by kit.instalments; 0 outside the plan; None when the year cannot be placed in the plan."""
    if number is not None:
        if number > len(plan):
            ex.step(f"只分 {len(plan)} 年支付，没有第{number}年的款项")
            return 0
        row = plan[number - 1]
    elif payment_year is not None and plan and plan[0]["year"] is not None:
        row = next((r for r in plan if r["year"] == payment_year), None)
        if row is None:
            ex.step(f"{payment_year}年不在支付期内，当年无应付款")
            return 0
    else:
        return None
    when = f"{row['year']}年为" if row["year"] is not None else ""
    ex.step(f"{when}第{row['instalment']}笔（第{row['instalment']}年），应支付 {yuan(row['amount_yuan'])}")
    return row["amount_yuan"]


def supported_entity(ex: Explain, c: Conditions, inputs: BaseModel) -> bool | None:
    """一（一）: the company is an independent legal person registered in 西城 — checked only when stated
    (a branch office, or registration elsewhere, fails it)."""
    ex.value(LEGAL_PERSON)
    checks = [
        ("independent_legal_person", "支持对象为经认定的独立法人主体（分公司等非独立法人不属于支持对象）"),
        ("registered_in_xicheng", "在金科新区（西城全域）范围内办理注册和税务关系"),
    ]
    for name, words in checks:
        if getattr(inputs, name, None) is not None:
            c.fact(name, words, article="一（一）")
    return c.verdict


def new_entity(ex: Explain, c: Conditions, registered_year: int | None, moved_in: bool | None) -> bool | None:
    """一（一）: 新设立或新迁入 — registered in 2018 or later, or moved in from outside 西城."""
    since = ex.value(NEW_ENTITY)["since_year"]
    words = f"新设立（{since}年以来注册设立）或由西城区以外新迁入的企业（机构）"
    if moved_in:
        return c.add(True, words, detail="由西城区以外迁入", article="一（一）")
    if registered_year is not None and registered_year >= since:
        return c.add(True, words, detail=f"{registered_year}年注册设立", article="一（一）")
    if registered_year is not None and moved_in is False:
        detail = f"{registered_year}年注册设立，早于{since}年，且不是由区外迁入"
        return c.add(False, words, detail=detail, article="一（一）")
    ask = ("moved_in",) if registered_year is not None else ("registered_year", "moved_in")
    return c.add(None, words, why="未说明注册年份或是否由区外迁入", article="一（一）", fields=ask)


def years_completed(start: date, end: date) -> int:
    """Whole years from `start` to `end` (履职满一年: the anniversary must have come)."""
    years = 0
    while add_years(start, years + 1) <= end:
        years += 1
    return years
