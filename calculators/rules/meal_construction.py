"""西民发〔2024〕1号 第二十条 养老助餐服务单位建设补贴 (central kitchens, meal points, same-site renovation)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, explain, yuan
from calculators.params import Param
from calculators.rules.meal_common import (
    DOC,
    INSTITUTION_TYPES,
    POINT_LABELS,
    POINT_TYPE_HELP,
    PointType,
    minus_already_paid,
    tier_total,
    with_missing,
)
from core.schema import CalcResult

KITCHEN = "elderly_meal/central_kitchen_construction_tiers"
INSTITUTION_CAP = "elderly_meal/institution_point_construction_cap"
COMMUNITY_CAP = "elderly_meal/community_point_construction_cap"
EXCLUDED = "elderly_meal/construction_excluded_types"
RENOVATION = "elderly_meal/renovation_full_standard_years"

PROCESS = {
    "原则": "先建后补：建设完成后向属地街道提交建设补贴申请材料（第二十条（一））",
    "受理": "属地街道在10个工作日内完成审核，通过后提交区民政局",
    "发放": "经区民政局聘请的第三方会计师事务所审定后由区民政局统一发放；逐月申请、逐月发放，于每月25日前发放",
    "申报表": "附件2 西城区养老助餐点建设补贴申报表（改造方案、建设改造投资明细表、运营情况报告等）",
}

_MAX_YUAN = 10**8
_MAX_ORDERS = 10**8
_MAX_YEARS = 10**2


class KitchenInputs(BaseModel):
    first_year_orders: int = Field(
        ..., ge=0, le=_MAX_ORDERS, description="老年餐集中配送单位投入运营第一年的养老助餐服务量（单）"
    )
    already_received_yuan: float | None = Field(
        None, ge=0, le=_MAX_YUAN, description="此前按较低档已领取的建设补贴（元），用于梯度补差"
    )


@calculator(
    name="meal_construction_central_kitchen",
    title="老年餐集中配送单位建设补贴（按第一年服务量分档）",
    doc_no=DOC,
    article="第二十条（二）",
    inputs=KitchenInputs,
    params=[KITCHEN],
)
def construction_central_kitchen(inputs: KitchenInputs, as_of: date, params) -> CalcResult:
    """第二十条（二）：运营第一年服务量达 5/10/15/20 万单（含）补贴总额 10/20/30/50 万元，即达即补、梯度补差 (2024-03-01 起)."""
    ex = explain("meal_construction_central_kitchen", inputs, as_of)
    p = ex.value(params[KITCHEN])
    ex.step("老年餐集中配送单位在建设完成且投入运营后，按运营第一年的养老助餐服务量给予建设补贴")
    total = tier_total(ex, p["tiers"], inputs.first_year_orders, "运营第一年服务量")
    amount = minus_already_paid(ex, total, inputs.already_received_yuan, "建设补贴")
    ex.extra.update(PROCESS)
    return ex.result(amount, total > 0)


class PointInputs(BaseModel):
    point_type: PointType = Field(..., description=POINT_TYPE_HELP)
    investment_yuan: float | None = Field(
        None, ge=0, le=_MAX_YUAN, description="必要的适老化改造和运营设施设备配置投入（元）"
    )


def _point_cap(ex: Explain, params: dict[str, Param], point_type: str) -> float | None:
    """The cap for institution/meal-center points and community points; None for other types."""
    if point_type in INSTITUTION_TYPES:
        return ex.value(params[INSTITUTION_CAP])["cap"]
    if point_type == "community_point":
        return ex.value(params[COMMUNITY_CAP])["cap"]
    return None


def _excluded(ex: Explain, params: dict[str, Param], point_type: str) -> bool:
    if point_type in ex.value(params[EXCLUDED])["excluded"]:
        ex.step(
            f"{POINT_LABELS[point_type]}属于第二十条（六）所列社会化餐饮服务单位和社会单位内部食堂，暂不享受建设补贴"
        )
        return True
    return False


@calculator(
    name="meal_construction_point",
    title="养老助餐点建设补贴（养老服务机构、老年配餐中心、社区养老助餐点）",
    doc_no=DOC,
    article="第二十条（三）（四）（六）",
    inputs=PointInputs,
    params=[INSTITUTION_CAP, COMMUNITY_CAP, EXCLUDED],
)
def construction_point(inputs: PointInputs, as_of: date, params) -> CalcResult:
    """第二十条（三）最高5万元、（四）社区养老助餐点最高2万元、（六）餐饮企业和单位食堂不享受 (2024-03-01 起)."""
    ex = explain("meal_construction_point", inputs, as_of)
    kind = inputs.point_type
    label = POINT_LABELS[kind]
    if _excluded(ex, params, kind):
        return ex.result(0, False)
    if kind == "central_kitchen":
        ex.step(
            "老年餐集中配送单位按运营第一年服务量分档补贴（第二十条（二）），请用“老年餐集中配送单位建设补贴”计算"
        )
        return ex.result(None, True)
    cap = _point_cap(ex, params, kind)
    ex.step(f"{label}进行必要的适老化改造、配置运营设施设备，建设补贴最高限额 {yuan(cap)}")
    ex.extra.update(PROCESS)
    if inputs.investment_yuan is None:
        ex.step(f"未提供改造和设备投入金额，最多可得 {yuan(cap)}")
        return with_missing(ex.result(None, True), [PointInputs.model_fields["investment_yuan"].description])
    amount = min(inputs.investment_yuan, cap)
    if inputs.investment_yuan > cap:
        ex.step(f"投入 {yuan(inputs.investment_yuan)} 超过最高限额，按上限计 {yuan(cap)}")
    else:
        ex.step(f"投入 {yuan(inputs.investment_yuan)} 未超过最高限额 {yuan(cap)}，按投入计 {yuan(amount)}")
    return ex.result(amount, True)


class RenovationInputs(BaseModel):
    point_type: PointType = Field(..., description=POINT_TYPE_HELP)
    years_in_use: float = Field(
        ..., ge=0, le=_MAX_YEARS, description="原项目建成投入使用的年限（年），至同址改造时"
    )
    previous_subsidy_yuan: float = Field(
        ..., ge=0, le=_MAX_YUAN, description="原项目已享受的建设补贴（元），未享受填0"
    )
    investment_yuan: float | None = Field(
        None, ge=0, le=_MAX_YUAN, description="本次必要的适老化改造和运营设施设备配置投入（元）"
    )
    first_year_orders: int | None = Field(
        None, ge=0, le=_MAX_ORDERS, description="老年餐集中配送单位：改造后运营第一年养老助餐服务量（单）"
    )


@calculator(
    name="meal_construction_renovation",
    title="养老助餐点同址改造建设补贴（满三年按标准、三年以内补差）",
    doc_no=DOC,
    article="第二十条（五）",
    inputs=RenovationInputs,
    params=[RENOVATION, KITCHEN, INSTITUTION_CAP, COMMUNITY_CAP, EXCLUDED],
)
def construction_renovation(inputs: RenovationInputs, as_of: date, params) -> CalcResult:
    """第二十条（五）：原已享受补贴且投入使用三年以上的同址改造按标准执行，三年以内按“补差原则” (2024-03-01 起)."""
    ex = explain("meal_construction_renovation", inputs, as_of)
    kind = inputs.point_type
    if _excluded(ex, params, kind):
        return ex.result(0, False)
    min_years = ex.value(params[RENOVATION])["full_standard_min_years"]
    if kind == "central_kitchen":
        if inputs.first_year_orders is None:
            ex.step("老年餐集中配送单位的标准按运营第一年服务量分档确定，需提供服务量")
            return with_missing(
                ex.result(None, True), [RenovationInputs.model_fields["first_year_orders"].description]
            )
        standard = tier_total(
            ex, ex.value(params[KITCHEN])["tiers"], inputs.first_year_orders, "运营第一年服务量"
        )
    else:
        cap = _point_cap(ex, params, kind)
        if inputs.investment_yuan is None:
            ex.step(f"{POINT_LABELS[kind]}建设补贴标准为最高 {yuan(cap)}，需提供本次改造投入")
            return with_missing(
                ex.result(None, True), [RenovationInputs.model_fields["investment_yuan"].description]
            )
        standard = min(inputs.investment_yuan, cap)
        ex.step(
            f"按标准：投入 {yuan(inputs.investment_yuan)}，最高限额 {yuan(cap)}，标准金额 {yuan(standard)}"
        )
    years = inputs.years_in_use
    ex.extra.update(PROCESS)
    if years >= min_years:
        ex.step(
            f"原项目已投入使用 {years:g} 年，满 {min_years} 年（含），同址改造参照标准执行：{yuan(standard)}"
        )
        return ex.result(standard, standard > 0)
    amount = max(standard - inputs.previous_subsidy_yuan, 0)
    ex.step(
        f"原项目投入使用 {years:g} 年，不满 {min_years} 年，按“补差原则”："
        f"{yuan(standard)} − 原已享受 {yuan(inputs.previous_subsidy_yuan)} = {yuan(amount)}"
    )
    return ex.result(amount, amount > 0)
