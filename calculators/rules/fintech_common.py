"""Shared pieces of the 西科管发〔2024〕1号 fintech rules: document, accepting office, 40/30/30 schedules."""

from __future__ import annotations

from dataclasses import replace

from calculators.base import Explain, yuan
from calculators.logic import all_of  # noqa: F401  (re-exported)
from core.schema import CalcResult

DOC = "西科管发〔2024〕1号"
ZGC_XICHENG = "中关村科技园区西城园管理委员会"


def pct(share: float) -> str:
    """0.4 → '40%', 0.085 → '8.5%'."""
    return f"{share * 10**2:g}%"


def condition(ex: Explain, value: bool | None, text: str, unknown: str) -> bool | None:
    """Record one eligibility condition as met / failed / unknown and return it."""
    if value is True:
        ex.step(f"条件满足：{text}")
    elif value is False:
        ex.step(f"条件不满足：{text}")
    else:
        ex.step(f"条件未知：{text}（{unknown}）")
    return value


def schedule(
    ex: Explain, total: float, shares: list[float], start_year: int | None, start_label: str
) -> list[dict]:
    """Split an approved total into yearly instalments and explain the plan."""
    plan = []
    parts = []
    for i, share in enumerate(shares):
        year = start_year + i if start_year is not None else None
        amount = round(total * share, 2)
        label = f"{year}年" if year is not None else f"第{i + 1}年"
        plan.append({"year": year, "instalment": i + 1, "share": share, "amount_yuan": amount})
        parts.append(f"{label} {pct(share)} = {yuan(amount)}")
    start = f"自{start_label}（{start_year}年）起" if start_year is not None else f"自{start_label}起"
    ex.step(f"{start}分{len(shares)}年支付：" + "；".join(parts))
    ex.extra["installments"] = plan
    return plan


def with_missing(result: CalcResult, missing: list[str]) -> CalcResult:
    """Attach the facts the rule still needs to an otherwise computed result."""
    return replace(result, missing=tuple(result.missing) + tuple(missing)) if missing else result


_YI = 10**8


def money(amount: float) -> str:
    """Like yuan() but writes whole 亿 amounts as 亿元: 1000000000 → '10亿元'."""
    if amount >= _YI and amount / _YI == round(amount / _YI, 4):
        return f"{round(amount / _YI, 4):g}亿元"
    return yuan(amount)
