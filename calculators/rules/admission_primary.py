"""西教发〔2024〕7号 三（一）1: who may apply for a Xicheng primary school in 2024 (age and the six conditions)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import REGISTRY, Explain
from calculators.kit import Conditions, all_of, any_of, cn
from calculators.rules.admission_common import (
    HUKOU_LABEL,
    BirthDate,
    GuardianOwnsHome,
    Hukou,
    P,
    check_birth_date,
    checklist,
    hukou_now,
    primary_rule,
)
from calculators.rules.admission_route import RouteInputs
from core.schema import CalcResult

BIRTH = P + "primary_birth_cutoff"
CONDITIONS = P + "primary_conditions"
OVERAGE = P + "overage_children"
SCHEDULE = P + "primary_schedule"
ART = "三（一）1"

NOTES = (
    "烈士子女、台籍学生、华侨子女、现役军人子女、全国劳动模范子女按有关规定在同等条件下给予照顾；"
    "区及以上人民政府引进人才等人员子女按有关规定办理（五（一））。残疾儿童少年可到特殊教育学校登记入学，"
    "符合随班就读条件的可就近就便在普通中小学校随班就读（五（三））。"
)


class PrimaryInputs(BaseModel):
    birth_date: BirthDate = None
    hukou_type: Hukou = None
    guardian_owns_home_in_xicheng: GuardianOwnsHome = None
    lives_in_xicheng: bool | None = Field(None, description="适龄儿童是否实际居住在西城区")
    guardian_collective_hukou_works_at_unit: bool | None = Field(
        None, description="法定监护人是否至少一方为该单位集体户籍并在户籍所在单位工作（集体户籍适用）"
    )
    guardian_works_in_xicheng: bool | None = Field(
        None, description="法定监护人是否在西城区工作（按本市户籍对待的适用）"
    )
    has_nonlocal_approval: bool | None = Field(
        None,
        description="是否已取得居住地街道办事处开具的《非本市户籍适龄儿童在西城区就读批准书》（非本市户籍适用）",
    )
    # 五（六）（七）: facts that decide the way of entry (admission_primary_route), read when stated
    home_certificate_date: date | None = RouteInputs.model_fields["home_certificate_date"]
    home_certificate_year: int | None = RouteInputs.model_fields["home_certificate_year"]
    hukou_moved_from_other_district: bool | None = RouteInputs.model_fields["hukou_moved_from_other_district"]
    hukou_moved_in_date: date | None = RouteInputs.model_fields["hukou_moved_in_date"]
    hukou_moved_in_year: int | None = RouteInputs.model_fields["hukou_moved_in_year"]
    # 五（二）（五）: the address's earlier use and a no-home family, when the question asks the way of entry too
    no_home_family: bool | None = RouteInputs.model_fields["no_home_family"]
    address_used_before: bool | None = RouteInputs.model_fields["address_used_before"]
    address_used_on: date | None = RouteInputs.model_fields["address_used_on"]
    address_user_is_sibling: bool | None = RouteInputs.model_fields["address_user_is_sibling"]


ROUTE_FACTS = (
    "home_certificate_date",
    "home_certificate_year",
    "hukou_moved_in_date",
    "hukou_moved_in_year",
    "address_used_before",
)
# 三（一）2⑤: a collective or public hukou in Xicheng decides the way of entry by itself (全区派位)
HUKOU_DECIDES_ROUTE = ("xicheng_collective", "xicheng_public")


def _age(c: Conditions, inputs: PrimaryInputs, rule: dict, overage_before: date) -> None:
    """Old enough: born on or before the cut-off, i.e. `age` years old by then."""
    cutoff, age = rule["born_on_or_before"], rule["age"]
    name = f"年满{age}周岁"
    birth = inputs.birth_date
    if birth is None and inputs.hukou_type == "non_beijing" and inputs.has_nonlocal_approval:
        # the approval letter is issued only after the birth date passed the 8号 review (一、三（三）1)
        c.add(True, name, detail="已取得就读批准书，出生日期已经审核（西教发〔2024〕8号 一）", article=ART)
        return
    if birth is None:
        c.add(
            None, name, detail=f"须{cn(cutoff)}以前出生；未提供出生日期", article=ART, fields=("birth_date",)
        )
        return
    if birth > cutoff:
        c.add(
            False,
            name,
            detail=f"出生于{cn(birth)}，晚于{cn(cutoff)}，{cutoff.year + age}年未满{age}周岁，不能申请入小学",
            article=ART,
        )
        return
    c.add(True, name, detail=f"出生于{cn(birth)}，不晚于{cn(cutoff)}", article=ART)
    if birth < overage_before:
        c.ex.warn(
            f"出生于{cn(overage_before)}以前，属超龄儿童：本市户籍的须在规定时间内向区教育行政部门提交入学材料，"
            "经审核通过后完成学龄人口信息采集，入学方式与其他适龄儿童相同（五（四））"
        )


def _lives_and_works(c: Conditions, name: str, detail: str, works_field: str, not_working: str) -> None:
    """Living in Xicheng and the guardian's work condition, both required (集体户籍、按本市户籍对待)."""
    live, works = c.inputs.lives_in_xicheng, getattr(c.inputs, works_field)
    detail += ("；未实际居住在西城区" if live is False else "") + (not_working if works is False else "")
    c.add(all_of([live, works]), name, detail=detail, article=ART, fields=("lives_in_xicheng", works_field))


def _category(c: Conditions, inputs: PrimaryInputs, labels: dict) -> None:
    """The one of ①–⑥ that fits the child's hukou type."""
    name = "户籍与居住条件（六项之一）"
    h = inputs.hukou_type
    if h is None:
        c.add(
            None, name, detail="未提供户籍类型，无法判断适用哪一项条件", article=ART, fields=("hukou_type",)
        )
        return
    own, live = inputs.guardian_owns_home_in_xicheng, inputs.lives_in_xicheng
    what = f"户籍类型为{HUKOU_LABEL[h]}"
    match h:
        case "xicheng_personal":
            met = any_of([own, live])
            if own:
                detail = f"{what}，法定监护人在西城区有独立产权房，符合{labels['own_home']}"
            elif live:
                detail = f"{what}，实际居住在西城区，符合{labels['xicheng_personal']}"
            elif met is False:
                detail = f"{what}，但法定监护人在西城区无独立产权房，且未实际居住在西城区（①②均不符合）"
            else:
                detail = f"{what}，须法定监护人在西城区有独立产权房（①）或实际居住在西城区（②）"
            c.add(
                met,
                name,
                detail=detail,
                article=ART,
                fields=("guardian_owns_home_in_xicheng", "lives_in_xicheng"),
            )
        case "beijing_other_personal":
            detail = f"{what}，只能依据{labels['own_home']}申请"
            if own is not None:
                detail += "，法定监护人在西城区有独立产权房" if own else "，但法定监护人在西城区无独立产权房"
            c.add(own, name, detail=detail, article=ART, fields=("guardian_owns_home_in_xicheng",))
        case "xicheng_collective":
            works = "guardian_collective_hukou_works_at_unit"
            _lives_and_works(c, name, f"{what}，须{labels['xicheng_collective']}", works,
                             "；法定监护人均不是该单位集体户籍或不在户籍所在单位工作")  # fmt: skip
        case "xicheng_public":
            detail = f"{what}，须{labels['xicheng_public']}" + (
                "；未实际居住在西城区" if live is False else ""
            )
            c.add(live, name, detail=detail, article=ART, fields=("lives_in_xicheng",))
        case "treated_as_beijing":
            _lives_and_works(c, name, f"{what}，须{labels['treated_as_beijing']}", "guardian_works_in_xicheng",
                             "；法定监护人不在西城区工作")  # fmt: skip
        case "non_beijing":
            got = inputs.has_nonlocal_approval
            detail = f"{what}，须{labels['non_beijing']}"
            if got is False:
                detail += "；尚未取得批准书"
            elif got is None:
                detail += "（批准书按西教发〔2024〕8号审核后开具，可用 admission_nonlocal_* 各项自查）"
            c.add(got, name, detail=detail, article=ART, fields=("has_nonlocal_approval",))
        case _:
            c.add(False, name, detail=f"{what}，不属于①—⑥中的任何一项", article=ART)


@primary_rule(
    title="小学入学条件（年满6周岁及六项条件之一）",
    article=ART,
    params=[BIRTH, CONDITIONS, OVERAGE, SCHEDULE],
)
def admission_primary_eligibility(ex: Explain, inputs: PrimaryInputs) -> CalcResult:
    """三（一）1: 年满6周岁（2018年8月31日以前出生）且满足①—⑥之一；五（四）超龄儿童另行审核。2024年入学适用."""
    check_birth_date(inputs.birth_date, ex.as_of)
    inputs = hukou_now(ex, inputs)
    c = checklist(ex, inputs)
    birth_rule = ex.value(BIRTH)
    _age(c, inputs, birth_rule, ex.value(OVERAGE)["born_before"])
    _category(c, inputs, ex.value(CONDITIONS)["conditions"])
    s = ex.value(SCHEDULE)
    ex.extra["办理"] = (
        f"法定监护人或其授权委托人须在{cn(s['info_collection_from'])}至{cn(s['info_collection_to'])}登录北京市义务教育"
        "入学服务平台完成学龄人口信息采集，审核通过后打印《学龄人口信息采集表》确认（三（一）2、附件1）；"
        f"咨询热线 {s['hotline']}"
    )
    ex.extra["另见"] = NOTES + "入学方式（片区内登记入学或多校划片）见 admission_primary_route。"
    if c.verdict is not False:
        _route(ex, inputs)
    return c.conclude()


def _route(ex: Explain, inputs: PrimaryInputs) -> None:
    """Several rules in one question: when a stated fact (a home certificate or a hukou move date) decides the
    way of entry (五（六）（七）), the way is given with the eligibility, from admission_primary_route."""
    given = inputs.model_dump(exclude_none=True)
    if not any(f in given for f in ROUTE_FACTS) and inputs.hukou_type not in HUKOU_DECIDES_ROUTE:
        return
    calc = REGISTRY["admission_primary_route"]
    route = calc.run({k: v for k, v in given.items() if k in calc.inputs.model_fields}, ex.as_of)
    way = (route.extra or {}).get("入学方式")
    if way:
        decided = [s for s in route.steps if s.startswith("不符合")]
        ex.step(f"入学方式（{calc.article}）：{way}" + (f"（{decided[0]}）" if decided else ""))
        ex.extra["入学方式"] = way
