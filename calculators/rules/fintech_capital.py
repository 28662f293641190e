"""西科管发〔2024〕1号 二（三）（四）: capital-increase and subsidiary subsidies, the contribution cap on 二（一）（二）."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.fintech_common import DOC, ZGC_XICHENG, condition, money, pct, schedule
from core.schema import CalcResult

# ---------------------------------------------------------------- 二（三）（1） 增资补助


class CapitalIncreaseInputs(BaseModel):
    cumulative_increase_yuan: float = Field(..., gt=0, le=1e13, description="实收资本累计增资额（元）")
    district_contribution_yuan: float = Field(
        ..., ge=0, le=1e12, description="政策兑现年度对西城区的综合贡献（元）"
    )
    paid_in_completion_year: int | None = Field(
        None, ge=2018, le=2100, description="增资实收资本缴纳完成年度（如 2024）"
    )


@calculator(
    name="fintech_capital_increase_subsidy",
    title="驻区金融科技企业增资补助",
    doc_no=DOC,
    article="二（三）（1）",
    inputs=CapitalIncreaseInputs,
    params=[
        "fintech/capital_increase_lower",
        "fintech/capital_increase_upper",
        "fintech/capital_increase_installments",
    ],
)
def capital_increase(inputs: CapitalIncreaseInputs, as_of: date, params) -> CalcResult:
    """二（三）（1）: 增资 1 亿（含）–10 亿且贡献达 500 万 → ≤100 万；10 亿（含）以上且贡献达 5000 万 → ≤1000 万；
    40/30/30 分三年，两档不重复 (2024-01-03 起)."""
    ex = explain("fintech_capital_increase_subsidy", inputs, as_of)
    low = ex.value(params["fintech/capital_increase_lower"])
    high = ex.value(params["fintech/capital_increase_upper"])
    split = ex.value(params["fintech/capital_increase_installments"])
    inc, contrib = inputs.cumulative_increase_yuan, inputs.district_contribution_yuan
    ex.extra["accepting_office"] = ZGC_XICHENG
    if inc < low["min_increase"]:
        ex.step(
            f"实收资本累计增资 {money(inc)}，未达到 {money(low['min_increase'])}（含），不符合增资补助条件"
        )
        return ex.result(0, False)
    if inc >= high["min_increase"]:
        ex.step(f"实收资本累计增资 {money(inc)}，属于 {money(high['min_increase'])}（含）以上一档")
        need, cap = high["min_contribution"], high["cap"]
    else:
        ex.step(
            f"实收资本累计增资 {money(inc)}，属于 {money(low['min_increase'])}（含）至 {money(low['max_increase'])}（不含）一档"
        )
        need, cap = low["min_contribution"], low["cap"]
    if contrib < need:
        ex.step(f"条件不满足：政策兑现年度区综合贡献 {yuan(contrib)}，未达到本档要求的 {yuan(need)}")
        if inc >= high["min_increase"] and contrib >= low["min_contribution"]:
            ex.warn(
                f"增资 {money(high['min_increase'])} 以上但区综合贡献不足 {yuan(high['min_contribution'])}："
                f"原文未说明可否退按 {money(low['min_increase'])} 至 {money(low['max_increase'])} 一档"
                f"（最高 {yuan(low['cap'])}），本计算器按字面判为不符合，请向受理机构确认"
            )
        return ex.result(0, False)
    ex.step(f"条件满足：政策兑现年度区综合贡献 {yuan(contrib)}，达到 {yuan(need)}")
    ex.step(f"给予一次性不超过 {yuan(cap)} 补助（两档补助不重复享受）")
    ex.warn(f"原文为“不超过 {yuan(cap)}”，此为最高额，实际金额以审议结果为准")
    schedule(ex, cap, split["shares"], inputs.paid_in_completion_year, "实收资本缴纳完成年度")
    return ex.result(cap, True)


# ---------------------------------------------------------------- 二（三）（2） 设立子公司补助


class SubsidiaryInputs(BaseModel):
    investment_yuan: float = Field(
        ..., gt=0, le=1e13, description="对新设立子公司实收资本的投资或出资金额（元）"
    )
    controlling: bool | None = Field(None, description="新设立的子公司是否为控股子公司")
    contribution_completion_year: int | None = Field(
        None, ge=2018, le=2100, description="出资金额缴纳完成年度（如 2024）"
    )


@calculator(
    name="fintech_subsidiary_subsidy",
    title="驻区金融科技企业新设控股子公司补助",
    doc_no=DOC,
    article="二（三）（2）",
    inputs=SubsidiaryInputs,
    params=["fintech/subsidiary_subsidy", "fintech/subsidiary_installments"],
)
def subsidiary(inputs: SubsidiaryInputs, as_of: date, params) -> CalcResult:
    """二（三）（2）: 按对新设控股子公司出资额 10% 补助，不超过 1000 万元，40/30/30 分三年 (2024-01-03 起)."""
    ex = explain("fintech_subsidiary_subsidy", inputs, as_of)
    p = ex.value(params["fintech/subsidiary_subsidy"])
    split = ex.value(params["fintech/subsidiary_installments"])
    ex.extra["accepting_office"] = ZGC_XICHENG
    ok = condition(ex, inputs.controlling, "新设立的是控股子公司", "未说明是否控股")
    if ok is False:
        return ex.result(0, False)
    raw = inputs.investment_yuan * p["rate"]
    ex.step(f"出资金额 {yuan(inputs.investment_yuan)} × {pct(p['rate'])} = {yuan(raw)}")
    amount = min(raw, p["cap"])
    if raw > p["cap"]:
        ex.step(f"超过补助上限 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"未超过补助上限 {yuan(p['cap'])}")
    schedule(ex, amount, split["shares"], inputs.contribution_completion_year, "出资金额缴纳完成年度")
    return ex.result(amount, ok)


# ---------------------------------------------------------------- 二（四）末段 总额限制


class SettlementCapInputs(BaseModel):
    startup_subsidy_yuan: float = Field(0, ge=0, le=1e11, description="二（一）开办费用补贴所获资金（元）")
    housing_subsidy_yuan: float = Field(0, ge=0, le=1e11, description="二（二）购租房补贴所获资金合计（元）")
    district_contribution_yuan: float = Field(
        ..., ge=0, le=1e12, description="该企业政策兑现期内的区综合贡献（元）"
    )


@calculator(
    name="fintech_settlement_total_cap",
    title="开办费用补贴与购租房补贴合计不超过区综合贡献",
    doc_no=DOC,
    article="二（四）末段",
    inputs=SettlementCapInputs,
    params=["fintech/settlement_contribution_cap"],
)
def settlement_total_cap(inputs: SettlementCapInputs, as_of: date, params) -> CalcResult:
    """二（四）末段: 第二条第（一）（二）款所获资金总额不超过政策兑现期内区综合贡献的 100% (2024-01-03 起)."""
    ex = explain("fintech_settlement_total_cap", inputs, as_of)
    p = ex.value(params["fintech/settlement_contribution_cap"])
    total = inputs.startup_subsidy_yuan + inputs.housing_subsidy_yuan
    ex.step(
        f"开办费用补贴 {yuan(inputs.startup_subsidy_yuan)} + 购租房补贴 {yuan(inputs.housing_subsidy_yuan)} = {yuan(total)}"
    )
    limit = inputs.district_contribution_yuan * p["ratio"]
    ex.step(
        f"上限：政策兑现期内区综合贡献 {yuan(inputs.district_contribution_yuan)} × {pct(p['ratio'])} = {yuan(limit)}"
    )
    if total > limit:
        ex.step(f"合计超过上限，两项合计最多可得 {yuan(limit)}，超出 {yuan(total - limit)}")
        return ex.result(limit, True)
    ex.step("合计未超过区综合贡献上限，可全额享受")
    return ex.result(total, True)
