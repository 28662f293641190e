"""Recall@k, MRR@k and the passage-overlap rule on small hand-computed cases."""

from __future__ import annotations

import math

import pytest

from bench.metrics import (
    chunk_flags,
    doc_flags,
    first_relevant_rank,
    has_common_substring,
    longest_common_substring,
    overlap_needed,
    passage_hits,
    percentiles,
    recall_at_k,
    reciprocal_rank,
    score,
    score_groups,
)


def test_first_relevant_rank_is_one_based_and_none_when_absent():
    assert first_relevant_rank([False, False, True, True]) == 3
    assert first_relevant_rank([True]) == 1
    assert first_relevant_rank([False, False]) is None
    assert first_relevant_rank([]) is None


def test_recall_at_k_counts_only_the_top_k():
    flags = [False, False, True]
    assert recall_at_k(flags, 1) == 0.0
    assert recall_at_k(flags, 2) == 0.0
    assert recall_at_k(flags, 3) == 1.0
    assert recall_at_k(flags, 5) == 1.0  # fewer hits than k is fine
    assert recall_at_k([], 5) == 0.0


def test_reciprocal_rank_is_cut_at_k():
    assert reciprocal_rank([True]) == 1.0
    assert reciprocal_rank([False, False, False, True]) == 0.25
    assert reciprocal_rank([False] * 10 + [True], k=10) == 0.0  # rank 11 is past MRR@10
    assert reciprocal_rank([False] * 9 + [True], k=10) == 0.1


def test_doc_flags_accept_one_doc_no_or_several():
    hits = ["西民发〔2024〕1号", "西教发〔2024〕7号", "西民发〔2024〕1号"]
    assert doc_flags(hits, "西教发〔2024〕7号") == [False, True, False]
    assert doc_flags(hits, ["西教发〔2024〕8号", "西民发〔2024〕1号"]) == [True, False, True]


def test_chunk_flags_any_gold_chunk_counts():
    hits = ["a/1", "b/2", "c/3"]
    assert chunk_flags(hits, ["c/3", "z/9"]) == [False, False, True]
    assert chunk_flags(hits, []) == [False, False, False]


def test_score_averages_over_questions():
    # q1: relevant at rank 1; q2: at rank 2; q3: at rank 6; q4: never.
    runs = [
        [True, False],
        [False, True, False],
        [False] * 5 + [True],
        [False] * 10,
    ]
    s = score(runs)
    assert s.n == 4
    assert s.r1 == pytest.approx(1 / 4)
    assert s.r5 == pytest.approx(2 / 4)
    assert s.mrr10 == pytest.approx((1 + 1 / 2 + 1 / 6 + 0) / 4)
    assert s.to_dict() == {"n": 4, "R@1": 0.25, "R@5": 0.5, "MRR@10": round((1 + 0.5 + 1 / 6) / 4, 4)}


def test_score_of_no_questions_is_zero():
    assert score([]).n == 0 and score([]).r5 == 0.0


def test_longest_common_substring_by_hand():
    assert longest_common_substring("每人每餐补贴3元", "补贴3元的标准") == 4  # 补贴3元
    assert longest_common_substring("abc", "xyz") == 0
    assert longest_common_substring("", "abc") == 0
    assert longest_common_substring("abcdef", "abcdef") == 6
    assert has_common_substring("abcdef", "zzcdez", 3)
    assert not has_common_substring("abcdef", "zzcdez", 4)
    assert has_common_substring("a", "b", 0)


def test_overlap_needed_is_min_of_40_and_half_the_gold():
    assert overlap_needed("x" * 200) == 40
    assert overlap_needed("x" * 80) == 40
    assert overlap_needed("x" * 60) == 30
    assert overlap_needed("x" * 7) == 4  # ⌈3.5⌉
    assert overlap_needed("x") == 1


def test_passage_hits_a_short_gold_chunk_when_half_of_it_is_inside():
    gold = "对基本养老服务对象就餐给予补贴"  # 15 characters → needs 8 in one run
    assert passage_hits("……第二十一条 对基本养老服务对象就餐给予补贴，每人每餐补贴3元。", [gold])
    assert passage_hits("前文。基本养老服务对象另有规定", [gold])  # 基本养老服务对象 is 8
    assert not passage_hits("养老服务对象另有规定", [gold])  # 养老服务对象 is 6
    assert not passage_hits("anything", [""])


def test_passage_hits_a_long_gold_chunk_with_40_shared_characters():
    gold = "".join(chr(0x4E00 + i) for i in range(120))
    assert passage_hits("前" + gold[50:90] + "后", [gold])  # exactly 40
    assert not passage_hits("前" + gold[50:89] + "后", [gold])  # 39
    assert passage_hits(gold[50:89], ["无关", gold[50:89]])  # any gold text may match


def test_percentiles_interpolate_like_numpy_linear():
    p = percentiles([1.0, 2.0, 3.0, 4.0, 5.0])
    assert p == {"min": 1.0, "p10": 1.4, "median": 3.0, "p90": 4.6, "max": 5.0}
    assert math.isnan(percentiles([])["median"])


def test_score_groups_scores_each_named_group_by_position():
    flags = [[True], [False, True], [False, False]]
    got = score_groups(flags, {"dev": [0, 1], "heldout": [2], "all": [0, 1, 2]})
    assert got["dev"] == {"n": 2, "R@1": 0.5, "R@5": 1.0, "MRR@10": 0.75}
    assert got["heldout"] == {"n": 1, "R@1": 0.0, "R@5": 0.0, "MRR@10": 0.0}
    assert got["all"]["n"] == 3 and got["all"]["MRR@10"] == 0.5
    assert score_groups(flags, {"empty": []})["empty"]["n"] == 0
