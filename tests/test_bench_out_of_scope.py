"""The out-of-scope thresholds: fitted on dev questions only, reported on dev and held-out."""

from __future__ import annotations

import math

from bench.out_of_scope import (
    OurAnswer,
    Thresholds,
    fit_thresholds,
    kept_by_rule,
    out_of_scope_report,
    render,
    rule_rates,
)


def ans(
    id_: str, dense: float, bm25: float, exact=False, names_doc=False, other_place=False, hits=True
) -> OurAnswer:
    relevant = kept_by_rule(
        OurAnswer(
            id_, "q", ("c",) if hits else (), (), exact, False, dense, bm25, names_doc, other_place, 0.0
        ),
        0.6,
        17.0,
    )
    return OurAnswer(
        id_,
        f"question {id_}",
        ("c",) if hits else (),
        (),
        exact,
        relevant,
        dense,
        bm25,
        names_doc,
        other_place,
        0.0,
    )


CURRENT = Thresholds(0.6, 17.0)


def test_rule_keeps_named_documents_and_refuses_other_places():
    assert kept_by_rule(ans("a", 0.1, 0.0, exact=True), 0.9, 99)
    assert kept_by_rule(ans("a", 0.1, 0.0, names_doc=True), 0.9, 99)
    assert not kept_by_rule(ans("a", 0.99, 99.0, other_place=True), 0.1, 0)
    assert not kept_by_rule(ans("a", 0.99, 99.0, hits=False), 0.1, 0)
    assert kept_by_rule(ans("a", 0.1, 20.0), 0.9, 20.0)  # either signal at its threshold (inclusive)
    assert not kept_by_rule(ans("a", 0.5, 19.9), 0.51, 20.0)


def test_fit_separates_the_dev_questions():
    ins = [ans("i1", 0.70, 5), ans("i2", 0.30, 30), ans("i3", 0.65, 12)]
    oos = [ans("o1", 0.50, 10), ans("o2", 0.40, 25), ans("o3", 0.2, 40, other_place=True)]
    t = fit_thresholds(ins, oos, CURRENT, dense_grid=[0.45, 0.55, 0.6, 0.7], bm25_grid=[20, 26, 30, 35])
    # i2 needs BM25 ≤ 30, o2 needs > 25 → 26 or 30; i1/i3 need dense ≤ 0.65, o1 > 0.50 → 0.55 or 0.6;
    # the tie goes to the pair nearest the current constants (0.6, 17.0) in grid steps
    assert t == Thresholds(0.6, 26.0)
    assert rule_rates(ins, oos, t) == {"in_kept": 1.0, "oos_accepted": 0.0, "in_n": 3, "oos_n": 3}


def test_fit_keeps_the_current_constants_when_they_are_among_the_best():
    ins = [ans("i1", 0.8, 5)]
    oos = [ans("o1", 0.3, 5)]
    assert fit_thresholds(ins, oos, CURRENT, [0.4, 0.5, 0.6, 0.7], [10, 17, 20]) == CURRENT


def test_fit_prefers_fewer_out_of_scope_accepted_at_equal_j():
    # (0.5): keeps i1,i2 and accepts o1 → J = 1 - 0.5 = .5; (0.7): keeps i1 only, accepts nothing → J = .5
    ins = [ans("i1", 0.8, 0), ans("i2", 0.6, 0)]
    oos = [ans("o1", 0.55, 0), ans("o2", 0.1, 0)]
    assert fit_thresholds(ins, oos, Thresholds(0.5, 99), [0.5, 0.7], [99]) == Thresholds(0.7, 99)


def test_report_fits_on_dev_only_and_reports_both_splits():
    dev_in, dev_oos = [ans("d1", 0.7, 5), ans("d2", 0.3, 30)], [ans("o1", 0.5, 10)]
    ho_in = [ans("h1", 0.58, 5)]  # would pull the dense threshold down if the fit saw it
    report = out_of_scope_report({"dev": dev_in, "heldout": ho_in}, {"dev": dev_oos, "heldout": []}, CURRENT)
    fitted = Thresholds(**report["fitted"])
    assert fitted == fit_thresholds(dev_in, dev_oos, CURRENT)
    assert report["rates"]["fitted"]["heldout"]["in_n"] == 1
    assert report["rates"]["current"]["dev"] == rule_rates(dev_in, dev_oos, CURRENT)
    assert math.isnan(report["rates"]["fitted"]["heldout"]["oos_accepted"])
    text = "\n".join(render(report))
    assert "fitted on dev" in text and "retrieval/search.py" in text
    assert "no held-out set yet" in text  # no held-out near misses given
    assert "| held-out |" in text


def test_heldout_questions_are_listed_by_id_only():
    report = out_of_scope_report(
        {"dev": [ans("d1", 0.1, 1)], "heldout": [ans("h1", 0.1, 1)]},
        {"dev": [ans("o1", 0.9, 90)], "heldout": [ans("ho-x", 0.9, 90)]},
        CURRENT,
    )
    text = "\n".join(render(report))
    assert "question d1" in text and "question o1" in text
    assert "h1 [held-out]" in text and "ho-x [held-out]" in text
    assert "question h1" not in text and "question ho-x" not in text
