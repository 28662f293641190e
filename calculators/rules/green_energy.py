"""西发改文〔2024〕82号 第五条 绿色能源开发应用类 (items 1–3)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.green_common import (
    DOC,
    MAX_YUAN,
    P,
    capped,
    check,
    finish,
    matching,
    num,
    start,
)
from core.schema import CalcResult


class PvInputs(BaseModel):
    capacity_kw: float = Field(..., gt=0, le=1e6, description="并网装机容量（千瓦）")


@calculator(
    name="green_pv_reward",
    title="分布式光伏发电项目一次性奖励",
    doc_no=DOC,
    article="第五条 第1项",
    inputs=PvInputs,
    params=["green_low_carbon/pv_reward"],
)
def pv_reward(inputs: PvInputs, as_of: date, params) -> CalcResult:
    """第五条 1. 新建并网分布式光伏：每千瓦 rate 元，单个项目不超过 cap (2024-06-24 起五年)."""
    ex = explain("green_pv_reward", inputs, as_of)
    start(ex)
    p = ex.value(params["green_low_carbon/pv_reward"])
    raw = inputs.capacity_kw * p["rate"]
    ex.step(f"{inputs.capacity_kw:g} 千瓦 × {p['rate']} 元/千瓦 = {yuan(raw)}")
    amount = min(raw, p["cap"])
    if raw > p["cap"]:
        ex.step(f"超过单个项目上限 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"未超过单个项目上限 {yuan(p['cap'])}")
    return ex.result(amount, True)


HEATING = P + "heating_matching"
HEATING_TECH = P + "heating_technologies"
GREEN_POWER = P + "green_power_reward"

HeatingTech = Literal[
    "shallow_ground_source", "reclaimed_water_source", "sewage_source", "air_source", "pv_thermal", "other"
]


class HeatingInputs(BaseModel):
    city_subsidy_yuan: float = Field(..., ge=0, le=MAX_YUAN, description="该项目所获市级补助资金（元）")
    technology: HeatingTech | None = Field(
        None,
        description="新能源供热技术类型：shallow_ground_source=浅层地源热泵，reclaimed_water_source=再生水源热泵，"
        "sewage_source=污水源热泵，air_source=空气源热泵，pv_thermal=光伏光热一体化，other=其他",
    )
    newly_built_in_district: bool | None = Field(None, description="是否为本区域内新建的新能源供热项目")


@calculator(
    name="green_heating_matching",
    title="新能源供热项目区级配套奖励",
    doc_no=DOC,
    article="第五条 第2项",
    inputs=HeatingInputs,
    params=[HEATING, HEATING_TECH],
)
def heating_matching(inputs: HeatingInputs, as_of: date, params) -> CalcResult:
    """第五条 2. 获市级补助的新建新能源供热项目：市级补助 × 50%，单个项目不超过 100 万元 (2024-06-24 起五年)."""
    ex = explain("green_heating_matching", inputs, as_of)
    start(ex)
    p = ex.value(params[HEATING])
    conds = [
        check(
            ex,
            inputs.newly_built_in_district,
            "本区域内新建的新能源供热项目",
            "不是本区域内新建的新能源供热项目",
            "是否为本区域内新建的新能源供热项目",
        )
    ]
    if inputs.technology is not None:
        types = ex.value(params[HEATING_TECH])["types"]
        if inputs.technology in types:
            ex.step(f"技术类型为{types[inputs.technology]}，属于条文列举的新能源供热技术")
        else:
            ex.step("技术类型不在条文列举之中（列举以“等”结尾），需由主管部门认定是否属于新能源供热")
            conds.append(None)
    amount = matching(ex, inputs.city_subsidy_yuan, p["share"], p["cap"], "所获市级补助资金")
    if inputs.city_subsidy_yuan <= 0:
        return ex.result(0, False)
    return finish(ex, amount, conds)


class GreenPowerInputs(BaseModel):
    traded_kwh: float = Field(
        ..., gt=0, le=1e11, description="本自然年度成功购买绿色电力的交易电量（度，千瓦时）"
    )
    already_received_yuan: float = Field(
        0, ge=0, le=MAX_YUAN, description="本单位本自然年度已获得的绿电使用奖励（元）"
    )


@calculator(
    name="green_power_reward",
    title="绿电使用项目奖励",
    doc_no=DOC,
    article="第五条 第3项",
    inputs=GreenPowerInputs,
    params=[GREEN_POWER],
)
def green_power_reward(inputs: GreenPowerInputs, as_of: date, params) -> CalcResult:
    """第五条 3. 成功购买绿色电力：每度电 0.01 元，每家单位每自然年度不超过 50 万元 (2024-06-24 起五年)."""
    ex = explain("green_power_reward", inputs, as_of)
    start(ex)
    p = ex.value(params[GREEN_POWER])
    raw = inputs.traded_kwh * p["rate"]
    ex.step(f"{num(inputs.traded_kwh)} 度 × {yuan(p['rate'])}/度 = {yuan(raw)}")
    room = max(p["annual_cap"] - inputs.already_received_yuan, 0)
    if inputs.already_received_yuan:
        ex.step(
            f"每家单位每自然年度上限 {yuan(p['annual_cap'])}，本年度已获 {yuan(inputs.already_received_yuan)}，"
            f"尚可获得 {yuan(room)}"
        )
        amount = min(raw, room)
        ex.step(f"按{'剩余额度' if raw > room else '计算金额'}计 {yuan(amount)}")
    else:
        amount = capped(ex, raw, p["annual_cap"], "每家单位每自然年度奖励上限")
    return ex.result(amount, amount > 0)
