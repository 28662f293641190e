"""Dates as the gazette writes them, and whole-year arithmetic on them."""

from __future__ import annotations

from datetime import date

LEAP_DAY_FALLS_ON = (3, 1)  # a 29 February anniversary in a common year is taken as 1 March


def cn(d: date) -> str:
    """2018-08-31 → '2018年8月31日'."""
    return f"{d.year}年{d.month}月{d.day}日"


def add_years(d: date, years: int) -> date:
    """The same day `years` later (29 February → 1 March)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, *LEAP_DAY_FALLS_ON)


def year_month(d: date) -> tuple[int, int]:
    return d.year, d.month


def parse_year_month(s: str) -> tuple[int, int]:
    """'2023-05' → (2023, 5)."""
    y, m = s.split("-")
    return int(y), int(m)
