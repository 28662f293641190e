"""Rules as a service, OpenFisca-style: the calculator catalogue, calculations, their trace, the parameters."""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.service import Service, get_service
from api.trace import param_view, trace
from api.work import offload
from calculators.base import Calculator, InputError, strict_numbers
from calculators.params import all_param_keys, load_param
from core.schema import CalcResult

router = APIRouter(tags=["Calculators"])
MAX_BATCH = 50


class CalcRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"example": {"calculator": "green_pv_reward", "inputs": {"capacity_kw": 500}}}
    )
    calculator: str = Field(description="a name from GET /calculators")
    inputs: dict = Field(default_factory=dict, description="the calculator's inputs (see its input_schema)")
    as_of: date | None = Field(default=None, description="date whose rules apply (default: today)")


class InvalidInputs(Exception):
    def __init__(self, errors: list[dict]):
        self.errors = errors


def catalogue_entry(calc: Calculator) -> dict:
    entry = calc.describe()
    entry["input_schema"] = calc.inputs.model_json_schema()
    entry["params"] = list(calc.params)
    return entry


def _error(loc: list, msg: str, kind: str = "value_error") -> dict:
    return {"loc": loc, "msg": msg, "type": kind}


def compute(service: Service, req: CalcRequest, loc: list) -> tuple[Calculator, CalcResult, date]:
    """Run one request; InvalidInputs names each field that is wrong (the calculators are strict)."""
    calc = service.calculators.get(req.calculator)
    if calc is None:
        raise InvalidInputs([_error([*loc, "calculator"], f"unknown calculator {req.calculator!r}; see GET /calculators")])  # fmt: skip
    fields = calc.inputs.model_fields
    errors = [
        _error([*loc, "inputs", k], f"unknown input {k!r} of {calc.name}; known: {sorted(fields)}", "extra_forbidden")
        for k in req.inputs
        if k not in fields
    ]  # fmt: skip
    if errors:
        raise InvalidInputs(errors)
    try:  # the calculators' own strict check first: NaN is "not finite", not "more than the cap"
        strict_numbers(calc.name, req.inputs, fields)
    except InputError as e:
        raise InvalidInputs([_error(_where(calc, str(e), loc), str(e))]) from None
    try:
        calc.inputs.model_validate(req.inputs)
    except ValidationError as e:  # required inputs may be absent (the result lists them as missing)
        errors = [
            _error([*loc, "inputs", *err["loc"]], err["msg"], err["type"]) for err in e.errors() if err["type"] != "missing"
        ]  # fmt: skip
        if errors:
            raise InvalidInputs(errors) from None
    as_of = req.as_of or date.today()
    try:
        return calc, calc.run(dict(req.inputs), as_of), as_of
    except (InputError, ValueError) as e:  # a rule's own check of the facts taken together
        raise InvalidInputs([_error(_where(calc, str(e), loc), str(e))]) from None


def _where(calc: Calculator, message: str, loc: list) -> list:
    """The location of the input an InputError names ("green_pv_reward: capacity_kw: …"), else the inputs."""
    m = re.match(rf"{re.escape(calc.name)}: (\w+):", message)
    return [*loc, "inputs", m.group(1)] if m and m.group(1) in calc.inputs.model_fields else [*loc, "inputs"]


def calculation(result: CalcResult, as_of: date) -> dict:
    """The calculation object of the contract (plus `extra` where the gazette names offices or materials)."""
    return {**result.to_dict(), "as_of": as_of.isoformat()}


@router.get("/calculators", summary="Catalogue: name, title, document, article and input JSON Schema")
def calculators() -> list[dict]:
    return [catalogue_entry(c) for c in get_service().calculators.values()]


@router.get("/calculators/{name}", summary="One calculator")
def one_calculator(name: str):
    calc = get_service().calculators.get(name)
    if calc is None:
        return JSONResponse({"detail": f"no calculator {name!r}; see GET /calculators"}, status_code=404)
    return catalogue_entry(calc)


@router.post(
    "/calculate",
    summary="Run a calculator, or a list of them",
    description='One request → the calculation object; a list → {"results": [...]}. Invalid inputs → 422 naming '
    "the field. Absent required inputs are no error: `missing` lists them.",
)
async def calculate(body: CalcRequest | list[CalcRequest] = Body(...)):  # noqa: B008
    return await offload(_calculate, body)


def _calculate(body: CalcRequest | list[CalcRequest]):
    service = get_service()
    single = isinstance(body, CalcRequest)
    requests = [body] if single else body
    if len(requests) > MAX_BATCH:
        return JSONResponse(
            {"detail": [_error(["body"], f"at most {MAX_BATCH} requests at once")]}, status_code=422
        )
    results, errors = [], []
    for i, req in enumerate(requests):
        try:
            _, result, as_of = compute(service, req, ["body"] if single else ["body", i])
            results.append(calculation(result, as_of))
        except InvalidInputs as e:
            errors.extend(e.errors)
    if errors:
        return JSONResponse({"detail": errors}, status_code=422)
    return results[0] if single else {"results": results}


@router.post("/trace", summary="A calculation with the parameter and quote each step used")
async def trace_calculation(req: CalcRequest = Body(...)):  # noqa: B008
    return await offload(_trace, req)


def _trace(req: CalcRequest):
    try:
        calc, result, as_of = compute(get_service(), req, ["body"])
    except InvalidInputs as e:
        return JSONResponse({"detail": e.errors}, status_code=422)
    return trace(result, calc.params, as_of)


@router.get("/parameters", summary="Ids of every legal parameter")
def parameters() -> list[str]:
    return all_param_keys()


@router.get("/parameters/{param_id:path}", summary="One parameter: dated values, reference, verbatim quote")
def parameter(param_id: str, as_of: date | None = None):
    if param_id not in set(all_param_keys()):  # never a path outside params/
        return JSONResponse({"detail": f"no parameter {param_id!r}; see GET /parameters"}, status_code=404)
    return param_view(load_param(param_id), as_of or date.today())
