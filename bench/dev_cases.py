"""`python -m bench dev-cases`: the dev cases written from the gazette like the held-out ones — every miss listed.

These are the cases to read, run and learn from while working on understanding; the held-out sets are
scored the same way (`bench/heldout.py`) but never listed.
"""

from __future__ import annotations

from pathlib import Path

from bench.gold_sets import GOLD_DIR, load_heldout_answers, load_heldout_cases
from bench.heldout import (
    answer_summary,
    assistant_factory,
    calc_summary,
    chunk_texts_of,
    render_answers,
    render_calc,
    run_answers,
    run_calc_cases,
)

DEV_CASES_DIR = GOLD_DIR / "dev_cases"


def main(folder: Path = DEV_CASES_DIR, only: str | None = None) -> int:
    from retrieval.index import ensure_index

    index = ensure_index()
    cases = [c for c in load_heldout_cases(folder) if not only or only in c["id"]]
    questions, oos = load_heldout_answers(folder)
    questions = [q for q in questions if not only or only in q["id"]]
    oos = [q for q in oos if not only or only in q["id"]]
    if questions or oos:
        _answers(index, questions, oos)
    if not cases:
        return 0 if questions or oos else 2
    by_id = {c["id"]: c for c in cases}
    outcomes = run_calc_cases(assistant_factory(index), cases)
    lines = render_calc(calc_summary(outcomes))
    lines[1] = "## Assistant end to end — dev cases written from the gazette (bench/gold/dev_cases/)"
    print("\n".join(line for line in lines if not line.startswith("Misses:")))
    for o in outcomes:
        if not o.ok:
            case = by_id[o.id]
            print(f"\n- {o.id} [{', '.join(o.classes)}] {' ⟶ '.join(case['turns'])}")
            print(f"  want {o.expected}; got {o.got}")
            print(f"  {case.get('clause', '')}: {case.get('working', '')}")
    return 0


def _answers(index, questions: list[dict], oos: list[dict]) -> None:
    """The dev answer-level questions and near misses, every miss listed."""
    answered, refused = run_answers(assistant_factory(index), questions, oos, chunk_texts_of(index))
    lines = render_answers(answer_summary(answered, refused))
    lines[1] = "## Assistant end to end — dev answer-level questions written from the gazette"
    print("\n".join(x for x in lines if not x.startswith(("Misses:", "Near misses answered:"))))
    by_id = {q["id"]: q for q in [*questions, *oos]}
    for o in answered:
        if not (o.fact and o.top1):
            q = by_id[o.id]
            print(f"\n- {o.id} [{o.type}] {q['question']} ({o.status})")
            print(
                f"  lacks {list(o.lacks)}; top-1 {o.first_citation}; want {q['doc_no']} {q.get('clause', '')}"
            )
    for o in refused:
        if o.answered:
            print(f"\n- {o.id} near miss answered ({o.status}): {by_id[o.id]['question']}")
