"""西科管发〔2024〕1号 七（一）: high-quality industrial-space upgrade subsidy and its 40/30/30 instalments."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, lowest_of, pct, share_of, share_of_percent, with_missing, yuan
from calculators.kit.bounds import (
    MAX_AREA_M2,
    MAX_FUNDS_YUAN,
    MAX_OPERATING_YEARS,
    MAX_PAYOUT_YEARS,
    MAX_PERCENT,
    MAX_TRANCHES,
)
from calculators.rules.fintech_common import at_least, conditions, fintech, screen_by
from core.schema import CalcResult

BUILDING_AREA = "fintech/space_building_area"
OPERATOR_TERM = "fintech/space_operator_term"
SUBSIDY = "fintech/space_upgrade_subsidy"
SPLIT = "fintech/space_upgrade_installments"
PER_YEAR = "fintech/space_upgrade_tranches_per_year"


class SpaceUpgradeInputs(BaseModel):
    investment_yuan: float = Field(
        ..., gt=0, le=MAX_FUNDS_YUAN, description="改造项目实际投资额（元，不含营销费用和工程质量保证金）"
    )
    building_area_m2: float = Field(..., gt=0, le=MAX_AREA_M2, description="楼宇总建筑面积（平方米）")
    renovated_area_m2: float | None = Field(
        None, gt=0, le=MAX_AREA_M2, description="改造面积（平方米），不填按楼宇总建筑面积计"
    )
    applicant: Literal["owner", "operator"] | None = Field(
        None, description="申请主体：owner=项目产权单位，operator=经产权单位授权的运营主体"
    )
    operating_years: float | None = Field(
        None, ge=0, le=MAX_OPERATING_YEARS, description="运营主体取得的经营权年限（年）"
    )


def _too_small(ex: Explain, stated) -> CalcResult | None:
    """七（一）1（2）: a stated building area under the minimum fails at once, whatever the investment."""
    area, min_area = stated.building_area_m2, ex.value(BUILDING_AREA)["min_area_m2"]
    if area is None or area >= min_area:
        return None
    conditions(ex, stated).add(False, f"楼宇总建筑面积 {area:g} 平方米，要求 {min_area:g} 平方米（含）以上")
    return ex.result(0, False)


@fintech(
    title="金科新区高品质产业空间改造提升补贴",
    article="七（一）1（4）",
    params=[BUILDING_AREA, OPERATOR_TERM, SUBSIDY],
    screen=screen_by("fintech_space_upgrade_subsidy", _too_small),
)
def fintech_space_upgrade_subsidy(ex: Explain, inputs: SpaceUpgradeInputs) -> CalcResult:
    """七（一）1（2）–（4）: 总建筑面积 3000 m²（含）以上；产权单位或经营权 10 年及以上的运营主体；
    最高按实际投资额 30% 且每平方米不超过 1500 元，不超过 5000 万元 (2024-01-03 起)."""
    amount, verdict = _upgrade_subsidy(ex, inputs)
    return ex.result(amount, verdict)


def _upgrade_subsidy(ex: Explain, inputs: BaseModel) -> tuple[float, bool | None]:
    """The subsidy of 七（一）1（4） and whether its conditions hold (0 when one fails)."""
    min_area = ex.value(BUILDING_AREA)["min_area_m2"]
    min_years = ex.value(OPERATOR_TERM)["min_operating_years"]
    p = ex.value(SUBSIDY)
    c = conditions(ex, inputs)
    c.add(
        inputs.building_area_m2 >= min_area,
        f"楼宇总建筑面积 {inputs.building_area_m2:g} 平方米，要求 {min_area:g} 平方米（含）以上",
    )
    if inputs.applicant == "owner":
        c.add(True, "申请主体为项目产权单位")
    elif inputs.applicant == "operator":
        at_least(c, inputs.operating_years, min_years, "运营主体经营权", "年", "未给出经营权年限")
    else:
        c.add(None, f"申请主体为产权单位或取得 {min_years} 年及以上经营权的运营主体", why="未说明申请主体")
    ex.step("另须经“金科新区政策兑现工作组”审议通过，并签订《重点楼宇业态调整协议书》")
    if c.verdict is False:
        return 0, False
    area = inputs.renovated_area_m2 or inputs.building_area_m2
    per_m2 = p["per_m2_cap"]
    by_investment = share_of(ex, inputs.investment_yuan, p["rate"], "按投资额：")
    ex.step(f"按面积：{area:g} 平方米 × {per_m2:g} 元/平方米 = {yuan(area * per_m2)}")
    limits = [
        (by_investment, f"实际投资额的 {pct(p['rate'])}"),
        (area * per_m2, f"每平方米 {per_m2:g} 元"),
        (p["cap"], f"补贴上限 {yuan(p['cap'])}"),
    ]
    return lowest_of(ex, limits), c.verdict


class SpaceInstalmentInputs(BaseModel):
    approved_total_yuan: float | None = Field(
        None, gt=0, le=MAX_FUNDS_YUAN, description="核定的产业空间提升补贴总额（元）"
    )
    accepted: bool | None = Field(None, description="项目工程是否已验收合格且总投资已全部支付")
    # Without an approved total, the total is computed from the project as in fintech_space_upgrade_subsidy.
    investment_yuan: float | None = Field(
        None, gt=0, le=MAX_FUNDS_YUAN, description="改造项目实际投资额（元，不含营销费用和工程质量保证金）"
    )
    building_area_m2: float | None = Field(None, gt=0, le=MAX_AREA_M2, description="楼宇总建筑面积（平方米）")
    renovated_area_m2: float | None = Field(None, gt=0, le=MAX_AREA_M2, description="改造面积（平方米）")
    applicant: Literal["owner", "operator"] | None = Field(
        None, description="申请主体：owner=项目产权单位，operator=经产权单位授权的运营主体"
    )
    operating_years: float | None = Field(
        None, ge=0, le=MAX_OPERATING_YEARS, description="运营主体取得的经营权年限（年）"
    )
    occupancy_pct: float = Field(
        0, ge=0, le=MAX_PERCENT, description="入驻面积比例（%），只计注册和税务关系在西城区的入驻企业"
    )
    tranches_paid: int = Field(0, ge=0, le=MAX_TRANCHES, description="已支付的笔数（0–3）")
    payout_year: int | None = Field(
        None, ge=1, le=MAX_PAYOUT_YEARS, description="本年是开始兑现后的第几年（1、2、3…）"
    )


def _unlocked(ex: Explain, total: float, p: dict, occupancy: float) -> list[tuple[int, float]]:
    """Tranche 1 on acceptance, the others once occupancy reaches their thresholds."""
    unlocked = []
    for i, (share, need) in enumerate(zip(p["shares"], p["occupancy_thresholds"], strict=True), 1):
        amount = total * share
        head = f"第{i}笔 {pct(share)} = {yuan(amount)}："
        if i == 1:
            ex.step(head + "验收合格即可支付，已满足")
        elif occupancy >= need:
            ex.step(head + f"入驻面积达到 {pct(need)}（含），已满足")
        else:
            ex.step(head + f"入驻面积须达到 {pct(need)}，目前 {pct(occupancy)}，未满足")
            continue
        unlocked.append((i, amount))
    return unlocked


@fintech(
    title="产业空间提升补贴分笔支付（40%、30%、30%）",
    article="七（一）1（4）",
    params=[SPLIT, PER_YEAR, BUILDING_AREA, OPERATOR_TERM, SUBSIDY],
)
def fintech_space_upgrade_installments(ex: Explain, inputs: SpaceInstalmentInputs) -> CalcResult:
    """七（一）1（4）: 5 年内分 3 笔（1 年最多 1 笔）：验收合格 40%，入驻面积达到 60% 付 30%，达到 85% 付 30% (2024-01-03 起)."""
    p = ex.value(SPLIT)
    if inputs.payout_year is not None and inputs.payout_year > p["payout_years"]:
        ex.step(f"条件不满足：兑现期为 {p['payout_years']} 年，本年为第 {inputs.payout_year} 年，已过兑现期")
        return ex.result(0, False)
    accepted = inputs.accepted
    if accepted is None and inputs.tranches_paid:
        accepted = True  # a tranche already paid means the project was accepted
    if accepted is False:
        ex.step("条件不满足：项目须验收合格且总投资全部支付后开始兑现，目前尚不能支付任何一笔")
        return ex.result(0, False)
    total, verdict = inputs.approved_total_yuan, True
    can_compute = inputs.investment_yuan is not None and inputs.building_area_m2 is not None
    if accepted is None or (total is None and not can_compute):
        need = ("accepted",) if total is not None or can_compute else ("approved_total_yuan", "accepted")
        return with_missing(ex.result(None, None), Conditions(ex, inputs).descriptions(need))
    if total is None:
        total, verdict = _upgrade_subsidy(ex, inputs)
        if verdict is False:
            return ex.result(0, False)
        ex.step(f"补贴总额 {yuan(total)}，按 40%、30%、30% 分笔支付")
    unlocked = _unlocked(ex, total, p, share_of_percent(inputs.occupancy_pct))
    due = [(i, amt) for i, amt in unlocked if i > inputs.tranches_paid]
    if inputs.tranches_paid > len(unlocked):
        ex.warn("已支付笔数多于按入驻面积应解锁的笔数，请核对")
    if not due:
        ex.step(f"已支付 {inputs.tranches_paid} 笔，本年无新的可支付款项")
        return ex.result(0, False)
    limit = ex.value(PER_YEAR)
    now, later = due[: limit["tranches"]], due[limit["tranches"] :]
    paid = "、".join(f"第{i}笔" for i, _ in now)
    amount = sum(amt for _, amt in now)
    ex.step(f"{limit['years']} 年最多支付 {limit['tranches']} 笔：本年可支付{paid} {yuan(amount)}")
    if later:
        ex.step(f"另有 {len(later)} 笔条件已满足，顺延至以后年度支付")
    ex.extra["unlocked_tranches"] = [n for n, _ in unlocked]
    return ex.result(amount, verdict)
