"""The retrieval gold set (bench/gold) is well-formed and matches the current chunking."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from ingest.chunk import chunk_documents
from ingest.parse import load_documents

GOLD = Path(__file__).resolve().parent.parent / "bench" / "gold"
GROUPS = {"resident", "enterprise", "staff"}
KINDS = {"paraphrase", "number", "date", "table", "clause_lookup", "definition"}
SPLITS = {"dev", "heldout"}


@pytest.fixture(scope="module")
def chunks():
    return {c.chunk_id: c for c in chunk_documents(load_documents())}


@pytest.fixture(scope="module")
def gold():
    return yaml.safe_load((GOLD / "retrieval.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def oos():
    return yaml.safe_load((GOLD / "out_of_scope.yaml").read_text(encoding="utf-8"))


def test_counts(gold, oos):
    assert len(gold) >= 130
    assert len(oos) >= 30


def test_unique_ids(gold, oos):
    ids = [e["id"] for e in gold] + [e["id"] for e in oos]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    assert not dup, dup


def test_fields(gold, oos):
    for e in gold:
        assert set(e) - {"split"} == {"id", "group", "kind", "question", "doc_no", "chunk_ids"}, e["id"]
        assert e.get("split", "dev") in SPLITS, e["id"]
        assert e["group"] in GROUPS, e["id"]
        assert e["kind"] in KINDS, e["id"]
        assert isinstance(e["question"], str) and e["question"].strip(), e["id"]
        assert 1 <= len(e["chunk_ids"]) <= 3, e["id"]
        assert len(set(e["chunk_ids"])) == len(e["chunk_ids"]), e["id"]
    for e in oos:
        assert set(e) == {"id", "question"}, e
        assert isinstance(e["question"], str) and e["question"].strip(), e["id"]


def test_chunk_ids_exist_and_match_doc(gold, chunks):
    bad = []
    for e in gold:
        for cid in e["chunk_ids"]:
            c = chunks.get(cid)
            if c is None:
                bad.append(f"{e['id']}: unknown {cid}")
            elif c.doc_no != e["doc_no"]:
                bad.append(f"{e['id']}: {cid} is in {c.doc_no}, not {e['doc_no']}")
    assert not bad, "\n".join(bad)


def test_dev_and_heldout_both_present_and_split_by_the_loader(gold):
    from bench.gold_sets import indices_by_split

    groups = indices_by_split(gold)
    assert len(groups["dev"]) >= 130 and len(groups["heldout"]) >= 30, {k: len(v) for k, v in groups.items()}
    assert sorted(groups["dev"] + groups["heldout"]) == groups["all"] == list(range(len(gold)))
    assert all(gold[i].get("split") == "heldout" for i in groups["heldout"])


def test_all_documents_covered(gold, chunks):
    docs = {c.doc_no for c in chunks.values()}
    assert len(docs) == 13
    per_doc = Counter(e["doc_no"] for e in gold)
    assert set(per_doc) == docs, docs - set(per_doc)
    thin = {d: n for d, n in per_doc.items() if n < 5}
    assert not thin, thin


def test_mix_of_groups_and_kinds(gold):
    groups = Counter(e["group"] for e in gold)
    kinds = Counter(e["kind"] for e in gold)
    assert set(groups) == GROUPS, groups
    assert set(kinds) == KINDS, kinds
    assert kinds["clause_lookup"] >= 15, kinds


def test_questions_not_copied_from_chunks(gold, chunks):
    copied = []
    for e in gold:
        q = e["question"].strip()
        for cid in e["chunk_ids"]:
            c = chunks[cid]
            if q in c.text or (c.raw and q in c.raw):
                copied.append(f"{e['id']}: {q!r} is verbatim in {cid}")
    assert not copied, "\n".join(copied)


def test_out_of_scope_not_in_gold(gold, oos):
    assert not {e["question"] for e in gold} & {e["question"] for e in oos}
