"""The end-to-end gold set (bench/gold/assistant/*.yaml) through the real assistant, with thresholds by kind."""

from __future__ import annotations

from datetime import date

import pytest

from bench.assistant_gold import THRESHOLDS, load_gold, run_gold, score, table

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def outcomes(use_index):
    from assistant.service import Assistant

    # 2024-07-01: the gazette's rules are in force, so amounts are checked without validity caveats.
    return run_gold(Assistant(use_index, today=date(2024, 7, 1)), load_gold())


def test_gold_set_is_big_enough():
    entries = load_gold()
    assert len(entries) >= 60
    assert len({e["id"] for e in entries}) == len(entries)


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_kind_meets_threshold(outcomes, kind):
    right, total = score(outcomes).get(kind, (0, 0))
    assert total > 0, f"no {kind} questions in the gold set"
    assert right / total >= THRESHOLDS[kind], "\n" + table(outcomes)
