"""RRF against a short reference implementation written straight from the formula."""

from __future__ import annotations

import random

from retrieval.fusion import rrf_fuse


def reference_rrf(rankings: dict[str, list[str]], k: int = 60) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ids in rankings.values():
        for rank, doc in enumerate(ids, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return scores


def test_matches_reference_on_random_rankings():
    rng = random.Random(7)
    pool = [f"c{i}" for i in range(40)]
    for _ in range(50):
        rankings = {"bm25": rng.sample(pool, 15), "dense": rng.sample(pool, 15)}
        fused = rrf_fuse(rankings)
        ref = reference_rrf(rankings)
        assert {i: round(s, 12) for i, s, _ in fused} == {i: round(s, 12) for i, s in ref.items()}
        scores = [s for _, s, _ in fused]
        assert scores == sorted(scores, reverse=True)


def test_sources_say_which_retrievers_found_an_id():
    fused = rrf_fuse({"bm25": ["a", "b"], "dense": ["b", "c"]})
    by_id = {i: src for i, _, src in fused}
    assert by_id == {"a": ("bm25",), "b": ("bm25", "dense"), "c": ("dense",)}
    assert fused[0][0] == "b"  # found by both, ranked first


def test_ties_keep_first_seen_order():
    fused = rrf_fuse({"bm25": ["a"], "dense": ["b"]})
    assert [i for i, _, _ in fused] == ["a", "b"]


def test_duplicates_within_one_list_count_once():
    assert rrf_fuse({"x": ["a", "a"]})[0][1] == 1 / 61


def test_weights():
    fused = dict((i, s) for i, s, _ in rrf_fuse({"x": ["a"], "y": ["b"]}, weights={"x": 2.0}))
    assert fused["a"] == 2 / 61 and fused["b"] == 1 / 61
