"""An index that proves itself: every damaged part is caught on load with a clear message, and repaired by
the next `python -m ingest`; leftovers of killed builds are removed; nothing is served from a damaged index."""

import dataclasses
import json
import shutil

import pytest

from ingest.index import BM25_DIR, CHROMA_DIR, CHUNKS, DOCUMENTS, MANIFEST, IndexUnavailable, build_index
from retrieval.index import load_index

QUIET = {"progress": False, "log": lambda _msg: None}


@pytest.fixture
def copy_of_index(fake_index_settings, tmp_path):
    """A private copy of the session's fake-embedder index, to damage."""
    settings = dataclasses.replace(fake_index_settings, data_dir=tmp_path / "data")
    shutil.copytree(fake_index_settings.index_dir, settings.index_dir)
    return settings


def _truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _edit_chunk_text(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[5])
    row["text"] = row["text"].replace("西城", "东城", 1) + "（篡改）"
    lines[5] = json.dumps(row, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _bad_line(path):
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")


def _shuffle_vocab(path):
    vocab = json.loads(path.read_text(encoding="utf-8"))
    keys = list(vocab)
    path.write_text(
        json.dumps(dict(zip(keys, reversed(list(vocab.values())), strict=True))), encoding="utf-8"
    )


def _garbage(path):
    path.write_bytes(b"this is not a sqlite database" * 100)


DAMAGE = {
    "chunks truncated": (CHUNKS, _truncate),
    "a chunk's text edited": (CHUNKS, _edit_chunk_text),
    "a bad line in chunks": (CHUNKS, _bad_line),
    "documents removed": (DOCUMENTS, lambda p: p.unlink()),
    "BM25 vocabulary shuffled": (f"{BM25_DIR}/vocab.index.json", _shuffle_vocab),
    "BM25 matrix truncated": (f"{BM25_DIR}/data.csc.index.npy", _truncate),
    "Chroma store garbage": (f"{CHROMA_DIR}/chroma.sqlite3", _garbage),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_is_refused_on_load_and_repaired_by_ingest(copy_of_index, damage):
    part, spoil = DAMAGE[damage]
    spoil(copy_of_index.index_dir / part)
    with pytest.raises(IndexUnavailable, match="公报索引已损坏|corrupt|missing"):
        load_index(copy_of_index)
    report = build_index(copy_of_index, **QUIET)
    assert report.status == "built"
    assert load_index(copy_of_index).manifest["chunks"] == report.manifest["chunks"]


def test_a_manifest_without_checksums_is_not_trusted(copy_of_index):
    path = copy_of_index.index_dir / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["checksums"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="公报索引已损坏"):
        load_index(copy_of_index)


def test_leftovers_of_killed_builds_and_swaps_are_removed_by_the_next_run(copy_of_index):
    parent, name = copy_of_index.index_dir.parent, copy_of_index.index_dir.name
    for leftover in (f".{name}.building-dead", f".{name}.old-99999"):
        (parent / leftover / "bm25").mkdir(parents=True)
    assert build_index(copy_of_index, **QUIET).status == "unchanged"
    left = [p.name for p in parent.iterdir() if p.name.startswith((f".{name}.building-", f".{name}.old-"))]
    assert left == []


def test_an_old_index_left_beside_a_killed_swap_is_put_back_by_a_reader(copy_of_index):
    index_dir = copy_of_index.index_dir
    index_dir.rename(index_dir.parent / f".{index_dir.name}.old-12345")
    assert load_index(copy_of_index).manifest["chunks"] > 0


ENTRY_POINTS = {
    "assistant ask": ("assistant.__main__", ["ask", "孩子几岁上小学", "--json"]),
    "retrieval search": ("retrieval.__main__", ["search", "孩子几岁上小学", "--json"]),
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_each_entry_point_refuses_a_damaged_index_with_the_message(
    copy_of_index, damage, entry, monkeypatch, capsys
):
    """The damage matrix: each damage × each command line — exit 2, the repair command named, nothing served."""
    import importlib

    from core.settings import get_settings

    part, spoil = DAMAGE[damage]
    spoil(copy_of_index.index_dir / part)
    monkeypatch.setenv("GAZETTE_DATA_DIR", str(copy_of_index.data_dir))
    monkeypatch.setenv("GAZETTE_EMBEDDER", copy_of_index.embedder)
    get_settings.cache_clear()
    module, argv = ENTRY_POINTS[entry]
    code = importlib.import_module(module).main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""  # nothing served
    assert "公报索引已损坏" in err and "python -m ingest" in err and "Traceback" not in err


def test_a_build_killed_midway_leaves_the_old_index_usable_and_is_cleaned_up(copy_of_index):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "GAZETTE_DATA_DIR": str(copy_of_index.data_dir),
           "GAZETTE_EMBEDDER": copy_of_index.embedder}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", "--rebuild"], env=env, cwd=root,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    parent = copy_of_index.index_dir.parent
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
        p.name.startswith(".index.building-") for p in parent.iterdir()
    ):
        time.sleep(0.05)  # kill it once it is writing its new index
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert load_index(copy_of_index).manifest["chunks"] > 0  # the old (or the finished) index still serves
    build_index(copy_of_index, **QUIET)
    assert not [p for p in parent.iterdir() if p.name.startswith((".index.building-", ".index.old-"))]


def test_a_vector_store_holding_other_ids_is_refused(copy_of_index):
    """The right number of vectors under the wrong ids would make search return chunks the index lacks."""
    from ingest.index import chroma_client

    manifest = json.loads((copy_of_index.index_dir / MANIFEST).read_text(encoding="utf-8"))
    client = chroma_client(copy_of_index, copy_of_index.index_dir / CHROMA_DIR)
    collection = client.get_collection(manifest["collection"], embedding_function=None)
    first = collection.get(include=["embeddings"], limit=1)
    collection.delete(ids=first["ids"])
    collection.add(ids=["西城/不存在的条文"], embeddings=first["embeddings"])
    from ingest.index import release_chroma

    release_chroma(copy_of_index.index_dir / CHROMA_DIR)
    with pytest.raises(IndexUnavailable, match="向量编号"):
        load_index(copy_of_index)
    assert build_index(copy_of_index, **QUIET).status == "built"
    assert load_index(copy_of_index).collection.count() == manifest["chunks"]


def test_the_api_refuses_a_damaged_index_with_the_message(copy_of_index, monkeypatch):
    """The damage matrix's fourth entry point: the HTTP API answers 503 naming the damage, in each client's shape."""
    from fastapi.testclient import TestClient

    import api.service as api_service
    from api.app import create_app
    from api.settings import ApiSettings
    from core.settings import get_settings

    spoil_part, spoil = DAMAGE["a chunk's text edited"]
    spoil(copy_of_index.index_dir / spoil_part)
    monkeypatch.setenv("GAZETTE_DATA_DIR", str(copy_of_index.data_dir))
    monkeypatch.setenv("GAZETTE_EMBEDDER", copy_of_index.embedder)
    get_settings.cache_clear()
    monkeypatch.setattr(api_service, "_service", None)
    c = TestClient(create_app(ApiSettings()), raise_server_exceptions=False)
    health = c.get("/health").json()
    assert health["status"] == "unavailable" and "公报索引已损坏" in health["index"]["error"]
    chat = c.post(
        "/v1/chat/completions",
        json={"model": "xicheng-gazette", "messages": [{"role": "user", "content": "孩子几岁上小学"}]},
    )
    assert chat.status_code == 503 and "公报索引已损坏" in chat.json()["error"]["message"]
    dify = c.post(
        "/retrieval",
        json={
            "knowledge_id": "xicheng-gazette",
            "query": "孩子几岁上小学",
            "retrieval_setting": {"top_k": 3, "score_threshold": 0},
        },
    )
    assert dify.status_code == 503 and "公报索引已损坏" in str(dify.json())
