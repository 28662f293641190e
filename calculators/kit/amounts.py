"""The arithmetic rules share, each writing its step: caps, per-unit rates, shares, highest-of, instalments."""

from __future__ import annotations

from collections.abc import Sequence

from calculators.base import Explain
from calculators.kit.money import num, pct, yuan


def capped(ex: Explain, raw: float, cap: float, label: str) -> float:
    """Apply a cap and say whether it bound."""
    if raw > cap:
        ex.step(f"超过{label} {yuan(cap)}，按上限计 {yuan(cap)}")
        return cap
    ex.step(f"未超过{label} {yuan(cap)}" + ("（恰好等于上限）" if raw == cap else ""))
    return raw


def within_remaining(
    ex: Explain, raw: float, cap: float, received: float, label: str, *, short: str | None = None
) -> float:
    """A cumulative or yearly cap of which `received` is already used: the cap on what is left.
    `short` names the cap in the steps about what is left (累计上限 for 累计补贴上限)."""
    if not received:
        return capped(ex, raw, cap, label)
    room, short = max(cap - received, 0), short or label
    ex.step(f"{short} {yuan(cap)}，此前已获 {yuan(received)}，尚余额度 {yuan(room)}")
    if raw > room:
        ex.step(f"本次 {yuan(raw)} 超过剩余额度，按 {yuan(room)} 计（{short} {yuan(cap)} 封顶）")
        return room
    ex.step(f"未超过{label} {yuan(cap)}，在剩余额度 {yuan(room)} 之内")
    return raw


def per_unit(ex: Explain, qty: float, unit: str, rate: float, *, qty_text: str | None = None) -> float:
    """qty × rate (yuan per unit): also per item × count."""
    raw = qty * rate
    ex.step(f"{qty_text or f'{num(qty)} {unit}'} × {yuan(rate)}/{unit} = {yuan(raw)}")
    return raw


def share_of(ex: Explain, base: float, share: float, what: str, *, up_to: bool = False) -> float:
    """A share of an amount (a rate of investment, matching of city funds); `up_to` when the rule says 最高."""
    raw = base * share
    sep = "" if what.endswith("：") else " "
    ex.step(f"{what}{sep}{yuan(base)} × {'最高 ' if up_to else ''}{pct(share)} = {yuan(raw)}")
    return raw


def matching(ex: Explain, city_yuan: float, share: float, cap: float, what: str) -> float:
    """District matching as a share of a city-level award, capped per project."""
    if city_yuan <= 0:
        ex.step(f"未获得{what}，不享受区级配套奖励")
        return 0
    return capped(ex, share_of(ex, city_yuan, share, what), cap, "单个项目奖励上限")


def highest_of(ex: Explain, held: Sequence[tuple[str, float]], why: str) -> tuple[str, float] | None:
    """Several awards for one matter are not added up: the highest is given."""
    if not held:
        return None
    name, best = max(held, key=lambda h: h[1])
    if len(held) > 1:
        ex.step(f"{why}：按{name}给予 {yuan(best)}")
    return name, best


def lowest_of(ex: Explain, limits: Sequence[tuple[float, str]]) -> float:
    """Several limits apply at once: the lowest binds."""
    amount, binding = min(limits, key=lambda c: c[0])
    ex.step(f"取其中最低：{yuan(amount)}（受“{binding}”约束）")
    return amount


def instalments(
    ex: Explain, total: float, shares: Sequence[float], start_year: int | None, start_label: str
) -> list[dict]:
    """Split an approved total into yearly instalments and explain the plan."""
    plan, parts = [], []
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
