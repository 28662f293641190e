"""`python -m bench dev-cases`: the dev cases written from the gazette like the held-out ones — every miss listed.

These are the cases to read, run and learn from while working on understanding; the held-out sets are
scored the same way (`bench/heldout.py`) but never listed.
"""

from __future__ import annotations

from pathlib import Path

from bench.gold_sets import GOLD_DIR, load_heldout_cases
from bench.heldout import assistant_factory, calc_summary, render_calc, run_calc_cases

DEV_CASES_DIR = GOLD_DIR / "dev_cases"


def main(folder: Path = DEV_CASES_DIR, only: str | None = None) -> int:
    from retrieval.index import ensure_index

    cases = [c for c in load_heldout_cases(folder) if not only or only in c["id"]]
    if not cases:
        print(f"no dev cases in {folder}")
        return 2
    by_id = {c["id"]: c for c in cases}
    outcomes = run_calc_cases(assistant_factory(ensure_index()), cases)
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
