"""The gold sets on disk and their split: dev (seen while tuning) or held out (written before, never tuned to)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import yaml

DEV, HELDOUT = "dev", "heldout"
SPLITS = (DEV, HELDOUT)
LABELS = {DEV: "dev", HELDOUT: "held-out", "all": "all"}

GOLD_DIR = Path(os.environ.get("BENCH_GOLD_DIR") or Path(__file__).resolve().parent / "gold")
NO_HELDOUT = "no held-out set yet"


def heldout_dir(gold_dir: Path = GOLD_DIR) -> Path:
    return Path(gold_dir) / "heldout"


def split_of(entry: dict) -> str:
    """A retrieval entry's split: its `split` field, dev when absent."""
    split = entry.get("split", DEV)
    if split not in SPLITS:
        raise ValueError(f"{entry.get('id')}: split {split!r} is not one of {SPLITS}")
    return split


def indices_by_split(entries: Sequence[dict]) -> dict[str, list[int]]:
    """Positions of the entries of each split, and of all of them."""
    out: dict[str, list[int]] = {s: [] for s in SPLITS}
    for i, e in enumerate(entries):
        out[split_of(e)].append(i)
    out["all"] = list(range(len(entries)))
    return out


def _read_list(path: Path) -> list[dict]:
    return [{**e, "source": path.name} for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def load_heldout_cases(folder: Path | None = None) -> list[dict]:
    """Held-out calculation and eligibility cases (calc_*.yaml, elig_*.yaml); [] when there are none.

    `asked_on` becomes a date (YAML already parses an unquoted ISO date; a quoted one is parsed here).
    """
    folder = Path(folder) if folder is not None else heldout_dir()
    cases = []
    for pattern in ("calc_*.yaml", "elig_*.yaml"):
        for path in sorted(folder.glob(pattern)):
            for e in _read_list(path):
                asked = e.get("asked_on")
                if isinstance(asked, str):
                    with contextlib.suppress(ValueError):  # not a date: reported just below
                        asked = date.fromisoformat(asked.strip())
                if not isinstance(asked, date):
                    raise ValueError(f"{path.name}: {e.get('id')}: asked_on {asked!r} is not an ISO date")
                cases.append({**e, "asked_on": asked, "classes": list(e.get("classes") or [])})
    return cases


def load_heldout_answers(folder: Path | None = None) -> tuple[list[dict], list[dict]]:
    """(questions, out-of-scope questions) from answers_*.yaml; ([], []) when there are none.

    A file is a mapping with `questions` and `out_of_scope`; a bare list is read as `questions`.
    """
    folder = Path(folder) if folder is not None else heldout_dir()
    questions, oos = [], []
    for path in sorted(folder.glob("answers_*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, list):
            data = {"questions": data}
        questions += [{**e, "source": path.name} for e in data.get("questions") or []]
        oos += [{**e, "source": path.name} for e in data.get("out_of_scope") or []]
    return questions, oos


def gold_ids(gold_dir: Path = GOLD_DIR) -> dict[str, str]:
    """Every gold id → its split: retrieval.yaml by its `split` field; out_of_scope.yaml and the end-to-end
    conversations of assistant/ are dev; everything under heldout/ is held out."""
    gold_dir = Path(gold_dir)
    ids: dict[str, str] = {}

    def add(entries: Sequence[dict], split: str | None = None) -> None:
        for e in entries:
            if e["id"] in ids:
                raise ValueError(f"gold id {e['id']} appears twice")
            ids[e["id"]] = split or split_of(e)

    for name in ("retrieval.yaml", "out_of_scope.yaml"):
        path = gold_dir / name
        if path.exists():
            add(_read_list(path), None if name == "retrieval.yaml" else DEV)
    for path in sorted((gold_dir / "assistant").glob("*.yaml")):
        add(_read_list(path), DEV)
    questions, oos = load_heldout_answers(heldout_dir(gold_dir))
    add(load_heldout_cases(heldout_dir(gold_dir)) + questions + oos, HELDOUT)
    return ids
