"""西教发〔2024〕8号: the non-Beijing-hukou child's scope, birth window, household register, application date and residence permits."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, all_of, any_of, cn
from calculators.rules.admission_common import (
    HUKOU_LABEL,
    BirthDate,
    Hukou,
    HukouType,
    P,
    SingleParent,
    check_birth_date,
    checklist,
    nonlocal_rule,
    outside_scope,
)
from core.schema import CalcResult

SCOPE = P + "nonlocal_scope"
BIRTH = P + "nonlocal_birth_window"
REGISTER = P + "household_register"
APPLY = P + "nonlocal_application_window"
STREET = P + "nonlocal_street_review"
CONFIRM = P + "nonlocal_confirm_deadline"
PERMIT = P + "residence_permit"

MATERIALS = "父母均应提供在京务工就业材料、在西城区实际居住材料、全家户口簿、西城区的北京市居住证（一）"


class FamilyInputs(BaseModel):
    birth_date: BirthDate = None
    hukou_type: Hukou = None
    parents_non_beijing: bool | None = Field(None, description="父母是否均为非本市户籍")
    father_hukou_type: HukouType | None = Field(None, description="父亲的户籍类型（分别说明父母户籍时）")
    mother_hukou_type: HukouType | None = Field(None, description="母亲的户籍类型（分别说明父母户籍时）")
    hukou_book_matches_birth_certificate: bool | None = Field(
        None, description="户口簿上的出生日期是否与《出生医学证明》一致"
    )
    holds_hk_macau_id: bool | None = Field(None, description="适龄儿童是否持港澳身份证件（无内地户口簿）")
    hk_macau_pass_valid: bool | None = Field(
        None, description="是否有有效期内的《港澳居民来往内地通行证》（持港澳身份证件的适用）"
    )
    single_parent: SingleParent = None
    single_parent_legal_documents: bool | None = Field(
        None,
        description="是否有抚养方的有效法律文书，如离婚证、离婚协议、法院判决书、非婚生育凭证（单亲家庭适用）",
    )
    parents_in_same_hukou_book: bool | None = Field(None, description="父母户籍是否在同一户口簿上")
    marriage_certificate_and_books: bool | None = Field(
        None,
        description="能否提供《结婚证》、父母双方户口簿和《出生医学证明》（父母户籍不在同一户口簿的适用）",
    )
    online_application_date: date | None = Field(
        None, description="在北京市义务教育入学服务平台网上提交审核申请的日期"
    )
    applied_online: bool | None = Field(
        None, description="是否已在北京市义务教育入学服务平台网上提交审核申请"
    )


def _scope(c: Conditions, inputs: FamilyInputs, other: str) -> None:
    name, art = "适用本办法（适龄儿童及父母均为非本市户籍）", "四3"
    h = inputs.hukou_type
    if h is not None and h != "non_beijing":
        c.add(
            False,
            name,
            detail=f"适龄儿童户籍类型为{HUKOU_LABEL[h]}，不适用本办法，请参照{other}",
            article=art,
        )
        return
    parents = inputs.parents_non_beijing
    if parents is None:
        # "我是安徽的，孩子他爸是湖南的" / "孩子爸爸是东城户口": each parent's hukou stated on its own
        each = [getattr(inputs, f"{p}_hukou_type") for p in ("father", "mother")]
        parents = all_of([x == "non_beijing" if x else None for x in each])
    met = all_of([h == "non_beijing" if h else None, parents])
    detail = "适龄儿童及父母均为非本市户籍" if met else f"须适龄儿童及父母均为非本市户籍，否则请参照{other}"
    c.add(met, name, detail=detail, article=art, fields=("hukou_type", "parents_non_beijing"))


def _birth(c: Conditions, birth: date | None, w: dict) -> None:
    name, art = "出生日期在当年入学年龄段内", "一、三（三）1"
    span = f"{cn(w['born_from'])}至{cn(w['born_to'])}"
    if birth is None:
        c.add(None, name, detail=f"须出生于{span}；未提供出生日期", article=art, fields=("birth_date",))
    elif w["born_from"] <= birth <= w["born_to"]:
        c.add(True, name, detail=f"出生于{cn(birth)}，在{span}之内", article=art)
    else:
        side = "早于" if birth < w["born_from"] else "晚于"
        c.add(False, name, detail=f"出生于{cn(birth)}，{side}{span}的区间", article=art)


def _register(c: Conditions, inputs: FamilyInputs, docs: dict) -> None:
    """三（三）: the family register and, where needed, the extra papers."""
    if inputs.holds_hk_macau_id:
        c.fact(
            "hk_macau_pass_valid",
            "有效期内的港澳居民来往内地通行证",
            said=("持港澳身份证件，无需户口簿，有有效期内的通行证", "须提供" + docs["hk_macau_documents"]),
            article="三（三）4",
        )
    else:
        c.fact(
            "hukou_book_matches_birth_certificate",
            "户口簿与出生医学证明年龄一致",
            said=("户口簿上年龄与《出生医学证明》一致", "户口簿上年龄与《出生医学证明》不一致"),
            article="三（三）1",
        )
    single = inputs.single_parent
    if single is None:
        c.add(
            None,
            "单亲家庭的法律文书",
            detail="未说明是否为单亲家庭",
            article="三（三）2",
            fields=("single_parent",),
        )
    elif single:
        c.fact(
            "single_parent_legal_documents",
            "单亲家庭的法律文书",
            said=("有抚养方的有效法律文书", "单亲家庭须提供" + docs["single_parent_documents"]),
            article="三（三）2",
        )
        return
    else:
        c.add(True, "单亲家庭的法律文书", detail="不是单亲家庭，不涉及", article="三（三）2")
    if inputs.parents_in_same_hukou_book is None:
        c.add(
            None,
            "父母户籍不在同一户口簿的证明",
            detail="未说明父母户籍是否在同一户口簿上",
            article="三（三）3",
            fields=("parents_in_same_hukou_book",),
        )
    elif inputs.parents_in_same_hukou_book:
        c.add(
            True, "父母户籍不在同一户口簿的证明", detail="父母户籍在同一户口簿上，不涉及", article="三（三）3"
        )
    else:
        c.fact(
            "marriage_certificate_and_books",
            "父母户籍不在同一户口簿的证明",
            said=("能提供结婚证、父母双方户口簿和出生医学证明", "须提供" + docs["separate_books_documents"]),
            article="三（三）3",
        )


@nonlocal_rule(
    title="非本市户籍适龄儿童：适用范围、出生日期、户口簿与网上申请时间",
    article="一、二（一）、三（三）、四3",
    params=[SCOPE, BIRTH, REGISTER, APPLY, STREET, CONFIRM],
)
def admission_nonlocal_family(ex: Explain, inputs: FamilyInputs) -> CalcResult:
    """一、三（三）: 出生于2017年9月1日至2018年8月31日，户口簿与出生医学证明一致及相关证明；四3 适用范围；
    二（一）2024年5月6—9日网上提交申请，逾期视为不在西城区申请小学入学。2024年入学适用."""
    check_birth_date(inputs.birth_date, ex.as_of)
    c = checklist(ex, inputs)
    _scope(c, inputs, ex.value(SCOPE)["other_types"])
    _birth(c, inputs.birth_date, ex.value(BIRTH))
    _register(c, inputs, ex.value(REGISTER))
    w = ex.value(APPLY)
    span = f"{cn(w['apply_from'])}至{cn(w['apply_to'])}"
    applied = inputs.online_application_date
    name = "在规定时间内网上提交审核申请"
    # "只给老大注册了，老二没注册": the child asked about was not registered, whatever date the message names
    if inputs.applied_online is False and ex.as_of > w["apply_to"]:
        c.add(
            False,
            name,
            detail=f"到{cn(ex.as_of)}仍未提交，已过{span}，视为{w['apply_from'].year}年不在西城区申请小学入学",
            article="二（一）",
        )
    elif applied is None:
        c.add(
            None,
            name,
            detail=f"须在{span}提交；未提供提交日期",
            article="二（一）",
            fields=("online_application_date",),
        )
    elif w["apply_from"] <= applied <= w["apply_to"]:
        c.add(True, name, detail=f"于{cn(applied)}提交，在{span}之内", article="二（一）")
    else:
        c.add(
            False,
            name,
            detail=f"于{cn(applied)}提交，不在{span}之内，视为{w['apply_from'].year}年不在西城区申请小学入学",
            article="二（一）",
        )
    street, confirm = ex.value(STREET), ex.value(CONFIRM)
    ex.extra["材料"] = MATERIALS
    ex.extra["办理"] = (
        f"网上提交申请（{span}）后，相关部门网上联合审核；申请人于{cn(street['review_from'])}至"
        f"{cn(street['review_to'])}向居住地街道办事处提供材料原件及复印件现场审核，通过后开具《非本市户籍适龄儿童在"
        f"西城区就读批准书》；须于{cn(confirm['confirm_by'])}前再次登录平台下载打印《学龄人口信息采集表》确认入学（二）"
    )
    ex.extra["另见"] = (
        "就业、居住、居住证材料分别见 admission_nonlocal_employment、admission_nonlocal_housing、admission_nonlocal_residence_permit"
    )
    return c.conclude()


class PermitInputs(BaseModel):
    single_parent: SingleParent = None
    parents_non_beijing: bool | None = Field(None, description="父母是否均为非本市户籍")
    father_hukou_type: HukouType | None = Field(None, description="父亲的户籍类型（分别说明父母户籍时）")
    mother_hukou_type: HukouType | None = Field(None, description="母亲的户籍类型（分别说明父母户籍时）")
    father_has_permit: bool | None = Field(None, description="父亲是否持有北京市居住证")
    mother_has_permit: bool | None = Field(None, description="母亲是否持有北京市居住证")
    permit_in_xicheng: bool | None = Field(
        None, description="父母中是否至少有一方的北京市居住证在西城区街道辖区内"
    )
    permit_address_matches_home: bool | None = Field(
        None, description="北京市居住证地址是否与在西城区实际居住材料的地址一致"
    )
    father_permit_in_xicheng: bool | None = Field(
        None, description="父亲的北京市居住证是否在西城区街道辖区内"
    )
    mother_permit_in_xicheng: bool | None = Field(
        None, description="母亲的北京市居住证是否在西城区街道辖区内"
    )
    father_permit_at_home: bool | None = Field(
        None, description="父亲的北京市居住证是否办在家庭实际居住的地址上"
    )
    mother_permit_at_home: bool | None = Field(
        None, description="母亲的北京市居住证是否办在家庭实际居住的地址上"
    )
    home_in_xicheng: bool | None = Field(None, description="家庭实际居住的房屋是否位于西城区")
    permit_valid_until: date | None = Field(None, description="北京市居住证有效期至（双方中较早到期的一张）")
    permits_valid: bool | None = Field(None, description="父母的北京市居住证是否都在有效期内（未过期）")


def _one_permit_in_xicheng(c: Conditions) -> None:
    """三（四）1 asks for one permit in 西城: one parent's permit in 西城, or registered at the family's home in
    西城 ("我的办在这个租房地址上，她的还是丰台的"), is that one, whatever the other parent's says."""
    inp = c.inputs
    for p, who in (("father", "父亲"), ("mother", "母亲")):
        here = getattr(inp, f"{p}_permit_in_xicheng")
        at_home = getattr(inp, f"{p}_permit_at_home") and inp.home_in_xicheng
        if here or at_home:
            if inp.permit_in_xicheng is not True:
                how = "在西城区" if here else "办在西城区的实际居住地址上"
                c.ex.step(f"{who}的居住证{how}，即至少一方的居住证在西城区")
                c.inputs = inp.model_copy(update={"permit_in_xicheng": True})
            return
    each = [getattr(inp, f"{p}_permit_in_xicheng") for p in ("father", "mother")]
    if inp.permit_in_xicheng is None and each == [False, False]:
        c.inputs = inp.model_copy(update={"permit_in_xicheng": False})


@nonlocal_rule(title="非本市户籍适龄儿童：北京市居住证审核标准", article="三（四）", params=[PERMIT, SCOPE])
def admission_nonlocal_residence_permit(ex: Explain, inputs: PermitInputs) -> CalcResult:
    """三（四）: 父母双方均持北京市居住证（单亲家庭由一方提供），至少一方在西城区街道辖区内；地址与实际居住材料一致；
    在有效期内。2024年入学适用."""
    c = checklist(ex, inputs)
    if outside_scope(c, inputs):
        return c.conclude(False)
    rule = ex.value(PERMIT)
    f, m, single = inputs.father_has_permit, inputs.mother_has_permit, inputs.single_parent
    name, art = "父母持有北京市居住证", "三（四）1"
    if single:
        met = any_of([f, m])
        detail = "单亲家庭由一方提供" + (
            "，已持有" if met else "，须持有北京市居住证" if met is False else ""
        )
        c.add(met, name, detail=detail, article=art, fields=("father_has_permit", "mother_has_permit"))
    else:
        met = all_of([f, m])
        if single is None and met is not True:
            c.add(
                None,
                name,
                detail="父母双方均须持有（单亲家庭由一方提供）；未说明是否为单亲家庭",
                article=art,
                fields=("single_parent", "father_has_permit", "mother_has_permit"),
            )
        else:
            lacking = "、".join(p for p, v in (("父亲", f), ("母亲", m)) if v is False)
            detail = (
                "父母双方均持有"
                if met
                else (f"{lacking}未持有，父母双方均须持有" if lacking else "父母双方均须持有")
            )
            c.add(met, name, detail=detail, article=art, fields=("father_has_permit", "mother_has_permit"))
    _one_permit_in_xicheng(c)
    c.fact(
        "permit_in_xicheng",
        "至少一方的居住证在西城区街道辖区内",
        said=("至少一方的居住证在西城区街道辖区内", "父母双方的居住证均不在西城区街道辖区内"),
        article=art,
    )
    c.fact(
        "permit_address_matches_home",
        "居住证地址与实际居住材料地址一致",
        said=("居住证地址与在西城区实际居住材料地址一致", "居住证地址与实际居住材料地址不一致"),
        article="三（四）2",
    )
    until, need = inputs.permit_valid_until, rule["valid_through"]
    name = "居住证在有效期内"
    if until is None and inputs.permits_valid is not None:
        valid = inputs.permits_valid
        detail = f"居住证{'在有效期内' if valid else '已过有效期'}，须在审核期间（至{cn(need)}）有效"
        c.add(valid, name, detail=detail, article="三（四）3")
    elif until is None:
        c.add(None, name, detail="未提供居住证有效期", article="三（四）3", fields=("permit_valid_until",))
    elif until >= need:
        c.add(True, name, detail=f"有效期至{cn(until)}，审核期间（至{cn(need)}）有效", article="三（四）3")
    else:
        c.add(
            False,
            name,
            detail=f"有效期至{cn(until)}，早于审核期间{cn(need)}，已过有效期",
            article="三（四）3",
        )
    ex.extra["审核部门"] = "在西城区的北京市居住证由北京市公安局西城分局审核（二（二）3）"
    return c.conclude()
