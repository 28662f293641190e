"""西民发〔2024〕1号 第三条 基本养老服务对象 and 第二十一条 就餐补贴."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, explain, yuan
from calculators.params import Param
from calculators.rules.meal_common import DOC, all3, any3, with_missing
from core.schema import CalcResult

RECIPIENT = "elderly_meal/basic_service_recipient"
MIN_AGE = "elderly_meal/service_min_age"
DINING = "elderly_meal/dining_subsidy"
SPEND_RULE = "elderly_meal/dining_spend_rule"
CARE_HOME = "elderly_meal/dining_care_home_exclusion"

_MAX_AGE = 15 * 10
_MAX_DAYS = 12 * 31

FamilyType = Literal["dibao", "low_income", "family_planning_special", "other"]
FAMILY_LABELS = {
    "dibao": "低保家庭",
    "low_income": "低收入家庭",
    "family_planning_special": "计划生育特殊家庭",
    "other": "其他家庭",
}


def _yn(v: bool | None) -> str:
    return {True: "是", False: "否", None: "未知"}[v]


class RecipientInputs(BaseModel):
    beijing_hukou: bool | None = Field(None, description="是否具有北京市户籍")
    lives_in_xicheng: bool | None = Field(None, description="是否居住在西城区（经常居住地在西城区）")
    age: int | None = Field(None, ge=0, le=_MAX_AGE, description="老年人年龄（周岁）")
    te_kun: bool | None = Field(None, description="是否为城乡特困老年人")
    family_type: FamilyType | None = Field(
        None,
        description="家庭类型：dibao=低保家庭，low_income=低收入家庭，"
        "family_planning_special=计划生育特殊家庭，other=其他家庭",
    )
    disabled: bool | None = Field(None, description="是否失能")
    dementia: bool | None = Field(None, description="是否失智")
    advanced_age: bool | None = Field(
        None, description="是否属于高龄老年人（本细则未界定高龄的年龄标准，以民政部门认定为准）"
    )
    severe_disability: bool | None = Field(None, description="是否为重度残疾")


def assess_recipient(
    ex: Explain, params: dict[str, Param], i: RecipientInputs
) -> tuple[bool | None, list[str]]:
    """第三条 第一款: Beijing hukou, living in Xicheng, aged, and in one of the four groups."""
    poor_types = ex.value(params[RECIPIENT])["poor_family_types"]
    min_age = ex.value(params[MIN_AGE])["min_age"]
    fields = RecipientInputs.model_fields
    unknown: list[str] = []

    def known(name: str, v):
        if v is None:
            unknown.append(fields[name].description)
        return v

    hukou = known("beijing_hukou", i.beijing_hukou)
    lives = known("lives_in_xicheng", i.lives_in_xicheng)
    old = None if known("age", i.age) is None else i.age >= min_age
    ex.step(f"具有北京市户籍：{_yn(hukou)}；居住在西城区：{_yn(lives)}")
    ex.step(f"年满 {min_age} 周岁：{_yn(old)}" + (f"（{i.age} 周岁）" if i.age is not None else ""))

    family = i.family_type
    poor = None if family is None else family in poor_types
    special = None if family is None else family == "family_planning_special"
    poor_and_old = all3([poor, i.advanced_age])
    groups = {
        "城乡特困老年人": i.te_kun,
        "低保或低收入家庭的高龄老年人": poor_and_old,
        "计划生育特殊家庭老年人": special,
        "失能老年人": i.disabled,
        "失智老年人": i.dementia,
        "重度残疾老年人": i.severe_disability,
    }
    in_group = any3(list(groups.values()))
    met = [k for k, v in groups.items() if v is True]
    if in_group is True:
        ex.step(f"属于第三条所列人群：{'、'.join(met)}")
    elif in_group is False:
        family_text = FAMILY_LABELS[family] if family else ""
        ex.step(
            f"不属于第三条所列任何人群（{family_text}，非特困、非失能、非失智、非重度残疾，也非低保/低收入家庭高龄老年人）"
        )
    else:
        ex.step(
            f"是否属于第三条所列人群尚不能确定，未知：{'、'.join(k for k, v in groups.items() if v is None)}"
        )
        for name, v in (
            ("te_kun", i.te_kun),
            ("family_type", family),
            ("disabled", i.disabled),
            ("dementia", i.dementia),
            ("severe_disability", i.severe_disability),
        ):
            known(name, v)
        if poor is not False:
            known("advanced_age", i.advanced_age)
    result = all3([hukou, lives, old, in_group])
    needed = [] if result is not None else unknown
    return result, needed


@calculator(
    name="meal_basic_service_recipient",
    title="是否属于养老助餐基本养老服务对象",
    doc_no=DOC,
    article="第三条 第一款",
    inputs=RecipientInputs,
    params=[RECIPIENT, MIN_AGE],
)
def basic_service_recipient(inputs: RecipientInputs, as_of: date, params) -> CalcResult:
    """第三条 第一款：北京市户籍且居住在西城区的特困、低保/低收入失能失智高龄、计生特殊家庭、失能失智重残老年人 (2024-03-01 起)."""
    ex = explain("meal_basic_service_recipient", inputs, as_of)
    eligible, needed = assess_recipient(ex, params, inputs)
    ex.step(
        {
            True: "结论：属于基本养老服务对象",
            False: "结论：不属于基本养老服务对象",
            None: "结论：尚需补充信息",
        }[eligible]
    )
    ex.extra["身份认证"] = (
        "首次订餐前需在养老助餐服务管理平台绑定账户、北京通—养老助残卡和手机号码，完成基本养老服务对象身份认证（第十三条）"
    )
    return with_missing(ex.result(None, eligible), needed)


class DiningInputs(RecipientInputs):
    confirmed_basic_recipient: bool | None = Field(
        None, description="是否已被认定为基本养老服务对象（已在养老助餐服务管理平台完成身份认证）"
    )
    lives_in_care_home: bool | None = Field(None, description="是否入住养老机构")
    meal_spend_yuan: float | None = Field(
        None, gt=0, le=10**4, description="一餐（午餐或晚餐）在养老助餐点的消费金额（元）"
    )
    days: int = Field(1, ge=1, le=_MAX_DAYS, description="按此消费额就餐的天数（每人每天限一餐）")


@calculator(
    name="meal_dining_subsidy",
    title="基本养老服务对象就餐补贴",
    doc_no=DOC,
    article="第二十一条",
    inputs=DiningInputs,
    params=[DINING, SPEND_RULE, CARE_HOME, RECIPIENT, MIN_AGE],
)
def dining_subsidy(inputs: DiningInputs, as_of: date, params) -> CalcResult:
    """第二十一条：每人每天5元午餐或晚餐补贴；消费须超过补贴标准；入住养老机构者不享受 (2024-03-01 起)."""
    ex = explain("meal_dining_subsidy", inputs, as_of)
    per_day = ex.value(params[DINING])["per_day"]
    ex.value(params[SPEND_RULE])
    ex.value(params[CARE_HOME])
    ex.extra["扣减方式"] = (
        "就餐补贴在老年人付费时自动扣减，由养老助餐点先行垫付；逐月核算，次月25日前发放给养老助餐点"
    )
    ex.extra["人户分离"] = "人户分离的老年人，就餐补贴由经常居住地所在区负责统筹解决"
    needed: list[str] = []
    if inputs.confirmed_basic_recipient:
        ex.step("已认定为基本养老服务对象（北京市户籍并居住在西城区）")
        recipient = True
    else:
        recipient, needed = assess_recipient(ex, params, inputs)
    care = inputs.lives_in_care_home
    if care is None:
        needed.append(DiningInputs.model_fields["lives_in_care_home"].description)
        ex.step("是否入住养老机构：未知（入住养老机构的不享受）")
    elif care:
        ex.step("已入住养老机构，不享受就餐补贴")
    else:
        ex.step("未入住养老机构")
    person = all3([recipient, None if care is None else not care])
    if person is False:
        ex.step("结论：不享受就餐补贴")
        return ex.result(0, False)
    if person is None:
        ex.step(f"如符合条件，每人每天可享受 {yuan(per_day)} 的午餐或晚餐就餐补贴")
        return with_missing(ex.result(None, None), needed)
    if inputs.meal_spend_yuan is None:
        ex.step(f"每人每天可享受 {yuan(per_day)} 的午餐或晚餐就餐补贴，一餐消费须超过 {yuan(per_day)}")
        return with_missing(ex.result(None, True), [DiningInputs.model_fields["meal_spend_yuan"].description])
    spend = inputs.meal_spend_yuan
    if spend <= per_day:
        ex.step(f"一餐消费 {yuan(spend)} 未超过补贴标准 {yuan(per_day)}，不享受就餐补贴")
        return ex.result(0, False)
    amount = per_day * inputs.days
    ex.step(
        f"一餐消费 {yuan(spend)} 超过补贴标准 {yuan(per_day)}，每天自动扣减 {yuan(per_day)}，本人实付 {yuan(spend - per_day)}"
    )
    ex.step(f"{inputs.days} 天 × {yuan(per_day)}/天 = {yuan(amount)}")
    return ex.result(amount, True)
