"""西发改文〔2024〕82号 第三章 附则: general conditions every applicant must meet (第十一条–第十五条, validity)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, with_missing
from calculators.rules.green_common import P, green
from core.schema import CalcResult

REGISTRATION = P + "general_registration"
NO_DOUBLE = P + "general_no_double"
NO_DISTRICT_FUNDS = P + "general_no_district_funds"
OTHER_POLICIES = P + "general_other_policies"
VALIDITY = P + "validity"


class GeneralInputs(BaseModel):
    registered_in_district: bool | None = Field(None, description="申报主体是否在西城区依法注册")
    pays_tax_in_district: bool | None = Field(None, description="申报主体是否在西城区依法纳税")
    on_dishonesty_list: bool | None = Field(None, description="是否被列入严重失信主体名单")
    on_abnormal_operation_list: bool | None = Field(None, description="是否被列入异常经营主体名单")
    uses_district_funds: bool | None = Field(None, description="申报主体（申报项目）是否使用区级财政资金")
    already_rewarded_same_project: bool | None = Field(
        None, description="同一项目、同一事项是否已按本措施其他支持方向获得奖励"
    )
    other_xicheng_policy_same_matter: bool | None = Field(
        None, description="同一事项是否已选择享受西城区其他正在实施的政策支持"
    )
    application_date: date | None = Field(None, description="申报日期（默认为今天）")


# (parameter or None, input that must be False, met, failed, unknown): 第十一条 and then 第十三条, 第十二条, 第十五条
BARS = (
    (None, "on_dishonesty_list", "未被列入严重失信主体名单", "已被列入严重失信主体名单", "是否被列入严重失信主体名单"),
    (None, "on_abnormal_operation_list", "未被列入异常经营主体名单", "已被列入异常经营主体名单", "是否被列入异常经营主体名单"),
    (NO_DISTRICT_FUNDS, "uses_district_funds", "不属于使用区级财政资金的主体（第十三条）",
     "属于使用区级财政资金的主体，本措施申报不适用（第十三条）", "是否属于使用区级财政资金的主体（第十三条）"),
    (NO_DOUBLE, "already_rewarded_same_project", "同一项目、同一事项未按本措施其他支持方向获得奖励（第十二条）",
     "同一项目、同一事项已按本措施其他支持方向获得奖励，不重复给予（第十二条）",
     "同一项目是否已按本措施其他支持方向获得奖励（第十二条）"),
    (OTHER_POLICIES, "other_xicheng_policy_same_matter", "同一事项未享受西城区其他交叉政策（第十五条）",
     "同一事项已选择享受西城区其他政策，不得重复享受（第十五条）", "同一事项是否已享受西城区其他交叉政策（第十五条）"),
)  # fmt: skip


@green(
    title="绿色低碳发展专项资金申报一般条件核对",
    article="第十一条至第十五条",
    params=[REGISTRATION, NO_DOUBLE, NO_DISTRICT_FUNDS, OTHER_POLICIES, VALIDITY],
    kind="eligibility",
)
def green_general_eligibility(ex: Explain, inputs: GeneralInputs) -> CalcResult:
    """第十一条 注册纳税且无失信/异常经营；第十二条 不重复；第十三条 不适用使用区级财政资金主体；第十五条 择一享受；有效期 2024-06-24 起五年."""
    ex.extra.pop("一般条件", None)
    when = inputs.application_date or ex.as_of
    validity = ex.param(VALIDITY)
    ex.value(validity)
    span = f"（{validity.starts} 至 {validity.ends} 前）"
    c = Conditions(ex, inputs)
    c.add(validity.at(when) is not None, f"申报日期 {when} 在本措施有效期内{span}",
          failed=f"申报日期 {when} 不在本措施有效期内{span}")  # fmt: skip
    ex.value(REGISTRATION)
    c.fact(
        "registered_in_district",
        "在西城区依法注册",
        failed="未在西城区依法注册",
        unknown="是否在西城区依法注册",
    )
    c.fact(
        "pays_tax_in_district",
        "在西城区依法纳税",
        failed="未在西城区依法纳税",
        unknown="是否在西城区依法纳税",
    )
    for key, field, met, failed, unknown in BARS:
        if key is not None:
            ex.value(key)
        c.fact(field, met, want=False, failed=failed, unknown=unknown)
    ok = c.verdict
    if ok is True:
        ex.step("符合本措施申报的一般条件；还须符合所申报项目的具体条件")
    elif ok is False:
        ex.step("不符合本措施申报的一般条件")
    result = ex.result(None, ok)
    return with_missing(result, c.missing) if ok is None else result
