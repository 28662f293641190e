"""西民发〔2024〕1号: kinds of support asked together — 第二十条 建设补贴, 第二十二条 运营补贴 and 第二十三条 奖励补贴
of one unit, each rule run on its own facts and the parts added (the document sets no rule against holding several)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from calculators.base import REGISTRY, Explain
from calculators.kit import with_missing, yuan
from calculators.rules import meal_construction, meal_operation  # noqa: F401  (the parts register on import)
from calculators.rules.meal_common import Orders, PointTypeInput, SomeOrders, SomeYuan, for_units
from calculators.rules.meal_construction import COMMUNITY_CAP, EXCLUDED, INSTITUTION_CAP
from calculators.rules.meal_construction import PAYMENT as CONSTRUCTION_PAYMENT
from calculators.rules.meal_operation import (
    OPERATION,
    OPERATION_MIN,
    OPERATION_PAYMENT,
    REWARD_INSTITUTION,
    REWARD_MIN,
    REWARD_PERIOD,
    REWARD_RESTAURANT,
    OperationInputs,
    _Orders,
)
from core.schema import CalcResult

# The parts, each run on the facts it reads; the document sets no rule against holding both.
PARTS = (
    ("meal_construction_point", "建设补贴（第二十条）"),
    ("meal_reward_subsidy", "奖励补贴（第二十三条）"),
)


class ConstructionRewardInputs(_Orders):
    point_type: PointTypeInput
    investment_yuan: SomeYuan = Field(None, description="必要的适老化改造和运营设施设备配置投入（元）")
    annual_orders: SomeOrders = Field(
        None, description="本核算年度（9月1日至次年8月31日）通过平台完成的养老助餐服务量（单）"
    )
    community_point_orders: Orders = Field(
        0, description="签约社区养老助餐点在本核算年度的服务量（已扣除不满10元的订单，计入本单位）"
    )
    already_received_yuan: SomeYuan = Field(
        None, description="本核算年度已领取的奖励补贴（元），用于梯度补差"
    )
    orders_approx: bool = Field(
        False, description="所说年度服务量是约数（如“3万多单”）：实际多于所说数字，不跨档时按所达一档计"
    )


def add_parts(ex: Explain, inputs: BaseModel, parts: tuple[tuple[str, str], ...]) -> CalcResult:
    """Each rule of `parts` (calculator name, label) run on the facts it takes, then added up; what any part
    still needs is asked (its own field names and descriptions)."""
    given = inputs.model_dump(exclude_none=True)
    amounts: list[float] = []
    missing: dict[str, str] = {}
    for name, label in parts:
        result = ex.include(name, label, given)
        if result.amount_yuan is None:
            described = REGISTRY[name].inputs.model_fields
            missing |= {
                f: described[f].description or f for f in (result.extra or {}).get("missing_fields", ())
            }
            ex.step(f"　{label}尚需补充信息")
            continue
        ex.step(f"　{label}：{yuan(result.amount_yuan)}")
        amounts.append(result.amount_yuan)
    if missing:
        return with_missing(ex.result(None, None), missing)
    total = sum(amounts)
    ex.step("合计：" + " + ".join(yuan(a) for a in amounts) + f" = {yuan(total)}")
    return ex.result(total, total > 0)


@for_units(
    title="养老助餐服务单位建设补贴与奖励补贴合计",
    article="第二十条（三）（四）（六）、第二十三条",
    params=[
        INSTITUTION_CAP,
        COMMUNITY_CAP,
        EXCLUDED,
        CONSTRUCTION_PAYMENT,
        REWARD_RESTAURANT,
        REWARD_INSTITUTION,
        REWARD_PERIOD,
        REWARD_MIN,
    ],
)
def meal_construction_and_reward(ex: Explain, inputs: ConstructionRewardInputs) -> CalcResult:
    """第二十条 建设补贴（餐饮企业、单位内部食堂暂不享受）与第二十三条 年度奖励补贴，各按本条计算后相加
    (2024-03-01 起)."""
    return add_parts(ex, inputs, PARTS)


# dev5-mf1-010: "建设补贴加上个月的运营补贴，一共能拿多少" — the one-off construction subsidy and one month's
# operation subsidy
OPERATION_PARTS = (
    ("meal_construction_point", "建设补贴（第二十条）"),
    ("meal_operation_subsidy", "运营补贴（第二十二条）"),
)


class ConstructionOperationInputs(OperationInputs):
    investment_yuan: SomeYuan = Field(None, description="必要的适老化改造和运营设施设备配置投入（元）")


@for_units(
    title="养老助餐点建设补贴与运营补贴合计",
    article="第二十条（三）（四）（六）、第二十二条",
    params=[
        INSTITUTION_CAP,
        COMMUNITY_CAP,
        EXCLUDED,
        CONSTRUCTION_PAYMENT,
        OPERATION,
        OPERATION_MIN,
        OPERATION_PAYMENT,
    ],
)
def meal_construction_and_operation(ex: Explain, inputs: ConstructionOperationInputs) -> CalcResult:
    """第二十条 建设补贴（按投入、限额）与第二十二条 每单运营补贴（所说月份的平台订单），各按本条计算后相加
    (2024-03-01 起)."""
    return add_parts(ex, inputs, OPERATION_PARTS)


# dev5-mf1-011: "建设补贴、每单3块的运营补贴、年度奖励补贴，能拿哪些，总共多少" — the year's orders give both
# the operation subsidy and the reward (meal_operation_and_reward)
ALL_PARTS = (
    ("meal_construction_point", "建设补贴（第二十条）"),
    ("meal_operation_and_reward", "运营补贴与奖励补贴（第二十二条、第二十三条）"),
)


class AllSupportInputs(_Orders):
    point_type: PointTypeInput
    investment_yuan: SomeYuan = Field(None, description="必要的适老化改造和运营设施设备配置投入（元）")
    annual_orders: SomeOrders = Field(
        None, description="本核算年度（9月1日至次年8月31日）通过平台完成的养老助餐服务量（单）"
    )


@for_units(
    title="养老助餐服务单位建设补贴、运营补贴与奖励补贴合计",
    article="第二十条（三）（四）（六）、第二十二条、第二十三条",
    params=[
        INSTITUTION_CAP,
        COMMUNITY_CAP,
        EXCLUDED,
        CONSTRUCTION_PAYMENT,
        OPERATION,
        OPERATION_MIN,
        REWARD_RESTAURANT,
        REWARD_INSTITUTION,
        REWARD_PERIOD,
        REWARD_MIN,
    ],
)
def meal_all_support(ex: Explain, inputs: AllSupportInputs) -> CalcResult:
    """第二十条 建设补贴与一个核算年度的第二十二条 运营补贴、第二十三条 奖励补贴，各按本条计算后相加
    (2024-03-01 起)."""
    return add_parts(ex, inputs, ALL_PARTS)
