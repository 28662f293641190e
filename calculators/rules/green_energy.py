"""西发改文〔2024〕82号 第五条 绿色能源开发应用类 (items 1–3)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, matching, per_unit, within_remaining, yuan
from calculators.kit.bounds import MAX_KW, MAX_KWH, MAX_PROJECTS, MAX_YUAN
from calculators.rules.green_common import P, green
from core.schema import CalcResult

PV = P + "pv_reward"
HEATING = P + "heating_matching"
HEATING_TECH = P + "heating_technologies"
GREEN_POWER = P + "green_power_reward"


class PvInputs(BaseModel):
    capacity_kw: float = Field(..., gt=0, le=MAX_KW, description="并网装机容量（千瓦）")
    project_capacities_kw: list[Annotated[float, Field(gt=0, le=MAX_KW)]] | None = Field(
        None,
        max_length=MAX_PROJECTS,
        description="分别立项的几个项目各自的并网装机容量（千瓦），每个项目一个数",
    )
    grid_connected: bool | None = Field(None, description="项目是否已并网")


def _not_connected(ex: Explain, stated) -> CalcResult | None:
    if stated.grid_connected is not False:
        return None
    ex.value(PV)
    ex.step("不符合：项目尚未并网——奖励对象为新建并网的分布式光伏项目，按并网装机容量计算（第五条 第1项）")
    return ex.result(0, False)


@green(
    title="分布式光伏发电项目一次性奖励",
    article="第五条 第1项",
    params=[PV],
    in_district=True,
    fails=_not_connected,
)
def green_pv_reward(ex: Explain, inputs: PvInputs) -> CalcResult:
    """第五条 1. 新建并网分布式光伏：每千瓦 rate 元，单个项目不超过 cap；几个项目各自计算后相加 (2024-06-24 起五年)."""
    decided = _not_connected(ex, inputs)
    if decided is not None:
        return decided
    p = ex.value(PV)
    several = inputs.project_capacities_kw or []
    if len(several) < 2:
        raw = per_unit(ex, inputs.capacity_kw, "千瓦", p["rate"])
        return ex.result(capped(ex, raw, p["cap"], "单个项目上限"), True)
    parts = []
    for i, kw in enumerate(several, 1):
        ex.step(f"第{i}个项目：")
        parts.append(capped(ex, per_unit(ex, kw, "千瓦", p["rate"]), p["cap"], "单个项目上限"))
    total = sum(parts)
    ex.step(f"{len(parts)}个项目合计 " + " + ".join(yuan(x) for x in parts) + f" = {yuan(total)}")
    return ex.result(total, True)


HeatingTech = Literal[
    "shallow_ground_source", "reclaimed_water_source", "sewage_source", "air_source", "pv_thermal", "other"
]


class HeatingInputs(BaseModel):
    city_subsidy_yuan: float = Field(..., ge=0, le=MAX_YUAN, description="该项目所获市级补助资金（元）")
    received_city_subsidy: bool | None = Field(None, description="项目是否获得市级补助")
    technology: HeatingTech | None = Field(
        None,
        description="新能源供热技术类型：shallow_ground_source=浅层地源热泵，reclaimed_water_source=再生水源热泵，"
        "sewage_source=污水源热泵，air_source=空气源热泵，pv_thermal=光伏光热一体化，other=其他",
    )
    newly_built_in_district: bool | None = Field(None, description="是否为本区域内新建的新能源供热项目")


def _no_city_subsidy(ex: Explain, stated) -> CalcResult | None:
    if stated.received_city_subsidy is not False:
        return None
    ex.value(HEATING)
    ex.step("不符合：项目未获得市级补助——区级配套奖励只给获得市级补助的新建新能源供热项目（第五条 第2项）")
    return ex.result(0, False)


@green(
    title="新能源供热项目区级配套奖励",
    article="第五条 第2项",
    params=[HEATING, HEATING_TECH],
    in_district=True,
    fails=_no_city_subsidy,
)
def green_heating_matching(ex: Explain, inputs: HeatingInputs) -> CalcResult:
    """第五条 2. 获市级补助的新建新能源供热项目：市级补助 × 50%，单个项目不超过 100 万元 (2024-06-24 起五年)."""
    decided = _no_city_subsidy(ex, inputs)
    if decided is not None:
        return decided
    p = ex.value(HEATING)
    c = Conditions(ex, inputs)
    c.fact("newly_built_in_district", "本区域内新建的新能源供热项目",
           failed="不是本区域内新建的新能源供热项目", unknown="是否为本区域内新建的新能源供热项目")  # fmt: skip
    if inputs.technology is not None:
        types = ex.value(HEATING_TECH)["types"]
        if inputs.technology in types:
            c.add(True, f"技术类型为{types[inputs.technology]}，属于条文列举的新能源供热技术")
        else:
            c.add(None, "技术类型不在条文列举之中（列举以“等”结尾），需由主管部门认定是否属于新能源供热")
    amount = matching(ex, inputs.city_subsidy_yuan, p["share"], p["cap"], "所获市级补助资金")
    if inputs.city_subsidy_yuan <= 0:
        return ex.result(0, False)
    return c.payable(amount)


class GreenPowerInputs(BaseModel):
    traded_kwh: float = Field(
        ..., gt=0, le=MAX_KWH, description="本自然年度成功购买绿色电力的交易电量（度，千瓦时）"
    )
    already_received_yuan: float = Field(
        0, ge=0, le=MAX_YUAN, description="本单位本自然年度已获得的绿电使用奖励（元）"
    )
    traded_kwh_by_year: list[tuple[int, Annotated[float, Field(gt=0, le=MAX_KWH)]]] | None = Field(
        None,
        description="购电跨两个以上自然年度时，各年度的交易电量（[年度, 度]）：每年分别按年度上限计算后相加",
    )


@green(title="绿电使用项目奖励", article="第五条 第3项", params=[GREEN_POWER])
def green_power_reward(ex: Explain, inputs: GreenPowerInputs) -> CalcResult:
    """第五条 3. 成功购买绿色电力：每度电 0.01 元，每家单位每自然年度不超过 50 万元 (2024-06-24 起五年)."""
    p = ex.value(GREEN_POWER)
    if inputs.traded_kwh_by_year and len(inputs.traded_kwh_by_year) >= 2:
        return _power_by_year(ex, inputs, p)
    raw = per_unit(ex, inputs.traded_kwh, "度", p["rate"])
    amount = within_remaining(
        ex,
        raw,
        p["annual_cap"],
        inputs.already_received_yuan,
        "每家单位每自然年度奖励上限",
        short="每家单位每自然年度上限",
    )
    return ex.result(amount, amount > 0)


def _power_by_year(ex: Explain, inputs: GreenPowerInputs, p: dict) -> CalcResult:
    """Purchases over several calendar years: each year at the rate under its own yearly cap, then added up;
    what was already received counts against the latest year's cap."""
    parts = []
    last = len(inputs.traded_kwh_by_year) - 1
    for k, (year, kwh) in enumerate(inputs.traded_kwh_by_year):
        ex.step(f"{year} 年度：")
        raw = per_unit(ex, kwh, "度", p["rate"])
        received = inputs.already_received_yuan if k == last else 0
        parts.append(
            within_remaining(
                ex, raw, p["annual_cap"], received, "每家单位每自然年度奖励上限", short="本年度上限"
            )
        )
    total = sum(parts)
    ex.step(f"{len(parts)} 个自然年度合计 " + " + ".join(yuan(x) for x in parts) + f" = {yuan(total)}")
    return ex.result(total, total > 0)


class EnergyItemsInputs(BaseModel):
    capacity_kw: float = Field(..., gt=0, le=MAX_KW, description="分布式光伏项目并网装机容量（千瓦）")
    grid_connected: bool | None = Field(None, description="光伏项目是否已并网")
    traded_kwh: float = Field(
        ..., gt=0, le=MAX_KWH, description="本自然年度成功购买绿色电力的交易电量（度，千瓦时）"
    )
    already_received_yuan: float = Field(
        0, ge=0, le=MAX_YUAN, description="本单位本自然年度已获得的绿电使用奖励（元）"
    )


@green(
    title="分布式光伏奖励与绿电使用奖励合计",
    article="第五条 第1项、第3项",
    params=[PV, GREEN_POWER],
    in_district=True,
    fails=_not_connected,
)
def green_pv_and_power_total(ex: Explain, inputs: EnergyItemsInputs) -> CalcResult:
    """第五条 1、3. 光伏项目与绿电交易是两个不同事项：各按本项标准和上限计算后相加 (2024-06-24 起五年)."""
    ex.step("第五条 第1项 分布式光伏：")
    pv = green_pv_reward(ex, PvInputs(capacity_kw=inputs.capacity_kw, grid_connected=inputs.grid_connected))
    ex.step("第五条 第3项 绿电使用：")
    power = green_power_reward(
        ex, GreenPowerInputs(traded_kwh=inputs.traded_kwh, already_received_yuan=inputs.already_received_yuan)
    )
    total = (pv.amount_yuan or 0) + (power.amount_yuan or 0)
    ex.step(
        f"两个不同事项分别计算后相加：{yuan(pv.amount_yuan or 0)} + {yuan(power.amount_yuan or 0)} = {yuan(total)}"
    )
    return ex.result(total, total > 0)
