"""`python -m ingest` as scripts call it: the stats JSON contract, and one-line errors instead of tracebacks."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_ingest(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def assert_clean_failure(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_stats_json_follows_the_contract_and_a_second_run_is_a_no_op():
    proc = run_ingest("--stats", "--json")
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert set(stats) == {"documents", "chunks", "embedder", "docs"}
    assert stats["documents"] == 13 == len(stats["docs"]) and stats["embedder"] == "fake"
    assert sum(d["chunks"] for d in stats["docs"]) == stats["chunks"]
    for d in stats["docs"]:
        assert set(d) == {"doc_no", "title", "issued_on", "chunks"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["issued_on"])

    again = run_ingest("--stats")
    assert again.returncode == 0 and "is current" in again.stderr
    assert "chunks by kind:" in again.stdout and "西民发〔2024〕1号" in again.stdout


def test_missing_corpus_folder(tmp_path):
    assert_clean_failure(run_ingest(GAZETTE_CORPUS_DIR=str(tmp_path / "nowhere")), "corpus folder not found")


def test_empty_corpus(tmp_path):
    (tmp_path / "gazette.txt").write_text("  \n", encoding="utf-8")
    assert_clean_failure(run_ingest(GAZETTE_CORPUS_DIR=str(tmp_path)), "empty")


def test_corpus_that_is_not_utf8(tmp_path):
    (tmp_path / "gazette.txt").write_bytes("西城区公报".encode("gb18030"))
    assert_clean_failure(run_ingest(GAZETTE_CORPUS_DIR=str(tmp_path)), "not UTF-8")


def test_unknown_embedder():
    assert_clean_failure(run_ingest(GAZETTE_EMBEDDER="word2vec"), "unknown embedder 'word2vec'")


def test_unreachable_chroma_server():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_ingest(CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(port))
    assert_clean_failure(proc, "无法连接 Chroma 服务器", f"127.0.0.1:{port}")


@pytest.mark.parametrize("args", [["--bogus"]])
def test_bad_arguments_show_usage_not_a_traceback(args):
    proc = run_ingest(*args)
    assert proc.returncode == 2 and "usage:" in proc.stderr and "Traceback" not in proc.stderr
