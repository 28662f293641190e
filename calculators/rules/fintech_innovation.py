"""西科管发〔2024〕1号 三、四、五: innovation awards, 信创 joint awards, city-fund matching, regulatory-innovation transfer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.fintech_common import DOC, ZGC_XICHENG, all_of, condition
from core.schema import CalcResult

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
    "xinchuang_solution": ("入选金融信创优秀解决方案", "fintech/xinchuang_award"),
}
AWARD_PARAMS = sorted({key for _, key in AWARDS.values()})


class InnovationAwardInputs(BaseModel):
    awards: list[AwardCode] = Field(..., min_length=1, max_length=20, description=AWARD_HELP)
    newly_obtained_in_policy_year: bool | None = Field(
        None, description="这些奖项是否为政策兑现年度内新获得（以证书时间为准，无证书以公告时间为准）"
    )


@calculator(
    name="fintech_innovation_award",
    title="金融科技创新资质和获奖奖励（同一年度按最高一项）",
    doc_no=DOC,
    article="三（二）2",
    inputs=InnovationAwardInputs,
    params=[*AWARD_PARAMS, "fintech/award_highest_only"],
)
def innovation_award(inputs: InnovationAwardInputs, as_of: date, params) -> CalcResult:
    """三（二）2（1）–（8）: 国家级资质 1000 万、市级 500 万、各奖项 100/50/30/10 万、信创 10 万；
    同一年度多个奖项按最高标准一次性奖励，不累计 (2024-01-03 起)."""
    ex = explain("fintech_innovation_award", inputs, as_of)
    ex.extra["accepting_office"] = ZGC_XICHENG
    best_name, best = None, None
    for code in dict.fromkeys(inputs.awards):
        if code == "other":
            ex.step("其他资质或奖项须经西城园管委会政策兑现领导小组审议认定，金额无法测算")
            continue
        name, key = AWARDS[code]
        amount = ex.value(params[key])["amount"]
        ex.step(f"{name}：一次性 {yuan(amount)}")
        if best is None or amount > best:
            best_name, best = name, amount
    rule = ex.value(params["fintech/award_highest_only"])
    if best is None:
        return ex.result(None, None)
    if len(inputs.awards) > 1 and rule["highest_only"]:
        ex.step(f"同一年度获得多个奖项，按最高标准给予一次性奖励、不累计：按“{best_name}”给予 {yuan(best)}")
    if "other" in inputs.awards:
        ex.warn("另有须审议认定的资质或奖项，如其认定标准更高，按更高者给予")
    new = condition(
        ex,
        inputs.newly_obtained_in_policy_year,
        "奖项为政策兑现年度内新获得",
        "未说明获奖（证书）时间是否在兑现年度内",
    )
    if new is False:
        return ex.result(0, False)
    if "xinchuang_solution" in inputs.awards:
        ex.warn(
            "同一信创解决方案由多家主体共同申报的，同一年度合计不超过 50 万元，见 fintech_xinchuang_joint_award"
        )
    return ex.result(best, new)


class XinchuangInputs(BaseModel):
    co_applicants: int = Field(
        ..., ge=1, le=100, description="共同申报同一项技术标准解决方案的金科新区主体数量"
    )


@calculator(
    name="fintech_xinchuang_joint_award",
    title="金融信创优秀解决方案多主体共同申报奖励",
    doc_no=DOC,
    article="三（二）2（6）",
    inputs=XinchuangInputs,
    params=["fintech/xinchuang_award", "fintech/xinchuang_joint_cap"],
)
def xinchuang_joint(inputs: XinchuangInputs, as_of: date, params) -> CalcResult:
    """三（二）2（6）: 每个入选主体一次性 10 万元；同一方案多家共同申报的，各方协商分配，同一年度累计不超过 50 万元 (2024-01-03 起)."""
    ex = explain("fintech_xinchuang_joint_award", inputs, as_of)
    per = ex.value(params["fintech/xinchuang_award"])["amount"]
    cap = ex.value(params["fintech/xinchuang_joint_cap"])["cap"]
    n = inputs.co_applicants
    raw = per * n
    ex.step(f"{n} 家主体 × {yuan(per)} = {yuan(raw)}")
    total = min(raw, cap)
    if raw > cap:
        ex.step(f"超过同一年度累计上限 {yuan(cap)}，合计按 {yuan(cap)} 计")
    else:
        ex.step(f"未超过同一年度累计上限 {yuan(cap)}")
    if n > 1:
        ex.step(f"由参与各方自行协商分配后申报；平均每家约 {yuan(total / n)}")
    ex.extra.update(accepting_office=ZGC_XICHENG, per_entity_average_yuan=round(total / n, 2))
    return ex.result(total, True)


# ---------------------------------------------------------------- 四（二）1 示范应用配套


class CityMatchingInputs(BaseModel):
    city_funds_yuan: float = Field(..., gt=0, le=1e11, description="项目获得并已到位的市级支持资金（元）")
    city_funds_fully_disbursed: bool | None = Field(None, description="市级支持资金是否已拨付完成")
    landed_in_xicheng: bool | None = Field(None, description="项目是否已落地西城区")


@calculator(
    name="fintech_city_fund_matching",
    title="示范应用项目市级资金区级1:0.5配套",
    doc_no=DOC,
    article="四（二）1",
    inputs=CityMatchingInputs,
    params=["fintech/city_fund_matching"],
)
def city_fund_matching(inputs: CityMatchingInputs, as_of: date, params) -> CalcResult:
    """四（二）1: 市级支持资金拨付完成并落地西城区后，区政府按 1:0.5 配套，原文未设上限 (2024-01-03 起)."""
    ex = explain("fintech_city_fund_matching", inputs, as_of)
    ratio = ex.value(params["fintech/city_fund_matching"])["ratio"]
    ok = all_of(
        [
            condition(
                ex, inputs.city_funds_fully_disbursed, "市级支持资金已拨付完成", "未说明市级资金是否拨付完成"
            ),
            condition(ex, inputs.landed_in_xicheng, "项目已落地西城区", "未说明项目是否落地西城区"),
        ]
    )
    amount = inputs.city_funds_yuan * ratio
    ex.step(f"市级支持资金 {yuan(inputs.city_funds_yuan)} × {ratio:g} = 区级配套 {yuan(amount)}")
    ex.extra["accepting_office"] = ZGC_XICHENG
    if ok is False:
        ex.step("条件未满足，暂不能申请配套")
        return ex.result(0, False)
    return ex.result(amount, ok)


# ---------------------------------------------------------------- 五（二）1 创新监管工具成果转化


class RegulatoryTransferInputs(BaseModel):
    landing_date: date | None = Field(
        None, description="通过测试的创新监管项目在西城区落地（转化为企业实体）的日期"
    )
    chosen_year: int | None = Field(
        None, ge=2018, le=2100, description="选择用于申请的区综合贡献所属自然年度（如 2025）"
    )
    assessed_support_yuan: float | None = Field(
        None, ge=0, le=1e10, description="综合评定拟给予的支持金额（元），不填则给出上限"
    )
    passed_test: bool | None = Field(None, description="项目是否已通过创新监管测试")


@calculator(
    name="fintech_regulatory_transfer",
    title="创新监管工具成果转化支持",
    doc_no=DOC,
    article="五（二）1",
    inputs=RegulatoryTransferInputs,
    params=["fintech/regulatory_transfer"],
)
def regulatory_transfer(inputs: RegulatoryTransferInputs, as_of: date, params) -> CalcResult:
    """五（二）1: 通过测试的创新监管项目落地西城，按区综合贡献给予不超过 300 万元；
    自落地之日起三年内任选一个自然年度的区综合贡献申请 (2024-01-03 起)."""
    ex = explain("fintech_regulatory_transfer", inputs, as_of)
    p = ex.value(params["fintech/regulatory_transfer"])
    checks = [condition(ex, inputs.passed_test, "创新监管项目已通过测试", "未说明是否通过测试")]
    if inputs.landing_date is None or inputs.chosen_year is None:
        checks.append(None)
        ex.step(f"条件未知：申请年度须在落地之日起 {p['window_years']} 年内（未给出落地日期或所选年度）")
    else:
        first = inputs.landing_date.year
        last = first + p["window_years"] - 1
        ok = first <= inputs.chosen_year <= last
        checks.append(ok)
        ex.step(
            f"{'条件满足' if ok else '条件不满足'}：{inputs.landing_date.isoformat()} 落地，可选 {first}–{last} 年中任一自然年度，"
            f"所选为 {inputs.chosen_year} 年"
        )
    eligible = all_of(checks)
    ex.extra["accepting_office"] = ZGC_XICHENG
    if eligible is False:
        return ex.result(0, False)
    cap = p["cap"]
    if inputs.assessed_support_yuan is None:
        ex.step(f"支持金额根据落地企业实体区综合贡献综合评定，最高 {yuan(cap)}")
        return ex.result(cap, eligible)
    amount = min(inputs.assessed_support_yuan, cap)
    if inputs.assessed_support_yuan > cap:
        ex.step(f"评定金额 {yuan(inputs.assessed_support_yuan)} 超过上限 {yuan(cap)}，按上限计")
    else:
        ex.step(f"评定金额 {yuan(amount)}，未超过上限 {yuan(cap)}")
    return ex.result(amount, eligible)
