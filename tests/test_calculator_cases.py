"""Runs every YAML case in calculators/cases/: one sentence-named case per line of logic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from calculators.base import InputError, load_all

CASES_DIR = Path(__file__).resolve().parent.parent / "calculators" / "cases"
DEFAULT_AS_OF = date(2024, 7, 1)


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    calcs = load_all()
    assert case["calculator"] in calcs, f"unknown calculator {case['calculator']}"
    calc = calcs[case["calculator"]]
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    expect = case["expect"]
    if expect.get("error"):
        with pytest.raises(InputError):
            calc.run(case.get("inputs") or {}, as_of)
        return
    result = calc.run(case.get("inputs") or {}, as_of)
    if "amount_yuan" in expect:
        want = expect["amount_yuan"]
        if want is None:
            assert result.amount_yuan is None
        else:
            assert result.amount_yuan == pytest.approx(want, abs=0.005), result.steps
    if "eligible" in expect:
        assert result.eligible is expect["eligible"], (result.steps, result.warnings)
    for key, field in (
        ("steps_contain", result.steps),
        ("warnings_contain", result.warnings),
        ("missing_contain", result.missing),
    ):
        wanted = expect.get(key)
        if wanted is None:
            continue
        for w in [wanted] if isinstance(wanted, str) else wanted:
            assert any(w in s for s in field), f"{w!r} not in {list(field)}"
    if expect.get("no_warnings"):
        assert not result.warnings, result.warnings
    if not result.missing:
        assert result.citations, "a computed result must cite its rule"


def test_every_calculator_has_cases():
    calcs = load_all()
    used = {c.values[0]["calculator"] for c in _cases()}
    assert set(calcs) <= used, f"calculators without cases: {sorted(set(calcs) - used)}"
