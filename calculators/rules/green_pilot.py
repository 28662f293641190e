"""西发改文〔2024〕82号 第十条 绿色低碳示范试点类 (items 20–25)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.green_common import DOC, P, check, finish, num, start
from core.schema import CalcResult

LEADER_BOTH = P + "leader_both_levels"
TECH_PILOT = P + "low_carbon_tech_pilot"
CARBON_NEUTRAL = P + "carbon_neutral"
CAMPUS = P + "zero_carbon_campus"


class LeaderInputs(BaseModel):
    national_title: bool = Field(..., description="是否获得国家级该“领跑者”称号")
    city_title: bool = Field(False, description="是否获得北京市该“领跑者”称号")


def _leader(name: str, label: str, inputs: LeaderInputs, as_of: date, params, key: str) -> CalcResult:
    """National title 5 万元, Beijing title 3 万元; both for the same title read as one matter (第十二条)."""
    ex = explain(name, inputs, as_of)
    start(ex)
    p = ex.value(params[key])
    if inputs.national_title and inputs.city_title:
        ex.value(params[LEADER_BOTH])
        ex.step(
            f"同时获得国家级（{yuan(p['national'])}）和北京市（{yuan(p['city'])}）“{label}”称号，"
            f"按不重复原则从高给予 {yuan(p['national'])}"
        )
        return ex.result(p["national"], True)
    if inputs.national_title:
        ex.step(f"获得国家“{label}”称号，一次性奖励 {yuan(p['national'])}")
        return ex.result(p["national"], True)
    if inputs.city_title:
        ex.step(f"获得北京市“{label}”称号，一次性奖励 {yuan(p['city'])}")
        return ex.result(p["city"], True)
    ex.step(f"未获得国家或北京市“{label}”称号，不予奖励")
    return ex.result(0, False)


def _register_leader(name: str, title: str, article: str, key: str, label: str):
    @calculator(
        name=name, title=title, doc_no=DOC, article=article, inputs=LeaderInputs, params=[key, LEADER_BOTH]
    )
    def rule(inputs: LeaderInputs, as_of: date, params) -> CalcResult:
        return _leader(name, label, inputs, as_of, params, key)

    rule.__doc__ = (
        f"第十条 {article[-4:]}：获得国家、北京市“{label}”称号分别奖励 5 万元、3 万元（自印发之日起五年）."
    )
    return rule


energy_efficiency_leader = _register_leader(
    "green_energy_efficiency_leader",
    "能效领跑者项目一次性奖励",
    "第十条 第20项",
    P + "energy_efficiency_leader",
    "能效领跑者",
)
low_carbon_leader = _register_leader(
    "green_low_carbon_leader",
    "低碳领跑者项目一次性奖励",
    "第十条 第21项",
    P + "low_carbon_leader",
    "低碳领跑者",
)
water_efficiency_leader = _register_leader(
    "green_water_efficiency_leader",
    "水效领跑者项目一次性奖励",
    "第十条 第22项",
    P + "water_efficiency_leader",
    "水效领跑者",
)


class TechPilotInputs(BaseModel):
    city_pilot_excellent: bool = Field(..., description="是否为获得市级先进低碳技术试点的优秀项目")


@calculator(
    name="green_low_carbon_tech_pilot",
    title="先进低碳技术试点优秀项目一次性奖励",
    doc_no=DOC,
    article="第十条 第23项",
    inputs=TechPilotInputs,
    params=[TECH_PILOT],
)
def tech_pilot(inputs: TechPilotInputs, as_of: date, params) -> CalcResult:
    """第十条 23. 市级先进低碳技术试点优秀项目一次性 10 万元 (2024-06-24 起五年)."""
    ex = explain("green_low_carbon_tech_pilot", inputs, as_of)
    start(ex)
    p = ex.value(params[TECH_PILOT])
    if not inputs.city_pilot_excellent:
        ex.step("不是市级先进低碳技术试点的优秀项目，不予奖励")
        return ex.result(0, False)
    ex.step(f"获得市级先进低碳技术试点优秀项目，一次性奖励 {yuan(p['amount'])}")
    return ex.result(p["amount"], True)


class CarbonNeutralInputs(BaseModel):
    annual_kwh: float = Field(..., ge=0, le=1e11, description="碳中和认证的年度电耗（度，千瓦时）")
    first_certification: bool | None = Field(None, description="是否为首次获得碳中和认证")
    in_district: bool | None = Field(None, description="是否为本区域内的单位")


@calculator(
    name="green_carbon_neutral_award",
    title="碳中和认证项目一次性奖励",
    doc_no=DOC,
    article="第十条 第24项",
    inputs=CarbonNeutralInputs,
    params=[CARBON_NEUTRAL],
)
def carbon_neutral(inputs: CarbonNeutralInputs, as_of: date, params) -> CalcResult:
    """第十条 24. 区域内首次获得碳中和认证且年度电耗 300 万度及以上：一次性 20 万元 (2024-06-24 起五年)."""
    ex = explain("green_carbon_neutral_award", inputs, as_of)
    start(ex)
    p = ex.value(params[CARBON_NEUTRAL])
    wan = p["min_annual_kwh"] / 10**4
    kwh_wan = inputs.annual_kwh / 10**4
    conds = [
        check(
            ex,
            inputs.annual_kwh >= p["min_annual_kwh"],
            f"碳中和年度电耗 {num(kwh_wan)} 万度，达到 {num(wan)} 万度及以上",
            f"碳中和年度电耗 {num(kwh_wan)} 万度，低于 {num(wan)} 万度",
            "",
        ),
        check(
            ex,
            inputs.first_certification,
            "首次获得碳中和认证",
            "不是首次获得碳中和认证",
            "是否为首次获得碳中和认证",
        ),
        check(ex, inputs.in_district, "本区域内的单位", "不是本区域内的单位", "是否为本区域内的单位"),
    ]
    if conds[0]:
        ex.step(f"奖励标准：一次性 {yuan(p['amount'])}")
    return finish(ex, p["amount"], conds)


class CampusInputs(BaseModel):
    role: Literal["school", "contractor", "both"] = Field(
        ...,
        description="申报角色：school=打造近零碳校园的学校，contractor=承担改造任务的单位，both=同时计算学校和改造单位",
    )


@calculator(
    name="green_zero_carbon_campus",
    title="零碳校园项目一次性奖励",
    doc_no=DOC,
    article="第十条 第25项",
    inputs=CampusInputs,
    params=[CAMPUS],
)
def zero_carbon_campus(inputs: CampusInputs, as_of: date, params) -> CalcResult:
    """第十条 25. 近零碳校园：学校和承担改造任务的单位分别一次性 10 万元 (2024-06-24 起五年)."""
    ex = explain("green_zero_carbon_campus", inputs, as_of)
    start(ex)
    each = ex.value(params[CAMPUS])["amount"]
    if inputs.role == "both":
        ex.step(
            f"学校 {yuan(each)} + 承担改造任务的单位 {yuan(each)} = {yuan(2 * each)}（分别发放给两家单位）"
        )
        return ex.result(2 * each, True)
    who = "学校" if inputs.role == "school" else "承担改造任务的单位"
    ex.step(f"{who}一次性奖励 {yuan(each)}（学校和承担改造任务的单位分别给予）")
    return ex.result(each, True)
