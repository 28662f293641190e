"""西发改文〔2024〕82号 第八条 节能管理能力提升类 (items 11–15)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, num, per_unit, yuan
from calculators.kit.bounds import MAX_COUNT, MAX_TCE, MAX_YUAN
from calculators.rules.green_common import P, green
from core.schema import CalcResult

CONSULTING = P + "consulting_award"
EXCELLENT = P + "assessment_excellent"
HOSTING = P + "energy_hosting"
CLEANER = P + "cleaner_production"
AUDIT = P + "energy_audit"


class ConsultingInputs(BaseModel):
    client_energy_tce: list[Annotated[float, Field(ge=0, le=MAX_TCE)]] = Field(
        ...,
        min_length=1,
        max_length=MAX_COUNT,
        description="征集期内为辖区内各用能单位开展清洁生产审核、节能诊断、能源审计、碳中和认证等咨询业务时，各用能单位的年综合能耗（吨标准煤），每家一个数",
    )
    clients_count: int | None = Field(
        None,
        ge=0,
        le=MAX_COUNT,
        description="年综合能耗都在同一数值以上的那几家用能单位的家数（如“5家都在500吨以上”）",
    )
    clients_min_tce: float | None = Field(
        None, ge=0, le=MAX_TCE, description="那几家用能单位年综合能耗都不低于的数值（吨标准煤）"
    )


@green(title="节能降碳咨询项目奖励", article="第八条 第11项", params=[CONSULTING], in_district=True)
def green_consulting_award(ex: Explain, inputs: ConsultingInputs) -> CalcResult:
    """第八条 11. 征集期内为辖区 5 家及以上年综合能耗 500 吨标准煤及以上用能单位提供咨询服务的机构，奖励 5 万元 (2024-06-24 起五年)."""
    p = ex.value(CONSULTING)
    least, n = inputs.clients_min_tce, inputs.clients_count
    if n is not None and least is not None and least >= p["min_client_energy_tce"]:
        # "5家都在500吨以上": each of those n clients reaches the threshold; the others stated do not count
        big = [least] * n
        ex.step(
            f"所述 {n} 家用能单位年综合能耗都在 {num(least)} 吨标准煤以上，达到 "
            f"{num(p['min_client_energy_tce'])} 吨标准煤及以上的有 {n} 家"
        )
    else:
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
    rank: int | None = Field(
        None, ge=1, le=MAX_COUNT, description="在考核等级为“优秀”的单位中的排名（第几名）"
    )
    annual_energy_tce: float | None = Field(
        None, ge=0, le=MAX_TCE, description="本单位年综合能耗（吨标准煤）"
    )


@green(title="节能指标考核优秀单位奖励", article="第八条 第12项", params=[EXCELLENT])
def green_assessment_excellent_award(ex: Explain, inputs: ExcellentInputs) -> CalcResult:
    """第八条 12. 区级年度节能考核“优秀”排名前 5 家（年综合能耗 2000 吨标准煤及以上），每家 5 万元 (2024-06-24 起五年)."""
    p = ex.value(EXCELLENT)
    c = Conditions(ex, inputs)
    c.fact("rated_excellent", "区级年度节能考核等级为“优秀”", failed="考核等级不是“优秀”")
    top, rank = p["top_n"], inputs.rank
    c.add(
        None if rank is None else rank <= top,
        f"排名第 {rank} 名，在前 {top} 家之内",
        failed=f"排名第 {rank} 名，不在前 {top} 家之内",
        unknown=f"排名是否在前 {top} 家",
    )
    e, need = inputs.annual_energy_tce, num(p["min_energy_tce"])
    c.add(
        None if e is None else e >= p["min_energy_tce"],
        f"年综合能耗 {num(e or 0)} 吨标准煤，达到 {need} 吨标准煤及以上",
        failed=f"年综合能耗 {num(e or 0)} 吨标准煤，低于 {need} 吨标准煤",
        unknown=f"年综合能耗是否在 {need} 吨标准煤及以上",
    )
    return c.payable(p["amount"])


class HostingInputs(BaseModel):
    annual_saving_tce: float = Field(
        ..., ge=0, le=MAX_TCE, description="能源费用托管后实际年节能量（吨标准煤）"
    )
    is_public_institution: bool | None = Field(None, description="被托管单位是否为公共机构")


@green(title="公共机构能源费用托管项目一次性奖励", article="第八条 第13项", params=[HOSTING])
def green_energy_hosting_reward(ex: Explain, inputs: HostingInputs) -> CalcResult:
    """第八条 13. 托管后年节能量 50 吨标准煤及以上：被托管单位每吨标准煤 3000 元，单个项目不超过 50 万元 (2024-06-24 起五年)."""
    p = ex.value(HOSTING)
    ex.extra["奖励对象"] = "被托管单位"
    c = Conditions(ex, inputs)
    c.fact("is_public_institution", "被托管单位为公共机构", failed="被托管单位不是公共机构",
           unknown="被托管单位是否为公共机构")  # fmt: skip
    s, least = inputs.annual_saving_tce, num(p["min_saving_tce"])
    if s < p["min_saving_tce"]:
        ex.step(f"托管后年节能量 {num(s)} 吨标准煤，低于 {least} 吨标准煤（含）的门槛，不予奖励")
        return ex.result(0, False)
    ex.step(f"托管后年节能量 {num(s)} 吨标准煤，达到 {least} 吨标准煤及以上的门槛")
    raw = per_unit(ex, s, "吨标准煤", p["rate"])
    return c.payable(capped(ex, raw, p["cap"], "单个项目奖励上限"))


class CleanerInputs(BaseModel):
    contract_total_yuan: float = Field(..., gt=0, le=MAX_YUAN, description="清洁生产审核项目合同总额（元）")
    city_support_yuan: float = Field(..., ge=0, le=MAX_YUAN, description="市级支持资金（元）")
    passed_city_review: bool | None = Field(None, description="是否通过市级部门审核评估")


@green(title="清洁生产审核项目补助", article="第八条 第14项", params=[CLEANER])
def green_cleaner_production_subsidy(ex: Explain, inputs: CleanerInputs) -> CalcResult:
    """第八条 14. 通过市级审核评估：按合同总额与市级支持资金的差额补助，不超过市级支持额度 (2024-06-24 起五年)."""
    ex.value(CLEANER)
    c = Conditions(ex, inputs)
    c.fact("passed_city_review", "通过市级部门审核评估", failed="未通过市级部门审核评估",
           unknown="是否通过市级部门审核评估")  # fmt: skip
    total, city = inputs.contract_total_yuan, inputs.city_support_yuan
    gap = max(total - city, 0)
    ex.step(f"项目合同总额 {yuan(total)} − 市级支持资金 {yuan(city)} = {yuan(gap)}")
    if gap == 0:
        ex.step("市级支持资金已覆盖合同总额，差额为零，无区级补助")
        return ex.result(0, False)
    return c.payable(capped(ex, gap, city, "市级资金支持额度"))


class AuditInputs(BaseModel):
    passed_district_review: bool = Field(..., description="能源审计项目是否通过区级评审")
    is_key_energy_user: bool | None = Field(None, description="是否为重点用能单位")


@green(title="能源审计项目一次性补助（上限）", article="第八条 第15项", params=[AUDIT])
def green_energy_audit_subsidy(ex: Explain, inputs: AuditInputs) -> CalcResult:
    """第八条 15. 重点用能单位能源审计通过区级评审：一次性补助不超过 12 万元 (2024-06-24 起五年)."""
    cap = ex.value(AUDIT)["cap"]
    c = Conditions(ex, inputs)
    c.fact("is_key_energy_user", "重点用能单位", failed="不是重点用能单位", unknown="是否为重点用能单位")
    c.fact("passed_district_review", "通过区级评审", failed="未通过区级评审")
    ex.step(f"补助最高不超过 {yuan(cap)}，具体金额由区级评审确定")
    return c.payable(cap)
