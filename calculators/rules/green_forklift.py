"""西发改文〔2024〕82号 第九条 第19项 燃油叉车淘汰更新电动化 reward per vehicle."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.green_common import DOC, MAX_YUAN, P, check, finish, num, pct, start
from core.schema import CalcResult

FORKLIFT = P + "forklift_reward"
DATES = P + "forklift_dates"


class ForkliftInputs(BaseModel):
    battery_kwh: float = Field(..., gt=0, le=1e4, description="新购置纯电动叉车的电池容量（千瓦时）")
    purchase_price_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="新购置纯电动叉车的购置价格（元）")
    registration_date: date | None = Field(
        None, description="被淘汰燃油叉车在西城区完成非道路移动机械编码登记的日期"
    )
    scrap_date: date | None = Field(None, description="燃油叉车报废更新的日期")
    old_load_t: float | None = Field(None, gt=0, le=1e3, description="原燃油叉车额定装载能力（吨）")
    new_load_t: float | None = Field(None, gt=0, le=1e3, description="新纯电动叉车额定装载能力（吨）")


@calculator(
    name="green_forklift_reward",
    title="燃油叉车淘汰更新电动化奖励（每台）",
    doc_no=DOC,
    article="第九条 第19项",
    inputs=ForkliftInputs,
    params=[FORKLIFT, DATES],
)
def forklift_reward(inputs: ForkliftInputs, as_of: date, params) -> CalcResult:
    """第九条 19. 2023 年底前在西城区编码登记、2024 年起报废更新为同等及以下装载能力纯电动叉车：每千瓦时 1500 元，每台不超过 7.5 万元且不超过购置价 25% (2024-06-24 起五年)."""
    ex = explain("green_forklift_reward", inputs, as_of)
    start(ex)
    ex.extra["奖励对象"] = "燃油叉车的登记人"
    p = ex.value(params[FORKLIFT])
    d = ex.value(params[DATES])
    registered_by = date.fromisoformat(str(d["registered_by"]))
    replaced_from = date.fromisoformat(str(d["replaced_from"]))
    reg = inputs.registration_date
    scrap = inputs.scrap_date
    conds = [
        check(
            ex,
            None if reg is None else reg <= registered_by,
            f"编码登记日期 {reg} 在 {registered_by}（含）以前",
            f"编码登记日期 {reg} 晚于 {registered_by}，不在支持范围",
            f"燃油叉车是否于 {registered_by}（含）以前在西城区完成非道路移动机械编码登记",
        ),
        check(
            ex,
            None if scrap is None else scrap >= replaced_from,
            f"报废更新日期 {scrap} 在 {replaced_from}（含）以后",
            f"报废更新日期 {scrap} 早于 {replaced_from}，不在支持范围",
            f"是否于 {replaced_from}（含）以后实施报废更新",
        ),
    ]
    old, new = inputs.old_load_t, inputs.new_load_t
    conds.append(
        check(
            ex,
            None if old is None or new is None else new <= old,
            f"新车装载能力 {num(new or 0)} 吨不超过原车 {num(old or 0)} 吨（同等装载能力及以下）",
            f"新车装载能力 {num(new or 0)} 吨超过原车 {num(old or 0)} 吨，不属于同等装载能力及以下",
            "新纯电动叉车装载能力是否与原燃油叉车同等或更低",
        )
    )
    by_battery = inputs.battery_kwh * p["rate"]
    by_price = inputs.purchase_price_yuan * p["price_share"]
    ex.step(f"{num(inputs.battery_kwh)} 千瓦时 × {yuan(p['rate'])}/千瓦时 = {yuan(by_battery)}")
    ex.step(f"购置价格 {yuan(inputs.purchase_price_yuan)} × {pct(p['price_share'])} = {yuan(by_price)}")
    amount = min(by_battery, p["cap"], by_price)
    if amount == by_battery:
        ex.step(
            f"未超过单台上限 {yuan(p['cap'])}，也未超过购置价格的 {pct(p['price_share'])}，按 {yuan(amount)} 计"
        )
    elif amount == p["cap"] and p["cap"] <= by_price:
        ex.step(f"超过单台叉车上限 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"超过购置价格的 {pct(p['price_share'])}，按 {yuan(amount)} 计")
    return finish(ex, amount, conds)
