"""How amounts, shares and quantities are written in a calculator's steps."""

from __future__ import annotations

WAN = 10**4  # 万
YI = 10**8  # 亿
PERCENT = 10**2


def _whole(amount: float, unit: int) -> bool:
    """True when amount is a whole number of `unit` to four decimals (so 万/亿 reads exactly)."""
    return amount / unit == round(amount / unit, 4)


def yuan(amount: float) -> str:
    """Readable money: 1000000000 → '10亿元', 600000 → '60万元', 1234.5 → '1234.5元'."""
    for unit, word in ((YI, "亿"), (WAN, "万")):
        if amount >= unit and _whole(amount, unit):
            return f"{round(amount / unit, 4):g}{word}元"
    return f"{round(amount, 2):g}元"


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
