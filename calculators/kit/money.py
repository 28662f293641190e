"""How amounts, shares and quantities are written in a calculator's steps."""

from __future__ import annotations

from core.format import WAN, YI, yuan  # noqa: F401  (one money formatter, re-exported for rules)

PERCENT = 10**2


def pct(share: float) -> str:
    """0.4 → '40%', 0.085 → '8.5%'."""
    return f"{share * PERCENT:g}%"


def share_of_percent(percent: float) -> float:
    """An input given in percent (60) as a share (0.6)."""
    return percent / PERCENT


def num(x: float) -> str:
    """Readable quantity: 500.0 → '500', 12.5 → '12.5'."""
    return f"{x:g}"


def count(n: float, unit: str) -> str:
    """A count in 万 once it reaches ten thousand: 50000 → '5万单', 9999 → '9999单'."""
    if n >= WAN:
        return f"{round(n / WAN, 4):g}万{unit}"
    return f"{n:g}{unit}"


def wan(n: float) -> float:
    """A quantity in 万 (30000000 → 3000)."""
    return n / WAN
