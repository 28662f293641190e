"""西民发〔2024〕1号 第二十二条 运营补贴 and 第二十三条 奖励补贴 for meal-service units."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from calculators.base import calculator, explain, yuan
from calculators.rules.meal_common import (
    DOC,
    INSTITUTION_TYPES,
    POINT_LABELS,
    POINT_TYPE_HELP,
    PointType,
    minus_already_paid,
    orders,
    tier_total,
    with_missing,
)
from core.schema import CalcResult

OPERATION = "elderly_meal/operation_subsidy"
OPERATION_MIN = "elderly_meal/operation_min_order"
REWARD_RESTAURANT = "elderly_meal/reward_tiers_restaurant_canteen"
REWARD_INSTITUTION = "elderly_meal/reward_tiers_institution"
REWARD_PERIOD = "elderly_meal/reward_counting_period"
REWARD_MIN = "elderly_meal/reward_min_order"

_MAX_ORDERS = 10**8
_MAX_YUAN = 10**8

OperatorType = Literal["elderly_care_institution", "meal_center", "restaurant", "canteen", "central_kitchen"]


class _Orders(BaseModel):
    orders_under_min: int = Field(
        0, ge=0, le=_MAX_ORDERS, description="其中单笔消费不满10元的订单数（不计入）"
    )

    @model_validator(mode="after")
    def _under_within_total(self):
        total = getattr(self, "platform_orders", None)
        if total is None:
            total = getattr(self, "annual_orders", None)
        if total is not None and self.orders_under_min > total:
            raise ValueError("单笔不满10元的订单数不能大于订单总数")
        return self


class OperationInputs(_Orders):
    point_type: PointType = Field(..., description=POINT_TYPE_HELP)
    platform_orders: int = Field(
        ..., ge=0, le=_MAX_ORDERS, description="本月通过养老助餐服务管理平台完成的养老助餐订单数"
    )
    operator_type: OperatorType | None = Field(
        None, description="社区养老助餐点的签约经营主体类型（仅社区养老助餐点填写）"
    )
    off_platform_orders: int = Field(
        0, ge=0, le=_MAX_ORDERS, description="未通过养老助餐服务管理平台完成的订单数（不享受补贴）"
    )


@calculator(
    name="meal_operation_subsidy",
    title="养老助餐服务单位运营补贴（每单）",
    doc_no=DOC,
    article="第二十二条",
    inputs=OperationInputs,
    params=[OPERATION, OPERATION_MIN],
)
def operation_subsidy(inputs: OperationInputs, as_of: date, params) -> CalcResult:
    """第二十二条：养老服务机构和老年配餐中心设立的助餐点经平台完成的服务每单3元；单笔不满10元不享受 (2024-03-01 起)."""
    ex = explain("meal_operation_subsidy", inputs, as_of)
    per_order = ex.value(params[OPERATION])["per_order"]
    min_order = ex.value(params[OPERATION_MIN])["min_order_yuan"]
    ex.extra["发放"] = (
        "先服务、后结算：区民政局每月5日提取数据，经第三方会计师事务所审定后，由属地街道自收到通知20个工作日内发放"
    )
    kind = inputs.point_type
    if kind == "community_point":
        op = inputs.operator_type
        if op is None:
            ex.step(
                "社区养老助餐点的服务量计入签约经营主体；需说明签约经营主体是否为养老服务机构或老年配餐中心"
            )
            return with_missing(
                ex.result(None, None), [OperationInputs.model_fields["operator_type"].description]
            )
        ex.step(f"社区养老助餐点的签约经营主体为{POINT_LABELS[op]}")
        kind = op
    if kind not in INSTITUTION_TYPES:
        ex.step(
            f"运营补贴仅给予本区养老服务机构和老年配餐中心设立的养老助餐点，{POINT_LABELS[kind]}不享受；"
            "社会餐饮企业、单位内部食堂可按第二十三条申请奖励补贴"
        )
        return ex.result(0, False)
    if inputs.off_platform_orders:
        ex.step(f"未通过养老助餐服务管理平台完成的 {orders(inputs.off_platform_orders)} 不享受运营补贴")
    counted = inputs.platform_orders - inputs.orders_under_min
    if inputs.orders_under_min:
        ex.step(
            f"平台订单 {orders(inputs.platform_orders)}，扣除单笔消费不满 {yuan(min_order)} 的 "
            f"{orders(inputs.orders_under_min)}，计补贴 {orders(counted)}"
        )
    amount = counted * per_order
    ex.step(f"{orders(counted)} × {yuan(per_order)}/单 = {yuan(amount)}")
    return ex.result(amount, amount > 0)


class RewardInputs(_Orders):
    point_type: PointType = Field(..., description=POINT_TYPE_HELP)
    annual_orders: int = Field(
        ...,
        ge=0,
        le=_MAX_ORDERS,
        description="本核算年度（9月1日至次年8月31日）通过平台完成的养老助餐服务量（单）",
    )
    community_point_orders: int = Field(
        0,
        ge=0,
        le=_MAX_ORDERS,
        description="签约社区养老助餐点在本核算年度的服务量（已扣除不满10元的订单，计入本单位）",
    )
    already_received_yuan: float | None = Field(
        None, ge=0, le=_MAX_YUAN, description="本核算年度已领取的奖励补贴（元），用于梯度补差"
    )


def _period(as_of: date, p: dict) -> tuple[date, date]:
    """The counting year that contains as_of (9月1日 to 次年8月31日)."""
    start_this_year = date(as_of.year, p["start_month"], p["start_day"])
    start_year = as_of.year if as_of >= start_this_year else as_of.year - 1
    return (
        date(start_year, p["start_month"], p["start_day"]),
        date(start_year + 1, p["end_month"], p["end_day"]),
    )


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@calculator(
    name="meal_reward_subsidy",
    title="养老助餐服务单位奖励补贴（按年度服务量分档）",
    doc_no=DOC,
    article="第二十三条",
    inputs=RewardInputs,
    params=[REWARD_RESTAURANT, REWARD_INSTITUTION, REWARD_PERIOD, REWARD_MIN],
)
def reward_subsidy(inputs: RewardInputs, as_of: date, params) -> CalcResult:
    """第二十三条：餐饮企业/单位食堂 1/3/5 万单奖 3/10/20 万元；养老服务机构/配餐中心 1/2 万单奖 1/2 万元 (2024-03-01 起)."""
    ex = explain("meal_reward_subsidy", inputs, as_of)
    period_param = params[REWARD_PERIOD]
    start, end = _period(as_of, ex.value(period_param))
    min_order = ex.value(params[REWARD_MIN])["min_order_yuan"]
    ex.step(f"年度服务量核算周期：{_cn(start)}至{_cn(end)}")
    ex.extra["核算周期"] = f"{start.isoformat()} 至 {end.isoformat()}"
    ex.extra["发放"] = (
        "即达即补、梯度补差，按月发放：区民政局每月5日提取数据，经第三方会计师事务所审定后于次月25日前发放"
    )
    if start < period_param.starts <= end:
        ex.warn(
            f"本细则自{_cn(period_param.starts)}起施行，本核算周期起点早于施行日；施行前的服务量是否计入以区民政局口径为准"
        )
    kind = inputs.point_type
    if kind == "community_point":
        ex.value(params[REWARD_INSTITUTION])
        ex.step("社区养老助餐点的服务量纳入签约经营主体单位计量，由签约经营主体申领奖励补贴")
        return ex.result(0, False)
    if kind in ("restaurant", "canteen"):
        tiers = ex.value(params[REWARD_RESTAURANT])["tiers"]
    elif kind in INSTITUTION_TYPES:
        tiers = ex.value(params[REWARD_INSTITUTION])["tiers"]
    else:
        ex.value(params[REWARD_RESTAURANT])
        ex.value(params[REWARD_INSTITUTION])
        ex.step(
            f"第二十三条奖励档次只列明社会餐饮企业、单位内部食堂、养老服务机构和老年配餐中心，{POINT_LABELS[kind]}不在其列"
        )
        return ex.result(0, False)
    counted = inputs.annual_orders - inputs.orders_under_min + inputs.community_point_orders
    parts = [f"平台服务量 {orders(inputs.annual_orders)}"]
    if inputs.orders_under_min:
        parts.append(f"扣除单笔不满 {yuan(min_order)} 的 {orders(inputs.orders_under_min)}")
    if inputs.community_point_orders:
        parts.append(f"加签约社区养老助餐点 {orders(inputs.community_point_orders)}")
    if len(parts) > 1:
        ex.step("，".join(parts) + f"，计量 {orders(counted)}")
    total = tier_total(ex, tiers, counted, f"{POINT_LABELS[kind]}年度服务量")
    amount = minus_already_paid(ex, total, inputs.already_received_yuan, "奖励补贴")
    return ex.result(amount, total > 0)
