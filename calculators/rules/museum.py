"""西文旅发〔2024〕3号 西城区鼓励社会力量兴办博物馆扶持资金：设立备案、市级匹配、区级项目、运行扶持与申报条件."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, explain, yuan
from core.schema import CalcResult

DOC = "西文旅发〔2024〕3号"
MuseumType = Literal["非国有博物馆", "国有企业所属博物馆"]
ProjectCost = Annotated[float, Field(gt=0, le=1e8)]


def _procedure(ex: Explain, param) -> None:
    """Where to apply (第十四条): the office, the channel and the publicity period."""
    p = ex.value(param)
    ex.extra["office"] = p["office"]
    ex.extra["channel"] = p["channel"]
    ex.extra["publicity"] = (
        f"经第三方评估、区文化和旅游局复核后，在西城区官方网站公示 {p['publicity_workdays']} 个工作日"
    )


# 第七条 设立备案资助 -------------------------------------------------------------


class EstablishmentInputs(BaseModel):
    filing_date: date = Field(..., description="博物馆在北京市文物局完成设立备案的日期")
    application_date: date | None = Field(None, description="向西城区文化和旅游局申报资助的日期")


@calculator(
    name="museum_establishment_award",
    title="社会力量兴办博物馆设立备案一次性补助",
    doc_no=DOC,
    article="第七条",
    inputs=EstablishmentInputs,
    params=["museum/establishment_award", "museum/procedure"],
)
def establishment_award(inputs: EstablishmentInputs, as_of: date, params) -> CalcResult:
    """第七条：发布日（released）后完成设立备案的一次性补助 amount，须在备案当年或下一年度申报；第二十一条 发布之日起三年内有效."""
    ex = explain("museum_establishment_award", inputs, as_of)
    p = ex.value(params["museum/establishment_award"])
    _procedure(ex, params["museum/procedure"])
    released: date = p["released"]
    if inputs.filing_date < released:
        ex.step(
            f"设立备案日期 {inputs.filing_date.isoformat()} 早于本办法发布日 {released.isoformat()}，"
            "不属于“在本办法发布后完成设立备案”，不能获得设立备案资助"
        )
        return ex.result(0, False)
    ex.step(
        f"设立备案日期 {inputs.filing_date.isoformat()} 在本办法发布日 {released.isoformat()} 当日或之后：符合"
    )
    last_year = inputs.filing_date.year + p["apply_within_years"]
    window = f"备案当年（{inputs.filing_date.year}年）或下一年度（{last_year}年）"
    ex.extra["deadline"] = f"须在{window}向西城区文化和旅游局申报"
    eligible: bool | None = True
    if inputs.application_date is None:
        ex.step(f"申报日期未知：须在{window}申报，逾期不予资助")
        eligible = None
    elif inputs.filing_date.year <= inputs.application_date.year <= last_year:
        ex.step(f"申报日期 {inputs.application_date.isoformat()} 在{window}内：符合")
    else:
        ex.step(f"申报日期 {inputs.application_date.isoformat()} 不在{window}内：不符合申报时限")
        return ex.result(0, False)
    ex.step(f"一次性补助 {yuan(p['amount'])}")
    return ex.result(p["amount"], eligible)


# 第八条（一） 市级匹配性资金 -------------------------------------------------------


class CityMatchingInputs(BaseModel):
    city_funding_last_year_yuan: float = Field(
        ..., gt=0, le=1e9, description="博物馆获得的上年度市级展览展示和社教活动项目定额资助金额（元）"
    )


@calculator(
    name="museum_city_matching",
    title="博物馆市级扶持资金区级匹配奖励",
    doc_no=DOC,
    article="第八条（一）",
    inputs=CityMatchingInputs,
    params=["museum/city_matching", "museum/procedure"],
)
def city_matching(inputs: CityMatchingInputs, as_of: date, params) -> CalcResult:
    """第八条（一）：上年度市级扶持资金额 × 不超过 rate，每个博物馆不超过 cap（2024-03-20 起三年）."""
    ex = explain("museum_city_matching", inputs, as_of)
    p = ex.value(params["museum/city_matching"])
    _procedure(ex, params["museum/procedure"])
    funding = inputs.city_funding_last_year_yuan
    raw = funding * p["rate"]
    ex.step(f"上年度市级扶持资金 {yuan(funding)} × 最高 {p['rate']:.0%} = {yuan(raw)}")
    amount = min(raw, p["cap"])
    if raw > p["cap"]:
        ex.step(f"超过每个博物馆最高额 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"未超过每个博物馆最高额 {yuan(p['cap'])}")
    ex.step("此为可获得的最高额，实际金额依据北京市文物局评审情况确定")
    return ex.result(amount, True)


# 第八条（二） 区级资助资金 ---------------------------------------------------------


class DistrictProjectInputs(BaseModel):
    project_costs_yuan: list[ProjectCost] = Field(
        ..., min_length=1, max_length=50, description="上一年度实施的各项目实际发生金额（元），每个项目一个数"
    )
    received_city_funding_last_year: bool | None = Field(
        None, description="是否获得上年度市级展览展示项目和社教活动项目定额资助"
    )


def _district_projects(
    name: str, kind: str, inputs: DistrictProjectInputs, as_of: date, param, procedure
) -> CalcResult:
    """Shared logic of 第八条（二）1 and 2: each project min(cost × rate, cap), at most max_projects."""
    ex = explain(name, inputs, as_of)
    p = ex.value(param)
    _procedure(ex, procedure)
    eligible: bool | None = True
    if inputs.received_city_funding_last_year:
        ex.step(
            "已获得上年度市级定额资助的博物馆适用市级匹配性资金（第八条（一）），"
            "不适用区级资助资金：本项资助为 0 元"
        )
        return ex.result(0, False)
    if inputs.received_city_funding_last_year is None:
        ex.step(
            "未说明是否获得上年度市级定额资助：区级资助只适用于未获得市级定额资助的博物馆，以下按未获得测算"
        )
        eligible = None
    else:
        ex.step("未获得上年度市级定额资助：适用区级资助资金")
    supports = []
    for i, cost in enumerate(inputs.project_costs_yuan, 1):
        raw = cost * p["rate"]
        support = min(raw, p["cap"])
        bound = (
            f"超过每个项目上限 {yuan(p['cap'])}，按上限计"
            if raw > p["cap"]
            else f"未超过每个项目上限 {yuan(p['cap'])}，计"
        )
        ex.step(f"{kind}项目{i}：{yuan(cost)} × 最高 {p['rate']:.0%} = {yuan(raw)}；{bound} {yuan(support)}")
        supports.append(support)
    if len(supports) > p["max_projects"]:
        supports = sorted(supports, reverse=True)[: p["max_projects"]]
        msg = (
            f"申报 {len(inputs.project_costs_yuan)} 个{kind}项目，超过每个博物馆原则上不超过 {p['max_projects']} 个的限制，"
            f"按资助额最高的 {p['max_projects']} 个测算"
        )
        ex.step(msg)
        ex.warn(msg)
    total = sum(supports)
    ex.step(f"合计最高可获 {yuan(total)}；实际金额依评审入围情况确定")
    return ex.result(total, eligible)


@calculator(
    name="museum_district_exhibition",
    title="博物馆展览展示项目区级资助",
    doc_no=DOC,
    article="第八条（二）1",
    inputs=DistrictProjectInputs,
    params=["museum/district_exhibition", "museum/procedure"],
)
def district_exhibition(inputs: DistrictProjectInputs, as_of: date, params) -> CalcResult:
    """第八条（二）1：展览展示项目按实际发生金额最高 50%，每项不超过 10 万元，每馆原则上不超过 3 个（2024-03-20 起三年）."""
    return _district_projects(
        "museum_district_exhibition",
        "展览展示",
        inputs,
        as_of,
        params["museum/district_exhibition"],
        params["museum/procedure"],
    )


@calculator(
    name="museum_district_education",
    title="博物馆社教活动项目区级资助",
    doc_no=DOC,
    article="第八条（二）2",
    inputs=DistrictProjectInputs,
    params=["museum/district_education", "museum/procedure"],
)
def district_education(inputs: DistrictProjectInputs, as_of: date, params) -> CalcResult:
    """第八条（二）2：社教活动项目按实际发生金额最高 50%，每项不超过 1 万元，每馆原则上不超过 10 个（2024-03-20 起三年）."""
    return _district_projects(
        "museum_district_education",
        "社教活动",
        inputs,
        as_of,
        params["museum/district_education"],
        params["museum/procedure"],
    )


# 第十条 运行扶持 ---------------------------------------------------------------


class OperationInputs(BaseModel):
    museum_type: MuseumType = Field(..., description="博物馆性质：非国有博物馆或国有企业所属博物馆")
    evaluation_grade: Literal["优秀", "合格", "不合格", "未参加评估"] = Field(
        ..., description="上年度北京市文物局运行评估结果等次"
    )


@calculator(
    name="museum_operation_support",
    title="非国有博物馆运行扶持",
    doc_no=DOC,
    article="第十条",
    inputs=OperationInputs,
    params=["museum/operation_support", "museum/operation_support_scope", "museum/procedure"],
)
def operation_support(inputs: OperationInputs, as_of: date, params) -> CalcResult:
    """第十条（范围见第六条）：非国有博物馆按上年度市级运行评估等次，优秀、合格分别给予定额扶持（2024-03-20 起三年）."""
    ex = explain("museum_operation_support", inputs, as_of)
    scope = ex.value(params["museum/operation_support_scope"])
    p = ex.value(params["museum/operation_support"])
    _procedure(ex, params["museum/procedure"])
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
    opening_days_last_year: int | None = Field(None, ge=0, le=366, description="上一年度开放天数")
    open_normally_this_year: bool | None = Field(None, description="申报当年是否保持正常开放")
    affected_by_disaster: bool | None = Field(None, description="上一年度是否受自然灾害等不可控因素影响")
    under_investigation: bool | None = Field(
        None, description="申报单位是否涉嫌违法犯罪、正在接受相关部门立案调查"
    )
    serious_dishonesty: bool | None = Field(None, description="申报单位是否存在严重违法失信情形")
    project_already_district_funded: bool | None = Field(
        None, description="同一项目是否已享受区级相关资金支持"
    )


def _condition(ex: Explain, status: dict, value: bool | None, want: bool, label: str, clause: str) -> None:
    """Record one condition as met / failed / unknown."""
    if value is None:
        ex.step(f"未知：{label}（{clause}）")
        status["unknown"] += 1
    elif value == want:
        ex.step(f"符合：{label}（{clause}）")
    else:
        ex.step(f"不符合：{label}（{clause}）")
        status["failed"] += 1


@calculator(
    name="museum_application_eligibility",
    title="博物馆申报扶持资金的条件",
    doc_no=DOC,
    article="第十二条",
    inputs=ApplicationInputs,
    params=["museum/scope", "museum/opening_days", "museum/procedure"],
)
def application_eligibility(inputs: ApplicationInputs, as_of: date, params) -> CalcResult:
    """第三条（适用范围）和第十二条（申报条件）：逐项判断；开放天数不少于 min_days（2024-03-20 起三年）."""
    ex = explain("museum_application_eligibility", inputs, as_of)
    scope = ex.value(params["museum/scope"])
    p = ex.value(params["museum/opening_days"])
    _procedure(ex, params["museum/procedure"])
    status = {"failed": 0, "unknown": 0}
    i = inputs

    if i.museum_type is None:
        ex.step("未知：博物馆性质（第三条：适用于非国有博物馆和各级国有企业所属博物馆）")
        status["unknown"] += 1
    else:
        ex.step(f"符合：{i.museum_type}属于适用范围（第三条，可申报：{'、'.join(scope['eligible_types'])}）")
    _condition(ex, status, i.located_in_xicheng, True, "设立地址在西城区区域内", "第三条")
    _condition(ex, status, i.filed_with_city_bureau, True, "在北京市文物局备案", "第三条")
    _condition(ex, status, i.in_national_directory, True, "已列入《全国博物馆名录》", "第十二条（一）")
    _condition(
        ex,
        status,
        i.independent_legal_person,
        True,
        "申报单位或其上级主管单位具备独立法人资格",
        "第十二条（一）",
    )
    if i.museum_type != "国有企业所属博物馆":
        _condition(
            ex,
            status,
            i.private_non_enterprise_status,
            True,
            "非国有博物馆取得民办非企业法人资格",
            "第三条、第十二条（一）",
        )
    _condition(
        ex,
        status,
        i.sound_financial_systems,
        True,
        "具有独立、健全的财务管理、会计核算和资产管理制度",
        "第十二条（二）",
    )
    _condition(ex, status, i.passed_inspections, True, "在“双随机一公开”等检查中达到要求", "第十二条（三）")

    days, need = i.opening_days_last_year, p["min_days"]
    if days is None:
        ex.step(f"未知：上一年度开放天数（第十二条（三）：不少于 {need} 天）")
        status["unknown"] += 1
    elif days >= need:
        ex.step(f"符合：上一年度开放 {days} 天，不少于 {need} 天（第十二条（三））")
    elif i.affected_by_disaster:
        ex.step(
            f"待定：上一年度开放 {days} 天，少于 {need} 天，但受自然灾害等不可控因素影响，"
            "由主管部门另行核算达标条件（第十二条（三））"
        )
        status["unknown"] += 1
    else:
        ex.step(
            f"不符合：上一年度开放 {days} 天，少于 {need} 天（第十二条（三）；"
            "如受自然灾害等不可控因素影响，由主管部门另行核算达标条件）"
        )
        status["failed"] += 1
    _condition(ex, status, i.open_normally_this_year, True, "申报当年保持正常开放", "第十二条（三）")
    _condition(
        ex, status, i.under_investigation, False, "未涉嫌违法犯罪、未在接受立案调查", "第十二条（四）1"
    )
    _condition(ex, status, i.serious_dishonesty, False, "不存在严重违法失信情形", "第十二条（四）2")
    _condition(
        ex,
        status,
        i.project_already_district_funded,
        False,
        "同一项目未享受区级相关资金支持",
        "第十二条（四）3",
    )

    if status["failed"]:
        ex.step(f"结论：有 {status['failed']} 项条件不符合，不能申报扶持资金")
        return ex.result(None, False)
    if status["unknown"]:
        ex.step(f"结论：已知条件均符合，另有 {status['unknown']} 项尚不确定，补充后才能判断")
        return ex.result(None, None)
    ex.step("结论：各项申报条件均符合，可以申报扶持资金；申报单位应对申报材料的真实性负责（第十二条（五））")
    return ex.result(None, True)
