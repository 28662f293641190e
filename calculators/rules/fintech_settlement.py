"""西科管发〔2024〕1号 二（一）（二）: start-up subsidy instalments, rent and purchase subsidies."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import InputError, calculator, explain, yuan
from calculators.rules.fintech_common import DOC, ZGC_XICHENG, all_of, condition, pct, schedule, with_missing
from core.schema import CalcResult


def _instalment_of_year(ex, plan: list[dict], year: int) -> float:
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
        ..., gt=0, le=1e10, description="经核定的开办费用补贴总额（元），标准见“金科十条”2.0版"
    )
    paid_in_completion_year: int | None = Field(
        None, ge=2018, le=2100, description="实收资本缴纳完成年度（如 2024）"
    )
    payment_year: int | None = Field(
        None, ge=2018, le=2100, description="想了解的支付年度（如 2025），不填则列出全部三笔"
    )


@calculator(
    name="fintech_startup_installments",
    title="开办费用补贴分三年支付（40%、30%、30%）",
    doc_no=DOC,
    article="二（一）1",
    inputs=StartupInputs,
    params=["fintech/startup_installments"],
)
def startup_installments(inputs: StartupInputs, as_of: date, params) -> CalcResult:
    """二（一）1: 开办费用补贴自实收资本缴纳完成年度起分三年按 40%/30%/30% 支付 (2024-01-03 起)."""
    ex = explain("fintech_startup_installments", inputs, as_of)
    p = ex.value(params["fintech/startup_installments"])
    ex.step(f"核定的开办费用补贴总额 {yuan(inputs.approved_total_yuan)}（补贴标准本身由“金科十条”2.0版规定）")
    plan = schedule(
        ex, inputs.approved_total_yuan, p["shares"], inputs.paid_in_completion_year, "实收资本缴纳完成年度"
    )
    ex.extra["accepting_office"] = ZGC_XICHENG
    if inputs.payment_year is None:
        return ex.result(inputs.approved_total_yuan, True)
    if inputs.paid_in_completion_year is None:
        ex.step("未给出实收资本缴纳完成年度，无法确定所问年度是第几笔")
        return with_missing(ex.result(None, None), ["实收资本缴纳完成年度"])
    amount = _instalment_of_year(ex, plan, inputs.payment_year)
    return ex.result(amount, amount > 0)


# ---------------------------------------------------------------- 二（二） 购租房补贴


def _cumulative_cap(ex, amount: float, cap: float, received: float) -> float:
    remaining = max(cap - received, 0)
    if received:
        ex.step(f"累计上限 {yuan(cap)}，此前已获 {yuan(received)}，尚余额度 {yuan(remaining)}")
    if amount > remaining:
        ex.step(f"本次 {yuan(amount)} 超过剩余累计额度，按 {yuan(remaining)} 计（累计上限 {yuan(cap)} 封顶）")
        return remaining
    ex.step(f"未超过累计补贴上限 {yuan(cap)}")
    return amount


def _within_years(ex, year: int | None, max_years: int, what: str) -> bool | None:
    if year is None:
        ex.step(f"条件未知：{what}期限不超过 {max_years} 年（未给出这是第几年补贴）")
        return None
    ok = year <= max_years
    ex.step(f"{'条件满足' if ok else '条件不满足'}：本次为第 {year} 年{what}，期限不超过 {max_years} 年")
    return ok


class RentInputs(BaseModel):
    tier: int = Field(..., ge=1, le=2, description="工作组评定的档次：1=一档，2=二档")
    annual_rent_yuan: float = Field(..., gt=0, le=1e10, description="本补贴年度实际支付的房租（元）")
    subsidy_year: int | None = Field(None, ge=1, le=30, description="这是第几年享受租房补贴（1、2、3…）")
    received_before_yuan: float = Field(0, ge=0, le=1e10, description="此前已累计获得的租房补贴（元）")
    total_area_m2: float | None = Field(None, gt=0, le=1e7, description="租赁总面积（平方米）")
    excluded_area_m2: float | None = Field(
        None,
        ge=0,
        le=1e7,
        description="不予支持的面积（营业大厅、出租出借给母子公司等的空间、餐厅、停车场等，平方米）",
    )


@calculator(
    name="fintech_rent_subsidy",
    title="金融科技企业（机构）租房补贴",
    doc_no=DOC,
    article="二（二）1（2）",
    inputs=RentInputs,
    params=["fintech/rent_subsidy_rate", "fintech/rent_subsidy_limits"],
)
def rent_subsidy(inputs: RentInputs, as_of: date, params) -> CalcResult:
    """二（二）1（2）: 一档按实际房租 50%、二档 30%，不超过 3 年，累计不超过 5000 万元 (2024-01-03 起)."""
    ex = explain("fintech_rent_subsidy", inputs, as_of)
    rate = ex.value(params["fintech/rent_subsidy_rate"])[f"tier{inputs.tier}"]
    lim = ex.value(params["fintech/rent_subsidy_limits"])
    rent = inputs.annual_rent_yuan
    if inputs.excluded_area_m2:
        if inputs.total_area_m2 is None:
            raise InputError("fintech_rent_subsidy: 给出不予支持面积时须同时给出租赁总面积")
        if inputs.excluded_area_m2 > inputs.total_area_m2:
            raise InputError("fintech_rent_subsidy: 不予支持面积大于租赁总面积")
        own = inputs.total_area_m2 - inputs.excluded_area_m2
        rent = inputs.annual_rent_yuan * own / inputs.total_area_m2
        ex.step(
            f"只补贴自身办公面积：{yuan(inputs.annual_rent_yuan)} × {own:g}/{inputs.total_area_m2:g} 平方米 = {yuan(rent)}"
        )
    raw = rent * rate
    ex.step(f"{'一' if inputs.tier == 1 else '二'}档：实际房租 {yuan(rent)} × {pct(rate)} = {yuan(raw)}")
    in_term = _within_years(ex, inputs.subsidy_year, lim["max_years"], "租房补贴")
    if in_term is False:
        return ex.result(0, False)
    amount = _cumulative_cap(ex, raw, lim["cumulative_cap"], inputs.received_before_yuan)
    ex.extra.update(
        accepting_office=ZGC_XICHENG,
        start_date="通过工作组认定并产生税收当年的起租日（二（二）1（4））",
        note="变更办公地址须提前一个月书面报备，未报备的空间不再补贴（二（二）1（6））",
    )
    return ex.result(amount, False if amount <= 0 else in_term)


class PurchaseInputs(BaseModel):
    assessed_subsidy_yuan: float = Field(
        ..., gt=0, le=1e10, description="按“金科十条”2.0版标准核定的本年度购房补贴（元）"
    )
    subsidy_year: int | None = Field(None, ge=1, le=30, description="这是第几年享受购房补贴（1、2、3…）")
    received_before_yuan: float = Field(0, ge=0, le=1e10, description="此前已累计获得的购房补贴（元）")
    disposed_within_hold_period: bool | None = Field(
        None, description="购房后 5 年内是否已对外出售、出租或改变用途"
    )


@calculator(
    name="fintech_purchase_subsidy",
    title="金融科技企业（机构）购房补贴期限与累计上限",
    doc_no=DOC,
    article="二（二）1（1）",
    inputs=PurchaseInputs,
    params=["fintech/purchase_subsidy_limits"],
)
def purchase_subsidy(inputs: PurchaseInputs, as_of: date, params) -> CalcResult:
    """二（二）1（1）: 购房补贴不超过 3 年、累计不超过 5000 万元；5 年内处置追回 (2024-01-03 起)."""
    ex = explain("fintech_purchase_subsidy", inputs, as_of)
    lim = ex.value(params["fintech/purchase_subsidy_limits"])
    ex.step(f"本年度核定购房补贴 {yuan(inputs.assessed_subsidy_yuan)}（补贴标准由“金科十条”2.0版规定）")
    ex.extra.update(
        accepting_office=ZGC_XICHENG, start_date="政策有效期内签订购房合同的日期（二（二）1（3））"
    )
    held = condition(
        ex,
        None if inputs.disposed_within_hold_period is None else not inputs.disposed_within_hold_period,
        f"办公用房 {lim['hold_years']} 年内未对外出售、出租或改变用途",
        "未说明是否已处置",
    )
    if held is False:
        ex.step(f"否则将追回已发放的补贴：应退回此前已获 {yuan(inputs.received_before_yuan)}，本次不予补贴")
        return ex.result(0, False)
    in_term = _within_years(ex, inputs.subsidy_year, lim["max_years"], "购房补贴")
    if in_term is False:
        return ex.result(0, False)
    amount = _cumulative_cap(
        ex, inputs.assessed_subsidy_yuan, lim["cumulative_cap"], inputs.received_before_yuan
    )
    return ex.result(amount, False if amount <= 0 else all_of([held, in_term]))
