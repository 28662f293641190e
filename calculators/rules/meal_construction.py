"""西民发〔2024〕1号 第二十条 养老助餐服务单位建设补贴 (central kitchens, meal points, same-site renovation)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, add_years, capped, cn, with_missing, yuan
from calculators.kit.bounds import FIRST_IN_USE_YEAR, LAST_POLICY_YEAR, MAX_YEARS_IN_USE
from calculators.rules.meal_common import (
    INSTITUTION_TYPES,
    POINT_LABELS,
    Orders,
    PointTypeInput,
    SomeOrders,
    SomeYuan,
    for_units,
    minus_already_paid,
    rough_count_decides,
    tier_total,
)
from core.schema import CalcResult

KITCHEN = "elderly_meal/central_kitchen_construction_tiers"
INSTITUTION_CAP = "elderly_meal/institution_point_construction_cap"
COMMUNITY_CAP = "elderly_meal/community_point_construction_cap"
EXCLUDED = "elderly_meal/construction_excluded_types"
RENOVATION = "elderly_meal/renovation_full_standard_years"
PAYMENT = "elderly_meal/construction_payment_schedule"


def _process(ex: Explain) -> None:
    """第二十条（一）: build first, then apply; the street reviews, the district pays monthly."""
    s = ex.value(PAYMENT)
    ex.extra.update(
        {
            "原则": "先建后补：建设完成后向属地街道提交建设补贴申请材料（第二十条（一））",
            "受理": f"属地街道在{s['review_workdays']}个工作日内完成审核，通过后提交区民政局",
            "发放": "经区民政局聘请的第三方会计师事务所审定后由区民政局统一发放；逐月申请、逐月发放，"
            f"于每月{s['pay_by_day']}日前发放",
            "申报表": "附件2 西城区养老助餐点建设补贴申报表（改造方案、建设改造投资明细表、运营情况报告等）",
        }
    )


def _ask(ex: Explain, inputs: BaseModel, field: str) -> CalcResult:
    """A result that can only be given once `field` is known."""
    return with_missing(ex.result(None, True), Conditions(ex, inputs).descriptions((field,)))


class KitchenInputs(BaseModel):
    first_year_orders: Orders = Field(
        ..., description="老年餐集中配送单位投入运营第一年的养老助餐服务量（单）"
    )
    already_received_yuan: SomeYuan = Field(
        None, description="此前按较低档已领取的建设补贴（元），用于梯度补差"
    )
    orders_approx: bool = Field(
        False, description="所说第一年服务量是约数（如“16万多单”）：实际多于所说数字，不跨档时按所达一档计"
    )


@for_units(
    title="老年餐集中配送单位建设补贴（按第一年服务量分档）",
    article="第二十条（二）",
    params=[KITCHEN, PAYMENT],
)
def meal_construction_central_kitchen(ex: Explain, inputs: KitchenInputs) -> CalcResult:
    """第二十条（二）：运营第一年服务量达 5/10/15/20 万单（含）补贴总额 10/20/30/50 万元，即达即补、梯度补差 (2024-03-01 起)."""
    p = ex.value(KITCHEN)
    ex.step("老年餐集中配送单位在建设完成且投入运营后，按运营第一年的养老助餐服务量给予建设补贴")
    if inputs.orders_approx and not rough_count_decides(ex, p["tiers"], inputs.first_year_orders):
        exact = type(inputs).model_fields["first_year_orders"].description
        return with_missing(ex.result(None, None), {"first_year_orders": exact})
    total = tier_total(ex, p["tiers"], inputs.first_year_orders, "运营第一年服务量")
    amount = minus_already_paid(ex, total, inputs.already_received_yuan, "建设补贴")
    _process(ex)
    return ex.result(amount, total > 0)


class PointInputs(BaseModel):
    point_type: PointTypeInput
    investment_yuan: SomeYuan = Field(None, description="必要的适老化改造和运营设施设备配置投入（元）")


def _point_cap(ex: Explain, point_type: str) -> float | None:
    """The cap for institution/meal-center points and community points; None for other types."""
    if point_type in INSTITUTION_TYPES:
        return ex.value(INSTITUTION_CAP)["cap"]
    if point_type == "community_point":
        return ex.value(COMMUNITY_CAP)["cap"]
    return None


def _excluded(ex: Explain, point_type: str) -> bool:
    if point_type in ex.value(EXCLUDED)["excluded"]:
        ex.step(
            f"{POINT_LABELS[point_type]}属于第二十条（六）所列社会化餐饮服务单位和社会单位内部食堂，暂不享受建设补贴"
        )
        return True
    return False


def _standard(ex: Explain, investment: float, cap: float) -> float:
    """The investment up to the point type's cap."""
    ex.step(f"投入 {yuan(investment)}")
    return capped(ex, investment, cap, "最高限额")


@for_units(
    title="养老助餐点建设补贴（养老服务机构、老年配餐中心、社区养老助餐点）",
    article="第二十条（三）（四）（六）",
    params=[INSTITUTION_CAP, COMMUNITY_CAP, EXCLUDED, PAYMENT],
)
def meal_construction_point(ex: Explain, inputs: PointInputs) -> CalcResult:
    """第二十条（三）最高5万元、（四）社区养老助餐点最高2万元、（六）餐饮企业和单位食堂不享受 (2024-03-01 起)."""
    kind = inputs.point_type
    if _excluded(ex, kind):
        return ex.result(0, False)
    if kind == "central_kitchen":
        ex.step(
            "老年餐集中配送单位按运营第一年服务量分档补贴（第二十条（二）），请用“老年餐集中配送单位建设补贴”计算"
        )
        return ex.result(None, True)
    cap = _point_cap(ex, kind)
    ex.step(f"{POINT_LABELS[kind]}进行必要的适老化改造、配置运营设施设备，建设补贴最高限额 {yuan(cap)}")
    _process(ex)
    if inputs.investment_yuan is None:
        ex.step(f"未提供改造和设备投入金额，最多可得 {yuan(cap)}")
        return _ask(ex, inputs, "investment_yuan")
    return ex.result(_standard(ex, inputs.investment_yuan, cap), True)


class RenovationInputs(BaseModel):
    point_type: PointTypeInput
    years_in_use: float | None = Field(
        None, ge=0, le=MAX_YEARS_IN_USE, description="原项目建成投入使用的年限（年），至同址改造时"
    )
    in_use_since: date | None = Field(
        None, description="原项目建成投入使用的日期（给出日期时，按至今是否满三年判断）"
    )
    in_use_since_year: int | None = Field(
        None, ge=FIRST_IN_USE_YEAR, le=LAST_POLICY_YEAR, description="原项目建成投入使用的年份（只知年份时）"
    )
    # asked only when it matters: under three years in use (补差); from three years on the standard applies
    previous_subsidy_yuan: SomeYuan = Field(None, description="原项目已享受的建设补贴（元），未享受填0")
    investment_yuan: SomeYuan = Field(None, description="本次必要的适老化改造和运营设施设备配置投入（元）")
    first_year_orders: SomeOrders = Field(
        None, description="老年餐集中配送单位：改造后运营第一年养老助餐服务量（单）"
    )


@for_units(
    title="养老助餐点同址改造建设补贴（满三年按标准、三年以内补差）",
    article="第二十条（五）",
    params=[RENOVATION, KITCHEN, INSTITUTION_CAP, COMMUNITY_CAP, EXCLUDED, PAYMENT],
)
def meal_construction_renovation(ex: Explain, inputs: RenovationInputs) -> CalcResult:
    """第二十条（五）：原已享受补贴且投入使用三年以上的同址改造按标准执行，三年以内按“补差原则” (2024-03-01 起)."""
    kind = inputs.point_type
    if _excluded(ex, kind):
        return ex.result(0, False)
    min_years = ex.value(RENOVATION)["full_standard_min_years"]
    if kind == "central_kitchen":
        if inputs.first_year_orders is None:
            ex.step("老年餐集中配送单位的标准按运营第一年服务量分档确定，需提供服务量")
            return _ask(ex, inputs, "first_year_orders")
        standard = tier_total(ex, ex.value(KITCHEN)["tiers"], inputs.first_year_orders, "运营第一年服务量")
    else:
        cap = _point_cap(ex, kind)
        if inputs.investment_yuan is None:
            ex.step(f"{POINT_LABELS[kind]}建设补贴标准为最高 {yuan(cap)}，需提供本次改造投入")
            return _ask(ex, inputs, "investment_yuan")
        standard = _standard(ex, inputs.investment_yuan, cap)
        ex.step(f"按标准：标准金额 {yuan(standard)}")
    _process(ex)
    full = _full_standard(ex, inputs, min_years)
    if full is None:
        return _ask(ex, inputs, "years_in_use")
    if full:
        ex.step(f"满 {min_years} 年（含），同址改造参照标准执行：{yuan(standard)}")
        return ex.result(standard, standard > 0)
    if inputs.previous_subsidy_yuan is None:
        ex.step(f"不满 {min_years} 年，按“补差原则”扣除原已享受的建设补贴，需提供其金额")
        return _ask(ex, inputs, "previous_subsidy_yuan")
    amount = max(standard - inputs.previous_subsidy_yuan, 0)
    ex.step(
        f"不满 {min_years} 年，按“补差原则”："
        f"{yuan(standard)} − 原已享受 {yuan(inputs.previous_subsidy_yuan)} = {yuan(amount)}"
    )
    return ex.result(amount, amount > 0)


def _full_standard(ex: Explain, inputs: RenovationInputs, min_years: int) -> bool | None:
    """满三年（含）: from the years in use, or from the date it was put into use to the day of the question."""
    if inputs.in_use_since is not None:
        due = add_years(inputs.in_use_since, min_years)
        ex.step(
            f"原项目 {cn(inputs.in_use_since)} 建成投入使用，至 {cn(ex.as_of)}"
            + ("已" if ex.as_of >= due else "未")
            + f"满 {min_years} 年（满 {min_years} 年之日为 {cn(due)}）"
        )
        return ex.as_of >= due
    if inputs.years_in_use is None and inputs.in_use_since_year is not None:
        gap = ex.as_of.year - inputs.in_use_since_year
        if gap != min_years:
            ex.step(
                f"原项目 {inputs.in_use_since_year} 年建成投入使用，至 {ex.as_of.year} 年"
                + ("已满" if gap > min_years else "不满")
                + f" {min_years} 年"
            )
            return gap > min_years
        ex.step(
            f"原项目 {inputs.in_use_since_year} 年建成投入使用，是否满 {min_years} 年取决于投入使用的月份"
        )
        return None
    if inputs.years_in_use is None:
        ex.step("需说明原项目建成投入使用的年限（或投入使用的日期）")
        return None
    ex.step(f"原项目已投入使用 {inputs.years_in_use:g} 年")
    return inputs.years_in_use >= min_years
