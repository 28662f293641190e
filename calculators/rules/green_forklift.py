"""西发改文〔2024〕82号 第九条 第19项 燃油叉车淘汰更新电动化 reward per vehicle."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, lowest_of, num, pct, per_unit, share_of, yuan
from calculators.kit.bounds import MAX_BATTERY_KWH, MAX_LOAD_T, MAX_VEHICLES, MAX_YUAN
from calculators.rules.green_common import P, green, stated_date
from core.schema import CalcResult

FORKLIFT = P + "forklift_reward"
DATES = P + "forklift_dates"


class ForkliftInputs(BaseModel):
    battery_kwh: float = Field(
        ..., gt=0, le=MAX_BATTERY_KWH, description="新购置纯电动叉车的电池容量（千瓦时）"
    )
    purchase_price_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="新购置纯电动叉车的购置价格（元）")
    registration_date: date | None = Field(
        None, description="被淘汰燃油叉车在西城区完成非道路移动机械编码登记的日期"
    )
    scrap_date: date | None = Field(None, description="燃油叉车报废更新的日期")
    old_load_t: float | None = Field(None, gt=0, le=MAX_LOAD_T, description="原燃油叉车额定装载能力（吨）")
    new_load_t: float | None = Field(None, gt=0, le=MAX_LOAD_T, description="新纯电动叉车额定装载能力（吨）")
    battery_kwh_each: list[Annotated[float, Field(gt=0, le=MAX_BATTERY_KWH)]] | None = Field(
        None, max_length=MAX_VEHICLES, description="几台叉车各自的电池容量（千瓦时），每台一个数"
    )
    price_each_yuan: list[Annotated[float, Field(gt=0, le=MAX_YUAN)]] | None = Field(
        None, max_length=MAX_VEHICLES, description="几台叉车各自的购置价格（元），与电池容量按顺序对应"
    )
    trucks_told_apart: bool = Field(
        False, description="几台叉车逐台分别说明（“第一台……第二台……”），所说吨位可能分属不同的车"
    )
    registration_date_each: list[date] | None = Field(
        None,
        max_length=MAX_VEHICLES,
        description="几台被淘汰燃油叉车各自完成编码登记的日期，与电池容量按顺序对应（每台单独核对登记截止日）",
    )


def _conditions(c: Conditions, inputs, registered_by: date, replaced_from: date) -> None:
    reg, scrap = inputs.registration_date, inputs.scrap_date
    c.add(
        None if reg is None else reg <= registered_by,
        f"编码登记日期 {reg} 在 {registered_by}（含）以前",
        failed=f"编码登记日期 {reg} 晚于 {registered_by}，不在支持范围",
        unknown=f"燃油叉车是否于 {registered_by}（含）以前在西城区完成非道路移动机械编码登记",
    )
    c.add(
        None if scrap is None else scrap >= replaced_from,
        f"报废更新日期 {scrap} 在 {replaced_from}（含）以后",
        failed=f"报废更新日期 {scrap} 早于 {replaced_from}，不在支持范围",
        unknown=f"是否于 {replaced_from}（含）以后实施报废更新",
    )
    old, new = inputs.old_load_t, inputs.new_load_t
    loads = f"新车装载能力 {num(new or 0)} 吨{{}}原车 {num(old or 0)} 吨"
    c.add(
        None if old is None or new is None else new <= old,
        loads.format("不超过") + "（同等装载能力及以下）",
        failed=loads.format("超过") + "，不属于同等装载能力及以下",
        unknown="新纯电动叉车装载能力是否与原燃油叉车同等或更低",
    )


def _loads_of_two_trucks(trucks: int, old: float | None, new: float | None) -> bool:
    """Of several trucks told one by one, one old and one new tonnage that would fail the rule ("第一台…换了同样3吨
    的，第二台…换了2.5吨的") may be two trucks' figures: they fail no truck, the tonnage stays to be checked truck by
    truck. Trucks told together ("原来都是2吨的，都换成了3吨的") keep their stated failure."""
    return trucks >= 2 and old is not None and new is not None and new > old


def _dates(ex: Explain) -> tuple[date, date]:
    d = ex.value(DATES)
    return date.fromisoformat(str(d["registered_by"])), date.fromisoformat(str(d["replaced_from"]))


def _stated_failure(ex: Explain, stated) -> CalcResult | None:
    """A stated registration after the cut-off, scrapping before the start or a bigger new truck → 0."""
    each = getattr(stated, "registration_date_each", None) or []
    mixed = getattr(stated, "trucks_told_apart", False) and _loads_of_two_trucks(
        len(getattr(stated, "battery_kwh_each", None) or []), stated.old_load_t, stated.new_load_t
    )
    facts = SimpleNamespace(
        # several trucks, each with its own registration date: each is checked on its own (the rule's body)
        registration_date=None if len(each) >= 2 else stated_date(stated.registration_date),
        scrap_date=stated_date(stated.scrap_date),
        old_load_t=None if mixed else stated.old_load_t,
        new_load_t=None if mixed else stated.new_load_t,
    )
    c = Conditions(ex)
    ex.value(FORKLIFT)
    _conditions(c, facts, *_dates(ex))
    if c.verdict is not False:
        return None
    return c.payable(0)


def _one(ex: Explain, p: dict, battery: float, price: float) -> float:
    by_battery = per_unit(ex, battery, "千瓦时", p["rate"])
    by_price = share_of(ex, price, p["price_share"], "购置价格")
    return lowest_of(
        ex,
        [
            (by_battery, f"每千瓦时 {yuan(p['rate'])}"),
            (p["cap"], f"单台叉车上限 {yuan(p['cap'])}"),
            (by_price, f"购置价格的 {pct(p['price_share'])}"),
        ],
    )


@green(
    title="燃油叉车淘汰更新电动化奖励（每台）",
    article="第九条 第19项",
    params=[FORKLIFT, DATES],
    fails=_stated_failure,
)
def green_forklift_reward(ex: Explain, inputs: ForkliftInputs) -> CalcResult:
    """第九条 19. 2023 年底前在西城区编码登记、2024 年起报废更新为同等及以下装载能力纯电动叉车：每千瓦时 1500 元，每台不超过 7.5 万元且不超过购置价 25% (2024-06-24 起五年)."""
    ex.extra["奖励对象"] = "燃油叉车的登记人"
    p = ex.value(FORKLIFT)
    batteries, prices = inputs.battery_kwh_each or [], inputs.price_each_yuan or []
    several = len(batteries) >= 2 and len(batteries) == len(prices)
    registered = inputs.registration_date_each or []
    each_date = several and len(registered) == len(batteries)
    if each_date:  # each truck's own date decides for that truck (below), not one date for all
        inputs = inputs.model_copy(update={"registration_date": None})
    if inputs.trucks_told_apart and _loads_of_two_trucks(
        len(batteries) if several else 0, inputs.old_load_t, inputs.new_load_t
    ):
        ex.step("几台叉车各自的装载能力须逐台核对（新车不超过原车），所说吨位不能确定属于同一台")
        inputs = inputs.model_copy(update={"old_load_t": None, "new_load_t": None})
    c = Conditions(ex, inputs)
    _conditions(c, inputs, *_dates(ex))
    if not several:
        return c.payable(_one(ex, p, inputs.battery_kwh, inputs.purchase_price_yuan))
    registered_by = _dates(ex)[0]
    parts = []
    for i, (battery, price) in enumerate(zip(batteries, prices, strict=True), 1):
        ex.step(f"第{i}台：")
        if each_date and registered[i - 1] > registered_by:
            ex.step(f"　编码登记日期 {registered[i - 1]} 晚于 {registered_by}，不在支持范围：0元")
            parts.append(0)
            continue
        if each_date:
            ex.step(f"　编码登记日期 {registered[i - 1]} 在 {registered_by}（含）以前")
        parts.append(_one(ex, p, battery, price))
    total = sum(parts)
    ex.step(f"{len(parts)}台合计 " + " + ".join(yuan(x) for x in parts) + f" = {yuan(total)}")
    return c.payable(total)
