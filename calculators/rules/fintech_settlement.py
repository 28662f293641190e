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
from calculators.rules.fintech_common import (
    LEGAL_PERSON,
    NEW_ENTITY,
    FoundingYear,
    Instalment,
    Year,
    conditions,
    fintech,
    instalment_asked,
    new_entity,
    supported_entity,
)
from core.schema import CalcResult

STARTUP_SPLIT = "fintech/startup_installments"
RENT_RATE = "fintech/rent_subsidy_rate"
RENT_LIMITS = "fintech/rent_subsidy_limits"
PURCHASE_LIMITS = "fintech/purchase_subsidy_limits"
OFFICE_CHANGE = "fintech/office_change_notice"

SubsidyYear = Annotated[int | None, Field(ge=1, le=MAX_SUBSIDY_YEARS)]
Received = Annotated[float, Field(ge=0, le=MAX_YUAN)]


# ---------------------------------------------------------------- 二（一） 开办费用补贴


class StartupInputs(BaseModel):
    approved_total_yuan: float | None = Field(
        None, gt=0, le=MAX_YUAN, description="经核定的开办费用补贴总额（元），标准见“金科十条”2.0版"
    )
    paid_in_completion_year: Year = Field(None, description="实收资本缴纳完成年度（如 2024）")
    payment_year: Year = Field(None, description="想了解的支付年度（如 2025），不填则列出全部三笔")
    instalment_no: Instalment = Field(None, description="想了解的是第几笔（第几年）的款项（1、2、3）")
    registered_year: FoundingYear = Field(None, description="企业在西城注册设立的年份（如 2019）")
    moved_in: bool | None = Field(None, description="是否由西城区以外迁入")
    independent_legal_person: bool | None = Field(None, description="是否为独立法人（分公司不是）")
    registered_in_xicheng: bool | None = Field(None, description="注册和税务关系是否在西城区")


@fintech(
    title="开办费用补贴分三年支付（40%、30%、30%）",
    article="二（一）1",
    params=[STARTUP_SPLIT, NEW_ENTITY, LEGAL_PERSON],
)
def fintech_startup_installments(ex: Explain, inputs: StartupInputs) -> CalcResult:
    """二（一）1: 新设立或新迁入企业（一（一）：2018 年以来注册设立或由区外迁入）的开办费用补贴，
    自实收资本缴纳完成年度起分三年按 40%/30%/30% 支付 (2024-01-03 起)."""
    p = ex.value(STARTUP_SPLIT)
    c = conditions(ex, inputs)
    supported_entity(ex, c, inputs)
    if inputs.registered_year is not None or inputs.moved_in is not None:
        new_entity(ex, c, inputs.registered_year, inputs.moved_in)
    if c.verdict is False:
        ex.step("不属于开办费用补贴的支持对象，不予补贴")
        return ex.result(0, False)
    total, paid_in = inputs.approved_total_yuan, inputs.paid_in_completion_year
    if total is None:  # the facts that decide eligibility first, then the amount
        ask = {**c.missing, **c.descriptions(("approved_total_yuan",))}
        return with_missing(ex.result(None, None), ask)
    ex.step(f"核定的开办费用补贴总额 {yuan(total)}（补贴标准本身由“金科十条”2.0版规定）")
    plan = instalments(ex, total, p["shares"], paid_in, "实收资本缴纳完成年度")
    if inputs.payment_year is None and inputs.instalment_no is None:
        return ex.result(total, c.verdict)
    amount = instalment_asked(ex, plan, inputs.payment_year, inputs.instalment_no)
    if amount is None:
        ex.step("未给出实收资本缴纳完成年度，无法确定所问年度是第几笔")
        return with_missing(ex.result(None, None), c.descriptions(("paid_in_completion_year",)))
    return ex.result(amount, False if amount <= 0 else c.verdict)


# ---------------------------------------------------------------- 二（二） 购租房补贴


def _within_years(c: Conditions, year: int | None, max_years: int, what: str) -> bool | None:
    if year is None:
        return c.add(None, f"{what}期限不超过 {max_years} 年", why="未给出这是第几年补贴")
    return c.add(year <= max_years, f"本次为第 {year} 年{what}，期限不超过 {max_years} 年")


class RentInputs(BaseModel):
    tier: int | None = Field(None, ge=1, le=2, description="工作组评定的档次：1=一档，2=二档")
    annual_rent_yuan: float | None = Field(
        None, gt=0, le=MAX_YUAN, description="本补贴年度实际支付的房租（元）"
    )
    subsidy_year: SubsidyYear = Field(None, description="这是第几年享受租房补贴（1、2、3…）")
    first_subsidy_year: Year = Field(
        None, description="开始享受租房补贴的年度（如 2022），用于推算今年是第几年"
    )
    received_before_yuan: Received = Field(0, description="此前已累计获得的租房补贴（元）")
    same_amount_before: bool | None = Field(
        None, description="此前各年是否按同样房租和比例拿满（据此推算此前累计已获补贴）"
    )
    total_area_m2: float | None = Field(None, gt=0, le=MAX_AREA_M2, description="租赁总面积（平方米）")
    excluded_area_m2: float | None = Field(
        None,
        ge=0,
        le=MAX_AREA_M2,
        description="不予支持的面积（营业大厅、出租出借给母子公司等的空间、餐厅、停车场等，平方米）",
    )
    excluded_rent_yuan: float | None = Field(
        None,
        ge=0,
        le=MAX_YUAN,
        description="房租中不予支持空间（营业大厅、出租出借给母子公司等的空间、餐厅、停车场等）的部分（元）",
    )
    office_change_reported: bool | None = Field(
        None, description="变更办公地址时是否提前一个月书面报备（未变更不填）"
    )
    independent_legal_person: bool | None = Field(None, description="是否为独立法人（分公司不是）")
    registered_in_xicheng: bool | None = Field(None, description="注册和税务关系是否在西城区")


def _own_office_rent(ex: Explain, inputs: RentInputs, rent: float) -> float:
    """Only the company's own office space is subsidised: the rent less the rent of the excluded spaces, or
    the rent in proportion to the company's own area."""
    if inputs.excluded_rent_yuan:
        if inputs.excluded_rent_yuan >= rent:
            raise InputError("fintech_rent_subsidy: 不予支持空间的房租不小于全部房租")
        own_rent = rent - inputs.excluded_rent_yuan
        ex.step(
            f"只补贴自身办公空间：{yuan(rent)} − 不予支持空间的房租 {yuan(inputs.excluded_rent_yuan)}"
            f" = {yuan(own_rent)}"
        )
        rent = own_rent
    if not inputs.excluded_area_m2:
        return rent
    if inputs.total_area_m2 is None:
        raise InputError("fintech_rent_subsidy: 给出不予支持面积时须同时给出租赁总面积")
    if inputs.excluded_area_m2 > inputs.total_area_m2:
        raise InputError("fintech_rent_subsidy: 不予支持面积大于租赁总面积")
    own = inputs.total_area_m2 - inputs.excluded_area_m2
    own_rent = rent * own / inputs.total_area_m2
    ex.step(f"只补贴自身办公面积：{yuan(rent)} × {own:g}/{inputs.total_area_m2:g} 平方米 = {yuan(own_rent)}")
    return own_rent


def _subsidy_year(ex: Explain, stated: int | None, first: int | None) -> int | None:
    """The how-manieth year of the subsidy, stated or counted from the first year it was received."""
    if stated is not None or first is None:
        return stated
    year = ex.as_of.year - first + 1
    ex.step(f"{first}年开始享受，{ex.as_of.year}年为第 {year} 年")
    return year


@fintech(
    title="金融科技企业（机构）租房补贴",
    article="二（二）1（2）",
    params=[RENT_RATE, RENT_LIMITS, OFFICE_CHANGE, LEGAL_PERSON],
)
def fintech_rent_subsidy(ex: Explain, inputs: RentInputs) -> CalcResult:
    """二（二）1（2）（5）（6）: 一档按实际房租 50%、二档 30%，只补自身办公面积，不超过 3 年，累计不超过 5000 万元；
    变更办公地址未提前报备的空间不再补贴 (2024-01-03 起)."""
    lim = ex.value(RENT_LIMITS)
    c = conditions(ex, inputs)
    supported_entity(ex, c, inputs)
    if inputs.office_change_reported is not None:
        ex.value(OFFICE_CHANGE)
        c.fact("office_change_reported", "变更办公地址前一个月已书面报备（未报备的办公空间不再予以补贴）",
               article="二（二）1（6）")  # fmt: skip
    year = _subsidy_year(ex, inputs.subsidy_year, inputs.first_subsidy_year)
    if c.verdict is False:
        return ex.result(0, False)
    if year is not None and year > lim["max_years"]:
        return ex.result(0, _within_years(c, year, lim["max_years"], "租房补贴"))
    if inputs.tier is None or inputs.annual_rent_yuan is None:
        return with_missing(ex.result(None, None), c.descriptions(("tier", "annual_rent_yuan")))
    rate = ex.value(RENT_RATE)[f"tier{inputs.tier}"]
    rent = _own_office_rent(ex, inputs, inputs.annual_rent_yuan)
    raw = share_of(ex, rent, rate, f"{'一' if inputs.tier == 1 else '二'}档：实际房租")
    in_term = _within_years(c, year, lim["max_years"], "租房补贴")
    received = inputs.received_before_yuan
    if not received and inputs.same_amount_before and year is not None and year > 1:
        received = raw * (year - 1)
        ex.step(f"此前 {year - 1} 年按同样标准拿满：{yuan(raw)} × {year - 1} = 已获 {yuan(received)}")
    amount = within_remaining(ex, raw, lim["cumulative_cap"], received, "累计补贴上限", short="累计上限")
    ex.extra.update(
        start_date="通过工作组认定并产生税收当年的起租日（二（二）1（4））",
        note="变更办公地址须提前一个月书面报备，未报备的空间不再补贴（二（二）1（6））",
    )
    return ex.result(amount, False if amount <= 0 else all_of([c.verdict, in_term]))


class PurchaseInputs(BaseModel):
    assessed_subsidy_yuan: float | None = Field(
        None, gt=0, le=MAX_YUAN, description="按“金科十条”2.0版标准核定的本年度购房补贴（元）"
    )
    subsidy_year: SubsidyYear = Field(None, description="这是第几年享受购房补贴（1、2、3…）")
    received_before_yuan: Received = Field(0, description="此前已累计获得的购房补贴（元）")
    disposed_within_hold_period: bool | None = Field(
        None, description="购房后 5 年内是否已对外出售、出租或改变用途"
    )
    purchase_year: Year = Field(None, description="签订购房合同（购房）的年度（如 2022）")
    independent_legal_person: bool | None = Field(None, description="是否为独立法人（分公司不是）")
    registered_in_xicheng: bool | None = Field(None, description="注册和税务关系是否在西城区")


@fintech(
    title="金融科技企业（机构）购房补贴期限与累计上限",
    article="二（二）1（1）",
    params=[PURCHASE_LIMITS, LEGAL_PERSON],
)
def fintech_purchase_subsidy(ex: Explain, inputs: PurchaseInputs) -> CalcResult:
    """二（二）1（1）: 购房补贴不超过 3 年、累计不超过 5000 万元；5 年内处置追回 (2024-01-03 起)."""
    lim = ex.value(PURCHASE_LIMITS)
    ex.extra["start_date"] = "政策有效期内签订购房合同的日期（二（二）1（3））"
    c = conditions(ex, inputs)
    supported_entity(ex, c, inputs)
    disposed = inputs.disposed_within_hold_period
    bought = inputs.purchase_year
    if disposed and bought is not None and ex.as_of.year - bought >= lim["hold_years"]:
        ex.step(f"{bought}年购房，到{ex.as_of.year}年已满 {lim['hold_years']} 年，处置不在限制期内")
        disposed = False
    held = c.add(negate(disposed), f"办公用房 {lim['hold_years']} 年内未对外出售、出租或改变用途",
                 why="未说明是否已处置")  # fmt: skip
    if held is False:
        back = inputs.received_before_yuan
        ex.step(
            "否则将追回已发放的补贴" + (f"：应退回此前已获 {yuan(back)}" if back else "") + "，本次不予补贴"
        )
        return ex.result(0, False)
    if c.verdict is False:
        return ex.result(0, False)
    in_term = _within_years(c, inputs.subsidy_year, lim["max_years"], "购房补贴")
    if in_term is False:
        return ex.result(0, False)
    if inputs.assessed_subsidy_yuan is None:
        return with_missing(ex.result(None, None), c.descriptions(("assessed_subsidy_yuan",)))
    ex.step(f"本年度核定购房补贴 {yuan(inputs.assessed_subsidy_yuan)}（补贴标准由“金科十条”2.0版规定）")
    amount = within_remaining(
        ex,
        inputs.assessed_subsidy_yuan,
        lim["cumulative_cap"],
        inputs.received_before_yuan,
        "累计补贴上限",
        short="累计上限",
    )
    return ex.result(amount, False if amount <= 0 else c.verdict)
