"""Shared pieces of the 西发改文〔2024〕82号 green low-carbon rules: registration, shared inputs, the uplift."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from types import SimpleNamespace
from typing import Annotated

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, cite, gated
from calculators.kit import Conditions, highest_of, pct, yuan
from calculators.kit.bounds import MAX_TCE
from calculators.params import load_param
from core.schema import CalcResult

DOC = "西发改文〔2024〕82号"
P = "green_low_carbon/"

OFFICE = "区发展改革委会同区教委、区生态环境局、区住房城市建设委、区商务局、区经济促进局等行业主管部门负责项目征集、评审和政策兑现（第二条）"
GENERAL_NOTE = (
    "另须符合第三章附则的一般条件：在本区依法注册、纳税，未列入严重失信主体、异常经营主体名单；"
    "不适用于使用区级财政资金的主体；同一项目不重复奖励（可用 green_general_eligibility 核对）"
)

HasActualProduction = Annotated[bool | None, Field(description="是否为区域内有实际生产的工业企业")]
UsesCertifiedHighTech = Annotated[
    bool | None, Field(description="是否使用被市级部门认定的高新技术产品、装备和工艺")
]


def start(ex: Explain) -> None:
    ex.extra["受理"] = OFFICE
    ex.extra["一般条件"] = GENERAL_NOTE


# The applicant facts every amount of the measures depends on (第十一条, 第十三条, 第十五条, and 区域内 where the
# item says so). Each is None unless stated: an unstated one leaves the general note; a stated failing one → 0.
APPLICANT_FIELDS = {
    "project_in_district": (bool | None, Field(None, description="项目是否位于西城区域内")),
    "registered_in_district": (bool | None, Field(None, description="申报主体是否在西城区依法注册")),
    "pays_tax_in_district": (bool | None, Field(None, description="申报主体是否在西城区依法纳税")),
    "uses_district_funds": (bool | None, Field(None, description="申报主体（申报项目）是否使用区级财政资金")),
    "other_xicheng_policy_same_matter": (
        bool | None,
        Field(None, description="同一事项是否已享受西城区其他正在实施的政策支持"),
    ),
}
REGISTRATION = P + "general_registration"
NO_DISTRICT_FUNDS = P + "general_no_district_funds"
OTHER_POLICIES = P + "general_other_policies"
# (field, the value that fails, parameter cited, what the step says)
APPLICANT_BARS = (
    ("registered_in_district", False, REGISTRATION, "申报主体未在西城区依法注册，不符合申报主体条件（第十一条）"),
    ("pays_tax_in_district", False, REGISTRATION, "申报主体未在西城区依法纳税，不符合申报主体条件（第十一条）"),
    ("uses_district_funds", True, NO_DISTRICT_FUNDS, "属于使用区级财政资金的主体，本措施申报不适用（第十三条）"),
    ("other_xicheng_policy_same_matter", True, OTHER_POLICIES,
     "同一事项已享受西城区其他政策，不得重复享受（第十五条）"),
)  # fmt: skip


def applicant_failure(ex: Explain, inputs: BaseModel, article: str, in_district: bool) -> CalcResult | None:
    """0 / not eligible with the clause when a stated applicant fact fails; None when none does."""
    failed = []
    if in_district and inputs.project_in_district is False:
        failed.append((None, f"项目不在西城区域内，{article}限于区域内的项目"))
    for field, bad, key, words in APPLICANT_BARS:
        if getattr(inputs, field) is bad:
            failed.append((key, words))
    if not failed:
        return None
    for key in list(ex.params)[:1]:  # the item's own clause, which the amount would have come from
        ex.value(key)
    for key, words in failed:
        if key is not None:
            c = cite(load_param(key))
            if c not in ex.citations:
                ex.citations.append(c)
        ex.step(f"不符合：{words}")
    ex.step("因不符合上述条件，不予奖励")
    return ex.result(0, False)


def green(
    *,
    title: str,
    article: str,
    params=(),
    kind: str = "amount",
    name: str | None = None,
    in_district: bool = False,
    fails: Callable[[Explain, SimpleNamespace], CalcResult | None] | None = None,
):
    """Register a rule of the measures. An amount rule also takes the applicant facts (APPLICANT_FIELDS),
    checked before the rule: `in_district` when the item is limited to 区域内 projects. `fails` (Explain, the
    stated inputs with None for the rest → 0 result or None) decides from a stated failing fact of the item
    while its required figures are still missing."""
    register = partial(
        calculator, doc_no=DOC, audience="enterprise", title=title, article=article, params=params, kind=kind,
        prepare=start,
    )  # fmt: skip

    def wrap(rule):
        if kind != "amount":
            return register(name=name)(rule)
        calc_name = name or rule.__name__

        def gate(ex: Explain, inputs) -> CalcResult | None:
            return applicant_failure(ex, inputs, article, in_district)

        screened, screen = gated(rule, calc_name, DOC, APPLICANT_FIELDS, gate, prepare=start, then=fails)
        register(name=calc_name, screen=screen)(screened)
        return rule

    return wrap


def stated_date(value) -> date | None:
    """A date input as stated (a date, or ISO text from the chat), None when not stated."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def actual_production(c: Conditions) -> bool | None:
    """The condition items 4, 16 and 17 share: an industrial enterprise with actual production here."""
    return c.fact(
        "has_actual_production",
        "区域内有实际生产的工业企业",
        failed="不是区域内有实际生产的工业企业",
        unknown="是否为区域内有实际生产的工业企业",
    )


def uplifted(ex: Explain, base: float, uplift: str, high_tech: bool | None, what: str, fmt) -> float:
    """“在原奖励标准基础上增加 X%”, read as the standard × (1 + X%); the reading is cited only when it applies."""
    if not high_tech:
        if high_tech is None:
            ex.step(f"未说明是否使用被市级部门认定的高新技术产品、装备和工艺，按原{what} {fmt(base)} 计")
        return base
    inc = ex.value(uplift)["increase"]
    new = base * (1 + inc)
    ex.step(
        f"使用被市级部门认定的高新技术产品、装备和工艺，在原{what}基础上增加 {pct(inc)}："
        f"{fmt(base)} × (1 + {pct(inc)}) = {fmt(new)}"
    )
    return new


SavingTce = Annotated[float, Field(gt=0, le=MAX_TCE, description="改造后年节能量（吨标准煤）")]


def national_or_city(
    ex: Explain,
    amounts: str,
    both_rule: str,
    *,
    national: tuple[str, bool],
    city: tuple[str, bool],
    verb: str,
) -> CalcResult:
    """A national and a Beijing distinction for one matter, each with its amount; both give the higher only."""
    p = ex.value(amounts)
    held = [(label, p[level]) for level, (label, has) in (("national", national), ("city", city)) if has]
    if len(held) > 1:
        ex.value(both_rule)
        both = "和".join(f"{label}（{yuan(amount)}）" for label, amount in held)
        highest_of(ex, held, f"同一项目同时获得{both}，从高不重复")
    elif held:
        ex.step(f"获得{held[0][0]}，{verb} {yuan(held[0][1])}")
    else:
        ex.step(f"未获得{national[0]}或{city[0]}，不予奖励")
        return ex.result(0, False)
    return ex.result(max(amount for _, amount in held), True)
