"""The one condition recorder: each condition met / failed / unknown, in words, with its clause."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from pydantic import BaseModel

from calculators.base import Explain
from calculators.kit.logic import all_of
from calculators.kit.money import yuan
from core.schema import CalcResult


class Wording(NamedTuple):
    """How a document family labels a condition's outcome in its steps."""

    met: str
    failed: str
    unknown: str


CHECKED = Wording("符合", "不符合", "尚需确认")
CONDITION = Wording("条件满足", "条件不满足", "条件未知")
KNOWN = Wording("符合", "不符合", "未知")


class Condition(NamedTuple):
    words: str
    met: bool | None
    detail: str
    article: str


class Conditions:
    """Records conditions as steps; the verdict is the three-valued AND of those that count."""

    def __init__(
        self, ex: Explain, inputs: BaseModel | None = None, wording: Wording = CHECKED, doc: str = ""
    ):
        self.ex, self.inputs, self.wording, self.doc = ex, inputs, wording, doc
        self.rows: list[Condition] = []
        self.counted: list[bool | None] = []
        self.missing: dict[str, str] = {}  # input field → its description, for conditions left unknown

    def add(
        self,
        met: bool | None,
        words: str,
        *,
        failed: str | None = None,
        unknown: str | None = None,
        why: str = "",
        detail: str = "",
        article: str = "",
        fields: tuple[str, ...] = (),
        counts: bool = True,
    ) -> bool | None:
        """Record one condition. `failed`/`unknown` reword it for that outcome; `why` says what is unknown;
        `fields` name the inputs whose absence leaves it open."""
        text = {True: words, False: failed or words, None: unknown or words}[met]
        if met is None and why:
            text += f"（{why}）"
        if detail:
            text += f"——{detail}"
        if article:
            text += f"（{article}）"
        self.ex.step(f"{self.wording[(True, False, None).index(met)]}：{text}")
        self.rows.append(Condition(words, met, detail, article))
        if met is None:
            self.missing.update(self.descriptions(fields))
        if counts:
            self.counted.append(met)
        return met

    def fact(
        self,
        field: str,
        words: str,
        *,
        want: bool = True,
        said: tuple[str, str] | None = None,
        **kw,
    ) -> bool | None:
        """A yes/no input that must equal `want`. `said` is the detail for a yes and for a no answer."""
        value = getattr(self.inputs, field)
        if value is None:
            detail = f"未说明：{self.descriptions((field,))[field]}" if said else ""
            return self.add(None, words, detail=detail, fields=(field,), **kw)
        return self.add(value == want, words, detail=said[not value] if said else "", **kw)

    def descriptions(self, fields: tuple[str, ...]) -> dict[str, str]:
        """Descriptions of the named input fields that were not given."""
        known = type(self.inputs).model_fields if self.inputs is not None else {}
        return {n: known[n].description or n for n in fields if getattr(self.inputs, n, None) is None}

    @property
    def verdict(self) -> bool | None:
        return all_of(self.counted)

    def tally(self, outcome: bool | None) -> int:
        return sum(1 for m in self.counted if m is outcome)

    def payable(self, amount: float) -> CalcResult:
        """Amount when every condition is met; 0 when one fails; the conditional amount when some are unknown."""
        ok = self.verdict
        if ok is False:
            self.ex.step("因不符合上述条件，不予奖励")
            return self.ex.result(0, False)
        if ok is None:
            self.ex.step(f"上述条件确认符合后，可得 {yuan(amount)}")
            return self.ex.result(amount, None)
        return self.ex.result(amount, amount > 0)

    def conclude(self, verdict: bool | None | str = "all") -> CalcResult:
        """A verdict without an amount, with each condition in extra["conditions"]; what is unknown is asked for."""
        ok = self.verdict if verdict == "all" else verdict
        self.ex.extra["conditions"] = [
            {
                "condition": r.words,
                "met": r.met,
                "article": f"{self.ex.doc_no} {r.article}".strip(),
                "detail": r.detail,
            }
            for r in self.rows
        ]
        result = self.ex.result(None, ok)
        return with_missing(result, self.missing) if ok is None else result


def with_missing(result: CalcResult, fields: dict[str, str]) -> CalcResult:
    """Attach the facts a result still needs (input name → description) so the assistant asks for them."""
    if not fields:
        return result
    missing = tuple(dict.fromkeys((*result.missing, *fields.values())))
    extra = {
        **result.extra,
        "missing_fields": list(dict.fromkeys((*result.extra.get("missing_fields", ()), *fields))),
    }
    return replace(result, missing=missing, extra=extra)
