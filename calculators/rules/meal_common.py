"""Shared pieces of the 西民发〔2024〕1号 meal-service rules: point types, tiers, order counts, payment notes."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

from pydantic import Field

from calculators.base import Explain, calculator
from calculators.kit import count, yuan
from calculators.kit.bounds import MAX_ORDERS, MAX_SMALL_YUAN

DOC = "西民发〔2024〕1号"

meal = partial(calculator, doc_no=DOC)
for_units = partial(
    meal, audience="enterprise", kind="amount"
)  # meal-service units: building, running, rewards

PointType = Literal[
    "elderly_care_institution",
    "meal_center",
    "community_point",
    "restaurant",
    "canteen",
    "central_kitchen",
]

POINT_TYPE_HELP = (
    "养老助餐点类型：elderly_care_institution=养老服务机构设立的助餐点，"
    "meal_center=老年配餐中心设立的助餐点，community_point=社区养老助餐点，"
    "restaurant=社会餐饮企业（社会化餐饮服务单位），canteen=社会单位内部食堂，"
    "central_kitchen=老年餐集中配送单位"
)
PointTypeInput = Annotated[PointType, Field(description=POINT_TYPE_HELP)]
Orders = Annotated[int, Field(ge=0, le=MAX_ORDERS)]
SomeOrders = Annotated[int | None, Field(ge=0, le=MAX_ORDERS)]  # optional
Yuan = Annotated[float, Field(ge=0, le=MAX_SMALL_YUAN)]
SomeYuan = Annotated[float | None, Field(ge=0, le=MAX_SMALL_YUAN)]  # optional

POINT_LABELS = {
    "elderly_care_institution": "养老服务机构设立的养老助餐点",
    "meal_center": "老年配餐中心设立的养老助餐点",
    "community_point": "社区养老助餐点",
    "restaurant": "社会餐饮企业",
    "canteen": "社会单位内部食堂",
    "central_kitchen": "老年餐集中配送单位",
}

INSTITUTION_TYPES = ("elderly_care_institution", "meal_center")


def orders(n: float) -> str:
    """Readable order count: 50000 → '5万单', 9999 → '9999单'."""
    return count(n, "单")


def rough_count_decides(ex: Explain, tiers: list[dict], n: int) -> bool:
    """A count said roughly ("3万多单" → n = 30000, somewhere below n + 1万): whether every count it may be
    reaches the same tier; when a tier's threshold lies in between, the exact count is needed."""
    written = str(n)
    step = int("1" + "0" * (len(written) - len(written.rstrip("0")))) if n else 1  # 30000 → 10000, 800 → 100
    inside = [t["min_orders"] for t in tiers if n < t["min_orders"] < n + step]
    if inside:
        ex.step(
            f"所说服务量为约数（{orders(n)}以上、不足 {orders(n + step)}），其间有 {orders(inside[0])} 一档，"
            "需确切单数"
        )
        return False
    ex.step(
        f"所说服务量为约数（{orders(n)}以上、不足 {orders(n + step)}），其间不跨档，按 {orders(n)} 所达一档计"
    )
    return True


def tier_total(ex: Explain, tiers: list[dict], n: int, what: str) -> float:
    """Highest tier reached by n orders (each tier inclusive of its threshold); explains the next tier."""
    tiers = sorted(tiers, key=lambda t: t["min_orders"])
    reached = [t for t in tiers if n >= t["min_orders"]]
    higher = [t for t in tiers if n < t["min_orders"]]
    if not reached:
        first = tiers[0]
        ex.step(
            f"{what} {orders(n)}，未达到最低一档 {orders(first['min_orders'])}（含），"
            f"暂不享受；达到后总额为 {yuan(first['total'])}"
        )
        return 0
    top = reached[-1]
    ex.step(
        f"{what} {orders(n)}，已达到 {orders(top['min_orders'])}（含）以上一档，总额为 {yuan(top['total'])}"
    )
    if higher:
        nxt = higher[0]
        ex.step(
            f"距下一档 {orders(nxt['min_orders'])}（总额 {yuan(nxt['total'])}）还差 {orders(nxt['min_orders'] - n)}"
        )
    else:
        ex.step("已达到最高一档")
    return top["total"]


def minus_already_paid(ex: Explain, total: float, already_paid: float | None, label: str) -> float:
    """“即达即补、梯度补差”: what is still payable once earlier tier payments are deducted."""
    if already_paid is None:
        if total:
            ex.step(f"按“梯度补差”，此前按较低档已领取的{label}应从总额中扣除；未提供已领取金额，按未领取计")
        return total
    payable = max(total - already_paid, 0)
    ex.step(
        f"已领取{label} {yuan(already_paid)}，本次补差 {yuan(total)} − {yuan(already_paid)} = {yuan(payable)}"
    )
    if already_paid > total:
        ex.warn(f"已领取金额 {yuan(already_paid)} 超过按服务量应得总额 {yuan(total)}，不再补发")
    return payable
