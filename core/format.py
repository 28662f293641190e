"""How money and citations are written, the same everywhere: steps, answers, the page and the API."""

from __future__ import annotations

WAN = 10**4  # 万
YI = 10**8  # 亿


def _whole(amount: float, unit: int) -> bool:
    """True when amount is a whole number of `unit` to four decimals (so 万/亿 reads exactly)."""
    return amount / unit == round(amount / unit, 4)


def yuan(amount: float) -> str:
    """Readable money: 1000000000 → '10亿元', 600000 → '60万元', 1234.5 → '1234.5元'."""
    for unit, word in ((YI, "亿"), (WAN, "万")):
        if amount >= unit and _whole(amount, unit):
            return f"{round(amount / unit, 4):g}{word}元"
    return f"{round(amount, 2):g}元"


def yuan_exact(amount: float) -> str:
    """The readable amount with the exact yuan beside it when they differ: '60万元（600,000元）'."""
    exact = f"{amount:,.2f}".removesuffix(".00") + "元"
    readable = yuan(amount)
    return readable if readable.replace(",", "") == exact.replace(",", "") else f"{readable}（{exact}）"


def citation_label(doc_no: str, name: str | None, article: str | None = None) -> str:
    """《name》（文号）article — the form staff paste into documents; name falls back to the 文号."""
    return f"《{name or doc_no}》（{doc_no}）{article or ''}".rstrip()
