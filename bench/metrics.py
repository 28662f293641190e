"""Retrieval metrics (Recall@k, MRR@k at document and chunk level) and the passage-overlap rule, as pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

# A question's result is reduced to one flag per rank: does the passage at this rank answer it?
Flags = Sequence[bool]


def first_relevant_rank(flags: Flags) -> int | None:
    """1-based rank of the first relevant passage, or None when there is none."""
    for rank, ok in enumerate(flags, 1):
        if ok:
            return rank
    return None


def recall_at_k(flags: Flags, k: int) -> float:
    """1.0 when a relevant passage is among the top k, else 0.0 (one gold target per question)."""
    return 1.0 if any(flags[:k]) else 0.0


def reciprocal_rank(flags: Flags, k: int = 10) -> float:
    """1/rank of the first relevant passage within the top k, 0.0 when none; averaged it is MRR@k."""
    rank = first_relevant_rank(flags[:k])
    return 0.0 if rank is None else 1.0 / rank


def doc_flags(hit_doc_nos: Sequence[str], gold_doc_nos: str | Iterable[str]) -> list[bool]:
    """Per rank: is the hit's document (one of) the gold document(s)?"""
    gold = {gold_doc_nos} if isinstance(gold_doc_nos, str) else set(gold_doc_nos)
    return [d in gold for d in hit_doc_nos]


def chunk_flags(hit_chunk_ids: Sequence[str], gold_chunk_ids: Iterable[str]) -> list[bool]:
    """Per rank: is the hit one of the gold chunks?"""
    gold = set(gold_chunk_ids)
    return [c in gold for c in hit_chunk_ids]


@dataclass(frozen=True)
class Scores:
    n: int
    r1: float
    r5: float
    mrr10: float

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "R@1": round(self.r1, 4),
            "R@5": round(self.r5, 4),
            "MRR@10": round(self.mrr10, 4),
        }


def score(all_flags: Sequence[Flags]) -> Scores:
    """Mean R@1, R@5 and MRR@10 over questions; an empty set scores 0."""
    if not all_flags:
        return Scores(0, 0.0, 0.0, 0.0)
    return Scores(
        len(all_flags),
        fmean(recall_at_k(f, 1) for f in all_flags),
        fmean(recall_at_k(f, 5) for f in all_flags),
        fmean(reciprocal_rank(f, 10) for f in all_flags),
    )


def has_common_substring(a: str, b: str, length: int) -> bool:
    """Do `a` and `b` share a substring of at least `length` characters?"""
    if length <= 0:
        return True
    if length > min(len(a), len(b)):
        return False
    if len(a) > len(b):
        a, b = b, a
    grams = {a[i : i + length] for i in range(len(a) - length + 1)}
    return any(b[i : i + length] in grams for i in range(len(b) - length + 1))


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest common substring (binary search over has_common_substring, O((n+m)·log n))."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if has_common_substring(a, b, mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


OVERLAP_CHARS = 40
OVERLAP_SHARE = 0.5


def overlap_needed(gold_text: str) -> int:
    """Characters a passage must share, in one run, with a gold chunk to count as hitting it."""
    return max(1, min(OVERLAP_CHARS, int(OVERLAP_SHARE * len(gold_text) + 0.999999)))


def passage_hits(passage: str, gold_texts: Iterable[str]) -> bool:
    """The overlap rule for baseline passages: LCS(passage, gold) ≥ min(40, ⌈0.5 × len(gold)⌉) for some gold text.

    Both sides are expected already normalised (core.normalize.normalize).
    """
    return any(has_common_substring(passage, g, overlap_needed(g)) for g in gold_texts if g)


def percentiles(values: Sequence[float], points: Sequence[float] = (0, 10, 50, 90, 100)) -> dict[str, float]:
    """Nearest-rank-with-interpolation percentiles (numpy's default 'linear'), keyed 'min', 'p10', … 'max'."""
    names = {0: "min", 50: "median", 100: "max"}
    out: dict[str, float] = {}
    data = sorted(values)
    for p in points:
        key = names.get(p, f"p{p:g}")
        if not data:
            out[key] = float("nan")
            continue
        pos = (len(data) - 1) * p / 100
        lo = int(pos)
        hi = min(lo + 1, len(data) - 1)
        out[key] = data[lo] + (data[hi] - data[lo]) * (pos - lo)
    return out


def score_groups(all_flags: Sequence[Flags], groups: Mapping[str, Sequence[int]]) -> dict[str, dict]:
    """score() of each named group of questions (given by position), as dicts: e.g. dev / heldout / all."""
    return {name: score([all_flags[i] for i in idx]).to_dict() for name, idx in groups.items()}
