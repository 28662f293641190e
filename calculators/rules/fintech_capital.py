"""西科管发〔2024〕1号 二（三）（四）: capital-increase and subsidiary subsidies, the contribution cap on 二（一）（二）."""

from __future__ import annotations

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, instalments, share_of, with_missing, yuan
from calculators.kit.bounds import MAX_CAPITAL_YUAN, MAX_CONTRIBUTION_YUAN, MAX_FUNDS_YUAN
from calculators.rules.fintech_common import Instalment, Year, conditions, fintech, instalment_asked
from core.schema import CalcResult

INCREASE_LOWER = "fintech/capital_increase_lower"
INCREASE_UPPER = "fintech/capital_increase_upper"
INCREASE_SPLIT = "fintech/capital_increase_installments"
SUBSIDIARY = "fintech/subsidiary_subsidy"
SUBSIDIARY_SPLIT = "fintech/subsidiary_installments"
CONTRIBUTION_CAP = "fintech/settlement_contribution_cap"

# ---------------------------------------------------------------- 二（三）（1） 增资补助


class CapitalIncreaseInputs(BaseModel):
    cumulative_increase_yuan: float | None = Field(
        None, gt=0, le=MAX_CAPITAL_YUAN, description="实收资本累计增资额（元）"
    )
    district_contribution_yuan: float | None = Field(
        None, ge=0, le=MAX_CONTRIBUTION_YUAN, description="政策兑现年度对西城区的综合贡献（元）"
    )
    paid_in_completion_year: Year = Field(None, description="增资实收资本缴纳完成年度（如 2024）")
    approved_total_yuan: float | None = Field(
        None,
        gt=0,
        le=MAX_FUNDS_YUAN,
        description="已核定（批下来）的增资补助总额（元），给出则不必再按增资额测算",
    )
    payment_year: Year = Field(None, description="想了解的支付年度（如 2025），不填则给出补助总额")
    instalment_no: Instalment = Field(None, description="想了解的是第几笔（第几年）的款项（1、2、3）")


def _asked_part(ex: Explain, total: float, plan: list[dict], inputs: BaseModel, start: str, ok: bool | None):
    """The whole subsidy, or the one instalment the question asks for (第二年那笔 / 今年这笔)."""
    if inputs.payment_year is None and inputs.instalment_no is None:
        return ex.result(total, ok)
    amount = instalment_asked(ex, plan, inputs.payment_year, inputs.instalment_no)
    if amount is None:
        ex.step("未给出缴纳完成年度，无法确定所问年度是第几笔")
        return with_missing(ex.result(None, None), Conditions(ex, inputs).descriptions((start,)))
    return ex.result(amount, False if amount <= 0 else ok)


def _band(ex: Explain, inc: float, low: dict, high: dict) -> dict | None:
    """The band of the increase: 1 亿（含）–10 亿, or 10 亿（含）以上."""
    if inc < low["min_increase"]:
        ex.step(f"实收资本累计增资 {yuan(inc)}，未达到 {yuan(low['min_increase'])}（含），不符合增资补助条件")
        return None
    if inc >= high["min_increase"]:
        ex.step(f"实收资本累计增资 {yuan(inc)}，属于 {yuan(high['min_increase'])}（含）以上一档")
        return high
    span = f"{yuan(low['min_increase'])}（含）至 {yuan(low['max_increase'])}（不含）"
    ex.step(f"实收资本累计增资 {yuan(inc)}，属于 {span}一档")
    return low


@fintech(
    title="驻区金融科技企业增资补助",
    article="二（三）（1）",
    params=[INCREASE_LOWER, INCREASE_UPPER, INCREASE_SPLIT],
)
def fintech_capital_increase_subsidy(ex: Explain, inputs: CapitalIncreaseInputs) -> CalcResult:
    """二（三）（1）: 增资 1 亿（含）–10 亿且贡献达 500 万 → ≤100 万；10 亿（含）以上且贡献达 5000 万 → ≤1000 万；
    40/30/30 分三年，两档不重复 (2024-01-03 起)."""
    low, high = ex.value(INCREASE_LOWER), ex.value(INCREASE_UPPER)
    split = ex.value(INCREASE_SPLIT)
    inc, contrib = inputs.cumulative_increase_yuan, inputs.district_contribution_yuan
    start = "paid_in_completion_year"
    if inputs.approved_total_yuan is not None and (inc is None or contrib is None):
        total = inputs.approved_total_yuan
        ex.step(f"已核定增资补助总额 {yuan(total)}（两档补助不重复享受）")
        plan = instalments(ex, total, split["shares"], inputs.paid_in_completion_year, "实收资本缴纳完成年度")
        return _asked_part(ex, total, plan, inputs, start, True)
    if inc is None or contrib is None:
        need = ("cumulative_increase_yuan", "district_contribution_yuan")
        return with_missing(ex.result(None, None), Conditions(ex, inputs).descriptions(need))
    band = _band(ex, inc, low, high)
    if band is None:
        return ex.result(0, False)
    need, cap = band["min_contribution"], band["cap"]
    c = conditions(ex, inputs)
    if not c.add(contrib >= need, f"政策兑现年度区综合贡献 {yuan(contrib)}，达到 {yuan(need)}",
                 failed=f"政策兑现年度区综合贡献 {yuan(contrib)}，未达到本档要求的 {yuan(need)}"):  # fmt: skip
        if band is high and contrib >= low["min_contribution"]:
            ex.warn(
                f"增资 {yuan(high['min_increase'])} 以上但区综合贡献不足 {yuan(high['min_contribution'])}："
                f"原文未说明可否退按 {yuan(low['min_increase'])} 至 {yuan(low['max_increase'])} 一档"
                f"（最高 {yuan(low['cap'])}），本计算器按字面判为不符合，请向受理机构确认"
            )
        return ex.result(0, False)
    ex.step(f"给予一次性不超过 {yuan(cap)} 补助（两档补助不重复享受）")
    ex.warn(f"原文为“不超过 {yuan(cap)}”，此为最高额，实际金额以审议结果为准")
    plan = instalments(ex, cap, split["shares"], inputs.paid_in_completion_year, "实收资本缴纳完成年度")
    return _asked_part(ex, cap, plan, inputs, start, True)


# ---------------------------------------------------------------- 二（三）（2） 设立子公司补助


class SubsidiaryInputs(BaseModel):
    investment_yuan: float = Field(
        ..., gt=0, le=MAX_CAPITAL_YUAN, description="对新设立子公司实收资本的投资或出资金额（元）"
    )
    controlling: bool | None = Field(None, description="新设立的子公司是否为控股子公司")
    contribution_completion_year: Year = Field(None, description="出资金额缴纳完成年度（如 2024）")
    payment_year: Year = Field(None, description="想了解的支付年度（如 2025），不填则给出补助总额")
    instalment_no: Instalment = Field(None, description="想了解的是第几笔（第几年）的款项（1、2、3）")


@fintech(
    title="驻区金融科技企业新设控股子公司补助", article="二（三）（2）", params=[SUBSIDIARY, SUBSIDIARY_SPLIT]
)
def fintech_subsidiary_subsidy(ex: Explain, inputs: SubsidiaryInputs) -> CalcResult:
    """二（三）（2）: 按对新设控股子公司出资额 10% 补助，不超过 1000 万元，40/30/30 分三年 (2024-01-03 起)."""
    p, split = ex.value(SUBSIDIARY), ex.value(SUBSIDIARY_SPLIT)
    ok = conditions(ex, inputs).fact("controlling", "新设立的是控股子公司", why="未说明是否控股")
    if ok is False:
        return ex.result(0, False)
    raw = share_of(ex, inputs.investment_yuan, p["rate"], "出资金额")
    amount = capped(ex, raw, p["cap"], "补助上限")
    plan = instalments(
        ex, amount, split["shares"], inputs.contribution_completion_year, "出资金额缴纳完成年度"
    )
    return _asked_part(ex, amount, plan, inputs, "contribution_completion_year", ok)


# ---------------------------------------------------------------- 二（四）末段 总额限制


class SettlementCapInputs(BaseModel):
    startup_subsidy_yuan: float = Field(
        0, ge=0, le=MAX_FUNDS_YUAN, description="二（一）开办费用补贴所获资金（元）"
    )
    housing_subsidy_yuan: float = Field(
        0, ge=0, le=MAX_FUNDS_YUAN, description="二（二）购租房补贴所获资金合计（元）"
    )
    district_contribution_yuan: float = Field(
        ..., ge=0, le=MAX_CONTRIBUTION_YUAN, description="该企业政策兑现期内的区综合贡献（元）"
    )


@fintech(
    title="开办费用补贴与购租房补贴合计不超过区综合贡献", article="二（四）末段", params=[CONTRIBUTION_CAP]
)
def fintech_settlement_total_cap(ex: Explain, inputs: SettlementCapInputs) -> CalcResult:
    """二（四）末段: 第二条第（一）（二）款所获资金总额不超过政策兑现期内区综合贡献的 100% (2024-01-03 起)."""
    ratio = ex.value(CONTRIBUTION_CAP)["ratio"]
    startup, housing = inputs.startup_subsidy_yuan, inputs.housing_subsidy_yuan
    total = startup + housing
    ex.step(f"开办费用补贴 {yuan(startup)} + 购租房补贴 {yuan(housing)} = {yuan(total)}")
    limit = share_of(ex, inputs.district_contribution_yuan, ratio, "上限：政策兑现期内区综合贡献")
    amount = capped(ex, total, limit, "上限")
    return ex.result(amount, True)
