"""西教发〔2024〕8号 三（一）: each parent's proof of work in Beijing, by type, and the family rule (both, one in Xicheng)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, create_model

from calculators.base import Explain, InputError
from calculators.kit import Conditions, all_of, any_of, cn
from calculators.kit.bounds import FIRST_SCHOOL_EVENT_YEAR as FIRST_YEAR
from calculators.kit.bounds import LAST_POLICY_YEAR as LAST_YEAR
from calculators.kit.bounds import MAX_SERVED_YEARS
from calculators.kit.dates import (
    FIRST_MONTH_DAY,
    LATEST_MONTH_DAY,
    parse_year_month,
    year_month,
    years_before,
)
from calculators.rules.admission_common import (
    NONLOCAL_SCOPE,
    PARENT_HUKOU,
    P,
    SingleParent,
    checklist,
    nonlocal_rule,
    outside_scope,
)
from core.schema import CalcResult

BOTH = P + "employment_both_parents"
INSURANCE = P + "employee_social_insurance"
BUSINESS = {
    "sole_proprietor": P + "sole_proprietor_registration",
    "legal_representative": P + "legal_representative_company",
    "shareholder_partner": P + "shareholder_company",
}
ARTICLE = {
    "employee": "三（一）1",
    "sole_proprietor": "三（一）2",
    "legal_representative": "三（一）3",
    "shareholder_partner": "三（一）4",
}
BUSINESS_WORD = {
    "sole_proprietor": "个体工商户",
    "legal_representative": "企业",
    "shareholder_partner": "企业",
}
ROLE_CHANGE = {
    "sole_proprietor": "经营者变更登记",
    "legal_representative": "法定代表人变更登记",
    "shareholder_partner": "涉及本人的股东或合伙人身份变更登记",
}

EmploymentType = Literal[
    "employee", "sole_proprietor", "legal_representative", "shareholder_partner", "flexible", "none"
]  # fmt: skip
PARENTS = (("father", "父亲"), ("mother", "母亲"))


def _parent_fields(p: str, who: str) -> dict:
    """The same ten facts for each parent, named father_* / mother_*."""
    f = {
        "employment_type": (
            EmploymentType | None,
            Field(
                None,
                description=(
                    f"{who}的就业类型：employee=受雇于用人单位（劳动合同或聘用合同），sole_proprietor=个体工商户经营者，"
                    "legal_representative=企业法定代表人，shareholder_partner=企业股东或合伙人，"
                    "flexible=灵活就业等（无劳动合同、无营业执照），none=未在京务工就业"
                ),
            ),
        ),
        "works_in_xicheng": (
            bool | None,
            Field(None, description=f"{who}是否在西城区务工就业（否则为本市其他区）"),
        ),
        "has_contract": (
            bool | None,
            Field(
                None,
                description=(
                    f"{who}（受雇）是否有规范有效的劳动合同或聘用合同，及单位营业执照复印件和工作证明（加盖公章）"
                ),
            ),
        ),
        "insurance_from": (
            date | None,
            Field(None, description=(f"{who}（受雇）在就业所在区连续缴纳社保的起始月份（填该月任一天）")),
        ),
        "insurance_to": (
            date | None,
            Field(None, description=f"{who}（受雇）连续缴纳社保至哪个月（填该月任一天）"),
        ),
        "insurance_since_year": (
            int | None,
            Field(
                None,
                ge=FIRST_YEAR,
                le=LAST_YEAR,
                description=f"{who}（受雇）在就业所在区连续缴纳社保自哪一年起（只知道年份时）",
            ),
        ),
        "insurance_years": (
            float | None,
            Field(
                None,
                ge=0,
                le=MAX_SERVED_YEARS,
                description=f"{who}（受雇）在就业所在区已连续缴纳社保几年（到现在）",
            ),
        ),
        "insurance_ongoing": (
            bool | None,
            Field(None, description=f"{who}（受雇）的社保是否一直连续缴纳至今、从未中断"),
        ),
        "insurance_several_years": (
            bool | None,
            Field(None, description=f"{who}（受雇）是否已连续缴纳社保多年（“这几年一直连续交”）"),
        ),
        "insurance_like_other": (
            bool | None,
            Field(None, description=f"{who}（受雇）的社保是否与另一方同样连续缴纳（起止同另一方）"),
        ),
        "insurance_back_paid": (
            bool | None,
            Field(None, description=f"{who}（受雇）要求的社保缴费期内是否有补缴的月份"),
        ),
        "business_registered_on": (
            date | None,
            Field(None, description=(f"{who}就业的个体工商户注册日期或企业成立日期（营业执照）")),
        ),
        "business_registered_year": (
            int | None,
            Field(
                None,
                ge=FIRST_YEAR,
                le=LAST_YEAR,
                description=f"{who}就业的个体工商户注册或企业成立的年份（只知道年份时）",
            ),
        ),
        "business_abnormal_listed": (
            bool | None,
            Field(None, description=(f"{who}就业的个体工商户或企业是否曾被列入经营异常名录")),
        ),
        "business_in_district_no_move": (
            bool | None,
            Field(
                None,
                description=(
                    f"{who}就业的个体工商户或企业注册地是否在其就业所在区且未发生过跨区（跨省市）迁移登记"
                ),
            ),
        ),
        "business_role_changed": (
            bool | None,
            Field(
                None,
                description=(
                    f"{who}就业的个体工商户或企业是否发生过经营者、法定代表人或涉及本人的股东/合伙人身份变更登记"
                ),
            ),
        ),
    }
    return {f"{p}_{k}": v for k, v in f.items()}


# "我的这份务工就业材料能过审核吗": the question is about one parent's proof, not the family's
ASKED = {
    p: (
        bool | None,
        Field(None, description=f"问题是否只问{who}一方的在京务工就业材料（不问全家能否通过审核）"),
    )
    for p, who in (("father_material_asked", "父亲"), ("mother_material_asked", "母亲"))
}
ONE_PARENT_ASKED = tuple(ASKED)

EmploymentInputs = create_model(
    "EmploymentInputs",
    single_parent=(SingleParent, None),
    **PARENT_HUKOU,
    **ASKED,
    **_parent_fields("father", "父亲"),
    **_parent_fields("mother", "母亲"),
)


SEVERAL_YEARS = 2  # "这几年": the fewest years "几年" can mean
# the facts that date a parent's insurance; whether it is still paid is said apart
DATING = ("insurance_from", "insurance_to", "insurance_since_year", "insurance_years")


def _insurance(c: Conditions, p: str) -> tuple:
    """The parent's insurance facts (from, to, since year, years, ongoing); "东城社保同样连续缴纳" with none of its
    own dates takes the other parent's, as the words say."""
    own = [getattr(c.inputs, f"{p}_{k}") for k in DATING]
    ongoing = getattr(c.inputs, f"{p}_insurance_ongoing")
    if not getattr(c.inputs, f"{p}_insurance_like_other") or any(x is not None for x in own):
        return (*own, ongoing)
    other, other_who = next((q, w) for q, w in PARENTS if q != p)
    theirs = [getattr(c.inputs, f"{other}_{k}") for k in DATING]
    if all(x is None for x in theirs):
        return (*own, ongoing)
    c.ex.step(f"{dict(PARENTS)[p]}的社保“同样”连续缴纳：缴纳起止按{other_who}所说")
    if ongoing is None:
        ongoing = getattr(c.inputs, f"{other}_insurance_ongoing")
    return (*theirs, ongoing)


def _employee(c: Conditions, p: str, who: str, window: dict, district: str) -> list[bool | None]:
    art, inp = ARTICLE["employee"], c.inputs
    got = [
        c.fact(
            f"{p}_has_contract",
            f"{who}：劳动合同或聘用合同",
            said=(
                "有规范有效的劳动（聘用）合同及单位证明",
                "受雇的须提供规范有效的聘用合同或劳动合同及单位证明",
            ),
            article=art,
            counts=False,
        )
    ]
    first, last = parse_year_month(window["first_month"]), parse_year_month(window["last_month"])
    span = f"{first[0]}年{first[1]}月—{last[0]}年{last[1]}月"
    start, end, since, years, ongoing = _insurance(c, p)
    name = f"{who}：{district}连续缴纳社保"
    if start is not None and end is not None and end < start:
        raise InputError(f"{who}社保连续缴纳的截止月份早于起始月份")
    if start is None and since is None and years is None and getattr(inp, f"{p}_insurance_several_years"):
        years = SEVERAL_YEARS  # "这几年一直连续交": several years, two at the least
        c.ex.step(f"{who}：社保这几年一直连续缴纳，按至少{SEVERAL_YEARS}年计")
    if start is None and since is None and years is not None:
        # "社保交了两年": paid for that long up to the day asked
        start, end = years_before(c.ex.as_of, years), end or c.ex.as_of
    if end is None and ongoing and year_month(c.ex.as_of) >= last:
        end = c.ex.as_of  # paid without a break up to the day asked
    if start is not None and since is not None and since < start.year:
        start = None  # "2021年起一直交…2023年5月到2024年3月": the earlier year is when paying began
    if start is None and since is not None and since != first[0]:
        # only the year is known: a year before the window's first starts in time, a later one does not
        start = date(since, *LATEST_MONTH_DAY) if since < first[0] else date(since, *FIRST_MONTH_DAY)
    if start is not None and year_month(start) > first:
        got.append(
            c.add(
                False,
                name,
                detail=f"自{start.year}年{start.month}月起缴纳，须从{first[0]}年{first[1]}月起连续缴纳（{span}）",
                article=art,
                counts=False,
            )
        )
    elif end is not None and year_month(end) < last:
        got.append(
            c.add(
                False,
                name,
                detail=f"只连续缴纳至{end.year}年{end.month}月，须连续缴纳至{last[0]}年{last[1]}月（{span}）",
                article=art,
                counts=False,
            )
        )
    elif start is None or end is None:
        got.append(
            c.add(
                None,
                name,
                detail=f"须{span}连续缴纳；未提供连续缴纳的起止月份",
                article=art,
                fields=(f"{p}_insurance_from", f"{p}_insurance_to"),
                counts=False,
            )
        )
    else:
        got.append(c.add(True, name, detail=f"{span}连续缴纳", article=art, counts=False))
    if getattr(inp, f"{p}_insurance_back_paid") is None and ongoing:
        # paid without a break: no month was missed, so none was back-paid
        got.append(
            c.add(
                True,
                f"{who}：社保无补缴",
                detail="一直连续缴纳、从未中断，没有补缴",
                article=art,
                counts=False,
            )
        )
        return got
    got.append(
        c.fact(
            f"{p}_insurance_back_paid",
            f"{who}：社保无补缴",
            said=("缴费期内有补缴，补缴无效", "缴费期内没有补缴"),
            article=art,
            want=False,
            counts=False,
        )
    )
    return got


def _business(c: Conditions, p: str, who: str, kind: str, rule: dict, district: str) -> list[bool | None]:
    art, inp, word = ARTICLE[kind], c.inputs, BUSINESS_WORD[kind]
    reg, by = getattr(inp, f"{p}_business_registered_on"), rule["registered_by"]
    year = getattr(inp, f"{p}_business_registered_year")
    name = f"{who}：{word}注册（成立）日期"
    if reg is None and year is not None and year != by.year:
        # only the year is known: a year before the cut-off's is in time, a later one is not
        reg = date(year, *LATEST_MONTH_DAY) if year < by.year else date(year, *FIRST_MONTH_DAY)
        c.ex.step(f"{who}：{word}{year}年注册（成立）")
    if reg is None:
        got = [
            c.add(
                None,
                name,
                detail=f"须不晚于{cn(by)}；未提供",
                article=art,
                fields=(f"{p}_business_registered_on",),
                counts=False,
            )
        ]
    else:
        ok = reg <= by
        got = [
            c.add(
                ok, name, detail=f"{cn(reg)}，{'不晚于' if ok else '晚于'}{cn(by)}", article=art, counts=False
            )
        ]
    since = f"自{cn(by)}以来"
    got.append(
        c.fact(
            f"{p}_business_abnormal_listed",
            f"{who}：{word}正常经营、未列入异常名录",
            said=(f"{since}曾被列入异常名录", f"{since}未被列入过异常名录"),
            article=art,
            want=False,
            counts=False,
        )
    )
    got.append(
        c.fact(
            f"{p}_business_in_district_no_move",
            f"{who}：{word}注册地在{district}且未迁移",
            said=(
                f"注册地在{district}且未发生过迁移登记",
                f"{since}注册地不在{district}或发生过跨区迁移登记",
            ),
            article=art,
            counts=False,
        )
    )
    got.append(
        c.fact(
            f"{p}_business_role_changed",
            f"{who}：{word}未发生{ROLE_CHANGE[kind]}",
            said=(f"{since}发生过{ROLE_CHANGE[kind]}", f"{since}未发生{ROLE_CHANGE[kind]}"),
            article=art,
            want=False,
            counts=False,
        )
    )
    return got


def _parent(c: Conditions, ex: Explain, p: str, who: str) -> bool | None:
    """One parent's work proof: all conditions of the type chosen."""
    kind = getattr(c.inputs, f"{p}_employment_type")
    if kind is None:
        return c.add(
            None,
            f"{who}：就业类型",
            detail="未提供就业类型",
            article="三（一）",
            fields=(f"{p}_employment_type",),
            counts=False,
        )
    if kind in ("none", "flexible"):
        return c.add(
            False,
            f"{who}：在京务工就业材料",
            detail="未在京务工就业，不能提供在京务工就业材料"
            if kind == "none"
            else "灵活就业，无劳动（聘用）合同、无营业执照，不属于受雇、个体工商户、法定代表人、股东或合伙人任何一类",
            article="三（一）",
            counts=False,
        )
    in_x = getattr(c.inputs, f"{p}_works_in_xicheng")
    district = "西城区" if in_x is not False else "其就业所在区"
    if in_x is False:
        ex.step(f"{who}在本市非西城区务工就业，审核标准参照西城区的条件（社保缴纳地、注册地按其就业所在区）")
    if kind == "employee":
        got = _employee(c, p, who, ex.value(INSURANCE), district)
    else:
        got = _business(c, p, who, kind, ex.value(BUSINESS[kind]), district)
    return all_of(got)


@nonlocal_rule(
    title="非本市户籍适龄儿童：父母在京务工就业材料",
    article="三（一）",
    params=[BOTH, INSURANCE, *BUSINESS.values(), NONLOCAL_SCOPE],
)
def admission_nonlocal_employment(ex: Explain, inputs: EmploymentInputs) -> CalcResult:
    """三（一）: 父母双方均有在京务工就业材料且至少一方在西城区；受雇者2023年5月—2024年3月在就业所在区连续缴纳社保
    （补缴无效）；个体工商户、法定代表人、股东或合伙人的营业执照不晚于2023年5月1日及其后的条件。2024年入学适用."""
    c = checklist(ex, inputs)
    ex.value(BOTH)
    if outside_scope(c, inputs):
        return _finish(ex, c, False)
    asked = [(p, who) for p, who in PARENTS if getattr(inputs, f"{p}_material_asked")]
    if len(asked) == 1:
        p, who = asked[0]
        ex.step(
            f"您问的是{who}一方的在京务工就业材料，以下只判断这一方；全家通过审核还须父母双方均有材料、"
            "至少一方在西城区务工就业（三（一））"
        )
        return _finish(ex, c, _parent(c, ex, p, who))
    ok = {p: _parent(c, ex, p, who) for p, who in PARENTS}
    in_x = {p: getattr(inputs, f"{p}_works_in_xicheng") for p, _ in PARENTS}
    single = inputs.single_parent
    art = "三（一）"
    # single-parent family: one parent provides, and the one whose proof passes must work in Xicheng
    one_parent = any_of([all_of([ok[p], in_x[p]]) for p, _ in PARENTS])
    both = all_of(list(ok.values()))
    one_in_x = any_of(list(in_x.values()))
    two_parents = all_of([both, one_in_x])
    if single:
        c.add(
            one_parent,
            "单亲家庭：抚养方有在西城区务工就业材料",
            detail="单亲家庭由一方提供，须该方材料符合且在西城区务工就业",
            article=art,
            fields=("father_works_in_xicheng", "mother_works_in_xicheng"),
        )
        return _finish(ex, c, one_parent)
    lacking = "、".join(who for p, who in PARENTS if ok[p] is False)
    detail = "双方材料均符合" if both else (f"{lacking}的材料不符合" if lacking else "尚有材料待确认")
    c.add(both, "父母双方均有在京务工就业材料", detail=detail, article=art)
    c.add(
        one_in_x,
        "至少一方在西城区务工就业",
        detail={True: "有一方在西城区务工就业", False: "双方均不在西城区务工就业"}.get(
            one_in_x, "未说明父母是否在西城区务工就业"
        ),
        article=art,
        fields=("father_works_in_xicheng", "mother_works_in_xicheng"),
    )
    verdict = two_parents
    if single is None and one_parent != two_parents:
        c.add(
            None,
            "是否单亲家庭",
            detail="双方均需提供在京务工就业材料，单亲家庭由一方提供；结论取决于是否为单亲家庭",
            article=art,
            fields=("single_parent",),
        )
        verdict = None
    return _finish(ex, c, verdict)


def _finish(ex, c: Conditions, verdict: bool | None) -> CalcResult:
    ex.extra["审核部门"] = (
        "签有劳动合同或聘用合同的由西城区人力资源和社会保障局审核；法定代表人、股东、合伙人、个体工商户由西城区"
        "市场监督管理局审核（二（二）1）"
    )
    return c.conclude(verdict)
