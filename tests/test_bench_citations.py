"""The vocabulary and the intents cite dev gold ids only: a held-out question studied to tune is not held out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.intents import INTENTS_DIR
from bench.gold_sets import DEV, HELDOUT, gold_ids
from retrieval.vocab import VOCAB_FILE

ROOT = Path(__file__).resolve().parent.parent
# The code and data of the system and its tests (not the bench and its gold sets, which must name them).
SYSTEM = ("app.py", "core", "ingest", "retrieval", "calculators", "assistant", "ui", "api", "tests")
HELDOUT_SHAPED = re.compile(r"(?<![\w-])ho-[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    return gold_ids()


def vocab_citations(path: Path = VOCAB_FILE) -> list[tuple[str, str]]:
    """(where, id) for every id in the `why` of every vocabulary entry."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [(f"{path.name}: {e['words'][:3]}", gid) for e in entries for gid in e.get("why") or []]


def intent_citations(folder: Path, known: dict[str, str]) -> list[tuple[str, str]]:
    """(where, id) for every id an intent file cites: its entries' `why` lists, any known gold id and anything
    shaped like a held-out id (ho-…) in its text, comments included."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for e in yaml.safe_load(text) or []:
            out += [(f"{path.name}: {e.get('calculator')}", gid) for gid in e.get("why") or []]
        for token in set(re.findall(r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])", text)):
            if token in known or HELDOUT_SHAPED.fullmatch(token):
                out.append((path.name, token))
    return out


def bad_citations(citations: list[tuple[str, str]], known: dict[str, str]) -> list[str]:
    bad = []
    for where, gid in citations:
        if gid not in known:
            bad.append(f"{where}: {gid} is not a gold id")
        elif known[gid] != DEV:
            bad.append(
                f"{where}: {gid} is held out — it was looked at to tune: move it to dev (bench/gold/README.md)"
            )
    return bad


def test_the_checker_flags_unknown_and_heldout_ids():
    known = {"aa-01": DEV, "aa-02": HELDOUT, "ho-calc-x-001": HELDOUT}
    assert bad_citations([("v", "aa-01")], known) == []
    assert len(bad_citations([("v", "aa-02"), ("v", "aa-99"), ("v", "ho-calc-x-001")], known)) == 3


def test_the_intent_scan_finds_why_lists_gold_ids_and_heldout_shaped_ids(tmp_path):
    (tmp_path / "x.yaml").write_text(
        "# tuned on aa-02 and ho-zzz-999; follow-ups and non-Beijing are words\n"
        "- calculator: c\n  why: [aa-01]\n",
        encoding="utf-8",
    )
    found = {gid for _, gid in intent_citations(tmp_path, {"aa-01": DEV, "aa-02": HELDOUT})}
    assert found == {"aa-01", "aa-02", "ho-zzz-999"}


def test_gold_ids_are_unique_across_dev_and_heldout(ids):
    # gold_ids raises on a duplicate; here: both splits are there
    assert {DEV, HELDOUT} <= set(ids.values())


def test_vocabulary_cites_existing_dev_ids_only(ids):
    citations = vocab_citations()
    assert citations
    assert bad_citations(citations, ids) == []


def test_intents_cite_existing_dev_ids_only(ids):
    assert bad_citations(intent_citations(INTENTS_DIR, ids), ids) == []


def test_the_system_names_no_heldout_id(ids):
    """No rule, word list, prompt, comment or test of the system mentions a held-out question."""
    heldout = {gid for gid, split in ids.items() if split == HELDOUT}
    token = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])")
    found = []
    for top in SYSTEM:
        base = ROOT / top
        paths = [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []
        for path in paths:
            if (
                path.suffix not in {".py", ".yaml", ".yml", ".md", ".json", ".txt"}
                or "__pycache__" in path.parts
            ):
                continue
            hits = set(token.findall(path.read_text(encoding="utf-8", errors="replace"))) & heldout
            found += [f"{path.relative_to(ROOT)}: {h}" for h in sorted(hits)]
    assert found == []
