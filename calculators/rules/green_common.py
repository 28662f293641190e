"""Shared pieces of the 西发改文〔2024〕82号 green low-carbon rules: registration, shared inputs, the uplift."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from pydantic import Field

from calculators.base import Explain, calculator
from calculators.kit import Conditions, highest_of, pct, yuan
from calculators.kit.bounds import MAX_TCE
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


green = partial(calculator, doc_no=DOC, audience="enterprise", kind="amount", prepare=start)


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
