"""The out-of-scope rule's thresholds: fitted on dev questions, reported on dev and on held-out questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bench.gold_sets import DEV, HELDOUT, LABELS, NO_HELDOUT
from bench.metrics import percentiles

# The grids the fit searches (the pipeline rule keeps a question when dense ≥ MIN_DENSE or BM25 ≥ MIN_BM25).
DENSE_GRID = tuple(round(0.20 + 0.01 * i, 2) for i in range(61))  # 0.20 … 0.80
BM25_GRID = tuple(0.5 * i for i in range(121))  # 0 … 60
SWEEP = tuple(round(0.20 + 0.05 * i, 2) for i in range(13))  # 0.20 … 0.80, the printed MIN_DENSE sweep
FIT_RULE = (
    "maximise in-scope kept − out-of-scope accepted (Youden's J) on dev; among equal J, fewer out-of-scope "
    "accepted, then the pair nearest the constants in retrieval/search.py (in grid steps)"
)


@dataclass(frozen=True)
class OurAnswer:
    """What our pipeline did with one question, kept for scoring and the out-of-scope analysis."""

    id: str
    question: str
    chunk_ids: tuple[str, ...]
    doc_nos: tuple[str, ...]
    exact: bool
    relevant: bool
    confidence: float
    bm25_top: float
    names_doc: bool  # the question names a document (always in scope)
    other_place: bool  # names another place and not 西城 (always out of scope)
    seconds: float


@dataclass(frozen=True)
class Thresholds:
    min_dense: float
    min_bm25: float


def kept_by_rule(a: OurAnswer, min_dense: float, min_bm25: float) -> bool:
    """Retriever._in_scope with other thresholds (exact and named-document questions always kept)."""
    if not a.chunk_ids:
        return False
    if a.exact or a.names_doc:
        return True
    if a.other_place:
        return False
    return a.confidence >= min_dense or a.bm25_top >= min_bm25


def _kept_grid(answers: Sequence[OurAnswer], dense: np.ndarray, bm25: np.ndarray) -> np.ndarray:
    """Share kept for every (dense, bm25) pair of the grids: shape (len(dense), len(bm25)); nan when empty."""
    if not answers:
        return np.full((len(dense), len(bm25)), np.nan)
    conf = np.array([a.confidence for a in answers])
    top = np.array([a.bm25_top for a in answers])
    forced = np.array([bool(a.chunk_ids) and (a.exact or a.names_doc) for a in answers])
    barred = np.array([not a.chunk_ids or (a.other_place and not (a.exact or a.names_doc)) for a in answers])
    by_dense = conf[None, :] >= dense[:, None]  # (D, n)
    by_bm25 = top[None, :] >= bm25[:, None]  # (B, n)
    kept = forced | (~barred & (by_dense[:, None, :] | by_bm25[None, :, :]))  # (D, B, n)
    return kept.mean(axis=2)


def fit_thresholds(
    in_scope: Sequence[OurAnswer],
    out_of_scope: Sequence[OurAnswer],
    current: Thresholds,
    dense_grid: Sequence[float] = DENSE_GRID,
    bm25_grid: Sequence[float] = BM25_GRID,
) -> Thresholds:
    """The (MIN_DENSE, MIN_BM25) pair of the grids that best separates the given questions (see FIT_RULE)."""
    dense, bm25 = np.asarray(dense_grid, float), np.asarray(bm25_grid, float)
    kept = _kept_grid(in_scope, dense, bm25) if in_scope else np.ones((len(dense), len(bm25)))
    accepted = _kept_grid(out_of_scope, dense, bm25) if out_of_scope else np.zeros_like(kept)
    j = kept - accepted
    best = np.isclose(j, j.max())
    least = np.isclose(accepted, accepted[best].min()) & best
    d_step = (dense[-1] - dense[0]) / max(1, len(dense) - 1) or 1.0
    b_step = (bm25[-1] - bm25[0]) / max(1, len(bm25) - 1) or 1.0
    dist = (
        np.abs(dense - current.min_dense)[:, None] / d_step
        + np.abs(bm25 - current.min_bm25)[None, :] / b_step
    )
    dist = np.where(least, dist, np.inf)
    i, k = np.unravel_index(np.argmin(dist), dist.shape)
    return Thresholds(round(float(dense[i]), 4), round(float(bm25[k]), 4))


def _rate(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else float("nan")


def rule_rates(ins: Sequence[OurAnswer], oos: Sequence[OurAnswer], t: Thresholds) -> dict:
    """In-scope kept and out-of-scope accepted under the rule with thresholds `t`."""
    return {
        "in_kept": _rate([kept_by_rule(a, t.min_dense, t.min_bm25) for a in ins]),
        "oos_accepted": _rate([kept_by_rule(a, t.min_dense, t.min_bm25) for a in oos]),
        "in_n": len(ins),
        "oos_n": len(oos),
    }


def _brief(a: OurAnswer, split: str) -> dict:
    # A held-out question is listed by id only: the lists are read while tuning, held-out text must not be.
    question = a.question if split == DEV else None
    return {"id": a.id, "split": split, "question": question, "confidence": round(a.confidence, 4),
            "bm25_top": round(a.bm25_top, 2)}  # fmt: skip


def out_of_scope_report(
    ins: dict[str, Sequence[OurAnswer]], oos: dict[str, Sequence[OurAnswer]], current: Thresholds
) -> dict:
    """`ins`/`oos` map dev and heldout to our answers; the fit uses dev only."""
    fitted = fit_thresholds(ins[DEV], oos[DEV], current)

    def dist(xs: Sequence[OurAnswer], attr: str) -> dict:
        return {k: round(v, 4) for k, v in percentiles([getattr(a, attr) for a in xs]).items()}

    sweep = [
        {
            "min_dense": t,
            **{s: rule_rates(ins[s], oos[s], Thresholds(t, current.min_bm25)) for s in (DEV, HELDOUT)},
        }
        for t in SWEEP
    ]
    return {
        "current": {"min_dense": current.min_dense, "min_bm25": current.min_bm25},
        "fitted": {"min_dense": fitted.min_dense, "min_bm25": fitted.min_bm25},
        "fit_rule": FIT_RULE,
        "fit_agrees": fitted == current,
        "rates": {
            name: {s: rule_rates(ins[s], oos[s], t) for s in (DEV, HELDOUT)}
            for name, t in (("current", current), ("fitted", fitted))
        },
        "relevant": {
            s: {"in_scope": _rate([a.relevant for a in ins[s]]), "out_of_scope": _rate([a.relevant for a in oos[s]])}
            for s in (DEV, HELDOUT)
        },
        "distributions": {
            sig: {f"{which}_{s}": dist(group[s], sig) for which, group in (("in", ins), ("oos", oos)) for s in (DEV, HELDOUT)}
            for sig in ("confidence", "bm25_top")
        },
        "sweep": sweep,
        "out_of_scope_accepted": [_brief(a, s) for s in (DEV, HELDOUT) for a in oos[s] if a.relevant],
        "in_scope_refused": [_brief(a, s) for s in (DEV, HELDOUT) for a in ins[s] if not a.relevant],
    }  # fmt: skip


def _f(x: float) -> str:
    return "n/a" if x != x else f"{x:.3f}"  # noqa: PLR0124 (nan check)


def _pct(x: float) -> str:
    return "n/a" if x != x else f"{100 * x:.0f}%"  # noqa: PLR0124


def render(s: dict) -> list[str]:
    cur, fit, rates = s["current"], s["fitted"], s["rates"]
    lines = [
        "",
        "### Out of scope: thresholds fitted on dev, reported on dev and held-out",
        "",
        f"Fit ({s['fit_rule']}): MIN_DENSE={fit['min_dense']}, MIN_BM25={fit['min_bm25']}. "
        f"retrieval/search.py: MIN_DENSE={cur['min_dense']}, MIN_BM25={cur['min_bm25']}"
        + (" — the same." if s["fit_agrees"] else " — **differs from the fit**; both shown."),
        "",
        "| thresholds | set | in-scope kept | n | out-of-scope accepted | n |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, label in (("fitted", "fitted on dev"), ("current", "retrieval/search.py")):
        t = s[name]
        for split in (DEV, HELDOUT):
            r = rates[name][split]
            oos = _pct(r["oos_accepted"]) if r["oos_n"] else NO_HELDOUT
            lines.append(
                f"| {label} ({t['min_dense']}, {t['min_bm25']}) | {LABELS[split]} | {_pct(r['in_kept'])} | "
                f"{r['in_n']} | {oos} | {r['oos_n']} |"
            )
    lines += [
        "",
        "| signal | set | min | p10 | median | p90 | max |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for sig, groups in s["distributions"].items():
        for key, d in groups.items():
            which, split = key.split("_", 1)
            name = f"{'in-scope' if which == 'in' else 'out-of-scope'} {LABELS[split]}"
            lines.append(
                f"| {sig} | {name} | "
                + " | ".join(_f(d[k]) for k in ("min", "p10", "median", "p90", "max"))
                + " |"
            )
    lines += [
        "",
        f"Pipeline rule with MIN_BM25={cur['min_bm25']} (retrieval/search.py) and MIN_DENSE swept:",
        "",
        "| MIN_DENSE | dev: in kept | dev: out accepted | held-out: in kept | held-out: out accepted |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in s["sweep"]:
        d, h = r[DEV], r[HELDOUT]
        lines.append(
            f"| {r['min_dense']:.2f} | {_pct(d['in_kept'])} | {_pct(d['oos_accepted'])} | "
            f"{_pct(h['in_kept'])} | {_pct(h['oos_accepted'])} |"
        )
    lines.append(
        "\nPipeline rule = Retriever._in_scope: a named document or exact clause is kept, another place without "
        "西城 is refused, else kept when top dense cosine ≥ MIN_DENSE or top BM25 ≥ MIN_BM25."
    )
    for key, title in (("out_of_scope_accepted", "Out-of-scope questions accepted"),
                       ("in_scope_refused", "In-scope questions refused")):  # fmt: skip
        if s[key]:
            lines += ["", f"{title} by the current rule ({len(s[key])}):"]
            lines += [
                f"- {a['id']} [{LABELS[a['split']]}]"
                + (f" {a['question']}" if a["question"] else "")
                + f" (dense {a['confidence']:.3f}, bm25 {a['bm25_top']:.1f})"
                for a in s[key]
            ]
    return lines
