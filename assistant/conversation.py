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
    sources: dict[str, str] = field(default_factory=dict)  # input name → the user's words it was read from
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, status)

    def reset(self) -> None:
        self.calculator, self.inputs, self.missing, self.sources = None, {}, [], {}
        self.history.clear()


FALLBACK_NOTICE = "{reason}，以下是未经大模型改写的回答。"
# Between the model's words and the calculation shown as computed under them, in `answer`.
LLM_SEPARATOR = "\n\n---\n\n"


@dataclass(frozen=True)
class Answer:
    """One turn's answer. The page decides what to show from these fields, never from the text."""

    question: str
    status: str  # answered | calculated | needs_input | not_found
    answer: str  # markdown body: the extractive answer, or the LLM's checked rewrite of it
    citations: tuple[Citation, ...] = ()
    calculation: CalcResult | None = None
    elapsed_ms: float = 0.0
    # Rule no longer (or not yet) in force, or a one-year rule asked for another year; also in `answer`.
    validity_warnings: tuple[str, ...] = ()
    rewritten_by_llm: bool = False  # `answer` is the LLM's wording, accepted after the grounding check
    # The LLM was configured but failed or its answer was rejected: why (then `answer` is the extractive one).
    fallback_reason: str | None = None
    # 我理解的情况: each fact the user stated, its value and the words it came from (also in `answer`)
    understood: tuple[str, ...] = ()

    @property
    def fallback_notice(self) -> str | None:
        """What the user is told when the LLM's answer was not used."""
        return FALLBACK_NOTICE.format(reason=self.fallback_reason) if self.fallback_reason else None

    @property
    def markdown(self) -> str:
        """The whole answer as one markdown text (CLI, JSON): the body, then the fallback notice if any."""
        notice = self.fallback_notice
        return f"{self.answer}\n\n*{notice}*" if notice else self.answer

    def to_dict(self) -> dict:
        """Exactly the keys of the CLI/JSON contract (ARCHITECTURE.md); the flags stay in the object."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.markdown,
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
    "sources",
)


def _contract_calculation(result: CalcResult) -> dict:
    """Exactly the keys of the CLI/JSON contract (ARCHITECTURE.md); offices and materials stay in the page."""
    d = result.to_dict()
    return {k: d[k] for k in CALCULATION_KEYS}
