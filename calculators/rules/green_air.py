"""西发改文〔2024〕82号 第九条 大气污染防治类 (items 16–19)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, pct, yuan
from calculators.kit.bounds import MAX_CONSECUTIVE_YEARS, MAX_YUAN
from calculators.rules.green_common import (
    HasActualProduction,
    P,
    UsesCertifiedHighTech,
    actual_production,
    green,
    uplifted,
)
from core.schema import CalcResult

AIR_RATE = P + "air_pollution_rate"
AIR_HIGHTECH = P + "air_pollution_hightech"
AIR_CAP = P + "air_pollution_cap"
MON_RATE = P + "monitoring_rate"
MON_HIGHTECH = P + "monitoring_hightech"
MON_CAP = P + "monitoring_cap"
UPGRADE = P + "emergency_rating_upgrade"
THREE_A = P + "emergency_rating_three_year_a"


def _investment_reward(
    ex: Explain, c: Conditions, investment: float, keys: tuple[str, str, str], high_tech
) -> CalcResult:
    """Investment × share (uplifted for certified high tech), then the per-project cap; the other reading is warned."""
    rate_key, uplift_key, cap_key = keys
    share, cap = ex.value(rate_key)["share"], ex.value(cap_key)["cap"]
    rate = uplifted(ex, share, uplift_key, high_tech, "奖励比例", pct)
    raw = investment * rate
    ex.step(f"投资额 {yuan(investment)} × {pct(rate)} = {yuan(raw)}")
    amount = capped(ex, raw, cap, "单个项目奖励上限")
    if high_tech:
        inc = rate / share - 1  # the uplift just applied; read once so its reading is warned once
        alt = round(min(investment * (share + inc), cap), 2)
        ex.warn(f"若按“增加{pct(inc)}”为增加百分点理解（{pct(share + inc)}），奖励为 {yuan(alt)}")
    return c.payable(amount)


class AirInputs(BaseModel):
    investment_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="大气污染治理项目投资额（元）")
    uses_certified_high_tech: UsesCertifiedHighTech = None
    has_actual_production: HasActualProduction = None


@green(
    title="大气污染治理项目奖励",
    article="第九条 第16项",
    params=[AIR_RATE, AIR_HIGHTECH, AIR_CAP],
    in_district=True,
)
def green_air_pollution_reward(ex: Explain, inputs: AirInputs) -> CalcResult:
    """第九条 16. 挥发性有机物等大气污染治理：原则上投资的 15%，使用市级认定高新技术的增加 10%，单个项目不超过 30 万元 (2024-06-24 起五年)."""
    c = Conditions(ex, inputs)
    actual_production(c)
    keys = (AIR_RATE, AIR_HIGHTECH, AIR_CAP)
    return _investment_reward(ex, c, inputs.investment_yuan, keys, inputs.uses_certified_high_tech)


class MonitoringInputs(BaseModel):
    investment_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="废气污染物在线监控系统投资额（元）")
    uses_certified_high_tech: UsesCertifiedHighTech = None
    catering_exhaust: bool = Field(False, description="是否为餐饮废气在线监控（不在支持范围）")
    accepted_and_networked: bool | None = Field(None, description="是否已通过验收并与生态部门监控平台联网")
    has_actual_production: HasActualProduction = None


@green(
    title="环保在线监控项目奖励",
    article="第九条 第17项",
    params=[MON_RATE, MON_HIGHTECH, MON_CAP],
    in_district=True,
)
def green_online_monitoring_reward(ex: Explain, inputs: MonitoringInputs) -> CalcResult:
    """第九条 17. 废气污染物在线监控（不含餐饮）验收并联网：原则上投资额的 10%，高新技术增加 10%，单个项目不超过 20 万元 (2024-06-24 起五年)."""
    if inputs.catering_exhaust:
        ex.value(MON_RATE)
        ex.value(MON_CAP)
        ex.step("餐饮废气在线监控不在本项支持范围内，不予奖励")
        return ex.result(0, False)
    c = Conditions(ex, inputs)
    actual_production(c)
    c.fact("accepted_and_networked", "已通过验收并与生态部门监控平台联网",
           failed="未通过验收或未与生态部门监控平台联网", unknown="是否已通过验收并与生态部门监控平台联网")  # fmt: skip
    keys = (MON_RATE, MON_HIGHTECH, MON_CAP)
    return _investment_reward(ex, c, inputs.investment_yuan, keys, inputs.uses_certified_high_tech)


Grade = Literal["A", "B", "C"]
ORDER = {"C": 0, "B": 1, "A": 2}


class EmergencyInputs(BaseModel):
    previous_grade: Grade | None = Field(None, description="提升前的空气重污染应急减排绩效评价级别（A/B/C）")
    new_grade: Grade | None = Field(None, description="提升后的绩效评价级别（A/B/C）")
    consecutive_a_years: int = Field(
        0, ge=0, le=MAX_CONSECUTIVE_YEARS, description="截至目前连续绩效评级为A级的年数"
    )
    three_year_award_received: bool = Field(False, description="是否已领取过连续三年A级的一次性奖励")
    a_grade_year_offsets: list[Annotated[int, Field(ge=-MAX_CONSECUTIVE_YEARS, le=0)]] | None = Field(
        None,
        max_length=MAX_CONSECUTIVE_YEARS,
        description="评为A级的年份，相对提问年份：0=今年，-1=去年，-2=前年（如“前年、去年、今年都是A”）",
    )


def _consecutive_from_years(ex: Explain, offsets: list[int] | None) -> int:
    """Years rated A named one by one (前年、去年、今年): the run of consecutive years up to the latest named."""
    if not offsets:
        return 0
    years = sorted({ex.as_of.year + o for o in offsets}, reverse=True)
    run = 1
    while run < len(years) and years[run] == years[run - 1] - 1:
        run += 1
    ex.step(
        f"评为 A 级的年份：{'、'.join(str(y) for y in sorted(years))}；截至 {years[0]} 年连续 {run} 年 A 级"
    )
    return run


def _upgrade(ex: Explain, prev: str | None, new: str | None) -> float:
    """C→B and B→A rewards, added up when a rating jumps from C to A."""
    up = ex.value(UPGRADE)
    total = 0
    if prev is None or new is None:
        ex.step("未提供提升前后的评价级别，不计算级别提升奖励")
    elif ORDER[new] <= ORDER[prev]:
        ex.step(f"评价级别由 {prev} 级变为 {new} 级，未提升，无级别提升奖励")
    else:
        if prev == "C":
            total += up["c_to_b"]
            ex.step(f"C 级提升为 B 级：{yuan(up['c_to_b'])}")
        if new == "A":
            total += up["b_to_a"]
            ex.step(f"B 级提升为 A 级：{yuan(up['b_to_a'])}")
        if prev == "C" and new == "A":
            ex.step(f"由 C 级跨级提升为 A 级，累计奖励 {yuan(total)}")
    return total


@green(
    title="空气重污染应急减排绩效评价级别提升奖励",
    article="第九条 第18项",
    params=[UPGRADE, THREE_A],
    in_district=True,
)
def green_emergency_rating_reward(ex: Explain, inputs: EmergencyInputs) -> CalcResult:
    """第九条 18. C→B 20 万元，B→A 30 万元，跨级累计；连续三年 A 级一次性 30 万元 (2024-06-24 起五年)."""
    prev, new = inputs.previous_grade, inputs.new_grade
    total = _upgrade(ex, prev, new)
    years = inputs.consecutive_a_years or _consecutive_from_years(ex, inputs.a_grade_year_offsets)
    three = ex.value(THREE_A) if years else {}
    if years and years >= three["years"]:
        if inputs.three_year_award_received:
            ex.step(f"连续 {years} 年 A 级，但已领取过连续三年 A 级的一次性奖励，不再重复给予")
        else:
            total += three["amount"]
            ex.step(
                f"连续 {years} 年绩效评级为 A 级（达到连续 {three['years']} 年），一次性奖励 {yuan(three['amount'])}"
            )
            if prev is not None and new == "A" and prev != "A":
                ex.step("级别提升奖励与连续三年 A 级奖励依据不同年度的评价结果，分别兑现")
    elif years:
        ex.step(f"连续 A 级 {years} 年，未达到连续 {three['years']} 年，暂无连续 A 级奖励")
    ex.step(f"合计 {yuan(total)}")
    return ex.result(total, total > 0)
