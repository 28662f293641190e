"""Calculator intents: trigger words, slot specs and follow-up questions, kept as data in intents/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.negation import negated
from assistant.slots import SlotSpec, extract
from core.normalize import normalize

INTENTS_DIR = Path(__file__).with_name("intents")


@dataclass(frozen=True)
class Intent:
    calculator: str
    triggers: tuple[tuple[str, ...], ...]  # any group whose words all occur selects this intent
    excludes: tuple[str, ...]  # words that rule this intent out
    slots: tuple[SlotSpec, ...]
    fixed: dict  # inputs this intent always sets (e.g. a variant of a shared calculator)
    # (concept slot, values allowed; None = not stated): a text stating another value rules the intent out
    # ("外地户口" rules out the rules for Beijing hukou, "西城户口" those for non-Beijing children).
    when: tuple[tuple[SlotSpec, tuple], ...] = ()
    # A composite intent (one calculator combining several rules) applies only when the text names at
    # least `min_topics` of its topics (each a list of words), and then outranks the single-rule intents.
    topics: tuple[tuple[str, ...], ...] = ()
    min_topics: int = 0

    def score(self, text: str) -> int:
        flat = _folded(text)
        if any(_stated(flat, _folded(x)) for x in self.excludes):
            return 0
        best = 0
        for group in self.triggers:
            if all(_present(flat, _folded(w)) for w in group):
                best = max(best, sum(len(w) for w in group))
        if best and self.when:
            for spec, allowed in self.when:
                if extract(text, [spec]).values.get(spec.name) not in allowed:
                    return 0
        if best and self.min_topics:
            named = sum(1 for words in self.topics if any(_folded(w) in flat for w in words))
            if named < self.min_topics:
                return 0
            best += COMPOSITE_BONUS
        return best


COMPOSITE_BONUS = 100  # above any trigger group's length


def _stated(flat: str, word: str) -> bool:
    """An exclude word rules an intent out only where it is stated, not denied: "不是人民银行认定的那种国家级"
    names 国家级 to rule it out, so it must not exclude the intent for the other level. An exclude that itself
    starts with a negator ("没拿到市级") is stated wherever it occurs."""
    start = flat.find(word)
    while start != -1:
        if not negated(flat, start):
            return True
        start = flat.find(word, start + 1)
    return False


WORDS_FILE = Path(__file__).with_name("trigger_words.yaml")


@lru_cache(maxsize=1)
def _everyday() -> dict[str, tuple[str, ...]]:
    """Gazette word → the everyday words for it (assistant/trigger_words.yaml), folded."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    return {_folded(word): tuple(_folded(v) for v in variants) for word, variants in data.items()}


def _present(flat: str, word: str) -> bool:
    """A trigger word (folded) stands in the question, itself or in an everyday word for it."""
    return word in flat or any(v in flat for v in _everyday().get(word, ()))


@lru_cache(maxsize=8192)
def _folded(words: str) -> str:
    """normalize(words).lower(), once per trigger word or question: scoring every intent re-reads the same
    words for every question, and normalize is the slow part of it."""
    return normalize(words).lower()


@lru_cache(maxsize=1)
def load_intents() -> tuple[Intent, ...]:
    intents = []
    for path in sorted(INTENTS_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            triggers = tuple(tuple(g) if isinstance(g, list) else (g,) for g in raw.get("triggers", []))
            slots = tuple(SlotSpec.from_dict(n, d or {}) for n, d in (raw.get("slots") or {}).items())
            when = tuple(
                (SlotSpec.from_dict(name, {"concept": name}), tuple(allowed))
                for name, allowed in (raw.get("when") or {}).items()
            )
            intents.append(
                Intent(
                    raw["calculator"],
                    triggers,
                    tuple(raw.get("excludes", ())),
                    slots,
                    raw.get("fixed") or {},
                    when,
                    tuple(tuple(words) for words in (raw.get("topics") or {}).values()),
                    int(raw.get("min_topics", 0)),
                )
            )
    return tuple(intents)


def best_intent(text: str, intents: tuple[Intent, ...] | None = None) -> tuple[Intent | None, int]:
    intents = intents if intents is not None else load_intents()
    scored = sorted(((i.score(text), n, i) for n, i in enumerate(intents)), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] == 0:
        return None, 0
    return scored[0][2], scored[0][0]
