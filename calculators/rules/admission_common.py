"""Shared pieces of the 2024 Xicheng admission rules (西教发〔2024〕7号、8号): registration, inputs, the checklist."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, InputError, calculator
from calculators.kit import CHECKED, Conditions
from calculators.kit.bounds import MAX_CHILD_AGE_YEARS

DOC7 = "西教发〔2024〕7号"
DOC8 = "西教发〔2024〕8号"
P = "admission/"

admission = partial(calculator, audience="resident", kind="eligibility")
primary_rule = partial(admission, doc_no=DOC7, stage="primary")  # 7号: who may enter a primary school
middle_rule = partial(admission, doc_no=DOC7, stage="middle")
nonlocal_rule = partial(
    admission, doc_no=DOC8, stage="primary"
)  # 8号: non-Beijing children's primary admission

HukouType = Literal[
    "xicheng_personal",
    "beijing_other_personal",
    "xicheng_collective",
    "xicheng_public",
    "beijing_other_collective_public",
    "treated_as_beijing",
    "non_beijing",
]
HUKOU_DESC = (
    "适龄儿童的户籍类型：xicheng_personal=西城区个人居民户籍，beijing_other_personal=本市其他区个人居民户籍，"
    "xicheng_collective=西城区单位集体户籍，xicheng_public=西城区公共户籍，"
    "beijing_other_collective_public=本市其他区集体户籍或公共户籍，"
    "treated_as_beijing=非本市户籍但符合按本市户籍对待条件，non_beijing=非本市户籍"
)
HUKOU_LABEL = {
    "xicheng_personal": "西城区个人居民户籍",
    "beijing_other_personal": "本市其他区个人居民户籍",
    "xicheng_collective": "西城区单位集体户籍",
    "xicheng_public": "西城区公共户籍",
    "beijing_other_collective_public": "本市其他区集体户籍或公共户籍",
    "treated_as_beijing": "按本市户籍对待",
    "non_beijing": "非本市户籍",
}
PERSONAL = ("xicheng_personal", "beijing_other_personal")

# The same facts asked by several admission calculators, declared once.
Hukou = Annotated[HukouType | None, Field(description=HUKOU_DESC)]
BirthDate = Annotated[date | None, Field(description="适龄儿童的出生日期")]
SingleParent = Annotated[bool | None, Field(description="是否为单亲家庭")]
GuardianOwnsHome = Annotated[
    bool | None,
    Field(description="法定监护人在西城区是否有独立产权房（本人名下的房屋所有权证或不动产权证书）"),
]


# 四3: the 8号 rules are for families whose child and both parents are non-Beijing; every part of them reads the
# parents' hukou when stated ("孩子爸爸是北京东城户口"), so a question about one material is answered too.
NONLOCAL_SCOPE = P + "nonlocal_scope"
PARENT_HUKOU = {
    "parents_non_beijing": (bool | None, Field(None, description="父母是否均为非本市户籍")),
    "father_hukou_type": (HukouType | None, Field(None, description="父亲的户籍类型（分别说明父母户籍时）")),
    "mother_hukou_type": (HukouType | None, Field(None, description="母亲的户籍类型（分别说明父母户籍时）")),
}


def outside_scope(c: Conditions, inputs: BaseModel) -> bool:
    """A parent stated to hold a Beijing hukou puts the family outside the 8号 rules (四3): recorded as the
    failing condition, True (the calculator declares NONLOCAL_SCOPE). Not stated: False, and nothing is asked here (the family part asks it)."""
    beijing = [
        who
        for p, who in (("father", "父亲"), ("mother", "母亲"))
        if getattr(inputs, f"{p}_hukou_type", None) not in (None, "non_beijing")
    ]
    if not beijing and getattr(inputs, "parents_non_beijing", None) is not False:
        return False
    other = c.ex.value(NONLOCAL_SCOPE)["other_types"]
    c.add(
        False,
        "适用本办法（适龄儿童及父母均为非本市户籍）",
        detail=f"{'、'.join(beijing) or '父母一方'}为本市户籍，不属于父母均为非本市户籍的家庭，不适用本办法的审核，"
        f"请参照{other}",
        article="四3",
    )
    return True


def hukou_now(ex: Explain, inputs: BaseModel) -> BaseModel:
    """A child whose hukou moved from another Beijing district into Xicheng ("原来是海淀户口，去年迁到了西城")
    now holds a Xicheng personal hukou: the other district named is where it came from."""
    if getattr(inputs, "hukou_type", None) == "beijing_other_personal" and getattr(
        inputs, "hukou_moved_from_other_district", None
    ):
        ex.step("户口已从本市其他区迁入西城区，现为西城区个人居民户籍")
        return inputs.model_copy(update={"hukou_type": "xicheng_personal"})
    return inputs


def checklist(ex: Explain, inputs: BaseModel) -> Conditions:
    """The admission rules' conditions: 符合 / 不符合 / 尚需确认, each with its clause."""
    return Conditions(ex, inputs, CHECKED)


def check_birth_date(birth: date | None, as_of: date) -> None:
    """Refuse a birth date in the future or absurdly long ago."""
    if birth is None:
        return
    if birth > as_of:
        raise InputError(f"出生日期 {birth.isoformat()} 晚于查询日期 {as_of.isoformat()}")
    if as_of.year - birth.year > MAX_CHILD_AGE_YEARS:
        raise InputError(f"出生日期 {birth.isoformat()} 不像义务教育入学年龄的儿童")


def check_not_after(as_of: date, *dates: date | None) -> None:
    """Refuse an event dated after the day asked about."""
    for d in dates:
        if d is not None and d > as_of:
            raise InputError(f"日期 {d.isoformat()} 晚于查询日期 {as_of.isoformat()}")
