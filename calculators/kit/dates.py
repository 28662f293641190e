"""Dates as the gazette writes them, and whole-year arithmetic on them."""

from __future__ import annotations

from datetime import date

LEAP_DAY_FALLS_ON = (3, 1)  # a 29 February anniversary in a common year is taken as 1 March
FIRST_MONTH_DAY, LATEST_MONTH_DAY = (1, 1), (12, 31)  # a year known without its month: its first / last day


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


MONTHS_IN_YEAR = 12


def years_before(d: date, years: float) -> date:
    """The first day of the month `years` (whole or fractional, in months) before d: 2024-05-10, 2 → 2022-05-01."""
    months = d.year * MONTHS_IN_YEAR + d.month - 1 - round(years * MONTHS_IN_YEAR)
    return date(months // MONTHS_IN_YEAR, months % MONTHS_IN_YEAR + 1, 1)
