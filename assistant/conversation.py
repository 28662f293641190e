"""Conversation state and the answer object: explicit, so the CLI, the tests and the page share them."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.schema import CalcResult, Citation


@dataclass
class Conversation:
    """What the assistant remembers between turns of one user's conversation."""

    calculator: str | None = None  # the calculator the last calculation turn used
    inputs: dict = field(default_factory=dict)  # inputs gathered so far for it
    missing: list[str] = field(default_factory=list)  # input names still needed (needs_input)
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, status)

    def reset(self) -> None:
        self.calculator, self.inputs, self.missing = None, {}, []
        self.history.clear()


@dataclass(frozen=True)
class Answer:
    question: str
    status: str  # answered | calculated | needs_input | not_found
    answer: str  # markdown shown to the user
    citations: tuple[Citation, ...] = ()
    calculation: CalcResult | None = None
    elapsed_ms: float = 0.0
    notices: tuple[str, ...] = ()  # e.g. "LLM unreachable, extractive answer shown"

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
            "calculation": _contract_calculation(self.calculation) if self.calculation else None,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


CALCULATION_KEYS = (
    "calculator",
    "inputs",
    "amount_yuan",
    "eligible",
    "steps",
    "missing",
    "citations",
    "warnings",
)


def _contract_calculation(result: CalcResult) -> dict:
    """Exactly the keys of the CLI/JSON contract (ARCHITECTURE.md); offices and materials stay in the page."""
    d = result.to_dict()
    return {k: d[k] for k in CALCULATION_KEYS}
