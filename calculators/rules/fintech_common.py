"""Shared pieces of the 西科管发〔2024〕1号 fintech rules: registration, accepting office, year inputs, conditions."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator
from calculators.kit import CONDITION, Conditions
from calculators.kit.bounds import FIRST_POLICY_YEAR, LAST_POLICY_YEAR

DOC = "西科管发〔2024〕1号"
ZGC_XICHENG = "中关村科技园区西城园管理委员会"


def accepting_office(ex: Explain) -> None:
    ex.extra["accepting_office"] = ZGC_XICHENG


fintech = partial(calculator, doc_no=DOC, audience="enterprise", kind="amount", prepare=accepting_office)


def conditions(ex: Explain, inputs: BaseModel) -> Conditions:
    """This document's conditions read 条件满足 / 条件不满足 / 条件未知."""
    return Conditions(ex, inputs, CONDITION)


# A calendar year (如 2024) in which something was paid or is asked about.
Year = Annotated[int | None, Field(ge=FIRST_POLICY_YEAR, le=LAST_POLICY_YEAR)]


def at_least(c: Conditions, value: float | None, least: float, what: str, unit: str, why: str) -> bool | None:
    """A number that must reach a minimum (合同期限、履职年限、经营权年限)."""
    if value is None:
        return c.add(None, f"{what}不低于 {least} {unit}", why=why)
    return c.add(value >= least, f"{what} {value:g} {unit}，要求不低于 {least} {unit}")
