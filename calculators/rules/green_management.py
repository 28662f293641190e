"""西发改文〔2024〕82号 第八条 节能管理能力提升类 (items 11–15)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.green_common import DOC, MAX_YUAN, P, capped, check, finish, num, start
from core.schema import CalcResult

CONSULTING = P + "consulting_award"
EXCELLENT = P + "assessment_excellent"
HOSTING = P + "energy_hosting"
CLEANER = P + "cleaner_production"
AUDIT = P + "energy_audit"

MAX_TCE = 1e7  # input bound only


class ConsultingInputs(BaseModel):
    client_energy_tce: list[Annotated[float, Field(ge=0, le=MAX_TCE)]] = Field(
        ...,
        min_length=1,
        max_length=10**4,
        description="征集期内为辖区内各用能单位开展清洁生产审核、节能诊断、能源审计、碳中和认证等咨询业务时，各用能单位的年综合能耗（吨标准煤），每家一个数",
    )


@calculator(
    name="green_consulting_award",
    title="节能降碳咨询项目奖励",
    doc_no=DOC,
    article="第八条 第11项",
    inputs=ConsultingInputs,
    params=[CONSULTING],
)
def consulting_award(inputs: ConsultingInputs, as_of: date, params) -> CalcResult:
    """第八条 11. 征集期内为辖区 5 家及以上年综合能耗 500 吨标准煤及以上用能单位提供咨询服务的机构，奖励 5 万元 (2024-06-24 起五年)."""
    ex = explain("green_consulting_award", inputs, as_of)
    start(ex)
    p = ex.value(params[CONSULTING])
    big = [x for x in inputs.client_energy_tce if x >= p["min_client_energy_tce"]]
    ex.step(
        f"服务的 {len(inputs.client_energy_tce)} 家用能单位中，年综合能耗在 {num(p['min_client_energy_tce'])} "
        f"吨标准煤及以上的有 {len(big)} 家"
    )
    if len(big) >= p["min_clients"]:
        ex.step(f"达到 {p['min_clients']} 家及以上的要求，给予 {yuan(p['amount'])}")
        return ex.result(p["amount"], True)
    ex.step(f"未达到 {p['min_clients']} 家及以上的要求（还差 {p['min_clients'] - len(big)} 家），不予奖励")
    return ex.result(0, False)


class ExcellentInputs(BaseModel):
    rated_excellent: bool = Field(..., description="区级年度节能考核等级是否为“优秀”")
    rank: int | None = Field(None, ge=1, le=10**4, description="在考核等级为“优秀”的单位中的排名（第几名）")
    annual_energy_tce: float | None = Field(
        None, ge=0, le=MAX_TCE, description="本单位年综合能耗（吨标准煤）"
    )


@calculator(
    name="green_assessment_excellent_award",
    title="节能指标考核优秀单位奖励",
    doc_no=DOC,
    article="第八条 第12项",
    inputs=ExcellentInputs,
    params=[EXCELLENT],
)
def excellent_award(inputs: ExcellentInputs, as_of: date, params) -> CalcResult:
    """第八条 12. 区级年度节能考核“优秀”排名前 5 家（年综合能耗 2000 吨标准煤及以上），每家 5 万元 (2024-06-24 起五年)."""
    ex = explain("green_assessment_excellent_award", inputs, as_of)
    start(ex)
    p = ex.value(params[EXCELLENT])
    conds = [check(ex, inputs.rated_excellent, "区级年度节能考核等级为“优秀”", "考核等级不是“优秀”", "")]
    rank_ok = None if inputs.rank is None else inputs.rank <= p["top_n"]
    conds.append(
        check(
            ex,
            rank_ok,
            f"排名第 {inputs.rank} 名，在前 {p['top_n']} 家之内",
            f"排名第 {inputs.rank} 名，不在前 {p['top_n']} 家之内",
            f"排名是否在前 {p['top_n']} 家",
        )
    )
    e = inputs.annual_energy_tce
    energy_ok = None if e is None else e >= p["min_energy_tce"]
    conds.append(
        check(
            ex,
            energy_ok,
            f"年综合能耗 {num(e or 0)} 吨标准煤，达到 {num(p['min_energy_tce'])} 吨标准煤及以上",
            f"年综合能耗 {num(e or 0)} 吨标准煤，低于 {num(p['min_energy_tce'])} 吨标准煤",
            f"年综合能耗是否在 {num(p['min_energy_tce'])} 吨标准煤及以上",
        )
    )
    return finish(ex, p["amount"], conds)


class HostingInputs(BaseModel):
    annual_saving_tce: float = Field(
        ..., ge=0, le=MAX_TCE, description="能源费用托管后实际年节能量（吨标准煤）"
    )
    is_public_institution: bool | None = Field(None, description="被托管单位是否为公共机构")


@calculator(
    name="green_energy_hosting_reward",
    title="公共机构能源费用托管项目一次性奖励",
    doc_no=DOC,
    article="第八条 第13项",
    inputs=HostingInputs,
    params=[HOSTING],
)
def hosting_reward(inputs: HostingInputs, as_of: date, params) -> CalcResult:
    """第八条 13. 托管后年节能量 50 吨标准煤及以上：被托管单位每吨标准煤 3000 元，单个项目不超过 50 万元 (2024-06-24 起五年)."""
    ex = explain("green_energy_hosting_reward", inputs, as_of)
    start(ex)
    p = ex.value(params[HOSTING])
    ex.extra["奖励对象"] = "被托管单位"
    conds = [
        check(
            ex,
            inputs.is_public_institution,
            "被托管单位为公共机构",
            "被托管单位不是公共机构",
            "被托管单位是否为公共机构",
        )
    ]
    s = inputs.annual_saving_tce
    if s < p["min_saving_tce"]:
        ex.step(
            f"托管后年节能量 {num(s)} 吨标准煤，低于 {num(p['min_saving_tce'])} 吨标准煤（含）的门槛，不予奖励"
        )
        return ex.result(0, False)
    ex.step(f"托管后年节能量 {num(s)} 吨标准煤，达到 {num(p['min_saving_tce'])} 吨标准煤及以上的门槛")
    raw = s * p["rate"]
    ex.step(f"{num(s)} 吨标准煤 × {yuan(p['rate'])}/吨标准煤 = {yuan(raw)}")
    amount = capped(ex, raw, p["cap"], "单个项目奖励上限")
    return finish(ex, amount, conds)


class CleanerInputs(BaseModel):
    contract_total_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="清洁生产审核项目合同总额（元）")
    city_support_yuan: float = Field(..., ge=0, le=MAX_YUAN, description="市级支持资金（元）")
    passed_city_review: bool | None = Field(None, description="是否通过市级部门审核评估")


@calculator(
    name="green_cleaner_production_subsidy",
    title="清洁生产审核项目补助",
    doc_no=DOC,
    article="第八条 第14项",
    inputs=CleanerInputs,
    params=[CLEANER],
)
def cleaner_production(inputs: CleanerInputs, as_of: date, params) -> CalcResult:
    """第八条 14. 通过市级审核评估：按合同总额与市级支持资金的差额补助，不超过市级支持额度 (2024-06-24 起五年)."""
    ex = explain("green_cleaner_production_subsidy", inputs, as_of)
    start(ex)
    ex.value(params[CLEANER])
    conds = [
        check(
            ex,
            inputs.passed_city_review,
            "通过市级部门审核评估",
            "未通过市级部门审核评估",
            "是否通过市级部门审核评估",
        )
    ]
    gap = max(inputs.contract_total_yuan - inputs.city_support_yuan, 0)
    ex.step(
        f"项目合同总额 {yuan(inputs.contract_total_yuan)} − 市级支持资金 {yuan(inputs.city_support_yuan)} = {yuan(gap)}"
    )
    if gap == 0:
        ex.step("市级支持资金已覆盖合同总额，差额为零，无区级补助")
        return ex.result(0, False)
    amount = capped(ex, gap, inputs.city_support_yuan, "市级资金支持额度")
    return finish(ex, amount, conds)


class AuditInputs(BaseModel):
    passed_district_review: bool = Field(..., description="能源审计项目是否通过区级评审")
    is_key_energy_user: bool | None = Field(None, description="是否为重点用能单位")


@calculator(
    name="green_energy_audit_subsidy",
    title="能源审计项目一次性补助（上限）",
    doc_no=DOC,
    article="第八条 第15项",
    inputs=AuditInputs,
    params=[AUDIT],
)
def audit_subsidy(inputs: AuditInputs, as_of: date, params) -> CalcResult:
    """第八条 15. 重点用能单位能源审计通过区级评审：一次性补助不超过 12 万元 (2024-06-24 起五年)."""
    ex = explain("green_energy_audit_subsidy", inputs, as_of)
    start(ex)
    cap = ex.value(params[AUDIT])["cap"]
    conds = [
        check(ex, inputs.is_key_energy_user, "重点用能单位", "不是重点用能单位", "是否为重点用能单位"),
        check(ex, inputs.passed_district_review, "通过区级评审", "未通过区级评审", ""),
    ]
    ex.step(f"补助最高不超过 {yuan(cap)}，具体金额由区级评审确定")
    return finish(ex, cap, conds)
