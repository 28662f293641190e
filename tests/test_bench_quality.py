"""`python -m bench quality` keeps dev and held-out retrieval questions apart (the split is in the gold data)."""

from __future__ import annotations

import pytest
import yaml

from bench.quality import OURS, ROWS, SystemRun, breakdown, load_gold, render_systems

ENTRIES = [
    {"id": "a-01", "kind": "date", "split": "dev"},
    {"id": "a-02", "kind": "date", "split": "heldout"},
    {"id": "a-03", "kind": "table", "split": "dev"},
]
DOC = [[True], [False, True], [False]]
CHUNK = [[False, True], [False], [False]]
GROUPS = {"dev": [0, 2], "heldout": [1], "all": [0, 1, 2]}


def test_load_gold_marks_every_entry_with_its_split(tmp_path):
    (tmp_path / "retrieval.yaml").write_text(
        yaml.safe_dump(
            [
                {"id": "x-01", "question": "q1", "doc_no": "d", "chunk_ids": ["c"]},
                {"id": "x-02", "question": "q2", "doc_no": "d", "chunk_ids": ["c"], "split": "heldout"},
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "out_of_scope.yaml").write_text("- {id: o-01, question: q3}\n", encoding="utf-8")
    in_scope, oos = load_gold(tmp_path)
    assert [e["split"] for e in in_scope] == ["dev", "heldout"]
    assert [e["split"] for e in oos] == ["dev"]
    (tmp_path / "retrieval.yaml").write_text(
        "- {id: x-03, question: q, doc_no: d, chunk_ids: [c], split: test}\n"
    )
    with pytest.raises(ValueError, match="split"):
        load_gold(tmp_path)


def test_system_row_scores_each_split():
    run = SystemRun(OURS, "d", DOC, CHUNK, 0.3)
    row = run.row(GROUPS)
    assert set(row["by_split"]) == set(ROWS)
    assert row["by_split"]["dev"]["doc"] == {"n": 2, "R@1": 0.5, "R@5": 0.5, "MRR@10": 0.5}
    assert row["by_split"]["heldout"]["doc"]["MRR@10"] == 0.5
    assert row["by_split"]["heldout"]["chunk"]["R@5"] == 0.0
    assert row["by_split"]["all"]["chunk"]["n"] == 3


def test_breakdown_by_kind_keeps_splits_apart():
    rows = {r["kind"]: r["by_split"] for r in breakdown(ENTRIES, DOC, CHUNK, "kind")}
    assert rows["date"]["dev"]["doc"]["n"] == 1 and rows["date"]["heldout"]["doc"]["n"] == 1
    assert rows["date"]["heldout"]["doc"]["R@1"] == 0.0
    assert rows["table"]["heldout"]["doc"]["n"] == 0


def test_render_prints_a_row_per_system_and_split():
    result = {
        "gold": {"in_scope": 3, "splits": {"dev": 2, "heldout": 1, "all": 3}},
        "k": 10,
        "index": {"embedder": "fake", "chunks": 9},
        "systems": [
            SystemRun(OURS, "d", DOC, CHUNK).row(GROUPS),
            SystemRun("BM25", "b", DOC, DOC).row(GROUPS),
        ],
    }
    lines = render_systems(result)
    rows = [line for line in lines if line.startswith(("| Ours", "| BM25"))]
    assert [r.split(" | ")[1] for r in rows] == ["dev", "held-out", "all"] * 2
    assert "(2 dev, 1 held-out)" in lines[0]
    only = [line for line in render_systems(result, splits=("heldout",)) if line.startswith("| Ours")]
    assert only == [f"| {OURS} | held-out | 1 | 0.000 | 1.000 | 0.500 | 0.000 | 0.000 | 0.000 |"]


def test_the_reranker_ablation_switches_each_feature_off_and_restores_the_weights(fake_index):
    from bench.quality import ABLATION, render_ablation, rerank_ablation
    from retrieval import search as search_mod
    from retrieval.search import Retriever

    before = dict(search_mod.RERANK_WEIGHTS)
    entries = [
        {"question": "孩子几岁能上小学", "chunk_ids": ["西教发〔2024〕7号/三/（一）/1"]},
        {"question": "老年餐每天补多少", "chunk_ids": ["西民发〔2024〕1号/第五章/第二十一条"]},
    ]
    rows = rerank_ablation(Retriever(fake_index), entries, {"dev": [0, 1], "heldout": [1]})
    assert [r["variant"] for r in rows] == list(ABLATION)
    assert rows[-1]["weights"] == {k: 0.0 for k in before}  # fusion only
    assert rows[0]["weights"] == before and before == search_mod.RERANK_WEIGHTS
    assert rows[0]["chunk"]["dev"]["n"] == 2
    table = render_ablation(rows)
    assert len(table) == 5 + len(ABLATION) and "no reranker" in table[-1]
