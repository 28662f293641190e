"""西发改文〔2024〕82号 第七条 建筑节能降碳类 (items 7–10)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, matching, negate, per_unit, share_of, with_missing, yuan
from calculators.kit.bounds import MAX_PROJECTS, MAX_TCE, MAX_YUAN
from calculators.rules.green_common import P, SavingTce, green
from core.schema import CalcResult

RETROFIT_MATCHING = P + "green_building_retrofit_matching"
STAR = P + "green_building_star"
BUILDING_CAP = P + "green_building_cap"
ULTRA_LOW = P + "ultra_low_energy_matching"
SITE = P + "green_site_award"
BUILDING_RETROFIT = P + "building_retrofit"

STAR_LABELS = {"two_star": "二星级", "three_star": "三星级"}


class GreenBuildingInputs(BaseModel):
    city_retrofit_award_yuan: float | None = Field(
        None, ge=0, le=MAX_YUAN, description="节能绿色化改造项目所获市级奖励资金（元），未获得填0"
    )
    star_label: Literal["none", "two_star", "three_star"] | None = Field(
        None, description="获得绿色建筑市级奖励的星级标识：none=无，two_star=二星级，three_star=三星级"
    )
    star_city_award_received: bool | None = Field(
        None, description="二星级、三星级绿色建筑项目是否获得了绿色建筑市级奖励"
    )


@green(
    title="绿色建筑项目区级配套奖励", article="第七条 第7项", params=[RETROFIT_MATCHING, STAR, BUILDING_CAP]
)
def green_building_matching(ex: Explain, inputs: GreenBuildingInputs) -> CalcResult:
    """第七条 7. 节能绿色化改造市级奖励 × 50%；二星级、三星级标识 15/30 万元；单个项目累计不超过 100 万元 (2024-06-24 起五年)."""
    share = ex.value(RETROFIT_MATCHING)["share"]
    stars = ex.value(STAR)
    if inputs.city_retrofit_award_yuan is None and inputs.star_label is None:
        ex.step("需要说明项目所获节能绿色化改造市级奖励金额，或所获绿色建筑市级奖励的星级标识")
        ask = Conditions(ex, inputs).descriptions(("city_retrofit_award_yuan", "star_label"))
        return with_missing(ex.result(None, None), ask)
    parts = []
    city = inputs.city_retrofit_award_yuan or 0
    if city > 0:
        parts.append(share_of(ex, city, share, "节能绿色化改造：所获市级奖励"))
    else:
        ex.step("未获得节能绿色化改造市级奖励，无此项配套")
    if inputs.star_label in STAR_LABELS and inputs.star_city_award_received is False:
        ex.step(
            f"绿色建筑{STAR_LABELS[inputs.star_label]}标识项目未获得绿色建筑市级奖励：区级配套只给获得市级奖励的"
            "二星级、三星级项目，无此项配套"
        )
    elif inputs.star_label in STAR_LABELS:
        part = stars[inputs.star_label]
        ex.step(f"绿色建筑{STAR_LABELS[inputs.star_label]}标识项目（已获市级奖励）：区级配套 {yuan(part)}")
        parts.append(part)
    else:
        ex.step("未获得绿色建筑市级奖励的二星级或三星级标识，无此项配套")
    if not parts:
        return ex.result(0, False)
    cap = ex.value(BUILDING_CAP)["cap"]
    raw = sum(parts)
    if len(parts) > 1:
        ex.step(f"两项累计 {yuan(raw)}")
    return ex.result(capped(ex, raw, cap, "单个项目累计奖励上限"), True)


class UltraLowInputs(BaseModel):
    city_award_yuan: float = Field(
        ..., ge=0, le=MAX_YUAN, description="超低能耗或近零能耗建筑项目所获市级奖励资金（元）"
    )
    in_district: bool | None = Field(None, description="项目是否位于本区域内")


@green(title="超低能耗和近零能耗建筑项目区级配套奖励", article="第七条 第8项", params=[ULTRA_LOW])
def green_ultra_low_energy_matching(ex: Explain, inputs: UltraLowInputs) -> CalcResult:
    """第七条 8. 获市级奖励的超低能耗和近零能耗建筑：市级奖励 × 50%，单个项目不超过 100 万元 (2024-06-24 起五年)."""
    p = ex.value(ULTRA_LOW)
    c = Conditions(ex, inputs)
    c.fact("in_district", "项目位于本区域内", failed="项目不在本区域内", unknown="项目是否位于本区域内")
    amount = matching(ex, inputs.city_award_yuan, p["share"], p["cap"], "所获市级奖励资金")
    if inputs.city_award_yuan <= 0:
        return ex.result(0, False)
    return c.payable(amount)


class SiteInputs(BaseModel):
    site_title: Literal["safe_site", "model_site", "none"] = Field(
        ...,
        description="市级部门认定的称号：safe_site=北京市绿色安全工地，model_site=北京市绿色安全样板工地，none=未获认定",
    )
    completed_and_accepted: bool | None = Field(None, description="工地是否已竣工验收")
    penalized_or_notified: bool | None = Field(
        None, description="是否因环境、安全生产等问题受到相关行政部门处罚或问题书面通报"
    )


@green(title="绿色工地项目奖励", article="第七条 第9项", params=[SITE])
def green_site_award(ex: Explain, inputs: SiteInputs) -> CalcResult:
    """第七条 9. 北京市绿色安全工地 15 万元、绿色安全样板工地 30 万元；须未受处罚或书面通报且已竣工验收 (2024-06-24 起五年)."""
    p = ex.value(SITE)
    if inputs.site_title == "none":
        ex.step("未获得市级部门认定的“北京市绿色安全工地”或“北京市绿色安全样板工地”，不予奖励")
        return ex.result(0, False)
    label = "北京市绿色安全工地" if inputs.site_title == "safe_site" else "北京市绿色安全样板工地"
    ex.step(f"获得市级部门认定的“{label}”，奖励标准 {yuan(p[inputs.site_title])}")
    c = Conditions(ex, inputs)
    c.add(
        negate(inputs.penalized_or_notified),
        "未因环境、安全生产等问题受到处罚或书面通报",
        failed="曾因环境、安全生产等问题受到处罚或书面通报",
        unknown="是否因环境、安全生产等问题受到相关行政部门处罚或问题书面通报",
    )
    c.fact("completed_and_accepted", "已竣工验收", failed="尚未竣工验收", unknown="工地是否已竣工验收")
    return c.payable(p[inputs.site_title])


BuildingType = Literal["office", "mall", "hotel", "hospital", "school", "other"]
BUILDING_LABELS = {
    "office": "商务楼宇",
    "mall": "商场",
    "hotel": "酒店",
    "hospital": "医院",
    "school": "学校",
    "other": "其他既有建筑",
}


class BuildingRetrofitInputs(BaseModel):
    annual_saving_tce: SavingTce
    project_savings_tce: list[Annotated[float, Field(gt=0, le=MAX_TCE)]] | None = Field(
        None,
        max_length=MAX_PROJECTS,
        description="分别立项的几个改造项目各自的年节能量（吨标准煤），每个项目一个数",
    )
    building_type: BuildingType | None = Field(
        None,
        description="建筑类型：office=商务楼宇，mall=商场，hotel=酒店，hospital=医院，school=学校，other=其他既有建筑",
    )


@green(
    title="建筑节能改造项目一次性奖励", article="第七条 第10项", params=[BUILDING_RETROFIT], in_district=True
)
def green_building_retrofit(ex: Explain, inputs: BuildingRetrofitInputs) -> CalcResult:
    """第七条 10. 既有建筑节能技术改造：每吨标准煤 4500 元，单个项目不超过 500 万元 (2024-06-24 起五年)."""
    p = ex.value(BUILDING_RETROFIT)
    if inputs.building_type is not None:
        label = BUILDING_LABELS[inputs.building_type]
        listed = (
            "（条文列举的建筑类型）"
            if inputs.building_type != "other"
            else "（条文列举“等”既有建筑，由主管部门认定）"
        )
        ex.step(f"建筑类型：{label}{listed}")
    several = inputs.project_savings_tce or []
    if len(several) < 2:
        raw = per_unit(ex, inputs.annual_saving_tce, "吨标准煤", p["rate"])
        return ex.result(capped(ex, raw, p["cap"], "单个项目奖励上限"), True)
    parts = []
    for i, tce in enumerate(several, 1):
        ex.step(f"第{i}个项目：")
        parts.append(capped(ex, per_unit(ex, tce, "吨标准煤", p["rate"]), p["cap"], "单个项目奖励上限"))
    total = sum(parts)
    ex.step(f"{len(parts)}个项目合计 " + " + ".join(yuan(x) for x in parts) + f" = {yuan(total)}")
    return ex.result(total, True)
