"""End-to-end dev gold set for the assistant (bench/gold/assistant/): load it, run it, score it by kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.conversation import Answer, Conversation

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "assistant"
# The share of each kind that must come out right (tests/test_assistant_gold.py asserts these).
THRESHOLDS = {"calculation": 1.0, "eligibility": 1.0, "out_of_scope": 1.0, "clause": 0.9}


@dataclass(frozen=True)
class Outcome:
    id: str
    kind: str
    ok: bool
    problems: tuple[str, ...]
    answer: Answer


def load_gold(gold_dir: Path = GOLD_DIR) -> list[dict]:
    entries = []
    for path in sorted(gold_dir.glob("*.yaml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append({**e, "source": path.name})
    return entries


def check(entry: dict, answer: Answer) -> list[str]:
    """What is wrong with the answer to the last turn, per the entry's expectations."""
    exp, problems = entry["expect"], []
    calc = answer.calculation
    if "status" in exp and answer.status != exp["status"]:
        problems.append(f"status {answer.status} ≠ {exp['status']}")
    if "calculator" in exp and (calc is None or calc.calculator != exp["calculator"]):
        problems.append(f"calculator {calc and calc.calculator} ≠ {exp['calculator']}")
    if "amount_yuan" in exp:
        got = calc.amount_yuan if calc else None
        want = exp["amount_yuan"]
        if (want is None) != (got is None) or (want is not None and abs(float(got) - float(want)) > 0.005):
            problems.append(f"amount {got} ≠ {want}")
    if "eligible" in exp and (calc is None or calc.eligible is not exp["eligible"]):
        problems.append(f"eligible {calc and calc.eligible} ≠ {exp['eligible']}")
    cites = list(answer.citations) + (list(calc.citations) if calc else [])
    if "doc_no" in exp and not any(c.doc_no == exp["doc_no"] for c in cites[:3]):
        problems.append(f"doc {[c.doc_no for c in cites[:3]]} lacks {exp['doc_no']}")
    if "article" in exp and not any(
        c.doc_no == exp.get("doc_no", c.doc_no) and (c.article or "").startswith(exp["article"])
        for c in cites[:3]
    ):
        problems.append(f"article {[c.article for c in cites[:3]]} lacks {exp['article']}")
    if "missing_contains" in exp and exp["missing_contains"] not in answer.answer:
        problems.append(f"answer does not ask for {exp['missing_contains']}")
    return problems


def run_gold(assistant, entries: list[dict]) -> list[Outcome]:
    outcomes = []
    for e in entries:
        conv = Conversation()
        answer = None
        for turn in e["turns"]:
            answer = assistant.ask(turn, conv)
        problems = check(e, answer)
        outcomes.append(Outcome(e["id"], e["kind"], not problems, tuple(problems), answer))
    return outcomes


def score(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o.ok)
    return {k: (sum(v), len(v)) for k, v in sorted(by_kind.items())}


def table(outcomes: list[Outcome]) -> str:
    rows = ["| kind | right | total | share | threshold |", "|---|---:|---:|---:|---:|"]
    for kind, (right, total) in score(outcomes).items():
        rows.append(f"| {kind} | {right} | {total} | {right / total:.2%} | {THRESHOLDS.get(kind, 0):.0%} |")
    failures = [o for o in outcomes if not o.ok]
    if failures:
        rows.append("\nFailures:")
        rows += [f"- {o.id} ({o.kind}): {'; '.join(o.problems)}" for o in failures]
    return "\n".join(rows)


def main() -> int:
    """`python -m bench quality` part two: the end-to-end gold set through the assistant."""
    from datetime import date

    from assistant.service import Assistant
    from retrieval.index import ensure_index

    outcomes = run_gold(Assistant(ensure_index(), today=date(2024, 7, 1)), load_gold())
    print(f"\n## Assistant end to end — dev: {len(outcomes)} gold conversations (today = 2024-07-01)\n")
    print(table(outcomes))
    return 0 if all(o.ok or THRESHOLDS.get(o.kind, 0) < 1 for o in outcomes) else 1
