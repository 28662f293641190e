"""Reciprocal rank fusion of ranked lists keyed by chunk id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RRF_K = 60


def rrf_fuse(
    rankings: Mapping[str, Sequence[str]], k: int = RRF_K, weights: Mapping[str, float] | None = None
) -> list[tuple[str, float, tuple[str, ...]]]:
    """Fuse {source: [id, …best first]} into [(id, score, sources)], best first.

    score(id) = Σ_source weight / (k + rank), rank starting at 1 (Cormack et al., 2009).
    Ties keep the order in which ids were first seen, so results are deterministic.
    """
    scores: dict[str, float] = {}
    sources: dict[str, list[str]] = {}
    for source, ids in rankings.items():
        w = 1.0 if weights is None else weights.get(source, 1.0)
        seen = set()
        for rank, item in enumerate(ids, 1):
            if item in seen:
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
            sources.setdefault(item, []).append(source)
    order = {item: n for n, item in enumerate(scores)}
    ranked = sorted(scores, key=lambda i: (-scores[i], order[i]))
    return [(i, scores[i], tuple(sources[i])) for i in ranked]
