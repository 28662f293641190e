"""`python -m bench quality`: our retrieval vs three baselines on the gold set, plus the out-of-scope trade-off."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from bench.baselines import Baseline, Passage, build_baselines
from bench.metrics import (
    OVERLAP_CHARS,
    OVERLAP_SHARE,
    chunk_flags,
    doc_flags,
    first_relevant_rank,
    passage_hits,
    percentiles,
    score,
)
from core.normalize import normalize
from core.settings import Settings
from core.tokenize import TOKENIZERS, get_tokenizer
from ingest.index import build_index, chunk_search_text
from retrieval import search as search_mod
from retrieval.index import Index, load_index
from retrieval.search import Retriever
from retrieval.vocab import expand_query

# BENCH_GOLD_DIR points the benchmarks and the quality test at another gold set (development only).
GOLD_DIR = Path(os.environ.get("BENCH_GOLD_DIR") or Path(__file__).resolve().parent / "gold")
RESULTS_DIR = Path(__file__).resolve().parent / "results"
K = 10
OURS = "Ours: exact lookup + BM25 ∥ dense, RRF"
SWEEP = [round(0.20 + 0.05 * i, 2) for i in range(9)]  # 0.20 … 0.60
Log = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- gold set


def load_gold(gold_dir: Path = GOLD_DIR) -> tuple[list[dict], list[dict]]:
    """(in-scope questions from retrieval.yaml, out-of-scope questions from out_of_scope.yaml)."""
    gold_dir = Path(gold_dir)
    path = gold_dir / "retrieval.yaml"
    if not path.exists():
        raise FileNotFoundError(f"no gold set at {path}")
    in_scope = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    oos_path = gold_dir / "out_of_scope.yaml"
    oos = yaml.safe_load(oos_path.read_text(encoding="utf-8")) or [] if oos_path.exists() else []
    for e in in_scope:
        e.setdefault("group", "-")
        e.setdefault("kind", "-")
        e["chunk_ids"] = list(e.get("chunk_ids") or [])
    return in_scope, oos


def check_gold(in_scope: Sequence[dict], index: Index) -> list[str]:
    """Gold entries naming a chunk or document the index does not have (a stale gold set scores wrong)."""
    docs = {c.doc_no for c in index.chunks}
    problems = []
    for e in in_scope:
        missing = [c for c in e["chunk_ids"] if c not in index.by_id]
        if missing:
            problems.append(f"{e['id']}: unknown chunk ids {missing}")
        if e.get("doc_no") not in docs:
            problems.append(f"{e['id']}: unknown doc_no {e.get('doc_no')!r}")
        if not e["chunk_ids"]:
            problems.append(f"{e['id']}: no chunk_ids")
    return problems


def gold_texts(entry: dict, index: Index) -> list[str]:
    """Normalised texts of the gold chunks; a table row also by its verbatim source lines."""
    out = []
    for cid in entry["chunk_ids"]:
        c = index.by_id.get(cid)
        if c is not None:
            out.extend(normalize(t) for t in {c.text, c.raw} if t)
    return out


# ---------------------------------------------------------------- scoring


@dataclass
class SystemRun:
    name: str
    description: str
    doc: list[list[bool]] = field(default_factory=list)
    chunk: list[list[bool]] = field(default_factory=list)
    seconds: float = 0.0

    def row(self) -> dict:
        return {
            "system": self.name,
            "description": self.description,
            "doc": score(self.doc).to_dict(),
            "chunk": score(self.chunk).to_dict(),
            "ms_per_query": round(1000 * self.seconds / max(1, len(self.doc)), 2),
        }


def passage_flags(
    passages: Sequence[Passage], entry: dict, texts: Sequence[str]
) -> tuple[list[bool], list[bool]]:
    """Doc flags by doc_no; chunk flags by chunk id for our chunks, by the overlap rule for foreign passages."""
    d = doc_flags([p.doc_no for p in passages], entry["doc_no"])
    gold_ids = set(entry["chunk_ids"])
    c = [p.chunk_id in gold_ids if p.chunk_id is not None else passage_hits(p.text, texts) for p in passages]
    return d, c


def run_baseline(baseline: Baseline, in_scope: Sequence[dict], texts: dict[str, list[str]]) -> SystemRun:
    run = SystemRun(baseline.name, baseline.description)
    for e in in_scope:
        t0 = time.perf_counter()
        passages = baseline.search(e["question"], K)
        run.seconds += time.perf_counter() - t0
        d, c = passage_flags(passages, e, texts[e["id"]])
        run.doc.append(d)
        run.chunk.append(c)
    return run


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


def ask_ours(retriever: Retriever, entry: dict) -> OurAnswer:
    q = entry["question"]
    t0 = time.perf_counter()
    res = retriever.search(q, k=K)
    seconds = time.perf_counter() - t0
    nq = normalize(q)
    top = retriever.index.bm25_search(expand_query(nq), 1)
    return OurAnswer(
        entry["id"], q,
        tuple(h.chunk.chunk_id for h in res.hits), tuple(h.chunk.doc_no for h in res.hits),
        res.exact, res.relevant, float(res.confidence), top[0][1] if top else 0.0,
        bool(res.reference is not None and res.reference.doc_no is not None),
        bool(search_mod.OTHER_PLACES.search(nq)) and "西城" not in nq,
        seconds,
    )  # fmt: skip


def kept_by_rule(a: OurAnswer, min_dense: float, min_bm25: float) -> bool:
    """Retriever._in_scope with another dense threshold (exact and named-document questions always kept)."""
    if not a.chunk_ids:
        return False
    if a.exact or a.names_doc:
        return True
    if a.other_place:
        return False
    return a.confidence >= min_dense or a.bm25_top >= min_bm25


def _rate(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else float("nan")


def out_of_scope_report(ins: Sequence[OurAnswer], oos: Sequence[OurAnswer]) -> dict:
    min_bm25 = search_mod.MIN_BM25

    def dist(xs: Sequence[OurAnswer], attr: str) -> dict:
        return {k: round(v, 4) for k, v in percentiles([getattr(a, attr) for a in xs]).items()}

    sweep = []
    for t in SWEEP:
        sweep.append({
            "min_dense": t,
            "dense_only": {"in_kept": _rate([a.confidence >= t for a in ins]),
                           "oos_refused": _rate([a.confidence < t for a in oos])},
            "pipeline_rule": {"in_kept": _rate([kept_by_rule(a, t, min_bm25) for a in ins]),
                              "oos_refused": _rate([not kept_by_rule(a, t, min_bm25) for a in oos])},
        })  # fmt: skip
    return {
        "min_dense": search_mod.MIN_DENSE,
        "min_bm25": min_bm25,
        "in_scope_relevant": _rate([a.relevant for a in ins]),
        "out_of_scope_relevant": _rate([a.relevant for a in oos]),
        "in_scope_n": len(ins),
        "out_of_scope_n": len(oos),
        "confidence": {"in_scope": dist(ins, "confidence"), "out_of_scope": dist(oos, "confidence")},
        "bm25_top": {"in_scope": dist(ins, "bm25_top"), "out_of_scope": dist(oos, "bm25_top")},
        "sweep": sweep,
        "out_of_scope_accepted": [
            {"id": a.id, "question": a.question, "confidence": round(a.confidence, 4),
             "bm25_top": round(a.bm25_top, 2)} for a in oos if a.relevant
        ],
        "in_scope_refused": [
            {"id": a.id, "question": a.question, "confidence": round(a.confidence, 4),
             "bm25_top": round(a.bm25_top, 2)} for a in ins if not a.relevant
        ],
    }  # fmt: skip


def tokenizer_comparison(index: Index, in_scope: Sequence[dict]) -> list[dict]:
    """BM25 only over our chunks, one in-memory bm25s index per tokeniser, raw and vocabulary-expanded query."""
    import bm25s

    texts = [chunk_search_text(c) for c in index.chunks]
    rows = []
    for name in TOKENIZERS:
        tok = get_tokenizer(name)
        bm = bm25s.BM25()
        bm.index([tok(t) for t in texts], show_progress=False)
        for expanded in (False, True):
            doc, chunk = [], []
            for e in in_scope:
                q = expand_query(e["question"]) if expanded else e["question"]
                tokens = tok(q)
                if tokens:
                    scores = bm.get_scores(tokens)
                    top = [i for i in np.argsort(-scores, kind="stable")[:K] if scores[i] > 0]
                else:
                    top = []
                hits = [index.chunks[i] for i in top]
                doc.append(doc_flags([c.doc_no for c in hits], e["doc_no"]))
                chunk.append(chunk_flags([c.chunk_id for c in hits], e["chunk_ids"]))
            rows.append({"tokenizer": name, "query": "expanded" if expanded else "raw",
                         "doc": score(doc).to_dict(), "chunk": score(chunk).to_dict()})  # fmt: skip
    return rows


def breakdown(
    in_scope: Sequence[dict], doc: Sequence[list[bool]], chunk: Sequence[list[bool]], key: str
) -> list[dict]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(in_scope):
        groups[str(e.get(key, "-"))].append(i)
    return [
        {
            key: g,
            "doc": score([doc[i] for i in idx]).to_dict(),
            "chunk": score([chunk[i] for i in idx]).to_dict(),
        }
        for g, idx in sorted(groups.items())
    ]


# ---------------------------------------------------------------- run + render


def run_quality(
    settings: Settings | None = None,
    gold_dir: Path = GOLD_DIR,
    skip_baselines: bool = False,
    log: Log = _stderr,
) -> dict:
    settings = settings or Settings.from_env()
    in_scope, oos_entries = load_gold(gold_dir)
    build_index(settings, progress=sys.stderr.isatty(), log=log)
    index = load_index(settings)
    log(f"index: {index.manifest['chunks']} chunks, embedder {index.manifest['embedder']}, "
        f"tokenizer {index.manifest['tokenizer']}; gold: {len(in_scope)} in scope, {len(oos_entries)} out")  # fmt: skip
    problems = check_gold(in_scope, index)
    for p in problems:
        log(f"gold problem: {p}")
    retriever = Retriever(index)
    texts = {e["id"]: gold_texts(e, index) for e in in_scope}

    ours = SystemRun(OURS, "Retriever.search(k=10): exact clause lookup, else BM25 ∥ dense fused by RRF")
    answers = []
    for e in in_scope:
        a = ask_ours(retriever, e)
        answers.append(a)
        ours.seconds += a.seconds
        ours.doc.append(doc_flags(a.doc_nos, e["doc_no"]))
        ours.chunk.append(chunk_flags(a.chunk_ids, e["chunk_ids"]))
    oos_answers = [ask_ours(retriever, e) for e in oos_entries]

    runs = [ours]
    baseline_build_s = None
    if not skip_baselines:
        t0 = time.perf_counter()
        baselines = build_baselines(index, retriever.docs)
        baseline_build_s = round(time.perf_counter() - t0, 2)
        for b in baselines:
            log(f"baseline: {b.name}")
            runs.append(run_baseline(b, in_scope, texts))

    failing = [
        {"id": e["id"], "group": e["group"], "kind": e["kind"], "question": e["question"],
         "gold": e["chunk_ids"], "top3": list(a.chunk_ids[:3]),
         "doc_hit@5": any(ours.doc[i][:5])}
        for i, (e, a) in enumerate(zip(in_scope, answers, strict=True)) if not any(ours.chunk[i][:5])
    ]  # fmt: skip
    return {
        "index": {k: index.manifest.get(k) for k in ("chunks", "documents", "embedder", "tokenizer", "corpus_sha256")},
        "gold": {"dir": str(gold_dir), "in_scope": len(in_scope), "out_of_scope": len(oos_entries),
                 "problems": problems},
        "k": K,
        "overlap_rule": {"chars": OVERLAP_CHARS, "share": OVERLAP_SHARE},
        "baseline_build_seconds": baseline_build_s,
        "systems": [r.row() for r in runs],
        "ours_by_kind": breakdown(in_scope, ours.doc, ours.chunk, "kind"),
        "ours_by_group": breakdown(in_scope, ours.doc, ours.chunk, "group"),
        "failing": failing,
        "ours_per_question": [
            {"id": e["id"], "doc_rank": first_relevant_rank(ours.doc[i]),
             "chunk_rank": first_relevant_rank(ours.chunk[i]), "exact": a.exact, "relevant": a.relevant,
             "confidence": round(a.confidence, 4), "bm25_top": round(a.bm25_top, 2)}
            for i, (e, a) in enumerate(zip(in_scope, answers, strict=True))
        ],
        "out_of_scope": out_of_scope_report(answers, oos_answers),
        "tokenizers": tokenizer_comparison(index, in_scope),
    }  # fmt: skip


def _f(x: float) -> str:
    return "n/a" if x != x else f"{x:.3f}"  # noqa: PLR0124 (nan check)


def _pct(x: float) -> str:
    return "n/a" if x != x else f"{100 * x:.0f}%"


def _score_cells(row: dict) -> str:
    d, c = row["doc"], row["chunk"]
    return " | ".join(_f(v) for v in (d["R@1"], d["R@5"], d["MRR@10"], c["R@1"], c["R@5"], c["MRR@10"]))


HEADER = "| doc R@1 | doc R@5 | doc MRR@10 | chunk R@1 | chunk R@5 | chunk MRR@10 |"
RULE = "|---:|---:|---:|---:|---:|---:|"


def render(result: dict) -> str:
    g = result["gold"]
    lines = [
        f"## Retrieval quality — {g['in_scope']} gold questions, k={result['k']}, "
        f"embedder `{result['index']['embedder']}`, {result['index']['chunks']} chunks",
        "",
        "| system " + HEADER,
        "|---" + RULE,
    ]
    lines += [f"| {r['system']} | {_score_cells(r)} |" for r in result["systems"]]
    o = result["overlap_rule"]
    lines += [
        "",
        f"Doc level: a hit's 文号 equals the gold doc_no. Chunk level: one of the gold chunk ids is among the hits; "
        f"a baseline passage that is not one of our chunks counts as hitting a gold chunk when the longest common "
        f"substring of the normalised texts (core.normalize.normalize; a table row also by its verbatim source "
        f"lines) is ≥ min({o['chars']}, ⌈{o['share']} × len(gold chunk text)⌉). Baselines get the raw question, "
        f"the same corpus and the same embedder.",
    ]
    if g["problems"]:
        lines += ["", f"**Gold problems ({len(g['problems'])})**: " + "; ".join(g["problems"][:10])]
    for key, title in (("kind", "by kind"), ("group", "by group")):
        lines += ["", f"### Ours {title}", "", f"| {key} | n " + HEADER, "|---|---:" + RULE]
        lines += [f"| {r[key]} | {r['chunk']['n']} | {_score_cells(r)} |" for r in result[f"ours_by_{key}"]]
    fails = result["failing"]
    lines += ["", f"### Ours: chunk-level misses at 5 ({len(fails)})", ""]
    if fails:
        lines += ["| id | kind | question | gold | top 3 | doc@5 |", "|---|---|---|---|---|---|"]
        lines += [
            f"| {f['id']} | {f['kind']} | {f['question']} | {'<br>'.join(f['gold'])} | "
            f"{'<br>'.join(f['top3'])} | {'yes' if f['doc_hit@5'] else 'no'} |"
            for f in fails
        ]
    else:
        lines.append("none")
    lines += _render_oos(result["out_of_scope"])
    lines += [
        "",
        "### BM25 only over our chunks: tokenisers",
        "",
        "| tokenizer | query " + HEADER,
        "|---|---" + RULE,
    ]
    lines += [f"| {r['tokenizer']} | {r['query']} | {_score_cells(r)} |" for r in result["tokenizers"]]
    return "\n".join(lines)


def _render_oos(s: dict) -> list[str]:
    lines = [
        "",
        f"### Out of scope ({s['in_scope_n']} in-scope, {s['out_of_scope_n']} out-of-scope questions)",
        "",
        f"Current rule: MIN_DENSE={s['min_dense']}, MIN_BM25={s['min_bm25']}. "
        f"`relevant` on in-scope: **{_pct(s['in_scope_relevant'])}**; "
        f"on out-of-scope: **{_pct(s['out_of_scope_relevant'])}** (lower is better).",
        "",
        "| signal | set | min | p10 | median | p90 | max |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for sig in ("confidence", "bm25_top"):
        for which in ("in_scope", "out_of_scope"):
            d = s[sig][which]
            lines.append(
                f"| {sig} | {which} | "
                + " | ".join(_f(d[k]) for k in ("min", "p10", "median", "p90", "max"))
                + " |"
            )
    lines += [
        "",
        "| MIN_DENSE | dense only: in kept | dense only: out refused | pipeline rule: in kept | pipeline rule: out refused |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in s["sweep"]:
        d, p = r["dense_only"], r["pipeline_rule"]
        lines.append(
            f"| {r['min_dense']:.2f} | {_pct(d['in_kept'])} | {_pct(d['oos_refused'])} | "
            f"{_pct(p['in_kept'])} | {_pct(p['oos_refused'])} |"
        )
    lines.append(
        "\nPipeline rule = Retriever._in_scope with that MIN_DENSE: a named document or exact clause is kept, "
        "another place without 西城 is refused, else kept when top dense cosine ≥ MIN_DENSE or top BM25 ≥ MIN_BM25."
    )
    for key, title in (("out_of_scope_accepted", "Out-of-scope questions accepted"),
                       ("in_scope_refused", "In-scope questions refused")):  # fmt: skip
        if s[key]:
            lines += ["", f"{title} ({len(s[key])}):"]
            lines += [
                f"- {a['id']} {a['question']} (dense {a['confidence']:.3f}, bm25 {a['bm25_top']:.1f})"
                for a in s[key]
            ]
    return lines


def main(gold_dir: Path = GOLD_DIR, skip_baselines: bool = False, out: Path | None = None) -> int:
    result = run_quality(gold_dir=gold_dir, skip_baselines=skip_baselines)
    out = out or RESULTS_DIR / "quality.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(result))
    print(f"\n(JSON: {out})")
    return 0
