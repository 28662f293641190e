"""西科管发〔2024〕1号 七（一）: high-quality industrial-space upgrade subsidy and its 40/30/30 instalments."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.fintech_common import DOC, ZGC_XICHENG, all_of, condition, pct
from core.schema import CalcResult


class SpaceUpgradeInputs(BaseModel):
    investment_yuan: float = Field(
        ..., gt=0, le=1e11, description="改造项目实际投资额（元，不含营销费用和工程质量保证金）"
    )
    building_area_m2: float = Field(..., gt=0, le=1e7, description="楼宇总建筑面积（平方米）")
    renovated_area_m2: float | None = Field(
        None, gt=0, le=1e7, description="改造面积（平方米），不填按楼宇总建筑面积计"
    )
    applicant: Literal["owner", "operator"] | None = Field(
        None, description="申请主体：owner=项目产权单位，operator=经产权单位授权的运营主体"
    )
    operating_years: float | None = Field(None, ge=0, le=100, description="运营主体取得的经营权年限（年）")


@calculator(
    name="fintech_space_upgrade_subsidy",
    title="金科新区高品质产业空间改造提升补贴",
    doc_no=DOC,
    article="七（一）1（4）",
    inputs=SpaceUpgradeInputs,
    params=["fintech/space_building_area", "fintech/space_operator_term", "fintech/space_upgrade_subsidy"],
)
def space_upgrade(inputs: SpaceUpgradeInputs, as_of: date, params) -> CalcResult:
    """七（一）1（2）–（4）: 总建筑面积 3000 m²（含）以上；产权单位或经营权 10 年及以上的运营主体；
    最高按实际投资额 30% 且每平方米不超过 1500 元，不超过 5000 万元 (2024-01-03 起)."""
    ex = explain("fintech_space_upgrade_subsidy", inputs, as_of)
    min_area = ex.value(params["fintech/space_building_area"])["min_area_m2"]
    min_years = ex.value(params["fintech/space_operator_term"])["min_operating_years"]
    p = ex.value(params["fintech/space_upgrade_subsidy"])
    area_ok = inputs.building_area_m2 >= min_area
    ex.step(
        f"{'条件满足' if area_ok else '条件不满足'}：楼宇总建筑面积 {inputs.building_area_m2:g} 平方米，"
        f"要求 {min_area:g} 平方米（含）以上"
    )
    if inputs.applicant == "owner":
        applicant_ok = condition(ex, True, "申请主体为项目产权单位", "")
    elif inputs.applicant == "operator":
        if inputs.operating_years is None:
            applicant_ok = condition(ex, None, f"运营主体取得 {min_years} 年及以上经营权", "未给出经营权年限")
        else:
            applicant_ok = condition(
                ex,
                inputs.operating_years >= min_years,
                f"运营主体经营权 {inputs.operating_years:g} 年，要求 {min_years} 年及以上",
                "",
            )
    else:
        applicant_ok = condition(
            ex, None, f"申请主体为产权单位或取得 {min_years} 年及以上经营权的运营主体", "未说明申请主体"
        )
    ex.step("另须经“金科新区政策兑现工作组”审议通过，并签订《重点楼宇业态调整协议书》")
    eligible = all_of([area_ok, applicant_ok])
    ex.extra["accepting_office"] = ZGC_XICHENG
    if eligible is False:
        return ex.result(0, False)
    area = inputs.renovated_area_m2 or inputs.building_area_m2
    by_investment = inputs.investment_yuan * p["rate"]
    by_area = area * p["per_m2_cap"]
    ex.step(f"按投资额：{yuan(inputs.investment_yuan)} × {pct(p['rate'])} = {yuan(by_investment)}")
    ex.step(f"按面积：{area:g} 平方米 × {p['per_m2_cap']:g} 元/平方米 = {yuan(by_area)}")
    candidates = [
        (by_investment, f"实际投资额的 {pct(p['rate'])}"),
        (by_area, f"每平方米 {p['per_m2_cap']:g} 元"),
        (p["cap"], f"补贴上限 {yuan(p['cap'])}"),
    ]
    amount, binding = min(candidates, key=lambda c: c[0])
    ex.step(f"取三者中最低：{yuan(amount)}（受“{binding}”约束）")
    return ex.result(amount, eligible)


class SpaceInstalmentInputs(BaseModel):
    approved_total_yuan: float = Field(..., gt=0, le=1e11, description="核定的产业空间提升补贴总额（元）")
    accepted: bool = Field(..., description="项目工程是否已验收合格且总投资已全部支付")
    occupancy_pct: float = Field(
        0, ge=0, le=100, description="入驻面积比例（%），只计注册和税务关系在西城区的入驻企业"
    )
    tranches_paid: int = Field(0, ge=0, le=3, description="已支付的笔数（0–3）")
    payout_year: int | None = Field(None, ge=1, le=50, description="本年是开始兑现后的第几年（1、2、3…）")


@calculator(
    name="fintech_space_upgrade_installments",
    title="产业空间提升补贴分笔支付（40%、30%、30%）",
    doc_no=DOC,
    article="七（一）1（4）",
    inputs=SpaceInstalmentInputs,
    params=["fintech/space_upgrade_installments"],
)
def space_instalments(inputs: SpaceInstalmentInputs, as_of: date, params) -> CalcResult:
    """七（一）1（4）: 5 年内分 3 笔（1 年最多 1 笔）：验收合格 40%，入驻面积达到 60% 付 30%，达到 85% 付 30% (2024-01-03 起)."""
    ex = explain("fintech_space_upgrade_installments", inputs, as_of)
    p = ex.value(params["fintech/space_upgrade_installments"])
    ex.extra["accepting_office"] = ZGC_XICHENG
    if inputs.payout_year is not None and inputs.payout_year > p["payout_years"]:
        ex.step(f"条件不满足：兑现期为 {p['payout_years']} 年，本年为第 {inputs.payout_year} 年，已过兑现期")
        return ex.result(0, False)
    if not inputs.accepted:
        ex.step("条件不满足：项目须验收合格且总投资全部支付后开始兑现，目前尚不能支付任何一笔")
        return ex.result(0, False)
    occupancy = inputs.occupancy_pct / 10**2
    unlocked = []
    for i, (share, need) in enumerate(zip(p["shares"], p["occupancy_thresholds"], strict=True), 1):
        amount = inputs.approved_total_yuan * share
        if i == 1:
            ex.step(f"第1笔 {pct(share)} = {yuan(amount)}：验收合格即可支付，已满足")
            unlocked.append((i, amount))
        elif occupancy >= need:
            ex.step(f"第{i}笔 {pct(share)} = {yuan(amount)}：入驻面积达到 {pct(need)}（含），已满足")
            unlocked.append((i, amount))
        else:
            ex.step(
                f"第{i}笔 {pct(share)} = {yuan(amount)}：入驻面积须达到 {pct(need)}，目前 {pct(occupancy)}，未满足"
            )
    due = [(i, amt) for i, amt in unlocked if i > inputs.tranches_paid]
    if inputs.tranches_paid > len(unlocked):
        ex.warn("已支付笔数多于按入驻面积应解锁的笔数，请核对")
    if not due:
        ex.step(f"已支付 {inputs.tranches_paid} 笔，本年无新的可支付款项")
        return ex.result(0, False)
    i, amount = due[0]
    ex.step(f"1 年最多支付 1 笔：本年可支付第{i}笔 {yuan(amount)}")
    if len(due) > 1:
        ex.step(f"另有 {len(due) - 1} 笔条件已满足，顺延至以后年度支付")
    ex.extra["unlocked_tranches"] = [n for n, _ in unlocked]
    return ex.result(amount, True)
