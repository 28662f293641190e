"""西科管发〔2024〕1号 二（一）（二）: start-up subsidy instalments, rent and purchase subsidies."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain, InputError
from calculators.kit import (
    Conditions,
    all_of,
    instalments,
    negate,
    share_of,
    with_missing,
    within_remaining,
    yuan,
)
from calculators.kit.bounds import MAX_AREA_M2, MAX_SUBSIDY_YEARS, MAX_YUAN
from calculators.rules.fintech_common import Year, conditions, fintech
from core.schema import CalcResult

STARTUP_SPLIT = "fintech/startup_installments"
RENT_RATE = "fintech/rent_subsidy_rate"
RENT_LIMITS = "fintech/rent_subsidy_limits"
PURCHASE_LIMITS = "fintech/purchase_subsidy_limits"

SubsidyYear = Annotated[int | None, Field(ge=1, le=MAX_SUBSIDY_YEARS)]
Received = Annotated[float, Field(ge=0, le=MAX_YUAN)]


def _instalment_of_year(ex: Explain, plan: list[dict], year: int) -> float:
    """The instalment due in a given calendar year (0 outside the schedule)."""
    for row in plan:
        if row["year"] == year:
            ex.step(f"{year}年为第{row['instalment']}笔，应支付 {yuan(row['amount_yuan'])}")
            return row["amount_yuan"]
    ex.step(f"{year}年不在支付期内，当年无应付款")
    return 0


# ---------------------------------------------------------------- 二（一） 开办费用补贴


class StartupInputs(BaseModel):
    approved_total_yuan: float = Field(
        ..., gt=0, le=MAX_YUAN, description="经核定的开办费用补贴总额（元），标准见“金科十条”2.0版"
    )
    paid_in_completion_year: Year = Field(None, description="实收资本缴纳完成年度（如 2024）")
    payment_year: Year = Field(None, description="想了解的支付年度（如 2025），不填则列出全部三笔")


@fintech(title="开办费用补贴分三年支付（40%、30%、30%）", article="二（一）1", params=[STARTUP_SPLIT])
def fintech_startup_installments(ex: Explain, inputs: StartupInputs) -> CalcResult:
    """二（一）1: 开办费用补贴自实收资本缴纳完成年度起分三年按 40%/30%/30% 支付 (2024-01-03 起)."""
    p = ex.value(STARTUP_SPLIT)
    total, paid_in = inputs.approved_total_yuan, inputs.paid_in_completion_year
    ex.step(f"核定的开办费用补贴总额 {yuan(total)}（补贴标准本身由“金科十条”2.0版规定）")
    plan = instalments(ex, total, p["shares"], paid_in, "实收资本缴纳完成年度")
    if inputs.payment_year is None:
        return ex.result(total, True)
    if paid_in is None:
        ex.step("未给出实收资本缴纳完成年度，无法确定所问年度是第几笔")
        ask = Conditions(ex, inputs).descriptions(("paid_in_completion_year",))
        return with_missing(ex.result(None, None), ask)
    amount = _instalment_of_year(ex, plan, inputs.payment_year)
    return ex.result(amount, amount > 0)


# ---------------------------------------------------------------- 二（二） 购租房补贴


def _within_years(c: Conditions, year: int | None, max_years: int, what: str) -> bool | None:
    if year is None:
        return c.add(None, f"{what}期限不超过 {max_years} 年", why="未给出这是第几年补贴")
    return c.add(year <= max_years, f"本次为第 {year} 年{what}，期限不超过 {max_years} 年")


class RentInputs(BaseModel):
    tier: int = Field(..., ge=1, le=2, description="工作组评定的档次：1=一档，2=二档")
    annual_rent_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="本补贴年度实际支付的房租（元）")
    subsidy_year: SubsidyYear = Field(None, description="这是第几年享受租房补贴（1、2、3…）")
    received_before_yuan: Received = Field(0, description="此前已累计获得的租房补贴（元）")
    total_area_m2: float | None = Field(None, gt=0, le=MAX_AREA_M2, description="租赁总面积（平方米）")
    excluded_area_m2: float | None = Field(
        None,
        ge=0,
        le=MAX_AREA_M2,
        description="不予支持的面积（营业大厅、出租出借给母子公司等的空间、餐厅、停车场等，平方米）",
    )


def _own_office_rent(ex: Explain, inputs: RentInputs) -> float:
    """Only the company's own office space is subsidised: the rent in proportion to that area."""
    if not inputs.excluded_area_m2:
        return inputs.annual_rent_yuan
    if inputs.total_area_m2 is None:
        raise InputError("fintech_rent_subsidy: 给出不予支持面积时须同时给出租赁总面积")
    if inputs.excluded_area_m2 > inputs.total_area_m2:
        raise InputError("fintech_rent_subsidy: 不予支持面积大于租赁总面积")
    own = inputs.total_area_m2 - inputs.excluded_area_m2
    rent = inputs.annual_rent_yuan * own / inputs.total_area_m2
    ex.step(
        f"只补贴自身办公面积：{yuan(inputs.annual_rent_yuan)} × {own:g}/{inputs.total_area_m2:g} 平方米 = {yuan(rent)}"
    )
    return rent


@fintech(title="金融科技企业（机构）租房补贴", article="二（二）1（2）", params=[RENT_RATE, RENT_LIMITS])
def fintech_rent_subsidy(ex: Explain, inputs: RentInputs) -> CalcResult:
    """二（二）1（2）: 一档按实际房租 50%、二档 30%，不超过 3 年，累计不超过 5000 万元 (2024-01-03 起)."""
    rate = ex.value(RENT_RATE)[f"tier{inputs.tier}"]
    lim = ex.value(RENT_LIMITS)
    rent = _own_office_rent(ex, inputs)
    raw = share_of(ex, rent, rate, f"{'一' if inputs.tier == 1 else '二'}档：实际房租")
    in_term = _within_years(conditions(ex, inputs), inputs.subsidy_year, lim["max_years"], "租房补贴")
    if in_term is False:
        return ex.result(0, False)
    amount = within_remaining(
        ex, raw, lim["cumulative_cap"], inputs.received_before_yuan, "累计补贴上限", short="累计上限"
    )
    ex.extra.update(
        start_date="通过工作组认定并产生税收当年的起租日（二（二）1（4））",
        note="变更办公地址须提前一个月书面报备，未报备的空间不再补贴（二（二）1（6））",
    )
    return ex.result(amount, False if amount <= 0 else in_term)


class PurchaseInputs(BaseModel):
    assessed_subsidy_yuan: float = Field(
        ..., gt=0, le=MAX_YUAN, description="按“金科十条”2.0版标准核定的本年度购房补贴（元）"
    )
    subsidy_year: SubsidyYear = Field(None, description="这是第几年享受购房补贴（1、2、3…）")
    received_before_yuan: Received = Field(0, description="此前已累计获得的购房补贴（元）")
    disposed_within_hold_period: bool | None = Field(
        None, description="购房后 5 年内是否已对外出售、出租或改变用途"
    )


@fintech(
    title="金融科技企业（机构）购房补贴期限与累计上限", article="二（二）1（1）", params=[PURCHASE_LIMITS]
)
def fintech_purchase_subsidy(ex: Explain, inputs: PurchaseInputs) -> CalcResult:
    """二（二）1（1）: 购房补贴不超过 3 年、累计不超过 5000 万元；5 年内处置追回 (2024-01-03 起)."""
    lim = ex.value(PURCHASE_LIMITS)
    ex.step(f"本年度核定购房补贴 {yuan(inputs.assessed_subsidy_yuan)}（补贴标准由“金科十条”2.0版规定）")
    ex.extra["start_date"] = "政策有效期内签订购房合同的日期（二（二）1（3））"
    c = conditions(ex, inputs)
    held = c.add(negate(inputs.disposed_within_hold_period),
                 f"办公用房 {lim['hold_years']} 年内未对外出售、出租或改变用途", why="未说明是否已处置")  # fmt: skip
    if held is False:
        ex.step(f"否则将追回已发放的补贴：应退回此前已获 {yuan(inputs.received_before_yuan)}，本次不予补贴")
        return ex.result(0, False)
    in_term = _within_years(c, inputs.subsidy_year, lim["max_years"], "购房补贴")
    if in_term is False:
        return ex.result(0, False)
    amount = within_remaining(
        ex,
        inputs.assessed_subsidy_yuan,
        lim["cumulative_cap"],
        inputs.received_before_yuan,
        "累计补贴上限",
        short="累计上限",
    )
    return ex.result(amount, False if amount <= 0 else all_of([held, in_term]))
