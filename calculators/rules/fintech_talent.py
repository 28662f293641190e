"""西科管发〔2024〕1号 八、九、十: talent awards and quota, international institutions, high-value patent matching."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, InputError
from calculators.kit import capped, cn, negate, pct, share_of, with_missing, within_remaining, yuan
from calculators.kit.bounds import MAX_CONTRACT_YEARS, MAX_PERSONS, MAX_SERVED_YEARS, MAX_YUAN
from calculators.rules.fintech_common import at_least, conditions, fintech, screen_by, years_completed
from core.schema import CalcResult

EXECUTIVE = "fintech/talent_executive"
CORE = "fintech/talent_core"
TENURE = "fintech/talent_tenure"
QUOTA = "fintech/talent_quota"
INTERNATIONAL = "fintech/international_award"
PATENT = "fintech/patent_matching"

# ---------------------------------------------------------------- 八（一） 高级管理人员及核心骨干奖励

ROLE_LABEL = {"executive": "高级管理人员", "core": "核心业务骨干"}


class TalentInputs(BaseModel):
    role: Literal["executive", "core"] = Field(
        ...,
        description="人员类别：executive=高级管理人员（董事长、监事长、总经理、研发或运营副总等），core=核心业务骨干",
    )
    taxable_income_yuan: float | None = Field(None, gt=0, le=MAX_YUAN, description="本人年度应税收入（元）")
    contract_years: float | None = Field(
        None, ge=0, le=MAX_CONTRACT_YEARS, description="与申请企业（机构）签订的劳动合同期限（年）"
    )
    served_years: float | None = Field(
        None, ge=0, le=MAX_SERVED_YEARS, description="在申请企业（机构）实际履职年限（年）"
    )
    start_date: date | None = Field(None, description="到申请企业（机构）入职履职的日期（用于推算履职年限）")


@fintech(
    title="金融科技企业高级管理人员及核心业务骨干奖励",
    article="八（一）1（2）",
    params=[EXECUTIVE, CORE, TENURE],
)
def fintech_talent_award(ex: Explain, inputs: TalentInputs) -> CalcResult:
    """八（一）1（2）（4）: 高管不超过应税收入 15%（≤100 万），骨干不超过 8%（≤30 万）；
    劳动合同不低于三年、实际履职满一年 (2024-01-03 起)."""
    p = ex.value(EXECUTIVE if inputs.role == "executive" else CORE)
    tenure = ex.value(TENURE)
    c = conditions(ex, inputs)
    at_least(c, inputs.contract_years, tenure["min_contract_years"], "劳动合同", "年", "未给出合同期限")
    served = inputs.served_years
    if served is None and inputs.start_date is not None:
        served = years_completed(inputs.start_date, ex.as_of)
        ex.step(f"{cn(inputs.start_date)}入职，到{cn(ex.as_of)}已满 {served} 年")
    at_least(c, served, tenure["min_served_years"], "实际履职", "年", "未给出履职年限")
    if c.verdict is False:
        return ex.result(0, False)
    if inputs.taxable_income_yuan is None:
        return with_missing(ex.result(None, None), c.descriptions(("taxable_income_yuan",)))
    label = ROLE_LABEL[inputs.role]
    raw = share_of(ex, inputs.taxable_income_yuan, p["rate"], f"{label}：应税收入")
    amount = capped(ex, raw, p["cap"], f"{label}奖励上限")
    ex.step("此为最高额（原文为“不超过”），企业须经工作组评定为重点金融科技企业和机构")
    return ex.result(amount, c.verdict)


class TalentTotalInputs(BaseModel):
    executive_incomes_yuan: list[float] = Field(
        ..., max_length=MAX_PERSONS, description="申请奖励的各位高级管理人员的年度应税收入（元），逐人列出"
    )
    core_incomes_yuan: list[float] = Field(
        [], max_length=MAX_PERSONS, description="申请奖励的各位核心业务骨干的年度应税收入（元），逐人列出"
    )
    all_meet_tenure: bool | None = Field(None, description="是否每人都签订不低于三年劳动合同、实际履职满一年")


def _awards(ex: Explain, incomes: list[float], p: dict, label: str) -> list[float]:
    out = []
    for income in sorted(incomes, reverse=True):
        if income <= 0 or income > MAX_YUAN:
            raise InputError(f"fintech_talent_award_total: 不合理的应税收入 {income}")
        raw = income * p["rate"]
        out.append(min(raw, p["cap"]))
        ex.step(f"{label}：{yuan(income)} × {pct(p['rate'])} = {yuan(raw)}" + (
            f"，超过上限按 {yuan(p['cap'])}" if raw > p["cap"] else ""))  # fmt: skip
    return sorted(out, reverse=True)


@fintech(
    title="一家企业人才奖励合计（按名额取最优组合）",
    article="八（一）1（3）",
    params=[EXECUTIVE, CORE, QUOTA, TENURE],
)
def fintech_talent_award_total(ex: Explain, inputs: TalentTotalInputs) -> CalcResult:
    """八（一）1（2）（3）: 每人按应税收入 15%（高管，≤100 万）或 8%（骨干，≤30 万）；每家不超过 5 名，
    骨干人数不超过高管人数的 50%：在名额内取合计最高的人员组合 (2024-01-03 起)."""
    quota, tenure = ex.value(QUOTA), ex.value(TENURE)
    c = conditions(ex, inputs)
    c.fact("all_meet_tenure", f"每人劳动合同不低于 {tenure['min_contract_years']} 年、实际履职满 "
           f"{tenure['min_served_years']} 年", why="未说明合同期限和履职年限")  # fmt: skip
    if c.verdict is False:
        return ex.result(0, False)
    execs = _awards(ex, inputs.executive_incomes_yuan, ex.value(EXECUTIVE), "高级管理人员")
    cores = _awards(ex, inputs.core_incomes_yuan, ex.value(CORE), "核心业务骨干")
    best = (0.0, 0, 0)
    for e in range(min(len(execs), quota["max_persons"]) + 1):
        k = min(len(cores), int(e * quota["core_to_executive_ratio"]), quota["max_persons"] - e)
        total = sum(execs[:e]) + sum(cores[:k])
        best = max(best, (total, e, k))
    total, e, k = best
    ex.step(
        f"每家不超过 {quota['max_persons']} 名，骨干不超过高管人数的 {pct(quota['core_to_executive_ratio'])}："
        f"取奖励最高的 {e} 名高管 + {k} 名骨干，合计 {yuan(total)}"
    )
    ex.warn("名额限制原文为“原则上”，个别情况以工作组评定为准；各人金额为“不超过”的最高额")
    ex.extra.update(executives_awarded=e, core_awarded=k)
    return ex.result(total, False if total <= 0 else c.verdict)


class TalentQuotaInputs(BaseModel):
    executives: int = Field(..., ge=0, le=MAX_PERSONS, description="本年度申请奖励的高级管理人员人数")
    core_staff: int = Field(..., ge=0, le=MAX_PERSONS, description="本年度申请奖励的核心业务骨干人数")


@fintech(title="每家企业（机构）人才奖励名额", article="八（一）1（3）", params=[QUOTA], kind="eligibility")
def fintech_talent_quota(ex: Explain, inputs: TalentQuotaInputs) -> CalcResult:
    """八（一）1（3）: 原则上每家不超过 5 名，核心业务骨干不超过高管奖励人数的 50% (2024-01-03 起)."""
    p = ex.value(QUOTA)
    c = conditions(ex, inputs)
    execs, core, ratio = inputs.executives, inputs.core_staff, p["core_to_executive_ratio"]
    total = execs + core
    c.add(total <= p["max_persons"],
          f"申请 {total} 名（高管 {execs} 名 + 骨干 {core} 名），原则上不超过 {p['max_persons']} 名")  # fmt: skip
    core_max = int(execs * ratio)
    c.add(core <= execs * ratio,
          f"核心业务骨干 {core} 名，要求不超过高管人数 {execs} × {pct(ratio)}，即最多 {core_max} 名")  # fmt: skip
    ex.warn("名额限制原文为“原则上”，个别情况以工作组评定为准")
    ex.extra["max_core_staff"] = core_max
    return ex.result(None, c.verdict)


# ---------------------------------------------------------------- 九（一） 国际机构入驻奖励


class InternationalInputs(BaseModel):
    tier: int = Field(
        ..., ge=1, le=2, description="工作组评定的档次：1=第一档（500万元），2=第二档（300万元）"
    )
    first_entity_in_xicheng: bool | None = Field(
        None, description="是否为国际机构首次在西城区设立的独立法人机构"
    )
    received_startup_subsidy: bool | None = Field(None, description="是否已享受二（一）开办费用补贴")
    also_claims_startup_subsidy: bool | None = Field(
        None, description="是否还想同时享受二（一）开办费用补贴（两者不重复享受）"
    )


def _startup_subsidy_taken(ex: Explain, stated) -> CalcResult | None:
    """九（一）2: a stated 开办费用补贴 already received rules the award out, whatever the tier."""
    if stated.received_startup_subsidy is not True:
        return None
    ex.value(INTERNATIONAL)
    conditions(ex, stated).add(
        False, "未享受二（一）开办费用补贴（两者不重复享受）", detail="已享受开办费用补贴"
    )
    return ex.result(0, False)


@fintech(
    title="国际机构入驻奖励",
    article="九（一）1",
    params=[INTERNATIONAL],
    screen=screen_by("fintech_international_award", _startup_subsidy_taken),
)
def fintech_international_award(ex: Explain, inputs: InternationalInputs) -> CalcResult:
    """九（一）1–2: 国际机构首次在西城设立独立法人，分档 500 万 / 300 万；与二（一）开办费用补贴不重复享受 (2024-01-03 起)."""
    amount = ex.value(INTERNATIONAL)[f"tier{inputs.tier}"]
    ex.step(f"经评定为第{'一' if inputs.tier == 1 else '二'}档：奖励 {yuan(amount)}")
    c = conditions(ex, inputs)
    c.fact(
        "first_entity_in_xicheng",
        "国际机构首次在西城区设立的独立法人机构",
        why="未说明是否首次设立的独立法人",
    )
    c.add(negate(inputs.received_startup_subsidy), "未享受二（一）开办费用补贴（两者不重复享受）",
          why="未说明是否已享受开办费用补贴")  # fmt: skip
    if c.verdict is False:
        return ex.result(0, False)
    if inputs.also_claims_startup_subsidy:
        ex.step(f"条件不满足：入驻奖励与二（一）开办费用补贴不重复享受，不能同时再拿开办费用补贴，"
                f"只能享受其一（入驻奖励为 {yuan(amount)}）")  # fmt: skip
        return ex.result(amount, False)
    return ex.result(amount, c.verdict)


# ---------------------------------------------------------------- 十（二） 高价值专利补贴


class PatentInputs(BaseModel):
    city_funds_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="本年度获得的市级部门资金支持（元）")
    enterprise_type: Literal["leader", "demonstration", "other"] | None = Field(
        None,
        description="企业类型：leader=中关村知识产权领军企业，demonstration=中关村知识产权示范企业，other=其他",
    )
    matched_this_year_yuan: float = Field(0, ge=0, le=MAX_YUAN, description="本年度已获得的区级配套（元）")


@fintech(title="高价值专利市级资金1:0.5配套", article="十（二）1", params=[PATENT])
def fintech_patent_matching(ex: Explain, inputs: PatentInputs) -> CalcResult:
    """十（二）1: 中关村知识产权领军、示范企业获市级资金的，按 1:0.5 配套，年度配套总额最高不超过 50 万元 (2024-01-03 起)."""
    p = ex.value(PATENT)
    kind = inputs.enterprise_type
    ok = conditions(ex, inputs).add(
        None if kind is None else kind != "other",
        "企业为中关村知识产权领军企业或示范企业",
        why="未说明企业类型",
    )
    if ok is False:
        return ex.result(0, False)
    raw = inputs.city_funds_yuan * p["ratio"]
    ex.step(f"市级资金 {yuan(inputs.city_funds_yuan)} × {p['ratio']:g} = {yuan(raw)}")
    amount = within_remaining(
        ex, raw, p["annual_cap"], inputs.matched_this_year_yuan, "年度配套总额上限", short="年度上限"
    )
    return ex.result(amount, False if amount <= 0 else ok)
