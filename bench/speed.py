"""`python -m bench speed`: ingest time, index load time, warm query latency, assistant latency, peak memory."""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.metrics import percentiles
from bench.quality import GOLD_DIR, RESULTS_DIR, load_gold
from core.settings import PROJECT_ROOT, Settings
from ingest.embedders import DEFAULT_EMBEDDER
from ingest.index import build_index
from retrieval.index import Index, load_index
from retrieval.search import Retriever

CLI_TIMEOUT_S = 300


def _quiet(_msg: str) -> None:
    pass


def _latency_ms(samples: Sequence[float]) -> dict:
    p = percentiles([1000 * s for s in samples], (50, 95, 100))
    return {"n": len(samples), "p50_ms": round(p["median"], 2), "p95_ms": round(p["p95"], 2),
            "max_ms": round(p["max"], 2)}  # fmt: skip


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def query_latency(retriever: Retriever, questions: Sequence[str], k: int = 5) -> dict:
    """Warm latency of Retriever.search: one untimed pass over all questions, then one timed pass."""
    for q in questions:
        retriever.search(q, k=k)
    samples = []
    for q in questions:
        t0 = time.perf_counter()
        retriever.search(q, k=k)
        samples.append(time.perf_counter() - t0)
    return _latency_ms(samples)


def assistant_latency(questions: Sequence[str], index: Index) -> dict:
    """Warm latency of assistant.service.Assistant(index).ask(q); {"skipped": reason} when it cannot run."""
    try:
        from assistant.service import Assistant

        t0 = time.perf_counter()
        assistant = Assistant(index)
        init_s = time.perf_counter() - t0
        for q in questions:  # warm-up pass
            assistant.ask(q)
        samples = []
        for q in questions:
            t0 = time.perf_counter()
            assistant.ask(q)
            samples.append(time.perf_counter() - t0)
    except Exception as e:  # the assistant is another helper's work in progress: report, do not fail
        return {"skipped": f"{type(e).__name__}: {e}"}
    return {"init_s": round(init_s, 3), **_latency_ms(samples)}


def cli_startup(question: str, env: dict[str, str]) -> dict:
    """Wall time of `python -m assistant ask --jsonl` answering one question from stdin (process start to exit)."""
    python = PROJECT_ROOT / ".venv" / "bin" / "python"
    cmd = [str(python if python.exists() else sys.executable), "-m", "assistant", "ask", "--jsonl"]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, input=question + "\n", capture_output=True, text=True, cwd=PROJECT_ROOT, env=env,
            timeout=CLI_TIMEOUT_S,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as e:
        return {"skipped": f"{type(e).__name__}: {e}"}
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"skipped": f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"}
    try:
        status = json.loads(proc.stdout.strip().splitlines()[0]).get("status")
    except (ValueError, IndexError, AttributeError):
        return {"skipped": f"no JSON line on stdout: {proc.stdout[:200]!r}"}
    return {"seconds": round(seconds, 3), "status": status}


def run_speed(gold_dir: Path = GOLD_DIR, skip_assistant: bool = False) -> dict:
    in_scope, oos = load_gold(gold_dir)
    questions = [e["question"] for e in in_scope] + [e["question"] for e in oos]
    base = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        settings = dataclasses.replace(
            base, data_dir=Path(tmp) / "data", embedder=DEFAULT_EMBEDDER, chroma_host=None
        )
        t0 = time.perf_counter()
        report = build_index(settings, progress=False, log=_quiet)
        ingest_s = time.perf_counter() - t0
        chunks = report.manifest["chunks"]

        t0 = time.perf_counter()
        index = load_index(settings)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        retriever = Retriever(index)  # loads the embedder and the documents, and runs one query
        retriever_s = time.perf_counter() - t0

        result = {
            "embedder": settings.embedder,
            "cpu_count": os.cpu_count(),
            "chunks": chunks,
            "ingest": {"seconds": round(ingest_s, 3), "embed_seconds": report.manifest.get("embed_seconds"),
                       "chunks_per_s": round(chunks / ingest_s, 1)},
            "load": {"index_s": round(load_s, 3), "retriever_s": round(retriever_s, 3)},
            "search_k5": query_latency(retriever, questions, k=5),
        }  # fmt: skip
        if skip_assistant:
            result["assistant"] = {"skipped": "--skip-assistant"}
            result["cli_ask_jsonl"] = {"skipped": "--skip-assistant"}
        else:
            result["assistant"] = assistant_latency(questions, index)
            env = {
                **os.environ,
                "GAZETTE_DATA_DIR": str(settings.data_dir),
                "GAZETTE_EMBEDDER": settings.embedder,
            }
            env.pop("CHROMA_HOST", None)
            result["cli_ask_jsonl"] = cli_startup(questions[0], env)
        result["peak_rss_mb"] = peak_rss_mb()
    result["questions"] = len(questions)
    return result


def render(r: dict) -> str:
    def opt(d: dict, fmt) -> str:
        return f"skipped ({d['skipped'][:120]})" if "skipped" in d else fmt(d)

    lat = lambda d: f"p50 {d['p50_ms']} ms · p95 {d['p95_ms']} ms · max {d['max_ms']} ms (n={d['n']})"  # noqa: E731
    rows = [
        ("ingest (fresh build, parse → chunk → embed → Chroma + BM25)",
         f"{r['ingest']['seconds']} s ({r['ingest']['embed_seconds']} s embedding) · "
         f"{r['ingest']['chunks_per_s']} chunks/s · {r['chunks']} chunks"),
        ("index load (load_index)", f"{r['load']['index_s']} s"),
        ("retriever ready (embedder + documents + first query)", f"{r['load']['retriever_s']} s"),
        ("warm query latency, Retriever.search k=5", lat(r["search_k5"])),
        ("warm Assistant.ask latency",
         opt(r["assistant"], lambda d: f"{lat(d)}; Assistant() {d['init_s']} s")),
        ("`python -m assistant ask --jsonl`, 1 question, process start to exit",
         opt(r["cli_ask_jsonl"], lambda d: f"{d['seconds']} s (status {d['status']})")),
        ("peak RSS (this process)", f"{r['peak_rss_mb']} MB"),
    ]  # fmt: skip
    lines = [
        f"## Speed — embedder `{r['embedder']}`, {r['cpu_count']} CPUs, {r['questions']} gold questions",
        "",
        "| measure | value |",
        "|---|---|",
    ]
    lines += [f"| {a} | {b} |" for a, b in rows]
    return "\n".join(lines)


def main(gold_dir: Path = GOLD_DIR, out: Path | None = None, skip_assistant: bool = False) -> int:
    result = run_speed(gold_dir, skip_assistant)
    out = out or RESULTS_DIR / "speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(result))
    print(f"\n(JSON: {out})")
    return 0
