"""西教发〔2024〕7号 三（一）1: who may apply for a Xicheng primary school in 2024 (age and the six conditions)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import calculator, explain
from calculators.rules.admission_common import (
    DOC7,
    HUKOU_DESC,
    HUKOU_LABEL,
    Checklist,
    HukouType,
    P,
    all_of,
    any_of,
    check_birth_date,
    cn,
)
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
    birth_date: date | None = Field(None, description="适龄儿童的出生日期")
    hukou_type: HukouType | None = Field(None, description=HUKOU_DESC)
    guardian_owns_home_in_xicheng: bool | None = Field(
        None, description="法定监护人在西城区是否有独立产权房（本人名下的房屋所有权证或不动产权证书）"
    )
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


def _age(c: Checklist, inputs: PrimaryInputs, cutoff: date, overage_before: date) -> None:
    name = "年满6周岁"
    birth = inputs.birth_date
    if birth is None:
        c.add(name, None, ART, f"须{cn(cutoff)}以前出生；未提供出生日期", unknown=("birth_date",))
        return
    if birth > cutoff:
        c.add(name, False, ART, f"出生于{cn(birth)}，晚于{cn(cutoff)}，2024年未满6周岁，不能申请入小学")
        return
    c.add(name, True, ART, f"出生于{cn(birth)}，不晚于{cn(cutoff)}")
    if birth < overage_before:
        c.ex.warn(
            f"出生于{cn(overage_before)}以前，属超龄儿童：本市户籍的须在规定时间内向区教育行政部门提交入学材料，"
            "经审核通过后完成学龄人口信息采集，入学方式与其他适龄儿童相同（五（四））"
        )


def _category(c: Checklist, inputs: PrimaryInputs, labels: dict) -> None:
    """The one of ①–⑥ that fits the child's hukou type."""
    name = "户籍与居住条件（六项之一）"
    h = inputs.hukou_type
    if h is None:
        c.add(name, None, ART, "未提供户籍类型，无法判断适用哪一项条件", unknown=("hukou_type",))
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
            c.add(name, met, ART, detail, unknown=("guardian_owns_home_in_xicheng", "lives_in_xicheng"))
        case "beijing_other_personal":
            detail = f"{what}，只能依据{labels['own_home']}申请"
            if own is not None:
                detail += "，法定监护人在西城区有独立产权房" if own else "，但法定监护人在西城区无独立产权房"
            c.add(name, own, ART, detail, unknown=("guardian_owns_home_in_xicheng",))
        case "xicheng_collective":
            works = inputs.guardian_collective_hukou_works_at_unit
            met = all_of([live, works])
            detail = f"{what}，须{labels['xicheng_collective']}"
            if live is False:
                detail += "；未实际居住在西城区"
            if works is False:
                detail += "；法定监护人均不是该单位集体户籍或不在户籍所在单位工作"
            c.add(
                name,
                met,
                ART,
                detail,
                unknown=("lives_in_xicheng", "guardian_collective_hukou_works_at_unit"),
            )
        case "xicheng_public":
            detail = f"{what}，须{labels['xicheng_public']}" + (
                "；未实际居住在西城区" if live is False else ""
            )
            c.add(name, live, ART, detail, unknown=("lives_in_xicheng",))
        case "treated_as_beijing":
            works = inputs.guardian_works_in_xicheng
            met = all_of([live, works])
            detail = f"{what}，须{labels['treated_as_beijing']}"
            if live is False:
                detail += "；未实际居住在西城区"
            if works is False:
                detail += "；法定监护人不在西城区工作"
            c.add(name, met, ART, detail, unknown=("lives_in_xicheng", "guardian_works_in_xicheng"))
        case "non_beijing":
            got = inputs.has_nonlocal_approval
            detail = f"{what}，须{labels['non_beijing']}"
            if got is False:
                detail += "；尚未取得批准书"
            elif got is None:
                detail += "（批准书按西教发〔2024〕8号审核后开具，可用 admission_nonlocal_* 各项自查）"
            c.add(name, got, ART, detail, unknown=("has_nonlocal_approval",))
        case _:
            c.add(name, False, ART, f"{what}，不属于①—⑥中的任何一项")


@calculator(
    name="admission_primary_eligibility",
    title="小学入学条件（年满6周岁及六项条件之一）",
    doc_no=DOC7,
    article=ART,
    inputs=PrimaryInputs,
    params=[BIRTH, CONDITIONS, OVERAGE, SCHEDULE],
)
def primary_eligibility(inputs: PrimaryInputs, as_of: date, params) -> CalcResult:
    """三（一）1: 年满6周岁（2018年8月31日以前出生）且满足①—⑥之一；五（四）超龄儿童另行审核。2024年入学适用."""
    check_birth_date(inputs.birth_date, as_of)
    ex = explain("admission_primary_eligibility", inputs, as_of)
    c = Checklist(ex, inputs, DOC7)
    cutoff = ex.value(params[BIRTH])["born_on_or_before"]
    _age(c, inputs, cutoff, ex.value(params[OVERAGE])["born_before"])
    _category(c, inputs, ex.value(params[CONDITIONS])["conditions"])
    s = ex.value(params[SCHEDULE])
    ex.extra["办理"] = (
        f"法定监护人或其授权委托人须在{cn(s['info_collection_from'])}至{cn(s['info_collection_to'])}登录北京市义务教育"
        "入学服务平台完成学龄人口信息采集，审核通过后打印《学龄人口信息采集表》确认（三（一）2、附件1）；"
        f"咨询热线 {s['hotline']}"
    )
    ex.extra["另见"] = NOTES + "入学方式（片区内登记入学或多校划片）见 admission_primary_route。"
    return c.result()
