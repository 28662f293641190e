"""The calculators kit: what every rules module shares (conditions, money, arithmetic, dates, bounds)."""

from calculators.kit.amounts import (
    capped,
    highest_of,
    instalments,
    lowest_of,
    matching,
    per_unit,
    share_of,
    within_remaining,
)
from calculators.kit.conditions import CHECKED, CONDITION, KNOWN, Conditions, Wording, with_missing
from calculators.kit.dates import add_years, cn
from calculators.kit.logic import all_of, any_of, negate
from calculators.kit.money import count, num, pct, share_of_percent, wan, yuan

__all__ = [
    "CHECKED", "CONDITION", "KNOWN", "Conditions", "Wording", "add_years", "all_of", "any_of", "capped",
    "cn", "count", "highest_of", "instalments", "lowest_of", "matching", "negate", "num", "pct", "per_unit",
    "share_of", "share_of_percent", "wan", "with_missing", "within_remaining", "yuan",
]  # fmt: skip
