"""西发改文〔2024〕82号 第十条 绿色低碳示范试点类 (items 20–25)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, highest_of, num, per_unit, wan, yuan
from calculators.kit.bounds import MAX_KWH
from calculators.rules.green_common import P, green, national_or_city
from core.schema import CalcResult

LEADER_BOTH = P + "leader_both_levels"
TECH_PILOT = P + "low_carbon_tech_pilot"
CARBON_NEUTRAL = P + "carbon_neutral"
CAMPUS = P + "zero_carbon_campus"

# calculator name → (title, item, parameter, the title's words)
LEADERS = {
    "green_energy_efficiency_leader": ("能效领跑者项目一次性奖励", "第20项", P + "energy_efficiency_leader", "能效领跑者"),
    "green_low_carbon_leader": ("低碳领跑者项目一次性奖励", "第21项", P + "low_carbon_leader", "低碳领跑者"),
    "green_water_efficiency_leader": ("水效领跑者项目一次性奖励", "第22项", P + "water_efficiency_leader", "水效领跑者"),
}  # fmt: skip


class LeaderInputs(BaseModel):
    national_title: bool = Field(..., description="是否获得国家级该“领跑者”称号")
    city_title: bool = Field(False, description="是否获得北京市该“领跑者”称号")


def _register_leader(name: str, title: str, item: str, key: str, label: str) -> None:
    def rule(ex: Explain, inputs: LeaderInputs) -> CalcResult:
        return national_or_city(
            ex,
            key,
            LEADER_BOTH,
            national=(f"国家“{label}”称号", inputs.national_title),
            city=(f"北京市“{label}”称号", inputs.city_title),
            verb="一次性奖励",
        )

    rule.__doc__ = f"第十条 {item}：获得国家、北京市“{label}”称号分别奖励 5 万元、3 万元（自印发之日起五年）."
    green(name=name, title=title, article=f"第十条 {item}", params=[key, LEADER_BOTH])(rule)


for _name, _leader in LEADERS.items():
    _register_leader(_name, *_leader)


Level = Literal["national", "city"]
LEVEL_LABELS = {"national": "国家", "city": "北京市"}


class LeaderTitlesInputs(BaseModel):
    energy_efficiency: list[Level] = Field(
        [], description="获得的“能效领跑者”称号级别：national=国家，city=北京市"
    )
    low_carbon: list[Level] = Field([], description="获得的“低碳领跑者”称号级别：national=国家，city=北京市")
    water_efficiency: list[Level] = Field(
        [], description="获得的“水效领跑者”称号级别：national=国家，city=北京市"
    )


@green(
    title="几项“领跑者”称号一次性奖励合计",
    article="第十条 第20项至第22项",
    params=[*(leader[2] for leader in LEADERS.values()), LEADER_BOTH],
)
def green_leader_titles(ex: Explain, inputs: LeaderTitlesInputs) -> CalcResult:
    """第十条 20–22. 能效、低碳、水效“领跑者”是不同事项，各自奖励后相加；同一事项国家、北京市都获得的从高不重复."""
    matters = {
        "green_energy_efficiency_leader": inputs.energy_efficiency,
        "green_low_carbon_leader": inputs.low_carbon,
        "green_water_efficiency_leader": inputs.water_efficiency,
    }
    parts = []
    for calc, levels in matters.items():
        _, item, key, label = LEADERS[calc]
        levels = list(dict.fromkeys(levels))
        if not levels:
            continue
        p = ex.value(key)
        held = [(f"{LEVEL_LABELS[lv]}“{label}”称号（{item}）", p[lv]) for lv in levels]
        if len(held) > 1:
            ex.value(LEADER_BOTH)
            _, best = highest_of(ex, held, f"同一事项“{label}”国家和北京市称号都获得，从高不重复")
        else:
            best = held[0][1]
            ex.step(f"获得{held[0][0]}：一次性奖励 {yuan(best)}")
        parts.append(best)
    if not parts:
        for _, _, key, _ in LEADERS.values():
            ex.value(key)
        ex.step("未说明获得哪项“领跑者”称号，不予奖励")
        return ex.result(0, False)
    total = sum(parts)
    if len(parts) > 1:
        ex.step(
            "不同事项的“领跑者”称号分别奖励后相加："
            + " + ".join(yuan(x) for x in parts)
            + f" = {yuan(total)}"
        )
    return ex.result(total, True)


class TechPilotInputs(BaseModel):
    city_pilot_excellent: bool = Field(..., description="是否为获得市级先进低碳技术试点的优秀项目")


@green(title="先进低碳技术试点优秀项目一次性奖励", article="第十条 第23项", params=[TECH_PILOT])
def green_low_carbon_tech_pilot(ex: Explain, inputs: TechPilotInputs) -> CalcResult:
    """第十条 23. 市级先进低碳技术试点优秀项目一次性 10 万元 (2024-06-24 起五年)."""
    p = ex.value(TECH_PILOT)
    if not inputs.city_pilot_excellent:
        ex.step("不是市级先进低碳技术试点的优秀项目，不予奖励")
        return ex.result(0, False)
    ex.step(f"获得市级先进低碳技术试点优秀项目，一次性奖励 {yuan(p['amount'])}")
    return ex.result(p["amount"], True)


class CarbonNeutralInputs(BaseModel):
    annual_kwh: float = Field(..., ge=0, le=MAX_KWH, description="碳中和认证的年度电耗（度，千瓦时）")
    first_certification: bool | None = Field(None, description="是否为首次获得碳中和认证")
    in_district: bool | None = Field(None, description="是否为本区域内的单位")


@green(title="碳中和认证项目一次性奖励", article="第十条 第24项", params=[CARBON_NEUTRAL], in_district=True)
def green_carbon_neutral_award(ex: Explain, inputs: CarbonNeutralInputs) -> CalcResult:
    """第十条 24. 区域内首次获得碳中和认证且年度电耗 300 万度及以上：一次性 20 万元 (2024-06-24 起五年)."""
    p = ex.value(CARBON_NEUTRAL)
    need, used = num(wan(p["min_annual_kwh"])), num(wan(inputs.annual_kwh))
    c = Conditions(ex, inputs)
    enough = c.add(
        inputs.annual_kwh >= p["min_annual_kwh"],
        f"碳中和年度电耗 {used} 万度，达到 {need} 万度及以上",
        failed=f"碳中和年度电耗 {used} 万度，低于 {need} 万度",
    )
    c.fact("first_certification", "首次获得碳中和认证", failed="不是首次获得碳中和认证",
           unknown="是否为首次获得碳中和认证")  # fmt: skip
    c.fact("in_district", "本区域内的单位", failed="不是本区域内的单位", unknown="是否为本区域内的单位")
    if enough:
        ex.step(f"奖励标准：一次性 {yuan(p['amount'])}")
    return c.payable(p["amount"])


class CampusInputs(BaseModel):
    role: Literal["school", "contractor", "both"] = Field(
        ...,
        description="申报角色：school=打造近零碳校园的学校，contractor=承担改造任务的单位，both=同时计算学校和改造单位",
    )


@green(title="零碳校园项目一次性奖励", article="第十条 第25项", params=[CAMPUS], in_district=True)
def green_zero_carbon_campus(ex: Explain, inputs: CampusInputs) -> CalcResult:
    """第十条 25. 近零碳校园：学校和承担改造任务的单位分别一次性 10 万元 (2024-06-24 起五年)."""
    each = ex.value(CAMPUS)["amount"]
    if inputs.role == "both":
        total = per_unit(ex, 2, "家单位", each)
        ex.step("学校和承担改造任务的单位各一份，分别发放给两家单位")
        return ex.result(total, True)
    who = "学校" if inputs.role == "school" else "承担改造任务的单位"
    ex.step(f"{who}一次性奖励 {yuan(each)}（学校和承担改造任务的单位分别给予）")
    return ex.result(each, True)
