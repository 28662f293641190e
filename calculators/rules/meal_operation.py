"""西民发〔2024〕1号 第二十二条 运营补贴 and 第二十三条 奖励补贴 for meal-service units."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from calculators.base import Explain
from calculators.kit import cn, per_unit, with_missing, yuan
from calculators.kit.bounds import MAX_SMALL_YUAN
from calculators.rules.meal_common import (
    INSTITUTION_TYPES,
    POINT_LABELS,
    Orders,
    PointTypeInput,
    SomeOrders,
    SomeYuan,
    for_units,
    minus_already_paid,
    orders,
    rough_count_decides,
    tier_total,
)
from core.schema import CalcResult

OPERATION = "elderly_meal/operation_subsidy"
OPERATION_MIN = "elderly_meal/operation_min_order"
OPERATION_PAYMENT = "elderly_meal/operation_payment_schedule"
REWARD_RESTAURANT = "elderly_meal/reward_tiers_restaurant_canteen"
REWARD_INSTITUTION = "elderly_meal/reward_tiers_institution"
REWARD_PERIOD = "elderly_meal/reward_counting_period"
REWARD_MIN = "elderly_meal/reward_min_order"
REWARD_PAYMENT = "elderly_meal/reward_payment_schedule"

OperatorType = Literal["elderly_care_institution", "meal_center", "restaurant", "canteen", "central_kitchen"]


class _Orders(BaseModel):
    orders_under_min: Orders = Field(0, description="其中单笔消费不满10元的订单数（不计入）")
    order_spends: list[tuple[Orders, Annotated[float, Field(ge=0, le=MAX_SMALL_YUAN)]]] | None = Field(
        None, description="几组订单各自的单笔消费（单数, 元），如“120单10元、60单8元”：不满10元的那几组不计入"
    )

    @model_validator(mode="after")
    def _under_within_total(self):
        total = getattr(self, "platform_orders", None)
        if total is None:
            total = getattr(self, "annual_orders", None)
        if total is not None and self.orders_under_min > total:
            raise ValueError("单笔消费不满最低金额的订单数不能大于订单总数")
        return self


def _groups_under_min(ex: Explain, inputs: _Orders, min_order: float) -> int:
    """Orders stated in groups with their own spend: those of the groups under the minimum, each group said."""
    under = 0
    for n, spend in inputs.order_spends or ():
        low = spend < min_order
        under += n if low else 0
        ex.step(
            f"{orders(n)}单笔 {yuan(spend)}："
            + (f"不满 {yuan(min_order)}，不计入" if low else f"不低于 {yuan(min_order)}，计入")
        )
    return under


def _counted(
    ex: Explain, total: int, under: int, min_order: float, extra: int = 0, label: str = "平台服务量"
) -> int:
    """Orders that count: those under the minimum spend are left out; a community point's are added in."""
    counted = total - under + extra
    parts = [f"{label} {orders(total)}"]
    if under:
        parts.append(f"扣除单笔不满 {yuan(min_order)} 的 {orders(under)}")
    if extra:
        parts.append(f"加签约社区养老助餐点 {orders(extra)}")
    if len(parts) > 1:
        ex.step("，".join(parts) + f"，计量 {orders(counted)}")
    return counted


class OperationInputs(_Orders):
    point_type: PointTypeInput
    platform_orders: SomeOrders = Field(None, description="本月通过养老助餐服务管理平台完成的养老助餐订单数")
    operator_type: OperatorType | None = Field(
        None, description="社区养老助餐点的签约经营主体类型（仅社区养老助餐点填写）"
    )
    off_platform_orders: Orders = Field(0, description="未通过养老助餐服务管理平台完成的订单数（不享受补贴）")
    all_off_platform: bool = Field(
        False, description="所有订单都未通过养老助餐服务管理平台完成（如全部在前台现金或扫码支付）"
    )
    off_platform_in_total: bool = Field(
        False, description="所说的订单总数是否包含未通过平台完成的订单（“一共N单，其中M单没走平台”）"
    )

    @model_validator(mode="after")
    def _off_platform_within_total(self):
        total = self.platform_orders
        if (
            self.off_platform_in_total
            and total is not None
            and self.off_platform_orders + self.orders_under_min > total
        ):
            raise ValueError("未走平台的订单与不满最低金额的订单合计不能大于订单总数")
        return self


@for_units(
    title="养老助餐服务单位运营补贴（每单）",
    article="第二十二条",
    params=[OPERATION, OPERATION_MIN, OPERATION_PAYMENT],
)
def meal_operation_subsidy(ex: Explain, inputs: OperationInputs) -> CalcResult:
    """第二十二条：养老服务机构和老年配餐中心设立的助餐点经平台完成的服务每单3元；单笔不满10元不享受 (2024-03-01 起)."""
    per_order = ex.value(OPERATION)["per_order"]
    min_order = ex.value(OPERATION_MIN)["min_order_yuan"]
    pay = ex.value(OPERATION_PAYMENT)
    ex.extra["发放"] = (
        f"先服务、后结算：区民政局每月{pay['data_day']}日提取数据，经第三方会计师事务所审定后，"
        f"由属地街道自收到通知{pay['pay_workdays']}个工作日内发放"
    )
    kind = inputs.point_type
    if kind == "community_point":
        op = inputs.operator_type
        if op is None:
            ex.step(
                "社区养老助餐点的服务量计入签约经营主体；需说明签约经营主体是否为养老服务机构或老年配餐中心"
            )
            fields = type(inputs).model_fields
            return with_missing(ex.result(None, None), {"operator_type": fields["operator_type"].description})
        ex.step(f"社区养老助餐点的签约经营主体为{POINT_LABELS[op]}")
        kind = op
    if kind not in INSTITUTION_TYPES:
        ex.step(
            f"运营补贴仅给予本区养老服务机构和老年配餐中心设立的养老助餐点，{POINT_LABELS[kind]}不享受；"
            "社会餐饮企业、单位内部食堂可按第二十三条申请奖励补贴"
        )
        return ex.result(0, False)
    if inputs.all_off_platform:
        ex.step(
            f"{POINT_LABELS[kind]}本月订单均未通过养老助餐服务管理平台完成，第二十二条的每单 {yuan(per_order)} "
            "运营补贴只给通过平台完成的养老助餐服务，不享受"
        )
        return ex.result(0, False)
    grouped_under = _groups_under_min(ex, inputs, min_order)
    if inputs.platform_orders is None and inputs.order_spends:
        inputs = inputs.model_copy(update={"platform_orders": sum(n for n, _ in inputs.order_spends)})
    if inputs.platform_orders is None:
        ex.step(
            f"{POINT_LABELS[kind]}经平台完成的养老助餐服务每单 {yuan(per_order)}，单笔不满 {yuan(min_order)} 的不计"
        )
        fields = type(inputs).model_fields
        return with_missing(ex.result(None, True), {"platform_orders": fields["platform_orders"].description})
    total = inputs.platform_orders
    if inputs.off_platform_orders:
        ex.step(f"未通过养老助餐服务管理平台完成的 {orders(inputs.off_platform_orders)} 不享受运营补贴")
        if inputs.off_platform_in_total:
            total -= inputs.off_platform_orders
            ex.step(
                f"订单总数 {orders(inputs.platform_orders)} 扣除未走平台的 {orders(inputs.off_platform_orders)}，"
                f"平台订单 {orders(total)}"
            )
    counted = _counted(ex, total, inputs.orders_under_min + grouped_under, min_order, label="平台订单")
    amount = per_unit(ex, counted, "单", per_order, qty_text=orders(counted))
    return ex.result(amount, amount > 0)


class RewardInputs(_Orders):
    point_type: PointTypeInput
    annual_orders: Orders = Field(
        ..., description="本核算年度（9月1日至次年8月31日）通过平台完成的养老助餐服务量（单）"
    )
    community_point_orders: Orders = Field(
        0, description="签约社区养老助餐点在本核算年度的服务量（已扣除不满10元的订单，计入本单位）"
    )
    already_received_yuan: SomeYuan = Field(
        None, description="本核算年度已领取的奖励补贴（元），用于梯度补差"
    )
    paid_at_orders: SomeOrders = Field(
        None, description="本核算年度此前领取奖励补贴时已达到的服务量（单）：已领金额未说明时按该档总额计"
    )
    orders_approx: bool = Field(
        False, description="所说年度服务量是约数（如“3万多单”）：实际多于所说数字，不跨档时按所达一档计"
    )


def _period(as_of: date, p: dict) -> tuple[date, date]:
    """The counting year that contains as_of (9月1日 to 次年8月31日)."""
    start_this_year = date(as_of.year, p["start_month"], p["start_day"])
    start_year = as_of.year if as_of >= start_this_year else as_of.year - 1
    return (
        date(start_year, p["start_month"], p["start_day"]),
        date(start_year + 1, p["end_month"], p["end_day"]),
    )


def _reward_tiers(ex: Explain, kind: str) -> list[dict] | None:
    """The tiers of the unit's type; None (with the reason) for types 第二十三条 does not list."""
    if kind == "community_point":
        ex.value(REWARD_INSTITUTION)
        ex.step("社区养老助餐点的服务量纳入签约经营主体单位计量，由签约经营主体申领奖励补贴")
        return None
    if kind in ("restaurant", "canteen"):
        return ex.value(REWARD_RESTAURANT)["tiers"]
    if kind in INSTITUTION_TYPES:
        return ex.value(REWARD_INSTITUTION)["tiers"]
    ex.value(REWARD_RESTAURANT)
    ex.value(REWARD_INSTITUTION)
    ex.step(
        f"第二十三条奖励档次只列明社会餐饮企业、单位内部食堂、养老服务机构和老年配餐中心，{POINT_LABELS[kind]}不在其列"
    )
    return None


@for_units(
    title="养老助餐服务单位奖励补贴（按年度服务量分档）",
    article="第二十三条",
    params=[REWARD_RESTAURANT, REWARD_INSTITUTION, REWARD_PERIOD, REWARD_MIN, REWARD_PAYMENT],
)
def meal_reward_subsidy(ex: Explain, inputs: RewardInputs) -> CalcResult:
    """第二十三条：餐饮企业/单位食堂 1/3/5 万单奖 3/10/20 万元；养老服务机构/配餐中心 1/2 万单奖 1/2 万元 (2024-03-01 起)."""
    period_param = ex.param(REWARD_PERIOD)
    start, end = _period(ex.as_of, ex.value(period_param))
    min_order = ex.value(REWARD_MIN)["min_order_yuan"]
    ex.step(f"年度服务量核算周期：{cn(start)}至{cn(end)}")
    ex.extra["核算周期"] = f"{start.isoformat()} 至 {end.isoformat()}"
    if start < period_param.starts <= end:
        ex.warn(
            f"本细则自{cn(period_param.starts)}起施行，本核算周期起点早于施行日；施行前的服务量是否计入以区民政局口径为准"
        )
    tiers = _reward_tiers(ex, inputs.point_type)
    pay = ex.value(REWARD_PAYMENT)
    ex.extra["发放"] = (
        f"即达即补、梯度补差，按月发放：区民政局每月{pay['data_day']}日提取数据，经第三方会计师事务所审定后"
        f"于次月{pay['pay_by_day']}日前发放"
    )
    if tiers is None:
        return ex.result(0, False)
    under = inputs.orders_under_min + _groups_under_min(ex, inputs, min_order)
    counted = _counted(ex, inputs.annual_orders, under, min_order, inputs.community_point_orders)
    if inputs.orders_approx and not rough_count_decides(ex, tiers, counted):
        fields = type(inputs).model_fields
        return with_missing(ex.result(None, None), {"annual_orders": fields["annual_orders"].description})
    total = tier_total(ex, tiers, counted, f"{POINT_LABELS[inputs.point_type]}年度服务量")
    paid = inputs.already_received_yuan
    if paid is None and inputs.paid_at_orders is not None:
        paid = _tier_paid(tiers, inputs.paid_at_orders)
        ex.step(f"此前在 {orders(inputs.paid_at_orders)} 时按当时达到的一档领取 {yuan(paid)}")
    amount = minus_already_paid(ex, total, paid, "奖励补贴")
    return ex.result(amount, total > 0)


class YearInputs(_Orders):
    point_type: PointTypeInput
    annual_orders: Orders = Field(
        ..., description="本核算年度（9月1日至次年8月31日）通过平台完成的养老助餐服务量（单）"
    )


@for_units(
    title="养老助餐服务单位一个年度的运营补贴与奖励补贴合计",
    article="第二十二条、第二十三条",
    params=[OPERATION, OPERATION_MIN, REWARD_RESTAURANT, REWARD_INSTITUTION, REWARD_PERIOD, REWARD_MIN],
)
def meal_operation_and_reward(ex: Explain, inputs: YearInputs) -> CalcResult:
    """第二十二条 每单3元运营补贴（仅养老服务机构、老年配餐中心设立的助餐点）与第二十三条 年度奖励补贴
    （作为运营补贴的补充）在同一核算年度的合计 (2024-03-01 起)."""
    kind = inputs.point_type
    per_order = ex.value(OPERATION)["per_order"]
    min_order = ex.value(OPERATION_MIN)["min_order_yuan"]
    ex.value(REWARD_MIN)
    start, end = _period(ex.as_of, ex.value(REWARD_PERIOD))
    ex.step(f"年度服务量核算周期：{cn(start)}至{cn(end)}")
    under = inputs.orders_under_min + _groups_under_min(ex, inputs, min_order)
    counted = _counted(ex, inputs.annual_orders, under, min_order)
    if kind in INSTITUTION_TYPES:
        operation = per_unit(ex, counted, "单", per_order, qty_text=orders(counted))
        ex.step(f"运营补贴（第二十二条）：{yuan(operation)}")
    else:
        operation = 0
        ex.step(
            f"运营补贴（第二十二条）仅给予养老服务机构和老年配餐中心设立的养老助餐点，{POINT_LABELS[kind]}不享受：0元"
        )
    tiers = _reward_tiers(ex, kind)
    reward = 0 if tiers is None else tier_total(ex, tiers, counted, f"{POINT_LABELS[kind]}年度服务量")
    ex.step(f"奖励补贴（第二十三条）：{yuan(reward)}")
    total = operation + reward
    ex.step(f"合计：{yuan(operation)} + {yuan(reward)} = {yuan(total)}")
    return ex.result(total, total > 0)


def _tier_paid(tiers: list[dict], n: int) -> float:
    """The total of the highest tier n orders reached: what “即达即补” paid when n was reached."""
    reached = [t["total"] for t in sorted(tiers, key=lambda t: t["min_orders"]) if n >= t["min_orders"]]
    return reached[-1] if reached else 0
