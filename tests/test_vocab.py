"""The curated vocabulary: each entry expands real questions into terms the gazette really uses."""

from __future__ import annotations

from pathlib import Path

import yaml

from core.normalize import normalize
from ingest.parse import read_corpus
from retrieval.vocab import VOCAB_FILE, expand_query

GOLD = Path(__file__).resolve().parent.parent / "bench" / "gold"


def _gold_questions() -> dict[str, str]:
    qs = {
        e["id"]: e["question"] for e in yaml.safe_load((GOLD / "retrieval.yaml").read_text(encoding="utf-8"))
    }
    for path in (GOLD / "assistant").glob("*.yaml"):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")):
            qs[e["id"]] = " ".join(e["turns"])
    return qs


ENTRIES = yaml.safe_load(VOCAB_FILE.read_text(encoding="utf-8"))


def test_every_entry_is_justified_by_a_gold_question_that_uses_its_words():
    questions = _gold_questions()
    for e in ENTRIES:
        assert e["why"], e["words"]
        for gid in e["why"]:
            q = normalize(questions[gid]).lower()
            assert any(normalize(w).lower() in q for w in e["words"]), (gid, e["words"])


def test_every_expansion_term_occurs_in_the_gazette():
    corpus = normalize(read_corpus().text)
    for e in ENTRIES:
        for term in e["expand"]:
            assert normalize(term) in corpus, term


def test_expansion_appends_terms_once_and_keeps_the_question():
    q = "外地户口孩子上小学要什么条件"
    out = expand_query(q)
    assert out.startswith(normalize(q)) and "非本市户籍" in out and "小学入学" in out
    assert out.count("非本市户籍") == 1
    assert expand_query("西民发〔2024〕1号第二十一条") == normalize("西民发〔2024〕1号第二十一条")
