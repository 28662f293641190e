"""Legal parameters as data: one YAML file per quantity, values keyed by the date they take effect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from core.schema import Citation

PARAMS_DIR = Path(__file__).resolve().parent / "params"


@dataclass(frozen=True)
class Reference:
    doc_no: str
    article: str
    quote: str


@dataclass(frozen=True)
class Param:
    """One legal quantity: its dated values, its unit and the clause it comes from."""

    key: str  # path under params/ without .yaml, e.g. green_low_carbon/pv_reward
    description: str
    unit: str | None
    reference: Reference
    reading: str | None  # the reading chosen where the text is ambiguous
    values: tuple[tuple[date, dict | None], ...]  # sorted by date

    def at(self, as_of: date) -> dict | None:
        """The values in force on as_of, or None before the first date or after a null."""
        current = None
        for start, value in self.values:
            if start <= as_of:
                current = value
        return current

    @property
    def starts(self) -> date:
        return self.values[0][0]

    @property
    def ends(self) -> date | None:
        last_start, last_value = self.values[-1]
        return last_start if last_value is None else None

    def citation(self, title: str = "") -> Citation:
        r = self.reference
        return Citation(r.doc_no, title, r.article, r.quote, None)


def _as_date(key) -> date:
    if isinstance(key, date):
        return key
    return date.fromisoformat(str(key))


def parse_param(key: str, raw: dict) -> Param:
    meta = raw.get("metadata") or {}
    ref = meta.get("reference") or {}
    missing = [f for f in ("doc_no", "article", "quote") if not ref.get(f)]
    if missing:
        raise ValueError(f"parameter {key}: metadata.reference lacks {', '.join(missing)}")
    values = raw.get("values")
    if not isinstance(values, dict) or not values:
        raise ValueError(f"parameter {key}: 'values' must map dates to values")
    dated = tuple(sorted(((_as_date(k), v) for k, v in values.items()), key=lambda kv: kv[0]))
    return Param(
        key=key,
        description=str(raw.get("description", "")),
        unit=meta.get("unit"),
        reference=Reference(str(ref["doc_no"]), str(ref["article"]), str(ref["quote"])),
        reading=meta.get("reading"),
        values=dated,
    )


@cache
def load_param(key: str) -> Param:
    path = PARAMS_DIR / f"{key}.yaml"
    if not path.exists():
        raise FileNotFoundError(f"no parameter file {path}")
    with path.open(encoding="utf-8") as f:
        return parse_param(key, yaml.safe_load(f))


def all_param_keys() -> list[str]:
    return sorted(str(p.relative_to(PARAMS_DIR).with_suffix("")) for p in PARAMS_DIR.rglob("*.yaml"))
