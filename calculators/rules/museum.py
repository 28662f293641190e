"""西文旅发〔2024〕3号 西城区鼓励社会力量兴办博物馆扶持资金：设立备案、市级匹配、区级项目、运行扶持与申报条件."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, cite, gated
from calculators.kit import KNOWN, Conditions, capped, share_of, yuan
from calculators.kit.bounds import DAYS_IN_YEAR, MAX_MUSEUM_FUNDING_YUAN, MAX_PROJECTS, MAX_SMALL_YUAN
from calculators.params import load_param
from core.schema import CalcResult

DOC = "西文旅发〔2024〕3号"
PROCEDURE = "museum/procedure"
ESTABLISHMENT = "museum/establishment_award"
CITY_MATCHING = "museum/city_matching"
OPERATION = "museum/operation_support"
OPERATION_SCOPE = "museum/operation_support_scope"
SCOPE = "museum/scope"
OPENING_DAYS = "museum/opening_days"

MuseumType = Literal["非国有博物馆", "国有企业所属博物馆"]
ProjectCost = Annotated[float, Field(gt=0, le=MAX_SMALL_YUAN)]


def _procedure(ex: Explain) -> None:
    """Where to apply (第十四条): the office, the channel and the publicity period."""
    p = ex.value(PROCEDURE)
    ex.extra["office"] = p["office"]
    ex.extra["channel"] = p["channel"]
    ex.extra["publicity"] = (
        f"经第三方评估、区文化和旅游局复核后，在西城区官方网站公示 {p['publicity_workdays']} 个工作日"
    )


DIRECTORY = "museum/directory_listing"
NO_DOUBLE = "museum/no_double_district_funding"
BARRED = "museum/barred_applicants"

# Facts that bar every amount of the measures, checked first and only when stated (None = not said):
# (input, the value that fails, parameter cited, what the step says)
BARS = (
    ("located_in_xicheng", False, SCOPE, "博物馆设立地址不在西城区区域内，本办法不适用（第三条）"),
    ("in_national_directory", False, DIRECTORY,
     "未列入国家文物局公布的《全国博物馆名录》，不符合申报条件（第十二条（一））"),
    ("project_already_district_funded", True, NO_DOUBLE, "同一项目已享受区级相关资金支持，不得申报（第十二条（四）3）"),
    ("under_investigation", True, BARRED, "申报单位涉嫌违法犯罪、正在接受立案调查，不得申报（第十二条（四）1）"),
    ("serious_dishonesty", True, BARRED, "申报单位存在严重违法失信情形，不得申报（第十二条（四）2）"),
)  # fmt: skip
BAR_FIELDS = {
    "located_in_xicheng": (bool | None, Field(None, description="设立地址是否在西城区区域内")),
    "in_national_directory": (
        bool | None,
        Field(None, description="是否已列入国家文物局公布的《全国博物馆名录》"),
    ),
    "project_already_district_funded": (
        bool | None,
        Field(None, description="同一项目是否已享受区级相关资金支持"),
    ),
    # 第十二条（三）: the opening days of the year before bar every amount when stated short of the minimum
    "opening_days_last_year": (
        int | None,
        Field(None, ge=0, le=DAYS_IN_YEAR, description="上一年度开放天数"),
    ),
    "affected_by_disaster": (bool | None, Field(None, description="上一年度是否受自然灾害等不可控因素影响")),
    "under_investigation": (
        bool | None,
        Field(None, description="申报单位是否涉嫌违法犯罪、正在接受相关部门立案调查"),
    ),
    "serious_dishonesty": (bool | None, Field(None, description="申报单位是否存在严重违法失信情形")),
}


def _short_of_opening_days(stated, as_of: date) -> tuple[str, str] | None:
    """第十二条（三）: a stated opening-day count below the minimum, in a year no natural disaster is said to
    have hit (such a year is 另行核算, so it bars nothing here): (parameter, what the step says)."""
    days = getattr(stated, "opening_days_last_year", None)
    need = load_param(OPENING_DAYS).at(as_of)
    if (
        days is None
        or need is None
        or days >= need["min_days"]
        or getattr(stated, "affected_by_disaster", None)
    ):
        return None
    return (
        OPENING_DAYS,
        f"上一年度开放 {days} 天，少于 {need['min_days']} 天，不符合申报条件（第十二条（三））",
    )


def barred(ex: Explain, stated) -> CalcResult | None:
    """0 / not eligible with the clause when a stated fact bars the application; None when none does."""
    failed = [(key, words) for field, bad, key, words in BARS if getattr(stated, field, None) is bad]
    short = _short_of_opening_days(stated, ex.as_of)
    if short:
        failed.append(short)
    if not failed:
        return None
    for key, words in failed:
        c = cite(load_param(key))
        if c not in ex.citations:
            ex.citations.append(c)
        ex.step(f"不符合：{words}")
    ex.step("因不符合上述条件，不予资助")
    return ex.result(0, False)


def museum(*, title: str, article: str, params=(), kind: str = "amount", name: str | None = None):
    """Register a rule of the measures; an amount rule also takes the barring facts (BAR_FIELDS), checked
    before it runs and, while its required inputs are still missing, from what was stated."""
    register = partial(
        calculator, doc_no=DOC, audience="enterprise", title=title, article=article, params=params, kind=kind
    )

    def wrap(rule):
        if kind != "amount":
            return register(name=name)(rule)
        calc_name = name or rule.__name__
        checked, screen = gated(rule, calc_name, DOC, BAR_FIELDS, barred)
        register(name=calc_name, screen=screen)(checked)
        return rule

    return wrap


# 第七条 设立备案资助 -------------------------------------------------------------


class EstablishmentInputs(BaseModel):
    filing_date: date = Field(..., description="博物馆在北京市文物局完成设立备案的日期")
    application_date: date | None = Field(None, description="向西城区文化和旅游局申报资助的日期")


@museum(title="社会力量兴办博物馆设立备案一次性补助", article="第七条", params=[ESTABLISHMENT, PROCEDURE])
def museum_establishment_award(ex: Explain, inputs: EstablishmentInputs) -> CalcResult:
    """第七条：发布日（released）后完成设立备案的一次性补助 amount，须在备案当年或下一年度申报；第二十一条 发布之日起三年内有效."""
    p = ex.value(ESTABLISHMENT)
    _procedure(ex)  # cited after the clause the result rests on
    released: date = p["released"]
    filed, applied = inputs.filing_date, inputs.application_date
    if filed < released:
        ex.step(
            f"设立备案日期 {filed.isoformat()} 早于本办法发布日 {released.isoformat()}，"
            "不属于“在本办法发布后完成设立备案”，不能获得设立备案资助"
        )
        return ex.result(0, False)
    ex.step(f"设立备案日期 {filed.isoformat()} 在本办法发布日 {released.isoformat()} 当日或之后：符合")
    last_year = filed.year + p["apply_within_years"]
    window = f"备案当年（{filed.year}年）或下一年度（{last_year}年）"
    ex.extra["deadline"] = f"须在{window}向西城区文化和旅游局申报"
    eligible: bool | None = True
    if applied is None:
        ex.step(f"申报日期未知：须在{window}申报，逾期不予资助")
        eligible = None
    elif filed.year <= applied.year <= last_year:
        ex.step(f"申报日期 {applied.isoformat()} 在{window}内：符合")
    else:
        ex.step(f"申报日期 {applied.isoformat()} 不在{window}内：不符合申报时限")
        return ex.result(0, False)
    ex.step(f"一次性补助 {yuan(p['amount'])}")
    return ex.result(p["amount"], eligible)


# 第八条（一） 市级匹配性资金 -------------------------------------------------------


class CityMatchingInputs(BaseModel):
    city_funding_last_year_yuan: float = Field(
        ...,
        gt=0,
        le=MAX_MUSEUM_FUNDING_YUAN,
        description="博物馆获得的上年度市级展览展示和社教活动项目定额资助金额（元）",
    )


@museum(title="博物馆市级扶持资金区级匹配奖励", article="第八条（一）", params=[CITY_MATCHING, PROCEDURE])
def museum_city_matching(ex: Explain, inputs: CityMatchingInputs) -> CalcResult:
    """第八条（一）：上年度市级扶持资金额 × 不超过 rate，每个博物馆不超过 cap（2024-03-20 起三年）."""
    p = ex.value(CITY_MATCHING)
    _procedure(ex)  # cited after the clause the result rests on
    raw = share_of(ex, inputs.city_funding_last_year_yuan, p["rate"], "上年度市级扶持资金", up_to=True)
    amount = capped(ex, raw, p["cap"], "每个博物馆最高额")
    ex.step("此为可获得的最高额，实际金额依据北京市文物局评审情况确定")
    return ex.result(amount, True)


# 第八条（二） 区级资助资金 ---------------------------------------------------------


class DistrictProjectInputs(BaseModel):
    project_costs_yuan: list[ProjectCost] = Field(
        ...,
        min_length=1,
        max_length=MAX_PROJECTS,
        description="上一年度实施的各项目实际发生金额（元），每个项目一个数",
    )
    received_city_funding_last_year: bool | None = Field(
        None, description="是否获得上年度市级展览展示项目和社教活动项目定额资助"
    )


def _city_funded(ex: Explain, received: bool | None) -> bool | None:
    """District funding is for museums without last year's city funding (else 第八条（一） applies)."""
    if received:
        ex.step(
            "已获得上年度市级定额资助的博物馆适用市级匹配性资金（第八条（一）），不适用区级资助资金：本项资助为 0 元"
        )
        return False
    if received is None:
        ex.step(
            "未说明是否获得上年度市级定额资助：区级资助只适用于未获得市级定额资助的博物馆，以下按未获得测算"
        )
        return None
    ex.step("未获得上年度市级定额资助：适用区级资助资金")
    return True


def _district_projects(ex: Explain, kind: str, inputs: DistrictProjectInputs, key: str) -> CalcResult:
    """第八条（二）1 and 2: each project min(cost × rate, cap), at most max_projects."""
    p = ex.value(key)
    _procedure(ex)  # cited after the clause the result rests on
    eligible = _city_funded(ex, inputs.received_city_funding_last_year)
    if eligible is False:
        return ex.result(0, False)
    supports = []
    for i, cost in enumerate(inputs.project_costs_yuan, 1):
        raw = share_of(ex, cost, p["rate"], f"{kind}项目{i}：", up_to=True)
        supports.append(capped(ex, raw, p["cap"], "每个项目上限"))
    most = p["max_projects"]
    if len(supports) > most:
        supports = sorted(supports, reverse=True)[:most]
        msg = (
            f"申报 {len(inputs.project_costs_yuan)} 个{kind}项目，超过每个博物馆原则上不超过 {most} 个的限制，"
            f"按资助额最高的 {most} 个测算"
        )
        ex.step(msg)
        ex.warn(msg)
    total = sum(supports)
    ex.step(f"合计最高可获 {yuan(total)}；实际金额依评审入围情况确定")
    return ex.result(total, eligible)


# name → (title, article, parameter, the kind of project)
DISTRICT_PROJECTS = {
    "museum_district_exhibition": ("博物馆展览展示项目区级资助", "第八条（二）1", "museum/district_exhibition", "展览展示"),
    "museum_district_education": ("博物馆社教活动项目区级资助", "第八条（二）2", "museum/district_education", "社教活动"),
}  # fmt: skip


def _register_district(name: str, title: str, article: str, key: str, kind: str) -> None:
    def rule(ex: Explain, inputs: DistrictProjectInputs) -> CalcResult:
        return _district_projects(ex, kind, inputs, key)

    rule.__doc__ = f"{article}：{kind}项目按实际发生金额最高比例资助，每项有上限，每馆原则上有项目数限制（2024-03-20 起三年）."
    museum(name=name, title=title, article=article, params=[key, PROCEDURE])(rule)


for _name, _project in DISTRICT_PROJECTS.items():
    _register_district(_name, *_project)


# dev5-wl3-003: "办了3个展览……还有4场社教活动……一共能拿多少" — both kinds of 第八条（二）, each on its own
# projects (its own rate, cap and number of projects), added up


class DistrictBothInputs(BaseModel):
    exhibition_costs_yuan: list[ProjectCost] = Field(
        ...,
        min_length=1,
        max_length=MAX_PROJECTS,
        description="上一年度实施的各展览展示项目实际发生金额（元），每个项目一个数",
    )
    education_costs_yuan: list[ProjectCost] = Field(
        ...,
        min_length=1,
        max_length=MAX_PROJECTS,
        description="上一年度实施的各社教活动项目实际发生金额（元），每个项目一个数",
    )
    received_city_funding_last_year: bool | None = Field(
        None, description="是否获得上年度市级展览展示项目和社教活动项目定额资助"
    )


@museum(
    title="博物馆展览展示与社教活动项目区级资助合计",
    article="第八条（二）1、2",
    params=["museum/district_exhibition", "museum/district_education", PROCEDURE],
)
def museum_district_projects(ex: Explain, inputs: DistrictBothInputs) -> CalcResult:
    """第八条（二）1 展览展示项目与 2 社教活动项目：各按本项的比例、每项上限和项目数测算后相加（2024-03-20 起三年）."""
    funded = inputs.received_city_funding_last_year
    parts = (
        ("museum_district_exhibition", "展览展示项目（第八条（二）1）", inputs.exhibition_costs_yuan),
        ("museum_district_education", "社教活动项目（第八条（二）2）", inputs.education_costs_yuan),
    )
    amounts = []
    for name, label, costs in parts:
        given = {"project_costs_yuan": costs}
        if funded is not None:
            given["received_city_funding_last_year"] = funded
        result = ex.include(name, label, given)
        amounts.append(result.amount_yuan or 0)
    total = sum(amounts)
    ex.step("两类项目分别测算后相加：" + " + ".join(yuan(a) for a in amounts) + f" = {yuan(total)}")
    return ex.result(total, None if funded is None else total > 0)


# 第十条 运行扶持 ---------------------------------------------------------------


class OperationInputs(BaseModel):
    museum_type: MuseumType = Field(..., description="博物馆性质：非国有博物馆或国有企业所属博物馆")
    evaluation_grade: Literal["优秀", "合格", "不合格", "未参加评估"] = Field(
        ..., description="上年度北京市文物局运行评估结果等次"
    )


@museum(title="非国有博物馆运行扶持", article="第十条", params=[OPERATION, OPERATION_SCOPE, PROCEDURE])
def museum_operation_support(ex: Explain, inputs: OperationInputs) -> CalcResult:
    """第十条（范围见第六条）：非国有博物馆按上年度市级运行评估等次，优秀、合格分别给予定额扶持（2024-03-20 起三年）."""
    scope = ex.value(OPERATION_SCOPE)
    p = ex.value(OPERATION)
    _procedure(ex)  # cited after the clause the result rests on
    if inputs.museum_type not in scope["eligible_types"]:
        ex.step(f"{inputs.museum_type}不适用运行扶持：第六条规定运行扶持只适用于非国有博物馆")
        return ex.result(0, False)
    ex.step(f"{inputs.museum_type}：属于运行扶持适用范围")
    grade = inputs.evaluation_grade
    if grade not in p["grades"]:
        ex.step(f"上年度市级运行评估结果为“{grade}”：只有评为{'、'.join(p['grades'])}等次的给予扶持")
        return ex.result(0, False)
    amount = p["grades"][grade]
    ex.step(f"上年度市级运行评估评为“{grade}”等次：给予 {yuan(amount)} 资金扶持")
    return ex.result(amount, True)


# 几个资助方向合在一个问题里 ----------------------------------------------------------


class TotalInputs(BaseModel):
    city_funding_last_year_yuan: float | None = Field(
        None, gt=0, le=MAX_MUSEUM_FUNDING_YUAN, description="博物馆获得的上年度市级定额资助金额（元）"
    )
    evaluation_grade: Literal["优秀", "合格", "不合格", "未参加评估"] | None = Field(
        None, description="上年度北京市文物局运行评估等次"
    )
    museum_type: MuseumType | None = Field(None, description="博物馆性质：非国有博物馆或国有企业所属博物馆")
    also_district_projects: bool = Field(
        False, description="是否还为同一批项目申请区级展览展示或社教活动项目资助"
    )
    received_city_funding_last_year: bool | None = Field(
        None, description="上年度是否获得过市级定额资助（金额未说明时）"
    )


@museum(
    title="博物馆几个资助方向合计（匹配资金、区级项目资助、运行扶持）",
    article="第八条、第十条",
    params=[CITY_MATCHING, OPERATION, OPERATION_SCOPE, PROCEDURE],
)
def museum_support_total(ex: Explain, inputs: TotalInputs) -> CalcResult:
    """第八条（一）匹配资金、第八条（二）区级资助（只给未获市级定额资助的项目）、第十条运行扶持：不同方向分别计算后相加."""
    parts, open_facts = [], False
    funding = inputs.city_funding_last_year_yuan
    if funding:
        p = ex.value(CITY_MATCHING)
        ex.step("第八条（一）市级匹配性资金：")
        parts.append(
            capped(
                ex,
                share_of(ex, funding, p["rate"], "上年度市级扶持资金", up_to=True),
                p["cap"],
                "每个博物馆最高额",
            )
        )
    city_funded = bool(funding) or inputs.received_city_funding_last_year is True
    if inputs.received_city_funding_last_year and not funding and not inputs.also_district_projects:
        ex.step("第八条（一）市级匹配性资金按上年度市级定额资助金额计算：未说明金额")
        open_facts = True
    if inputs.also_district_projects:
        if city_funded:
            ex.step(
                "第八条（二）区级资助只给未获得上年度市级定额资助的项目：这些项目已获市级资助，区级资助为 0 元"
            )
        else:
            ex.step("第八条（二）区级资助须按每个项目的实际发生金额另行计算（见展览展示、社教活动项目资助）")
            open_facts = True
    if inputs.evaluation_grade is not None:
        scope, op = ex.value(OPERATION_SCOPE), ex.value(OPERATION)
        ex.step("第十条 运行扶持：")
        grade = inputs.evaluation_grade
        if inputs.museum_type is not None and inputs.museum_type not in scope["eligible_types"]:
            ex.step(f"{inputs.museum_type}不适用运行扶持（只适用于非国有博物馆）")
        elif grade not in op["grades"]:
            ex.step(f"运行评估结果为“{grade}”：只有评为{'、'.join(op['grades'])}等次的给予扶持")
        else:
            if inputs.museum_type is None:
                ex.step("未说明博物馆性质：运行扶持只适用于非国有博物馆")
                open_facts = True
            ex.step(f"运行评估评为“{grade}”等次：{yuan(op['grades'][grade])}")
            parts.append(op["grades"][grade])
    _procedure(ex)
    total = sum(parts)
    if len(parts) > 1:
        ex.step("不同资助方向分别计算后相加：" + " + ".join(yuan(x) for x in parts) + f" = {yuan(total)}")
    if not parts and not open_facts:
        return ex.result(0, False)
    return ex.result(total, None if open_facts else total > 0)


# 第三条、第十二条 申报条件 --------------------------------------------------------


class ApplicationInputs(BaseModel):
    museum_type: MuseumType | None = Field(None, description="博物馆性质：非国有博物馆或国有企业所属博物馆")
    located_in_xicheng: bool | None = Field(None, description="设立地址是否在西城区区域内")
    filed_with_city_bureau: bool | None = Field(None, description="是否已按规定在北京市文物局备案")
    in_national_directory: bool | None = Field(
        None, description="是否已列入国家文物局公布的《全国博物馆名录》"
    )
    independent_legal_person: bool | None = Field(
        None, description="申报单位或其上级主管单位是否具备独立法人资格"
    )
    private_non_enterprise_status: bool | None = Field(
        None, description="非国有博物馆是否已取得民办非企业法人资格"
    )
    sound_financial_systems: bool | None = Field(
        None, description="是否具有独立、健全的财务管理、会计核算和资产管理制度"
    )
    passed_inspections: bool | None = Field(
        None, description="在文物行政主管部门“双随机一公开”等检查中是否达到要求"
    )
    opening_days_last_year: int | None = Field(None, ge=0, le=DAYS_IN_YEAR, description="上一年度开放天数")
    open_normally_this_year: bool | None = Field(None, description="申报当年是否保持正常开放")
    affected_by_disaster: bool | None = Field(None, description="上一年度是否受自然灾害等不可控因素影响")
    under_investigation: bool | None = Field(
        None, description="申报单位是否涉嫌违法犯罪、正在接受相关部门立案调查"
    )
    serious_dishonesty: bool | None = Field(None, description="申报单位是否存在严重违法失信情形")
    project_already_district_funded: bool | None = Field(
        None, description="同一项目是否已享受区级相关资金支持"
    )


# (input, the value that meets it, the condition, its clause), in the order of 第三条 and 第十二条
FACTS_BEFORE_OPENING = (
    ("located_in_xicheng", True, "设立地址在西城区区域内", "第三条"),
    ("filed_with_city_bureau", True, "在北京市文物局备案", "第三条"),
    ("in_national_directory", True, "已列入《全国博物馆名录》", "第十二条（一）"),
    ("independent_legal_person", True, "申报单位或其上级主管单位具备独立法人资格", "第十二条（一）"),
    ("private_non_enterprise_status", True, "非国有博物馆取得民办非企业法人资格", "第三条、第十二条（一）"),
    ("sound_financial_systems", True, "具有独立、健全的财务管理、会计核算和资产管理制度", "第十二条（二）"),
    ("passed_inspections", True, "在“双随机一公开”等检查中达到要求", "第十二条（三）"),
)
FACTS_AFTER_OPENING = (
    ("open_normally_this_year", True, "申报当年保持正常开放", "第十二条（三）"),
    ("under_investigation", False, "未涉嫌违法犯罪、未在接受立案调查", "第十二条（四）1"),
    ("serious_dishonesty", False, "不存在严重违法失信情形", "第十二条（四）2"),
    ("project_already_district_funded", False, "同一项目未享受区级相关资金支持", "第十二条（四）3"),
)


def _opening_days(c: Conditions, inputs: ApplicationInputs, need: int) -> None:
    """第十二条（三）: open at least `need` days last year, unless a natural disaster intervened."""
    days, art = inputs.opening_days_last_year, "第十二条（三）"
    if days is None:
        c.add(None, f"上一年度开放天数（{art}：不少于 {need} 天）")
    elif days >= need:
        c.add(True, f"上一年度开放 {days} 天，不少于 {need} 天", article=art)
    elif inputs.affected_by_disaster:
        c.add(None, f"上一年度开放 {days} 天，少于 {need} 天，但受自然灾害等不可控因素影响，由主管部门另行核算达标条件",
              article=art)  # fmt: skip
    else:
        c.add(False, f"上一年度开放 {days} 天，少于 {need} 天",
              article=f"{art}；如受自然灾害等不可控因素影响，由主管部门另行核算达标条件")  # fmt: skip


@museum(
    title="博物馆申报扶持资金的条件",
    article="第十二条",
    params=[SCOPE, OPENING_DAYS, PROCEDURE],
    kind="eligibility",
)
def museum_application_eligibility(ex: Explain, inputs: ApplicationInputs) -> CalcResult:
    """第三条（适用范围）和第十二条（申报条件）：逐项判断；开放天数不少于 min_days（2024-03-20 起三年）."""
    scope = ex.value(SCOPE)
    need = ex.value(OPENING_DAYS)["min_days"]
    _procedure(ex)  # cited after the clause the result rests on
    c = Conditions(ex, inputs, KNOWN)
    kind = inputs.museum_type
    if kind is None:
        c.add(None, "博物馆性质（第三条：适用于非国有博物馆和各级国有企业所属博物馆）")
    else:
        c.add(True, f"{kind}属于适用范围（第三条，可申报：{'、'.join(scope['eligible_types'])}）")
    for field, want, words, art in FACTS_BEFORE_OPENING:
        if field != "private_non_enterprise_status" or kind != "国有企业所属博物馆":
            c.fact(field, words, want=want, article=art)
    _opening_days(c, inputs, need)
    for field, want, words, art in FACTS_AFTER_OPENING:
        c.fact(field, words, want=want, article=art)
    failed, unknown = c.tally(False), c.tally(None)
    if failed:
        ex.step(f"结论：有 {failed} 项条件不符合，不能申报扶持资金")
        return ex.result(None, False)
    if unknown:
        ex.step(f"结论：已知条件均符合，另有 {unknown} 项尚不确定，补充后才能判断")
        return ex.result(None, None)
    ex.step("结论：各项申报条件均符合，可以申报扶持资金；申报单位应对申报材料的真实性负责（第十二条（五））")
    return ex.result(None, True)
