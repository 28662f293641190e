"""Which parameter each step of a calculation used: the parameters a result cites, matched to its steps by
the figures a step shows (a step "500 千瓦 × 1200元/千瓦" uses the parameter whose value is 1200)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from calculators.params import Param, all_param_keys, load_param
from core.catalog import title_of
from core.schema import CalcResult, Citation

_FIGURE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿|万|%|‰)?")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCALE = {"亿": 1e8, "万": 1e4, "%": 0.01, "‰": 0.001, None: 1.0}


@lru_cache(maxsize=1)
def params_by_reference() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(doc_no, article, quote) → the ids of the parameters that cite exactly that."""
    out: dict[tuple[str, str, str], list[str]] = {}
    for key in all_param_keys():
        r = load_param(key).reference
        out.setdefault((r.doc_no, r.article, r.quote), []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def value_on(param: Param, as_of: date):
    """The values in force on as_of, else the last values that were (what a calculation falls back to)."""
    v = param.at(as_of)
    if v is None:
        v = next((val for _, val in reversed(param.values) if val is not None), None)
    return v


def param_view(param: Param, as_of: date | None = None) -> dict:
    r = param.reference
    view = {
        "id": param.key,
        "description": param.description,
        "unit": param.unit,
        "reference": {
            "doc_no": r.doc_no,
            "title": title_of(r.doc_no),
            "article": r.article,
            "quote": r.quote,
        },
        "reading": param.reading,
        "values": [{"from": d.isoformat(), "value": v} for d, v in param.values],
        "starts": param.starts.isoformat(),
        "ends": param.ends.isoformat() if param.ends else None,
    }
    if as_of is not None:
        view["as_of"] = as_of.isoformat()
        view["value_on_as_of"] = param.at(as_of)
    return view


def _numbers(value) -> set[float]:
    """Every number inside a parameter value (0 and 1 left out: they would match any step)."""
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int | float):
        return set() if value in (0, 1) else {float(value)}
    if isinstance(value, dict):
        return set().union(*(_numbers(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(_numbers(v) for v in value)) if value else set()
    return set()


def _dates(value) -> set[str]:
    """Every date inside a parameter value, as ISO text (a step shows "2023-12-31（含）以前")."""
    if isinstance(value, date):
        return {value.isoformat()}
    if isinstance(value, str):
        return {value} if _ISO.fullmatch(value) else set()
    if isinstance(value, dict):
        return set().union(*(_dates(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(_dates(v) for v in value)) if value else set()
    return set()


def figures(text: str) -> set[float]:
    """The numbers a step shows, in plain units and as written ("60万元" → 600000 and 60; "5%" → 0.05 and 5)."""
    out = set()
    for digits, unit in _FIGURE.findall(text):
        n = float(digits.replace(",", ""))
        out.update({n, round(n * _SCALE[unit or None], 6)})
    return out


def used_params(calc_params: tuple[str, ...], citations: tuple[Citation, ...]) -> list[str]:
    """Ids of the parameters a result cites, the calculator's own first (in its declared order)."""
    index = params_by_reference()
    cited = []
    for c in citations:
        for key in index.get((c.doc_no, c.article or "", c.quote), ()):
            if key not in cited:
                cited.append(key)
    own = [k for k in calc_params if k in cited]
    return own + [k for k in cited if k not in own]


def trace(result: CalcResult, calc_params: tuple[str, ...], as_of: date) -> dict:
    keys = used_params(calc_params, result.citations)
    params = {k: load_param(k) for k in keys}
    numbers = {k: _numbers(value_on(p, as_of)) for k, p in params.items()}
    dates = {k: _dates(value_on(p, as_of)) for k, p in params.items()}
    steps = []
    for text in result.steps:
        shown = figures(text)
        used = [k for k in keys if numbers[k] & shown or any(d in text for d in dates[k])]
        steps.append(
            {
                "text": text,
                "parameters": [
                    {
                        "id": k,
                        "doc_no": params[k].reference.doc_no,
                        "article": params[k].reference.article,
                        "quote": params[k].reference.quote,
                        "value": value_on(params[k], as_of),
                    }  # fmt: skip
                    for k in used
                ],
            }
        )
    return {
        "calculator": result.calculator,
        "as_of": as_of.isoformat(),
        "inputs": result.inputs,
        "amount_yuan": result.amount_yuan,
        "eligible": result.eligible,
        "missing": list(result.missing),
        "steps": steps,
        "parameters": [param_view(params[k], as_of) for k in keys],
        "citations": [c.to_dict() for c in result.citations],
        "warnings": list(result.warnings),
        "matched_by": "a step lists a parameter when it shows one of that parameter's figures or dates on as_of",
    }
