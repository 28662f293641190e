"""西发改文〔2024〕82号 第五条 绿色能源开发应用类 (items 1–3)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from ingest.schema import CalcResult

DOC = "西发改文〔2024〕82号"


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
    p = ex.value(params["green_low_carbon/pv_reward"])
    raw = inputs.capacity_kw * p["rate"]
    ex.step(f"{inputs.capacity_kw:g} 千瓦 × {p['rate']} 元/千瓦 = {yuan(raw)}")
    amount = min(raw, p["cap"])
    if raw > p["cap"]:
        ex.step(f"超过单个项目上限 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"未超过单个项目上限 {yuan(p['cap'])}")
    return ex.result(amount, True)
