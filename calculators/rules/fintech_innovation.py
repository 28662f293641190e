"""西科管发〔2024〕1号 三、四、五: innovation awards, 信创 joint awards, city-fund matching, regulatory-innovation transfer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, highest_of, per_unit, with_missing, yuan
from calculators.kit.bounds import MAX_AWARDS, MAX_CO_APPLICANTS, MAX_FUNDS_YUAN, MAX_YUAN
from calculators.rules.fintech_common import Year, conditions, fintech
from core.schema import CalcResult

HIGHEST_ONLY = "fintech/award_highest_only"
XINCHUANG = "fintech/xinchuang_award"
XINCHUANG_CAP = "fintech/xinchuang_joint_cap"
CITY_MATCHING = "fintech/city_fund_matching"
TRANSFER = "fintech/regulatory_transfer"

# ---------------------------------------------------------------- 三（二）2 科技创新奖励

AwardCode = Literal[
    "national_qualification",
    "municipal_qualification",
    "fintech_dev_first",
    "fintech_dev_second",
    "fintech_dev_third",
    "capital_innovation_first",
    "capital_innovation_second",
    "capital_innovation_third",
    "xinchuang_solution",
    "other",
]

AWARD_HELP = (
    "本年度新获得的资质或奖项（可多选）：national_qualification=国家级金融科技重点实验室、创新中心等资质，"
    "municipal_qualification=市级金融科技重点实验室、创新中心等，fintech_dev_first=金融科技发展奖一等奖及以上，"
    "fintech_dev_second=金融科技发展奖二等奖，fintech_dev_third=金融科技发展奖三等奖，"
    "capital_innovation_first/second/third=首都金融创新成果奖一/二/三等奖，"
    "xinchuang_solution=入选金融信创优秀解决方案（非办公管理类、终端机具类），other=其他须审议认定的资质或奖项"
)

# award code → (readable name, parameter holding its amount)
AWARDS = {
    "national_qualification": ("国家级金融科技重点实验室、创新中心等资质", "fintech/qualification_national"),
    "municipal_qualification": ("市级金融科技重点实验室、创新中心等", "fintech/qualification_municipal"),
    "fintech_dev_first": ("金融科技发展奖一等奖及以上", "fintech/award_tier_100"),
    "fintech_dev_second": ("金融科技发展奖二等奖", "fintech/award_tier_50"),
    "capital_innovation_first": ("首都金融创新成果奖一等奖", "fintech/award_tier_50"),
    "fintech_dev_third": ("金融科技发展奖三等奖", "fintech/award_tier_30"),
    "capital_innovation_second": ("首都金融创新成果奖二等奖", "fintech/award_tier_30"),
    "capital_innovation_third": ("首都金融创新成果奖三等奖", "fintech/award_tier_10"),
    "xinchuang_solution": ("入选金融信创优秀解决方案", XINCHUANG),
}
AWARD_PARAMS = sorted({key for _, key in AWARDS.values()})


class InnovationAwardInputs(BaseModel):
    awards: list[AwardCode] = Field(..., min_length=1, max_length=MAX_AWARDS, description=AWARD_HELP)
    newly_obtained_in_policy_year: bool | None = Field(
        None, description="这些奖项是否为政策兑现年度内新获得（以证书时间为准，无证书以公告时间为准）"
    )
    certificate_year: Year = Field(None, description="证书颁发（无证书则公告）的年度（如 2023）")
    certificate_date: date | None = Field(None, description="证书颁发（无证书则公告）的日期")
    policy_year: Year = Field(None, description="申报的政策兑现年度（如 2023 年度）")
    xinchuang_office_or_terminal: bool | None = Field(
        None, description="入选的信创解决方案是否属于办公管理类或终端机具类（这两类不予奖励）"
    )


@fintech(
    title="金融科技创新资质和获奖奖励（同一年度按最高一项）",
    article="三（二）2",
    params=[*AWARD_PARAMS, HIGHEST_ONLY],
)
def fintech_innovation_award(ex: Explain, inputs: InnovationAwardInputs) -> CalcResult:
    """三（二）2（1）–（8）: 国家级资质 1000 万、市级 500 万、各奖项 100/50/30/10 万、信创 10 万；
    同一年度多个奖项按最高标准一次性奖励，不累计 (2024-01-03 起)."""
    held = []
    for code in dict.fromkeys(inputs.awards):
        if code == "other":
            ex.step("其他资质或奖项须经西城园管委会政策兑现领导小组审议认定，金额无法测算")
            continue
        name, key = AWARDS[code]
        if code == "xinchuang_solution" and inputs.xinchuang_office_or_terminal:
            ex.value(key)
            ex.step(f"条件不满足：{name}限非办公管理类、终端机具类方案，所述方案属于这两类，不予奖励")
            continue
        held.append((name, ex.value(key)["amount"]))
        ex.step(f"{name}：一次性 {yuan(held[-1][1])}")
    ex.value(HIGHEST_ONLY)
    if not held:
        if "xinchuang_solution" in inputs.awards and inputs.xinchuang_office_or_terminal:
            return ex.result(0, False)
        return ex.result(None, None)
    _, best = highest_of(ex, held, "同一年度获得多个奖项，按最高标准给予一次性奖励、不累计")
    if "other" in inputs.awards:
        ex.warn("另有须审议认定的资质或奖项，如其认定标准更高，按更高者给予")
    new = _newly_obtained(conditions(ex, inputs), inputs)
    if new is False:
        return ex.result(0, False)
    if "xinchuang_solution" in inputs.awards:
        ex.warn(
            "同一信创解决方案由多家主体共同申报的，同一年度合计不超过 50 万元，见 fintech_xinchuang_joint_award"
        )
    return ex.result(best, new)


def _newly_obtained(c, inputs: InnovationAwardInputs) -> bool | None:
    """三（二）2（8）: 奖项须为政策兑现年度内新获得，以证书（无证书以公告）时间为准."""
    words = "奖项为政策兑现年度内新获得（以证书时间为准，没有证书的以公告时间为准）"
    if inputs.newly_obtained_in_policy_year is not None:
        return c.fact("newly_obtained_in_policy_year", words)
    cert = inputs.certificate_year or (inputs.certificate_date.year if inputs.certificate_date else None)
    if cert is None or inputs.policy_year is None:
        return c.add(None, words, why="未说明证书年度或所报的兑现年度")
    detail = f"证书（公告）{cert}年，申报{inputs.policy_year}年度兑现"
    return c.add(cert == inputs.policy_year, words, detail=detail)


class XinchuangInputs(BaseModel):
    co_applicants: int | None = Field(
        None, ge=1, le=MAX_CO_APPLICANTS, description="共同申报同一项技术标准解决方案的金科新区主体数量"
    )
    other_co_applicants: int | None = Field(
        None, ge=1, le=MAX_CO_APPLICANTS, description="除本企业外，一起申报的其他主体数量（“和另外两家”）"
    )


@fintech(
    title="金融信创优秀解决方案多主体共同申报奖励",
    article="三（二）2（6）",
    params=[XINCHUANG, XINCHUANG_CAP],
)
def fintech_xinchuang_joint_award(ex: Explain, inputs: XinchuangInputs) -> CalcResult:
    """三（二）2（6）: 每个入选主体一次性 10 万元；同一方案多家共同申报的，各方协商分配，同一年度累计不超过 50 万元 (2024-01-03 起)."""
    per = ex.value(XINCHUANG)["amount"]
    cap = ex.value(XINCHUANG_CAP)["cap"]
    n = inputs.co_applicants
    if n is None and inputs.other_co_applicants is not None:
        n = inputs.other_co_applicants + 1
        ex.step(f"本企业与另外 {inputs.other_co_applicants} 家共同申报，共 {n} 家主体")
    if n is None:
        return with_missing(ex.result(None, None), Conditions(ex, inputs).descriptions(("co_applicants",)))
    total = capped(ex, per_unit(ex, n, "家主体", per), cap, "同一年度累计上限")
    if n > 1:
        ex.step(f"由参与各方自行协商分配后申报；平均每家约 {yuan(total / n)}")
    ex.extra["per_entity_average_yuan"] = round(total / n, 2)
    return ex.result(total, True)


# ---------------------------------------------------------------- 四（二）1 示范应用配套


class CityMatchingInputs(BaseModel):
    city_funds_yuan: float | None = Field(
        None, gt=0, le=MAX_FUNDS_YUAN, description="项目获得并已到位的市级支持资金（元）"
    )
    city_funds_fully_disbursed: bool | None = Field(None, description="市级支持资金是否已拨付完成")
    landed_in_xicheng: bool | None = Field(None, description="项目是否已落地西城区")


@fintech(title="示范应用项目市级资金区级1:0.5配套", article="四（二）1", params=[CITY_MATCHING])
def fintech_city_fund_matching(ex: Explain, inputs: CityMatchingInputs) -> CalcResult:
    """四（二）1: 市级支持资金拨付完成并落地西城区后，区政府按 1:0.5 配套，原文未设上限 (2024-01-03 起)."""
    ratio = ex.value(CITY_MATCHING)["ratio"]
    c = conditions(ex, inputs)
    c.fact("city_funds_fully_disbursed", "市级支持资金已拨付完成", why="未说明市级资金是否拨付完成")
    c.fact("landed_in_xicheng", "项目已落地西城区", why="未说明项目是否落地西城区")
    if c.verdict is False:
        ex.step("条件未满足，暂不能申请配套")
        return ex.result(0, False)
    if inputs.city_funds_yuan is None:
        return with_missing(ex.result(None, None), c.descriptions(("city_funds_yuan",)))
    amount = inputs.city_funds_yuan * ratio
    ex.step(f"市级支持资金 {yuan(inputs.city_funds_yuan)} × {ratio:g} = 区级配套 {yuan(amount)}")
    return ex.result(amount, c.verdict)


# ---------------------------------------------------------------- 五（二）1 创新监管工具成果转化


class RegulatoryTransferInputs(BaseModel):
    landing_date: date | None = Field(
        None, description="通过测试的创新监管项目在西城区落地（转化为企业实体）的日期"
    )
    chosen_year: Year = Field(None, description="选择用于申请的区综合贡献所属自然年度（如 2025）")
    assessed_support_yuan: float | None = Field(
        None, ge=0, le=MAX_YUAN, description="综合评定拟给予的支持金额（元），不填则给出上限"
    )
    passed_test: bool | None = Field(None, description="项目是否已通过创新监管测试")


@fintech(title="创新监管工具成果转化支持", article="五（二）1", params=[TRANSFER])
def fintech_regulatory_transfer(ex: Explain, inputs: RegulatoryTransferInputs) -> CalcResult:
    """五（二）1: 通过测试的创新监管项目落地西城，按区综合贡献给予不超过 300 万元；
    自落地之日起三年内任选一个自然年度的区综合贡献申请 (2024-01-03 起)."""
    p = ex.value(TRANSFER)
    c = conditions(ex, inputs)
    c.fact("passed_test", "创新监管项目已通过测试", why="未说明是否通过测试")
    window = p["window_years"]
    if inputs.landing_date is None or inputs.chosen_year is None:
        c.add(None, f"申请年度须在落地之日起 {window} 年内（未给出落地日期或所选年度）")
    else:
        first = inputs.landing_date.year
        last = first + window - 1
        c.add(
            first <= inputs.chosen_year <= last,
            f"{inputs.landing_date.isoformat()} 落地，可选 {first}–{last} 年中任一自然年度，所选为 {inputs.chosen_year} 年",
        )
    if c.verdict is False:
        return ex.result(0, False)
    cap = p["cap"]
    if inputs.assessed_support_yuan is None:
        ex.step(f"支持金额根据落地企业实体区综合贡献综合评定，最高 {yuan(cap)}")
        return ex.result(cap, c.verdict)
    ex.step(f"评定金额 {yuan(inputs.assessed_support_yuan)}")
    return ex.result(capped(ex, inputs.assessed_support_yuan, cap, "上限"), c.verdict)
