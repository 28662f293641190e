"""西民发〔2024〕1号 第三条 基本养老服务对象 and 第二十一条 就餐补贴."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from calculators.base import Explain
from calculators.kit import all_of, any_of, negate, per_unit, with_missing, yuan
from calculators.kit.bounds import (
    MAX_AGE_YEARS,
    MAX_MEAL_DAYS,
    MAX_MEAL_PERSONS,
    MAX_MEAL_YUAN,
    MAX_SMALL_YUAN,
)
from calculators.rules.meal_common import meal
from core.schema import CalcResult

RECIPIENT = "elderly_meal/basic_service_recipient"
MIN_AGE = "elderly_meal/service_min_age"
DINING = "elderly_meal/dining_subsidy"
SPEND_RULE = "elderly_meal/dining_spend_rule"
CARE_HOME = "elderly_meal/dining_care_home_exclusion"
PAYMENT = "elderly_meal/dining_payment_schedule"

FamilyType = Literal["dibao", "low_income", "family_planning_special", "other"]
FAMILY_LABELS = {
    "dibao": "低保家庭",
    "low_income": "低收入家庭",
    "family_planning_special": "计划生育特殊家庭",
    "other": "其他家庭",
}
YES_NO = {True: "是", False: "否", None: "未知"}


class RecipientInputs(BaseModel):
    beijing_hukou: bool | None = Field(None, description="是否具有北京市户籍")
    lives_in_xicheng: bool | None = Field(None, description="是否居住在西城区（经常居住地在西城区）")
    xicheng_hukou: bool | None = Field(
        None, description="户口是否在西城区（未说明居住地时，按居住在户籍所在地西城区计并注明尚需确认）"
    )
    age: int | None = Field(None, ge=0, le=MAX_AGE_YEARS, description="老年人年龄（周岁）")
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


def _unknown(i: RecipientInputs, names: tuple[str, ...]) -> dict[str, str]:
    fields = type(i).model_fields
    return {n: fields[n].description for n in names if getattr(i, n) is None}


def _groups(ex: Explain, i: RecipientInputs, poor_types: list[str]) -> tuple[bool | None, dict[str, str]]:
    """第三条: one of the groups (特困、低保/低收入高龄、计生特殊、失能、失智、重残); what is unknown about them."""
    family = i.family_type
    poor = None if family is None else family in poor_types
    te_kun = i.te_kun
    if te_kun is None and family == "other":
        # 第三条 lists 特困 beside 低保、低收入、计生特殊 and then “其他家庭”: an other family is none of them.
        te_kun = False
        ex.step("家庭为其他家庭（非低保、非低收入、非计生特殊家庭），按第三条的分类亦非城乡特困")
    elif te_kun is None and family in poor_types:
        # 第三条 names 城乡特困老年人 and 低保和低收入家庭的…老年人 as separate groups: a 低保/低收入 family's
        # elder is read as that group, not as 特困 (who are supported as 特困, not as a 低保 household).
        te_kun = False
        ex.step(f"家庭为{FAMILY_LABELS[family]}，按第三条分列的人群，按低保/低收入家庭老年人认定，非城乡特困")
    groups = {
        "城乡特困老年人": te_kun,
        "低保或低收入家庭的高龄老年人": all_of([poor, i.advanced_age]),
        "计划生育特殊家庭老年人": None if family is None else family == "family_planning_special",
        "失能老年人": i.disabled,
        "失智老年人": i.dementia,
        "重度残疾老年人": i.severe_disability,
    }
    in_group = any_of(groups.values())
    if in_group is True:
        ex.step(f"属于第三条所列人群：{'、'.join(k for k, v in groups.items() if v is True)}")
    elif in_group is False:
        ex.step(
            f"不属于第三条所列任何人群（{FAMILY_LABELS[family] if family else ''}，非特困、非失能、非失智、非重度残疾，"
            "也非低保/低收入家庭高龄老年人）"
        )
    else:
        ex.step(
            f"是否属于第三条所列人群尚不能确定，未知：{'、'.join(k for k, v in groups.items() if v is None)}"
        )
    unknown = (
        {}
        if in_group is not None
        else _unknown(i, ("family_type", "disabled", "dementia", "severe_disability"))
        | ({} if te_kun is not None else _unknown(i, ("te_kun",)))
    )
    if in_group is None and poor is not False:
        unknown |= _unknown(i, ("advanced_age",))
    return in_group, unknown


def assess_recipient(ex: Explain, i: RecipientInputs) -> tuple[bool | None, dict[str, str]]:
    """第三条 第一款: Beijing hukou, living in Xicheng, aged, and in one of the groups; what is still needed."""
    poor_types = ex.value(RECIPIENT)["poor_family_types"]
    min_age = ex.value(MIN_AGE)["min_age"]
    old = None if i.age is None else i.age >= min_age
    if i.lives_in_xicheng is None and i.xicheng_hukou:
        # the 户籍 is where a person is presumed to live unless they say 人户分离
        ex.warn(
            "尚需确认：未说明经常居住地，按居住在户籍所在地西城区计；经常居住地不在西城区的，由经常居住地所在区负责"
        )
        i = i.model_copy(update={"lives_in_xicheng": True, "beijing_hukou": True})
    elif i.beijing_hukou is None and i.xicheng_hukou:
        i = i.model_copy(update={"beijing_hukou": True})
    ex.step(f"具有北京市户籍：{YES_NO[i.beijing_hukou]}；居住在西城区：{YES_NO[i.lives_in_xicheng]}")
    ex.step(f"年满 {min_age} 周岁：{YES_NO[old]}" + (f"（{i.age} 周岁）" if i.age is not None else ""))
    in_group, unknown = _groups(ex, i, poor_types)
    result = all_of([i.beijing_hukou, i.lives_in_xicheng, old, in_group])
    if result is None and old is None and all_of([i.beijing_hukou, i.lives_in_xicheng, in_group]):
        # 第三条's groups are all 老年人 (失能老年人, 特困老年人 …): an unstated age is presumed, and said so.
        ex.warn(
            f"尚需确认：未说明年龄，按年满 {min_age} 周岁的老年人计；不满 {min_age} 周岁的不属于基本养老服务对象"
        )
        return True, {}
    return result, (
        {} if result is not None else _unknown(i, ("beijing_hukou", "lives_in_xicheng", "age")) | unknown
    )


@meal(
    title="是否属于养老助餐基本养老服务对象",
    article="第三条 第一款",
    params=[RECIPIENT, MIN_AGE],
    audience="resident",
    kind="eligibility",
)
def meal_basic_service_recipient(ex: Explain, inputs: RecipientInputs) -> CalcResult:
    """第三条 第一款：北京市户籍且居住在西城区的特困、低保/低收入失能失智高龄、计生特殊家庭、失能失智重残老年人 (2024-03-01 起)."""
    eligible, needed = assess_recipient(ex, inputs)
    verdict = {True: "属于基本养老服务对象", False: "不属于基本养老服务对象", None: "尚需补充信息"}
    ex.step(f"结论：{verdict[eligible]}")
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
        None, gt=0, le=MAX_MEAL_YUAN, description="一餐（午餐或晚餐）在养老助餐点的消费金额（元）"
    )
    days: int = Field(1, ge=1, le=MAX_MEAL_DAYS, description="按此消费额就餐的天数（每人每天限一餐）")
    other_meal_same_day: bool = Field(
        False,
        description="有几天午餐、晚餐都在助餐点吃（每人每天只补一次）：“其中N天晚饭也在那儿吃”的N天不是低消费的天数",
    )
    total_spend_yuan: float | None = Field(
        None,
        gt=0,
        le=MAX_SMALL_YUAN,
        description="这些天就餐一共花的钱（元）：不是一餐的消费，按天数（和人数）平均后只作估计",
    )
    spend_over_standard: bool | None = Field(
        None, description="一餐消费是否超过就餐补贴标准（如“每顿十几块”，未给出确切金额时）"
    )
    low_spend_days: int = Field(
        0, ge=0, le=MAX_MEAL_DAYS, description="其中一餐消费未超过补贴标准的天数（这些天不享受）"
    )
    low_spend_yuan: float | None = Field(
        None, gt=0, le=MAX_MEAL_YUAN, description="消费未超过补贴标准的那几天一餐的消费金额（元）"
    )
    day_spends: (
        list[
            tuple[
                Annotated[int, Field(ge=1, le=MAX_MEAL_DAYS)], Annotated[float, Field(gt=0, le=MAX_MEAL_YUAN)]
            ]
        ]
        | None
    ) = Field(
        None,
        description="几组天数各自的一餐消费（天数, 元），如“17天每顿14元，3天每顿4.5元”；其余天数按一餐消费金额计",
    )
    persons: int = Field(
        1, ge=1, le=MAX_MEAL_PERSONS, description="情况相同、各自就餐的老年人人数（每人每天分别计算）"
    )
    uses_meal_point: bool | None = Field(
        None,
        description="是否到养老助餐点（父母食堂）就餐或订餐：未说明是否入住养老机构时，按居家老年人计并注明尚需确认",
    )

    verdict_only: bool = Field(
        False, description="只问能否享受就餐补贴（是/否），不问金额：未说明一餐消费时不再追问"
    )
    # One household's elders, each with their own facts: 本人 and 老伴, or 父亲 and 母亲 (as a child tells it).
    self_age: int | None = Field(None, ge=0, le=MAX_AGE_YEARS, description="本人年龄（周岁）")
    self_te_kun: bool | None = Field(None, description="本人是否为城乡特困老年人")
    self_disabled: bool | None = Field(None, description="本人是否失能")
    self_dementia: bool | None = Field(None, description="本人是否失智")
    self_severe_disability: bool | None = Field(None, description="本人是否为重度残疾")
    partner_age: int | None = Field(None, ge=0, le=MAX_AGE_YEARS, description="老伴年龄（周岁）")
    partner_te_kun: bool | None = Field(None, description="老伴是否为城乡特困老年人")
    partner_disabled: bool | None = Field(None, description="老伴是否失能")
    partner_dementia: bool | None = Field(None, description="老伴是否失智")
    partner_severe_disability: bool | None = Field(None, description="老伴是否为重度残疾")
    dad_age: int | None = Field(None, ge=0, le=MAX_AGE_YEARS, description="父亲年龄（周岁）")
    dad_te_kun: bool | None = Field(None, description="父亲是否为城乡特困老年人")
    dad_disabled: bool | None = Field(None, description="父亲是否失能")
    dad_dementia: bool | None = Field(None, description="父亲是否失智")
    dad_severe_disability: bool | None = Field(None, description="父亲是否为重度残疾")
    mom_age: int | None = Field(None, ge=0, le=MAX_AGE_YEARS, description="母亲年龄（周岁）")
    mom_te_kun: bool | None = Field(None, description="母亲是否为城乡特困老年人")
    mom_disabled: bool | None = Field(None, description="母亲是否失能")
    mom_dementia: bool | None = Field(None, description="母亲是否失智")
    mom_severe_disability: bool | None = Field(None, description="母亲是否为重度残疾")

    @model_validator(mode="after")
    def _low_days_within_days(self):
        if self.low_spend_days > self.days:
            raise ValueError("消费未超过补贴标准的天数不能大于就餐天数")
        return self


def _recipient(ex: Explain, inputs: DiningInputs) -> tuple[bool | None, dict[str, str]]:
    """A confirmed recipient, or one the rules of 第三条 recognise; not living in a care home."""
    if inputs.confirmed_basic_recipient:
        ex.step("已认定为基本养老服务对象（北京市户籍并居住在西城区）")
        recipient, needed = True, {}
    else:
        recipient, needed = assess_recipient(ex, inputs)
    care = inputs.lives_in_care_home
    if care is None and inputs.uses_meal_point and recipient is not False:
        # The question is about a person eating at (or ordering from) a meal point: a 居家 elder unless stated.
        ex.warn(
            "尚需确认：未说明是否入住养老机构，按到养老助餐点就餐的居家老年人计；入住养老机构的不享受本补贴"
        )
        care = False
    if care is None:
        needed |= _unknown(inputs, ("lives_in_care_home",))
    ex.step({None: "是否入住养老机构：未知（入住养老机构的不享受）", True: "已入住养老机构，不享受就餐补贴",
             False: "未入住养老机构"}[care])  # fmt: skip
    return all_of([recipient, negate(care)]), needed


@meal(
    title="基本养老服务对象就餐补贴",
    article="第二十一条",
    params=[DINING, SPEND_RULE, CARE_HOME, RECIPIENT, MIN_AGE, PAYMENT],
    audience="resident",
    kind="amount",
)
def meal_dining_subsidy(ex: Explain, inputs: DiningInputs) -> CalcResult:
    """第二十一条：每人每天5元午餐或晚餐补贴；消费须超过补贴标准；入住养老机构者不享受 (2024-03-01 起)."""
    per_day = ex.value(DINING)["per_day"]
    ex.value(SPEND_RULE)
    ex.value(CARE_HOME)
    pay = ex.value(PAYMENT)
    ex.extra["扣减方式"] = (
        "就餐补贴在老年人付费时自动扣减，由养老助餐点先行垫付；逐月核算，"
        f"次月{pay['pay_by_day']}日前发放给养老助餐点"
    )
    ex.extra["人户分离"] = "人户分离的老年人，就餐补贴由经常居住地所在区负责统筹解决"
    person, needed, eligible_people = _household(ex, inputs)
    if person is False:
        ex.step("结论：不享受就餐补贴")
        return ex.result(0, False)
    if person is None:
        ex.step(f"如符合条件，每人每天可享受 {yuan(per_day)} 的午餐或晚餐就餐补贴")
        spend = inputs.meal_spend_yuan
        over = inputs.spend_over_standard if spend is None else spend > per_day
        if over and not inputs.day_spends and inputs.days > 1:
            # the conditional amount: what the open facts decide between (尚需确认)
            days = inputs.days - inputs.low_spend_days
            ex.step(
                f"尚需确认：如符合条件，{days} 天 × {yuan(per_day)} = 每人 {yuan(days * per_day)}；不符合则为 0元"
            )
        return with_missing(ex.result(None, None), needed)
    if inputs.day_spends:
        return _day_groups(ex, inputs, per_day, eligible_people)
    spend = inputs.meal_spend_yuan
    if spend is None and not inputs.low_spend_days:
        spend = inputs.low_spend_yuan  # "每天只花了13块": the only spend stated
    over = inputs.spend_over_standard if spend is None else spend > per_day
    if over is None and inputs.total_spend_yuan is not None:
        over = _over_on_average(ex, inputs, per_day)
    if over is None:
        ex.step(f"每人每天可享受 {yuan(per_day)} 的午餐或晚餐就餐补贴，一餐消费须超过 {yuan(per_day)}")
        if inputs.verdict_only:
            ex.step("结论：可以享受就餐补贴（一餐消费超过补贴标准时，付费时自动扣减）")
            return ex.result(None, True)
        return with_missing(ex.result(None, True), _unknown(inputs, ("meal_spend_yuan",)))
    if not over:
        ex.step(f"一餐消费 {yuan(spend or 0)} 未超过补贴标准 {yuan(per_day)}，不享受就餐补贴")
        return ex.result(0, False)
    if spend is None:
        ex.step(f"一餐消费超过补贴标准 {yuan(per_day)}，每天自动扣减 {yuan(per_day)}")
    else:
        ex.step(
            f"一餐消费 {yuan(spend)} 超过补贴标准 {yuan(per_day)}，每天自动扣减 {yuan(per_day)}，"
            f"本人实付 {yuan(spend - per_day)}"
        )
    return _days_and_persons(ex, inputs, per_day, eligible_people)


def _over_on_average(ex: Explain, inputs: DiningInputs, per_day: float) -> bool | None:
    """ "20天一共花了300块": a total over the days is no meal's spend. Its average per meal above the standard is
    taken as every meal above it, said as 尚需确认; an average at or below it cannot say which days were above."""
    meals = inputs.days * inputs.persons
    average = inputs.total_spend_yuan / meals
    ex.step(f"所说为 {meals} 餐一共花费 {yuan(inputs.total_spend_yuan)}，平均每餐 {yuan(round(average, 2))}")
    if average > per_day:
        ex.warn(
            f"尚需确认：按平均每餐 {yuan(round(average, 2))} 计，每餐消费均超过补贴标准 {yuan(per_day)}；"
            f"一餐消费未超过 {yuan(per_day)} 的那几天不享受"
        )
        return True
    ex.step(f"平均每餐未超过补贴标准 {yuan(per_day)}，哪几天的一餐超过标准尚不能确定")
    return None


OWN_FACTS = (
    "age",
    "te_kun",
    "disabled",
    "dementia",
    "severe_disability",
)  # one person's, not the household's
# The pairs of people a question can tell apart, and their labels.
HOUSEHOLDS = ({"self": "本人", "partner": "老伴"}, {"dad": "父亲", "mom": "母亲"})


def _stated(inputs: DiningInputs, role: str) -> bool:
    return any(getattr(inputs, f"{role}_{f}") is not None for f in OWN_FACTS)


def _household(ex: Explain, inputs: DiningInputs) -> tuple[bool | None, dict[str, str], int]:
    """One person, several in the same situation, or two elders each with their own facts (本人 and 老伴
    once the partner's are stated; 父亲 and 母亲 once both parents' are; either pair once several people
    eat and one of them has facts of their own): whether anyone qualifies, what is still needed, and how
    many qualify."""
    several = inputs.persons > 1  # "我俩各…": one person's own fact must not be taken for both
    if not several and _stated(inputs, "partner") and not _stated(inputs, "self"):
        # "我老伴今年69，重度残疾……上个月能补多少": the one elder asked about is the partner; the speaker who
        # tells it says nothing of their own and is not a second diner
        own = {f: getattr(inputs, f"partner_{f}") for f in OWN_FACTS}
        ex.step("所问为老伴一人的情况（未说明本人就餐）")
        person, needed = _recipient(
            ex, inputs.model_copy(update={k: v for k, v in own.items() if v is not None})
        )
        return person, needed, 1
    roles = next(
        (
            h
            for h in HOUSEHOLDS
            if (several and any(_stated(inputs, r) for r in h))
            or (_stated(inputs, "partner") if "partner" in h else all(_stated(inputs, r) for r in h))
        ),
        None,
    )
    if roles is None:
        person, needed = _recipient(ex, inputs)
        return person, needed, inputs.persons
    verdicts, needed = [], {}
    for role, label in roles.items():
        own = {f: getattr(inputs, f"{role}_{f}") for f in OWN_FACTS}
        ex.step(f"{label}：")
        person, more = _recipient(ex, inputs.model_copy(update=own))
        verdict = {True: "符合", False: "不符合", None: "尚不能确定是否符合"}[person]
        ex.step(f"{label}{verdict}就餐补贴条件")
        verdicts.append(person)
        needed |= {
            f"{role}_{k}" if k in own else k: f"{label}{v}" if k in own else v for k, v in more.items()
        }
    if None in verdicts:
        return None, needed, 0
    return any(verdicts), {}, sum(verdicts)


def _day_groups(ex: Explain, inputs: DiningInputs, per_day: float, people: int) -> CalcResult:
    """Days stated in groups, each with its own spend: only the days whose meal exceeded the standard count;
    days of a stated total beyond the groups are counted at the spend stated for them (else asked)."""
    counted = 0
    for days, spend in inputs.day_spends:
        over = spend > per_day
        counted += days if over else 0
        ex.step(
            f"{days} 天一餐 {yuan(spend)}："
            + (f"超过补贴标准 {yuan(per_day)}，享受" if over else f"未超过补贴标准 {yuan(per_day)}，不享受")
        )
    rest = inputs.days - sum(d for d, _ in inputs.day_spends)
    if rest > 0:
        spend = inputs.meal_spend_yuan
        over = inputs.spend_over_standard if spend is None else spend > per_day
        if over is None:
            ex.step(f"其余 {rest} 天未说明一餐消费")
            return with_missing(ex.result(None, True), _unknown(inputs, ("meal_spend_yuan",)))
        counted += rest if over else 0
        ex.step(f"其余 {rest} 天一餐消费" + ("超过" if over else "未超过") + f"补贴标准 {yuan(per_day)}")
    ex.step(f"享受就餐补贴的天数：{counted} 天")
    if counted == 0:
        return ex.result(0, False)
    each = per_unit(ex, counted, "天", per_day)
    return ex.result(each if people == 1 else per_unit(ex, people, "人", each), True)


def _days_and_persons(ex: Explain, inputs: DiningInputs, per_day: float, people: int) -> CalcResult:
    """每人每天一餐: the days whose meal exceeded the standard, for each person in the same situation."""
    if inputs.other_meal_same_day:
        ex.step(f"每人每天享受一次 {yuan(per_day)} 补贴（午餐或晚餐）：同一天吃两餐也只补一次")
        if inputs.low_spend_days and inputs.low_spend_yuan is None:
            # "其中有10天晚饭也在那儿吃": those days had a second meal, not a cheap one
            ex.step(f"其中 {inputs.low_spend_days} 天另吃的一餐不另补，这些天仍按一天计")
            inputs = inputs.model_copy(update={"low_spend_days": 0})
    days = inputs.days - inputs.low_spend_days
    if inputs.low_spend_days:
        ex.step(
            f"{inputs.days} 天中有 {inputs.low_spend_days} 天一餐消费未超过补贴标准 {yuan(per_day)}，不享受；"
            f"计 {days} 天"
        )
    if days == 0:
        return ex.result(0, False)
    each = per_unit(ex, days, "天", per_day)
    if people == 1:
        return ex.result(each, True)
    return ex.result(per_unit(ex, people, "人", each), True)
