"""Fill a calculator's inputs from Chinese text, guided by the slot specs in assistant/intents/*.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.negation import negated
from assistant.numbers import find_dates, find_quantities
from assistant.places import place_of
from core.normalize import normalize


@dataclass(frozen=True)
class SlotSpec:
    name: str
    ask: str  # the question to ask when it is missing
    unit: str | None = None  # canonical unit of a quantity slot (kW, kWh, tce, m2, yuan, …)
    scale: float = 1.0  # the input is in value/scale, e.g. 10000 for an input in 万元
    cues: tuple[str, ...] = ()  # words that precede this slot's number when several share a unit
    bare: bool = False  # accept a number written without a unit
    date: bool = False
    integer: bool = False
    many: bool = False  # a list: every number of this unit ("两个项目分别花了8万和30万")
    patterns: tuple[tuple[object, tuple[str, ...]], ...] = ()  # (value, regexes), first match wins
    default: object = None
    place_of: tuple[str, ...] = ()  # a "… in 西城?" fact: words naming the thing whose place is asked
    place_values: tuple[object, object] = (True, False)  # the value for in 西城, and for elsewhere

    @classmethod
    def from_dict(cls, name: str, d: dict) -> SlotSpec:
        """A slot from its YAML; `concept: NAME` adds the everyday words for that category, declared once
        in assistant/concepts.yaml, after the slot's own patterns."""
        own = dict(d.get("patterns") or {})
        shared = concept_patterns(d["concept"]) if d.get("concept") else {}
        pats = tuple((value, tuple(rx)) for value, rx in own.items()) + tuple(
            (value, tuple(rx)) for value, rx in shared.items() if value not in own
        )
        place_values = d.get("place_values") or {}
        # YAML turns true/false keys into booleans already; "null" values mean "unknown".
        return cls(
            name=name,
            ask=d.get("ask", name),
            unit=d.get("unit"),
            scale=float(d.get("scale", 1.0)),
            cues=tuple(d.get("cues", ())),
            bare=bool(d.get("bare", False)),
            date=bool(d.get("date", False)),
            integer=bool(d.get("integer", False)),
            many=bool(d.get("many", False)),
            patterns=pats,
            default=d.get("default"),
            place_of=tuple(d.get("place_of", ())),
            place_values=(place_values.get("in", True), place_values.get("out", False)),
        )


@dataclass
class Extraction:
    values: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


CONCEPTS_FILE = Path(__file__).with_name("concepts.yaml")


@lru_cache(maxsize=1)
def _concepts() -> dict:
    return yaml.safe_load(CONCEPTS_FILE.read_text(encoding="utf-8")) or {}


def concept_patterns(name: str) -> dict:
    """value → regexes of a shared category (hukou type, family type …); KeyError names an unknown one."""
    concepts = _concepts()
    if name not in concepts:
        raise KeyError(f"unknown concept {name!r} (assistant/concepts.yaml has {sorted(concepts)})")
    return concepts[name]


_BREAK = re.compile(r"[,，。;；!！?？]")


def _cue_distance(text: str, start: int, end: int, cues: tuple[str, ...]) -> int:
    """Characters between the value at [start, end) and the nearest cue before it (or just after it)."""
    best = 10_000
    for cue in cues:
        for m in re.finditer(re.escape(normalize(cue)), text):
            if m.end() <= start:
                gap = text[m.end() : start]
            elif m.start() >= end and m.start() - end < 8:  # "500千瓦的装机容量", "2018年5月3日出生"
                gap = text[end : m.start()] + "  "
            else:
                continue
            # A clause break between cue and value makes the pairing much less likely.
            best = min(best, len(gap) + (15 if _BREAK.search(gap) else 0))
    return best


def _assign(pairs: list[tuple], taken: set[str], used: set[int], shared: dict[str, int]):
    """Give each slot its closest value; a value goes to one slot only."""
    for dist, _, i, spec in sorted(pairs, key=lambda p: (p[0], p[1], p[2])):
        if i in used or spec.name in taken:
            continue
        if spec.cues and dist >= 10_000 and shared.get(spec.name, 1) > 1:
            continue  # several slots compete for this kind of value and no cue says which one this is
        used.add(i)
        taken.add(spec.name)
        yield i, spec


_UNSTATED = object()


def _stated_value(flat: str, spec: SlotSpec):
    for value, regexes in spec.patterns:
        for rx in regexes:
            m = re.search(rx, flat)
            if m is None:
                continue
            if not negated(flat, m.start()):
                return value
            if value is True:
                return False
            break  # a negated category or "no" answer: try the next value's patterns
    return _UNSTATED


def extract(text: str, specs: list[SlotSpec], today: date | None = None) -> Extraction:
    """Values for whichever slots the text states; slots it does not state are left out. Relative dates
    (去年3月) are read against `today`, the day of the question."""
    flat = normalize(text)
    out = Extraction()
    dates = find_dates(flat, today)
    date_spans = [(d.start, d.end) for d in dates]
    quantities = [q for q in find_quantities(flat) if not any(s <= q.start < e for s, e in date_spans)]

    # Facts stated in words: the first pattern that matches wins. A mention inside a negation's scope
    # ("并没有使用高新技术产品") states the opposite of a yes/no fact and rules out a category.
    for spec in specs:
        value = _stated_value(flat, spec)
        if value is _UNSTATED and spec.place_of:
            inside = place_of(flat, spec.place_of)
            value = _UNSTATED if inside is None else spec.place_values[0 if inside else 1]
        if value is not _UNSTATED:
            out.values[spec.name] = value

    date_specs = [s for s in specs if s.date and not s.patterns]
    pairs = [
        (_cue_distance(flat, d.start, d.end, s.cues) if s.cues else 5_000, 0, i, s)
        for s in date_specs
        for i, d in enumerate(dates)
    ]
    shared = {s.name: len(date_specs) for s in date_specs}
    for i, spec in _assign(pairs, set(), set(), shared):
        out.values[spec.name] = dates[i].value.isoformat()

    for spec in specs:
        if spec.many and not spec.patterns:
            values = [
                q.value / spec.scale
                for q in quantities
                if q.unit == spec.unit
                or (q.unit is None and (spec.bare or (spec.unit == "yuan" and q.value >= 100)))
            ]  # a bare small number ("三场") is a count, not money
            if values:
                out.values[spec.name] = values

    # Quantity slots: each number goes to at most one slot, matched by unit then by cue.
    number_specs = [s for s in specs if not (s.patterns or s.place_of or s.date or s.many)]
    used: set[int] = set()
    pairs = []
    for spec in number_specs:
        for i, q in enumerate(quantities):
            # A bare number counts as money only when it is plausibly an amount ("800万"), not "二档".
            unit_ok = q.unit == spec.unit or (
                q.unit is None and (spec.bare or (spec.unit == "yuan" and q.value >= 100))
            )
            if spec.unit is None:
                unit_ok = q.unit is None or spec.bare
            if unit_ok:
                exact_unit = 0 if q.unit == spec.unit else 1
                dist = _cue_distance(flat, q.start, q.end, spec.cues) if spec.cues else 5_000
                pairs.append((dist, exact_unit, i, spec))
    shared = {s.name: sum(1 for t in number_specs if t.unit == s.unit) for s in number_specs}
    for i, spec in _assign(pairs, set(), used, shared):
        value = quantities[i].value / spec.scale
        out.values[spec.name] = int(round(value)) if spec.integer else value
    return out
