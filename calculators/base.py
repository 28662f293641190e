"""Calculator registry: metadata, input validation, and the Explain a rule writes its steps into."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import SimpleNamespace
from typing import Literal, get_args, get_type_hints

from pydantic import BaseModel, ValidationError, create_model

from calculators.params import Param, load_param
from core.catalog import title_of
from core.schema import CalcResult, Citation

Audience = Literal[
    "resident", "enterprise", "staff"
]  # who asks: a resident, a company or institution, civil staff
Stage = Literal["primary", "middle"]  # admission rules: which school stage they decide
Kind = Literal["amount", "eligibility", "verdict"]  # what the result is: money, yes/no, or a classification


class InputError(ValueError):
    """Input that cannot be computed on (negative, absurd, wrong format)."""


@dataclass(frozen=True)
class Calculator:
    name: str
    title: str
    doc_no: str
    article: str
    inputs: type[BaseModel]
    params: tuple[str, ...]
    func: Callable[[BaseModel, date, dict[str, Param]], CalcResult]
    audience: Audience | None = None
    stage: Stage | None = None
    kind: Kind | None = None
    # Decides from the facts stated so far, before every required input is known: a CalcResult when a stated
    # fact already fails a condition (0 / not eligible), None when the required inputs are still needed.
    screen: Callable[[dict, date, dict[str, Param]], CalcResult | None] | None = None

    def __post_init__(self):
        for value, allowed in ((self.audience, Audience), (self.stage, Stage), (self.kind, Kind)):
            if value is not None and value not in get_args(allowed):
                raise ValueError(f"calculator {self.name}: {value!r} is not one of {get_args(allowed)}")

    def run(self, raw_inputs: dict, as_of: date) -> CalcResult:
        """Validate raw inputs, fill `missing` for absent required fields, then compute the rules of as_of."""
        fields = self.inputs.model_fields
        unknown = sorted(set(raw_inputs) - set(fields))
        if unknown:
            raise InputError(f"{self.name}: unknown inputs {unknown}; known: {sorted(fields)}")
        strict_numbers(self.name, raw_inputs, fields)
        absent = [n for n, f in fields.items() if f.is_required() and raw_inputs.get(n) is None]
        if absent:  # what was given is checked now, not after the missing inputs arrive
            try:
                _partial(self.inputs)(**{n: v for n, v in raw_inputs.items() if v is not None})
            except ValidationError as e:
                raise InputError(f"{self.name}: {_problems(e)}") from None
        if absent and self.screen is not None:
            decided = self.screen(dict(raw_inputs), as_of, {k: load_param(k) for k in self.params})
            if decided is not None:
                return decided
        if absent:
            return CalcResult(
                calculator=self.name,
                inputs=dict(raw_inputs),
                amount_yuan=None,
                eligible=None,
                steps=(),
                citations=tuple(self.citations()),
                missing=tuple(fields[n].description or n for n in absent),
                warnings=(),
                extra={"missing_fields": absent},
            )
        try:
            model = self.inputs(**raw_inputs)
        except ValidationError as e:
            raise InputError(f"{self.name}: {_problems(e)}") from None
        params = {k: load_param(k) for k in self.params}
        return self.func(model, as_of, params)

    def citations(self) -> list[Citation]:
        return [cite(load_param(k)) for k in self.params]

    def describe(self) -> dict:
        inputs = []
        for n, f in self.inputs.model_fields.items():
            ann = f.annotation
            inputs.append(
                {
                    "name": n,
                    "description": f.description or "",
                    "type": getattr(ann, "__name__", str(ann)),
                    "required": f.is_required(),
                }
            )
        return {
            "name": self.name,
            "title": self.title,
            "doc_no": self.doc_no,
            "article": self.article,
            "inputs": inputs,
            "audience": self.audience,
            "stage": self.stage,
            "kind": self.kind,
        }


def _takes_numbers(annotation) -> bool:
    """True when a field holds a number (int or float, possibly optional or a list of them)."""
    if annotation in (int, float):
        return True
    return any(_takes_numbers(a) for a in get_args(annotation) if a is not type(None))


def strict_numbers(name: str, raw: dict, fields: dict) -> None:
    """A yes/no is not a number (JSON true would pass as 1), and NaN or infinity is no amount: refused with the
    real reason before pydantic's lax conversion can turn them into a figure."""
    for key, value in raw.items():
        if not _takes_numbers(fields[key].annotation):
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, bool):
                raise InputError(f"{name}: {key}: expects a number, got a yes/no value ({str(v).lower()})")
            if isinstance(v, float) and not math.isfinite(v):
                raise InputError(f"{name}: {key}: expects a finite number, got {v}")


REGISTRY: dict[str, Calculator] = {}


def calculator(
    *,
    title: str,
    doc_no: str,
    article: str,
    params: Sequence[str] = (),
    audience: Audience,
    kind: Kind,
    stage: Stage | None = None,
    prepare: Callable[[Explain], None] | None = None,
    name: str | None = None,
    screen: Callable[[dict, date, dict[str, Param]], CalcResult | None] | None = None,
):
    """Register a rule `(ex: Explain, inputs: SomeInputs) -> CalcResult`, named after the function (or `name`);
    its input model is the annotation of `inputs`. The registry names the Explain after the calculator, gives it the document, the declared
    parameters and the date, and runs `prepare` (a family's common notes). `screen` (raw inputs, date, loaded
    parameters → CalcResult or None) decides from stated facts while required inputs are still missing."""

    def wrap(rule: Callable[[Explain, BaseModel], CalcResult]):
        calc_name = name or rule.__name__
        if calc_name in REGISTRY:
            raise ValueError(f"calculator {calc_name} registered twice")
        inputs = get_type_hints(rule)["inputs"]

        def func(model: BaseModel, as_of: date, loaded: dict[str, Param]) -> CalcResult:
            dumped = model.model_dump(mode="json", exclude_none=True)
            ex = Explain(calc_name, dumped, as_of, params=loaded, doc_no=doc_no)
            if prepare is not None:
                prepare(ex)
            return rule(ex, model)

        func.__doc__ = rule.__doc__
        calc = Calculator(
            calc_name, title, doc_no, article, inputs, tuple(params), func, audience, stage, kind, screen
        )
        REGISTRY[calc_name] = calc
        return rule

    return wrap


@dataclass
class Explain:
    """Collects steps, citations and warnings while a rule computes; builds the CalcResult."""

    calculator: str
    inputs: dict
    as_of: date
    steps: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    params: dict[str, Param] = field(default_factory=dict)  # the calculator's declared parameters by key
    doc_no: str = ""  # the document the calculator applies

    def param(self, key: str) -> Param:
        """A declared parameter; using one the calculator did not declare is a programming error."""
        try:
            return self.params[key]
        except KeyError:
            raise KeyError(f"{self.calculator}: parameter {key} is not declared at registration") from None

    def value(self, param: Param | str) -> dict | None:
        """The parameter's values on as_of; cites it and warns when it is not in force."""
        if isinstance(param, str):
            param = self.param(param)
        c = cite(param)
        if c not in self.citations:
            self.citations.append(c)
        if param.reading:
            self.warn(f"口径说明：{param.reading}")
        v = param.at(self.as_of)
        if v is None:
            # Fall back to the last values in force so the user still sees the arithmetic.
            v = next((val for _, val in reversed(param.values) if val is not None), None)
            when = self.as_of.isoformat()
            if self.as_of < param.starts:
                msg = f"{param.reference.doc_no} {param.reference.article} 自{param.starts.isoformat()}起施行，{when}尚未施行"
            else:
                msg = f"{param.reference.doc_no} {param.reference.article} 已于{param.ends.isoformat()}失效，{when}不在有效期内，以下结果仅按原标准测算"
            if msg not in self.warnings:
                self.warnings.append(msg)
        return v

    def step(self, text: str) -> None:
        self.steps.append(text)

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def include(self, name: str, label: str, given: dict) -> CalcResult:
        """Run the calculator `name` on the facts it takes from `given` and fold its citations, warnings and
        steps (under 【label】) into this result — how a combined rule reuses the rules it combines."""
        calc = REGISTRY[name]
        result = calc.run({k: v for k, v in given.items() if k in calc.inputs.model_fields}, self.as_of)
        for c in result.citations:
            if c not in self.citations:
                self.citations.append(c)
        for w in result.warnings:
            self.warn(w)
        self.step(f"【{label}】")
        self.steps.extend(f"　{s}" for s in result.steps)
        return result

    def result(self, amount_yuan: float | None, eligible: bool | None) -> CalcResult:
        if amount_yuan is not None:
            amount_yuan = round(float(amount_yuan), 2)
            if amount_yuan == int(amount_yuan):
                amount_yuan = int(amount_yuan)
        return CalcResult(
            calculator=self.calculator,
            inputs=self.inputs,
            amount_yuan=amount_yuan,
            eligible=eligible,
            steps=tuple(self.steps),
            citations=tuple(self.citations),
            missing=(),
            warnings=tuple(self.warnings),
            extra=self.extra,
        )


Gate = Callable[[Explain, object], CalcResult | None]


def gated(
    rule, calc_name: str, doc_no: str, fields: dict, gate: Gate,
    prepare: Callable[[Explain], None] | None = None, then: Gate | None = None,
):  # fmt: skip
    """A rule that also takes `fields` (facts a whole document asks of every applicant) and runs `gate` on
    them first: (ex, inputs) → a result that decides, or None to go on. Returns (the gated rule, ready for
    `calculator`, and its `screen`), the screen running the same gate — then `then`, the rule's own early
    check — on the stated facts (None for the rest) while required inputs are still missing."""
    model = create_model(
        get_type_hints(rule)["inputs"].__name__, __base__=get_type_hints(rule)["inputs"], **fields
    )

    def checked(ex: Explain, inputs) -> CalcResult:
        return gate(ex, inputs) or rule(ex, inputs)

    def screen(raw: dict, as_of: date, loaded: dict) -> CalcResult | None:
        stated = SimpleNamespace(**{n: raw.get(n) for n in model.model_fields})
        ex = Explain(
            calc_name, {k: v for k, v in raw.items() if v is not None}, as_of, params=loaded, doc_no=doc_no
        )
        if prepare is not None:
            prepare(ex)
        decided = gate(ex, stated)
        if decided is None and then is not None:
            try:
                decided = then(ex, stated)
            except (TypeError, ValueError):
                return None  # a stated value that is not valid: the input check reports it
        return decided

    checked.__name__ = calc_name
    checked.__doc__ = rule.__doc__
    checked.__annotations__ = {"ex": Explain, "inputs": model, "return": CalcResult}
    return checked, screen


def cite(param: Param) -> Citation:
    r = param.reference
    return Citation(r.doc_no, title_of(r.doc_no), r.article, r.quote, None)


def load_all() -> dict[str, Calculator]:
    """Import every rules module so its calculators register, then return the registry."""
    import importlib
    import pkgutil

    import calculators.rules as rules

    for mod in pkgutil.iter_modules(rules.__path__):
        importlib.import_module(f"calculators.rules.{mod.name}")
    return REGISTRY


def _problems(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in error.errors())


@cache
def _partial(model: type[BaseModel]) -> type[BaseModel]:
    """The inputs model with every field optional: checks the inputs given before the required ones are all
    known (the model's cross-field validators are not copied; they run on the full model)."""
    fields = {}
    for name, info in model.model_fields.items():
        optional = copy.copy(info)
        optional.default, optional.default_factory = None, None
        fields[name] = (info.annotation | None, optional)
    return create_model(f"{model.__name__}Given", **fields)
