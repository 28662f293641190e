"""西科管发〔2024〕1号 八、九、十: talent awards and quota, international institutions, high-value patent matching."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.fintech_common import DOC, ZGC_XICHENG, all_of, condition, pct

# ---------------------------------------------------------------- 八（一） 高级管理人员及核心骨干奖励

ROLE_LABEL = {"executive": "高级管理人员", "core": "核心业务骨干"}


class TalentInputs(BaseModel):
    role: Literal["executive", "core"] = Field(
        ...,
        description="人员类别：executive=高级管理人员（董事长、监事长、总经理、研发或运营副总等），core=核心业务骨干",
    )
    taxable_income_yuan: float = Field(..., gt=0, le=1e10, description="本人年度应税收入（元）")
    contract_years: float | None = Field(
        None, ge=0, le=50, description="与申请企业（机构）签订的劳动合同期限（年）"
    )
    served_years: float | None = Field(None, ge=0, le=60, description="在申请企业（机构）实际履职年限（年）")


@calculator(
    name="fintech_talent_award",
    title="金融科技企业高级管理人员及核心业务骨干奖励",
    doc_no=DOC,
    article="八（一）1（2）",
    inputs=TalentInputs,
    params=["fintech/talent_executive", "fintech/talent_core", "fintech/talent_tenure"],
)
def talent_award(inputs: TalentInputs, as_of: date, params):
    """八（一）1（2）（4）: 高管不超过应税收入 15%（≤100 万），骨干不超过 8%（≤30 万）；
    劳动合同不低于三年、实际履职满一年 (2024-01-03 起)."""
    ex = explain("fintech_talent_award", inputs, as_of)
    key = "fintech/talent_executive" if inputs.role == "executive" else "fintech/talent_core"
    p = ex.value(params[key])
    tenure = ex.value(params["fintech/talent_tenure"])
    checks = []
    if inputs.contract_years is None:
        checks.append(
            condition(ex, None, f"劳动合同不低于 {tenure['min_contract_years']} 年", "未给出合同期限")
        )
    else:
        checks.append(
            condition(
                ex,
                inputs.contract_years >= tenure["min_contract_years"],
                f"劳动合同 {inputs.contract_years:g} 年，要求不低于 {tenure['min_contract_years']} 年",
                "",
            )
        )
    if inputs.served_years is None:
        checks.append(condition(ex, None, f"实际履职满 {tenure['min_served_years']} 年", "未给出履职年限"))
    else:
        checks.append(
            condition(
                ex,
                inputs.served_years >= tenure["min_served_years"],
                f"实际履职 {inputs.served_years:g} 年，要求满 {tenure['min_served_years']} 年",
                "",
            )
        )
    ex.extra["accepting_office"] = ZGC_XICHENG
    eligible = all_of(checks)
    if eligible is False:
        return ex.result(0, False)
    raw = inputs.taxable_income_yuan * p["rate"]
    label = ROLE_LABEL[inputs.role]
    ex.step(f"{label}：应税收入 {yuan(inputs.taxable_income_yuan)} × {pct(p['rate'])} = {yuan(raw)}")
    amount = min(raw, p["cap"])
    if raw > p["cap"]:
        ex.step(f"超过{label}奖励上限 {yuan(p['cap'])}，按上限计 {yuan(amount)}")
    else:
        ex.step(f"未超过{label}奖励上限 {yuan(p['cap'])}")
    ex.step("此为最高额（原文为“不超过”），企业须经工作组评定为重点金融科技企业和机构")
    return ex.result(amount, eligible)


class TalentQuotaInputs(BaseModel):
    executives: int = Field(..., ge=0, le=50, description="本年度申请奖励的高级管理人员人数")
    core_staff: int = Field(..., ge=0, le=50, description="本年度申请奖励的核心业务骨干人数")


@calculator(
    name="fintech_talent_quota",
    title="每家企业（机构）人才奖励名额",
    doc_no=DOC,
    article="八（一）1（3）",
    inputs=TalentQuotaInputs,
    params=["fintech/talent_quota"],
)
def talent_quota(inputs: TalentQuotaInputs, as_of: date, params):
    """八（一）1（3）: 原则上每家不超过 5 名，核心业务骨干不超过高管奖励人数的 50% (2024-01-03 起)."""
    ex = explain("fintech_talent_quota", inputs, as_of)
    p = ex.value(params["fintech/talent_quota"])
    total = inputs.executives + inputs.core_staff
    total_ok = total <= p["max_persons"]
    ex.step(
        f"{'条件满足' if total_ok else '条件不满足'}：申请 {total} 名（高管 {inputs.executives} 名 + 骨干 {inputs.core_staff} 名），"
        f"原则上不超过 {p['max_persons']} 名"
    )
    core_max = int(inputs.executives * p["core_to_executive_ratio"])
    core_ok = inputs.core_staff <= inputs.executives * p["core_to_executive_ratio"]
    ex.step(
        f"{'条件满足' if core_ok else '条件不满足'}：核心业务骨干 {inputs.core_staff} 名，"
        f"要求不超过高管人数 {inputs.executives} × {pct(p['core_to_executive_ratio'])}，即最多 {core_max} 名"
    )
    ex.warn("名额限制原文为“原则上”，个别情况以工作组评定为准")
    ex.extra.update(accepting_office=ZGC_XICHENG, max_core_staff=core_max)
    return ex.result(None, total_ok and core_ok)


# ---------------------------------------------------------------- 九（一） 国际机构入驻奖励


class InternationalInputs(BaseModel):
    tier: int = Field(
        ..., ge=1, le=2, description="工作组评定的档次：1=第一档（500万元），2=第二档（300万元）"
    )
    first_entity_in_xicheng: bool | None = Field(
        None, description="是否为国际机构首次在西城区设立的独立法人机构"
    )
    received_startup_subsidy: bool | None = Field(None, description="是否已享受二（一）开办费用补贴")


@calculator(
    name="fintech_international_award",
    title="国际机构入驻奖励",
    doc_no=DOC,
    article="九（一）1",
    inputs=InternationalInputs,
    params=["fintech/international_award"],
)
def international_award(inputs: InternationalInputs, as_of: date, params):
    """九（一）1–2: 国际机构首次在西城设立独立法人，分档 500 万 / 300 万；与二（一）开办费用补贴不重复享受 (2024-01-03 起)."""
    ex = explain("fintech_international_award", inputs, as_of)
    p = ex.value(params["fintech/international_award"])
    amount = p[f"tier{inputs.tier}"]
    ex.step(f"经评定为第{'一' if inputs.tier == 1 else '二'}档：奖励 {yuan(amount)}")
    checks = [
        condition(
            ex,
            inputs.first_entity_in_xicheng,
            "国际机构首次在西城区设立的独立法人机构",
            "未说明是否首次设立的独立法人",
        ),
        condition(
            ex,
            None if inputs.received_startup_subsidy is None else not inputs.received_startup_subsidy,
            "未享受二（一）开办费用补贴（两者不重复享受）",
            "未说明是否已享受开办费用补贴",
        ),
    ]
    ex.extra["accepting_office"] = ZGC_XICHENG
    eligible = all_of(checks)
    if eligible is False:
        return ex.result(0, False)
    return ex.result(amount, eligible)


# ---------------------------------------------------------------- 十（二） 高价值专利补贴


class PatentInputs(BaseModel):
    city_funds_yuan: float = Field(..., gt=0, le=1e10, description="本年度获得的市级部门资金支持（元）")
    enterprise_type: Literal["leader", "demonstration", "other"] | None = Field(
        None,
        description="企业类型：leader=中关村知识产权领军企业，demonstration=中关村知识产权示范企业，other=其他",
    )
    matched_this_year_yuan: float = Field(0, ge=0, le=1e10, description="本年度已获得的区级配套（元）")


@calculator(
    name="fintech_patent_matching",
    title="高价值专利市级资金1:0.5配套",
    doc_no=DOC,
    article="十（二）1",
    inputs=PatentInputs,
    params=["fintech/patent_matching"],
)
def patent_matching(inputs: PatentInputs, as_of: date, params):
    """十（二）1: 中关村知识产权领军、示范企业获市级资金的，按 1:0.5 配套，年度配套总额最高不超过 50 万元 (2024-01-03 起)."""
    ex = explain("fintech_patent_matching", inputs, as_of)
    p = ex.value(params["fintech/patent_matching"])
    kind = inputs.enterprise_type
    ok = condition(
        ex,
        None if kind is None else kind != "other",
        "企业为中关村知识产权领军企业或示范企业",
        "未说明企业类型",
    )
    ex.extra["accepting_office"] = ZGC_XICHENG
    if ok is False:
        return ex.result(0, False)
    raw = inputs.city_funds_yuan * p["ratio"]
    ex.step(f"市级资金 {yuan(inputs.city_funds_yuan)} × {p['ratio']:g} = {yuan(raw)}")
    room = max(p["annual_cap"] - inputs.matched_this_year_yuan, 0)
    if inputs.matched_this_year_yuan:
        ex.step(
            f"本年度已配套 {yuan(inputs.matched_this_year_yuan)}，年度上限 {yuan(p['annual_cap'])} 尚余 {yuan(room)}"
        )
    amount = min(raw, room)
    if raw > room:
        ex.step(f"超过年度配套总额上限 {yuan(p['annual_cap'])}，按 {yuan(amount)} 计")
    else:
        ex.step(f"未超过年度配套总额上限 {yuan(p['annual_cap'])}")
    return ex.result(amount, False if amount <= 0 else ok)
