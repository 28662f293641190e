"""Shared steps for the 西发改文〔2024〕82号 green low-carbon rules: caps, matching, uplifts, conditions."""

from __future__ import annotations

from dataclasses import replace

from calculators.base import Explain, yuan
from calculators.logic import all_of  # noqa: F401  (re-exported)
from calculators.params import Param
from core.schema import CalcResult

DOC = "西发改文〔2024〕82号"
P = "green_low_carbon/"

OFFICE = "区发展改革委会同区教委、区生态环境局、区住房城市建设委、区商务局、区经济促进局等行业主管部门负责项目征集、评审和政策兑现（第二条）"
GENERAL_NOTE = (
    "另须符合第三章附则的一般条件：在本区依法注册、纳税，未列入严重失信主体、异常经营主体名单；"
    "不适用于使用区级财政资金的主体；同一项目不重复奖励（可用 green_general_eligibility 核对）"
)

MAX_YUAN = 1e10  # input bound only: above any real project budget


def num(x: float) -> str:
    """Readable quantity: 500.0 → '500', 12.5 → '12.5'."""
    return f"{x:g}"


def pct(share: float) -> str:
    """0.15 → '15%', 0.165 → '16.5%'."""
    return f"{share * 1e2:.6g}%"


def start(ex: Explain) -> None:
    ex.extra["受理"] = OFFICE
    ex.extra["一般条件"] = GENERAL_NOTE


def capped(ex: Explain, raw: float, cap: float, cap_label: str) -> float:
    """Apply a cap and say whether it bound."""
    if raw > cap:
        ex.step(f"超过{cap_label} {yuan(cap)}，按上限计 {yuan(cap)}")
        return cap
    if raw == cap:
        ex.step(f"恰好等于{cap_label} {yuan(cap)}")
    else:
        ex.step(f"未超过{cap_label} {yuan(cap)}")
    return raw


def per_unit(ex: Explain, qty: float, unit: str, rate: float, cap: float, cap_label: str) -> float:
    """qty × rate (yuan per unit), then the cap."""
    raw = qty * rate
    ex.step(f"{num(qty)} {unit} × {yuan(rate)}/{unit} = {yuan(raw)}")
    return capped(ex, raw, cap, cap_label)


def uplifted(ex: Explain, base: float, uplift: Param, high_tech: bool | None, what: str, fmt=None) -> float:
    """“在原奖励标准基础上增加 X%”, read as the standard × (1 + X%); the reading is cited only when it applies."""
    fmt = fmt or num
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


def matching(ex: Explain, city_yuan: float, share: float, cap: float, what: str) -> float:
    """District matching as a share of a city-level award, capped per project."""
    if city_yuan <= 0:
        ex.step(f"未获得{what}，不享受区级配套奖励")
        return 0
    raw = city_yuan * share
    ex.step(f"{what} {yuan(city_yuan)} × {pct(share)} = {yuan(raw)}")
    return capped(ex, raw, cap, "单个项目奖励上限")


def check(ex: Explain, value: bool | None, met: str, failed: str, unknown: str) -> bool | None:
    """Record one condition as met / failed / unknown and return it."""
    if value is None:
        ex.step(f"尚需确认：{unknown}")
    elif value:
        ex.step(f"符合：{met}")
    else:
        ex.step(f"不符合：{failed}")
    return value


def check_actual_production(ex: Explain, value: bool | None) -> bool | None:
    """The condition items 4, 16 and 17 share: an industrial enterprise with actual production here."""
    return check(
        ex,
        value,
        "区域内有实际生产的工业企业",
        "不是区域内有实际生产的工业企业",
        "是否为区域内有实际生产的工业企业",
    )


def finish(ex: Explain, amount: float, conds: list[bool | None]) -> CalcResult:
    """Amount when every condition is met; 0 when one fails; the conditional amount when some are unknown."""
    ok = all_of(conds)
    if ok is False:
        ex.step("因不符合上述条件，不予奖励")
        return ex.result(0, False)
    if ok is None:
        ex.step(f"上述条件确认符合后，可得 {yuan(amount)}")
        return ex.result(amount, None)
    return ex.result(amount, amount > 0)


def with_missing(result: CalcResult, fields: dict[str, str]) -> CalcResult:
    """Attach facts still needed (names → descriptions) so the assistant asks for them."""
    extra = {**result.extra, "missing_fields": list(fields)}
    return replace(result, missing=tuple(fields.values()), extra=extra)
