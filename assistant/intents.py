"""Calculator intents: trigger words, slot specs and follow-up questions, kept as data in intents/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.slots import SlotSpec
from core.normalize import normalize

INTENTS_DIR = Path(__file__).with_name("intents")


@dataclass(frozen=True)
class Intent:
    calculator: str
    triggers: tuple[tuple[str, ...], ...]  # any group whose words all occur selects this intent
    excludes: tuple[str, ...]  # words that rule this intent out
    slots: tuple[SlotSpec, ...]
    fixed: dict  # inputs this intent always sets (e.g. a variant of a shared calculator)

    def score(self, text: str) -> int:
        flat = normalize(text).lower()
        if any(normalize(x).lower() in flat for x in self.excludes):
            return 0
        best = 0
        for group in self.triggers:
            if all(normalize(w).lower() in flat for w in group):
                best = max(best, sum(len(w) for w in group))
        return best


@lru_cache(maxsize=1)
def load_intents() -> tuple[Intent, ...]:
    intents = []
    for path in sorted(INTENTS_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            triggers = tuple(tuple(g) if isinstance(g, list) else (g,) for g in raw.get("triggers", []))
            slots = tuple(SlotSpec.from_dict(n, d or {}) for n, d in (raw.get("slots") or {}).items())
            intents.append(
                Intent(
                    raw["calculator"], triggers, tuple(raw.get("excludes", ())), slots, raw.get("fixed") or {}
                )
            )
    return tuple(intents)


def best_intent(text: str, intents: tuple[Intent, ...] | None = None) -> tuple[Intent | None, int]:
    intents = intents if intents is not None else load_intents()
    scored = sorted(((i.score(text), n, i) for n, i in enumerate(intents)), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] == 0:
        return None, 0
    return scored[0][2], scored[0][0]
