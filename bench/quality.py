"""`python -m bench quality`: our retrieval vs three baselines on the gold set, dev and held-out questions apart,
plus the out-of-scope trade-off (thresholds fitted on dev)."""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from bench.baselines import Baseline, Passage, build_baselines
from bench.gold_sets import (
    DEV,
    GOLD_DIR,
    HELDOUT,
    LABELS,
    heldout_dir,
    indices_by_split,
    load_heldout_answers,
    split_of,
)
from bench.metrics import (
    OVERLAP_CHARS,
    OVERLAP_SHARE,
    chunk_flags,
    doc_flags,
    first_relevant_rank,
    passage_hits,
    score_groups,
)
from bench.out_of_scope import OurAnswer, Thresholds, out_of_scope_report
from bench.out_of_scope import render as render_out_of_scope
from core.normalize import normalize
from core.settings import Settings
from core.tokenize import TOKENIZERS, get_tokenizer
from ingest.index import build_index, chunk_search_text
from retrieval import search as search_mod
from retrieval.index import Index, load_index
from retrieval.search import Retriever
from retrieval.vocab import expand_query

RESULTS_DIR = Path(__file__).resolve().parent / "results"
K = 10
OURS = "Ours: exact lookup + BM25 ∥ dense, RRF"
ROWS = (DEV, HELDOUT, "all")  # the rows printed for every retrieval metric
Log = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- gold set


def load_gold(gold_dir: Path = GOLD_DIR) -> tuple[list[dict], list[dict]]:
    """(in-scope questions from retrieval.yaml, out-of-scope questions from out_of_scope.yaml).

    Each in-scope entry carries its `split` (dev unless the file marks it `split: heldout`); the
    out-of-scope questions of out_of_scope.yaml were used to calibrate the rule, so they are dev.
    """
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
        e["split"] = split_of(e)
    for e in oos:
        e["split"] = DEV
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

    def row(self, groups: dict[str, list[int]]) -> dict:
        """Scores of each group of questions (dev / heldout / all), keyed by group."""
        doc, chunk = score_groups(self.doc, groups), score_groups(self.chunk, groups)
        return {
            "system": self.name,
            "description": self.description,
            "by_split": {g: {"doc": doc[g], "chunk": chunk[g]} for g in groups},
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


ABLATION = {
    "full reranker": None,
    "− answer-type feature": {"answer_type": 0.0},
    "− scope feature": {"scope": 0.0},
    "no reranker (fusion only)": {"answer_type": 0.0, "scope": 0.0},
}


def rerank_ablation(
    retriever: Retriever, in_scope: Sequence[dict], groups: dict[str, list[int]]
) -> list[dict]:
    """Chunk-level scores with each reranker feature switched off in turn (weights as fitted on dev)."""
    saved = dict(search_mod.RERANK_WEIGHTS)
    rows = []
    try:
        for name, off in ABLATION.items():
            search_mod.RERANK_WEIGHTS.clear()
            search_mod.RERANK_WEIGHTS.update({**saved, **(off or {})})
            flags = [chunk_flags(tuple(h.chunk.chunk_id for h in retriever.search(e["question"], k=K).hits),
                                 e["chunk_ids"]) for e in in_scope]  # fmt: skip
            rows.append({"variant": name, "weights": dict(search_mod.RERANK_WEIGHTS),
                         "chunk": score_groups(flags, groups)})  # fmt: skip
    finally:
        search_mod.RERANK_WEIGHTS.clear()
        search_mod.RERANK_WEIGHTS.update(saved)
    return rows


def render_ablation(rows: Sequence[dict]) -> list[str]:
    if not rows:
        return []
    lines = ["", "### Reranker ablation (chunk level; each feature off in turn)", "",
             "| variant | weights | dev R@1 | dev MRR@10 | held-out R@1 | held-out MRR@10 |",
             "|---|---|---:|---:|---:|---:|"]  # fmt: skip
    for r in rows:
        c = r["chunk"]
        w = ", ".join(f"{k} {v:g}" for k, v in r["weights"].items())
        lines.append(
            f"| {r['variant']} | {w} | {_f(c[DEV]['R@1'])} | {_f(c[DEV]['MRR@10'])} | "
            f"{_f(c[HELDOUT]['R@1'])} | {_f(c[HELDOUT]['MRR@10'])} |"
        )
    return lines


def tokenizer_comparison(index: Index, in_scope: Sequence[dict], groups: dict[str, list[int]]) -> list[dict]:
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
            d, c = score_groups(doc, groups), score_groups(chunk, groups)
            rows.append({"tokenizer": name, "query": "expanded" if expanded else "raw",
                         "by_split": {g: {"doc": d[g], "chunk": c[g]} for g in groups}})  # fmt: skip
    return rows


def breakdown(
    in_scope: Sequence[dict], doc: Sequence[list[bool]], chunk: Sequence[list[bool]], key: str
) -> list[dict]:
    """Scores per value of `key` (kind, group), dev and held-out apart."""
    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: {DEV: [], HELDOUT: []})
    for i, e in enumerate(in_scope):
        groups[str(e.get(key, "-"))][e["split"]].append(i)
    rows = []
    for value, by_split in sorted(groups.items()):
        d, c = score_groups(doc, by_split), score_groups(chunk, by_split)
        rows.append({key: value, "by_split": {s: {"doc": d[s], "chunk": c[s]} for s in by_split}})
    return rows


# ---------------------------------------------------------------- run + render


def _answers_by_split(entries: Sequence[dict], answers: Sequence[OurAnswer]) -> dict[str, list[OurAnswer]]:
    out: dict[str, list[OurAnswer]] = {DEV: [], HELDOUT: []}
    for e, a in zip(entries, answers, strict=True):
        out[e["split"]].append(a)
    return out


def run_quality(
    settings: Settings | None = None,
    gold_dir: Path = GOLD_DIR,
    skip_baselines: bool = False,
    log: Log = _stderr,
    tokenizers: bool = True,
) -> dict:
    settings = settings or Settings.from_env()
    in_scope, oos_entries = load_gold(gold_dir)
    # Held-out near misses come with the held-out answer sets (their `out_of_scope` lists), when present.
    _questions, heldout_oos = load_heldout_answers(heldout_dir(gold_dir))
    oos_entries = oos_entries + [{**e, "split": HELDOUT} for e in heldout_oos]
    build_index(settings, progress=sys.stderr.isatty(), log=log)
    index = load_index(settings)
    groups = indices_by_split(in_scope)
    log(f"index: {index.manifest['chunks']} chunks, embedder {index.manifest['embedder']}, "
        f"tokenizer {index.manifest['tokenizer']}; gold: {len(in_scope)} in scope "
        f"({len(groups[DEV])} dev, {len(groups[HELDOUT])} held-out), {len(oos_entries)} out")  # fmt: skip
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
        {"id": e["id"], "split": e["split"], "group": e["group"], "kind": e["kind"],
         "question": e["question"] if e["split"] == DEV else None,  # held-out text is not shown while tuning
         "gold": e["chunk_ids"], "top3": list(a.chunk_ids[:3]),
         "doc_hit@5": any(ours.doc[i][:5])}
        for i, (e, a) in enumerate(zip(in_scope, answers, strict=True)) if not any(ours.chunk[i][:5])
    ]  # fmt: skip
    current = Thresholds(search_mod.MIN_DENSE, search_mod.MIN_BM25)
    return {
        "index": {k: index.manifest.get(k) for k in ("chunks", "documents", "embedder", "tokenizer", "corpus_sha256")},
        "gold": {"dir": str(gold_dir), "in_scope": len(in_scope), "out_of_scope": len(oos_entries),
                 "splits": {s: len(groups[s]) for s in ROWS},
                 "out_of_scope_splits": {s: sum(e["split"] == s for e in oos_entries) for s in (DEV, HELDOUT)},
                 "problems": problems},
        "k": K,
        "overlap_rule": {"chars": OVERLAP_CHARS, "share": OVERLAP_SHARE},
        "baseline_build_seconds": baseline_build_s,
        "systems": [r.row(groups) for r in runs],
        "ours_by_kind": breakdown(in_scope, ours.doc, ours.chunk, "kind"),
        "ours_by_group": breakdown(in_scope, ours.doc, ours.chunk, "group"),
        "failing": failing,
        "ours_per_question": [
            {"id": e["id"], "split": e["split"], "doc_rank": first_relevant_rank(ours.doc[i]),
             "chunk_rank": first_relevant_rank(ours.chunk[i]), "exact": a.exact, "relevant": a.relevant,
             "confidence": round(a.confidence, 4), "bm25_top": round(a.bm25_top, 2)}
            for i, (e, a) in enumerate(zip(in_scope, answers, strict=True))
        ],
        "out_of_scope": out_of_scope_report(
            _answers_by_split(in_scope, answers), _answers_by_split(oos_entries, oos_answers), current
        ),
        "tokenizers": tokenizer_comparison(index, in_scope, groups) if tokenizers else [],
        "rerank_ablation": rerank_ablation(retriever, in_scope, groups),
    }  # fmt: skip


def _f(x: float) -> str:
    return "n/a" if x != x else f"{x:.3f}"  # noqa: PLR0124 (nan check)


def _score_cells(scores: dict) -> str:
    d, c = scores["doc"], scores["chunk"]
    return " | ".join(_f(v) for v in (d["R@1"], d["R@5"], d["MRR@10"], c["R@1"], c["R@5"], c["MRR@10"]))


HEADER = "| doc R@1 | doc R@5 | doc MRR@10 | chunk R@1 | chunk R@5 | chunk MRR@10 |"
RULE = "|---:|---:|---:|---:|---:|---:|"


def _split_rows(label: str, by_split: dict, splits: Sequence[str] = ROWS) -> list[str]:
    """One table row per split that has questions: `| label | split | n | scores |`."""
    return [
        f"| {label} | {LABELS[s]} | {by_split[s]['chunk']['n']} | {_score_cells(by_split[s])} |"
        for s in splits
        if s in by_split and by_split[s]["chunk"]["n"]
    ]


def render_systems(
    result: dict, systems: Sequence[dict] | None = None, splits: Sequence[str] = ROWS
) -> list[str]:
    g = result["gold"]
    n = g["splits"]
    lines = [
        f"## Retrieval quality — {g['in_scope']} gold questions ({n[DEV]} dev, {n[HELDOUT]} held-out), "
        f"k={result['k']}, embedder `{result['index']['embedder']}`, {result['index']['chunks']} chunks",
        "",
        "Dev questions were seen while tuning (vocabulary, weights, thresholds); held-out questions were written "
        "after tuning and never tuned to (`split: heldout` in bench/gold/retrieval.yaml).",
        "",
        "| system | split | n " + HEADER,
        "|---|---|---:" + RULE,
    ]
    for r in systems if systems is not None else result["systems"]:
        lines += _split_rows(r["system"], r["by_split"], splits)
    return lines


def render(result: dict) -> str:
    g = result["gold"]
    lines = render_systems(result)
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
        lines += ["", f"### Ours {title}", "", f"| {key} | split | n " + HEADER, "|---|---|---:" + RULE]
        for r in result[f"ours_by_{key}"]:
            lines += _split_rows(r[key], r["by_split"], (DEV, HELDOUT))
    fails = result["failing"]
    lines += ["", f"### Ours: chunk-level misses at 5 ({len(fails)})", ""]
    if fails:
        lines += ["| id | split | kind | question | gold | top 3 | doc@5 |", "|---|---|---|---|---|---|---|"]
        lines += [
            f"| {f['id']} | {LABELS[f['split']]} | {f['kind']} | {f['question'] or '—'} | {'<br>'.join(f['gold'])} | "
            f"{'<br>'.join(f['top3'])} | {'yes' if f['doc_hit@5'] else 'no'} |"
            for f in fails
        ]
    else:
        lines.append("none")
    lines += render_ablation(result.get("rerank_ablation", []))
    lines += render_out_of_scope(result["out_of_scope"])
    lines += [
        "",
        "### BM25 only over our chunks: tokenisers",
        "",
        "| tokenizer, query | split | n " + HEADER,
        "|---|---|---:" + RULE,
    ]
    for r in result["tokenizers"]:
        lines += _split_rows(f"{r['tokenizer']}, {r['query']}", r["by_split"])
    return "\n".join(lines)


def main(gold_dir: Path = GOLD_DIR, skip_baselines: bool = False, out: Path | None = None) -> dict:
    """Run, print and write bench/results/quality.json; returns the result (`bench quality` goes on with it)."""
    result = run_quality(gold_dir=gold_dir, skip_baselines=skip_baselines)
    out = out or RESULTS_DIR / "quality.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(result))
    print(f"\n(JSON: {out})")
    return result
