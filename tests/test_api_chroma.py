"""The scale-out path on real parts: `chroma run` on a free loopback port, the index ingested into it, the same
search assertions as the embedded store, and two API workers answering from it."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from serving import API_KEY, api_env, run_api, run_chroma

from ingest.index import build_index
from retrieval.index import load_index
from retrieval.search import Retriever

QUERY = "养老助餐服务补贴包括哪些"


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (the chromadb package's CLI); the tests skip when it cannot start here."""
    home = tmp_path_factory.mktemp("chroma")
    env = api_env(home / "unused", home)
    try:
        with run_chroma(home / "store", home / "chroma.log", env) as server:
            yield server
    except RuntimeError as e:  # raised only while starting
        pytest.skip(f"chroma run could not start: {str(e)[:300]}")


@pytest.fixture(scope="module")
def server_settings(chroma_server, fake_index_settings, tmp_path_factory):
    """The real corpus ingested into the Chroma server (chunks, BM25 and manifest stay in the data folder)."""
    s = dataclasses.replace(
        fake_index_settings, data_dir=tmp_path_factory.mktemp("server-index"), chroma_host="127.0.0.1",
        chroma_port=chroma_server.port,
    )  # fmt: skip
    build_index(s, progress=False, log=lambda _msg: None)
    return s


@pytest.fixture(scope="module")
def both(server_settings, fake_index):
    return {"embedded": fake_index, "server": load_index(server_settings)}


def search_assertions(index) -> dict:
    """The search checks each store must pass; returns what was found so the two stores can be compared."""
    assert len(index.chunks) == index.manifest["chunks"] == index.collection.count()
    bm25 = index.bm25_search(QUERY, k=5)
    dense = index.dense_search(QUERY, k=10)
    assert bm25 and bm25[0][0].doc_no == "西民发〔2024〕1号"
    assert len(dense) == 10 and all(-1.0 <= s <= 1.0 for _, s in dense)
    assert [s for _, s in dense] == sorted((s for _, s in dense), reverse=True)
    where = index.dense_search(QUERY, k=5, where={"doc_no": "西发改文〔2024〕82号"})
    assert where and {c.doc_no for c, _ in where} == {"西发改文〔2024〕82号"}
    retriever = Retriever(index)
    exact = retriever.search("西民发〔2024〕1号第二十一条")
    assert exact.exact and {h.chunk.article for h in exact.hits} == {"第二十一条"}
    found = retriever.search(QUERY, k=5)
    assert found.hits and found.hits[0].chunk.doc_no == "西民发〔2024〕1号"
    return {
        "dense": [(c.chunk_id, round(s, 4)) for c, s in dense],
        "fused": [h.chunk.chunk_id for h in found.hits],
    }


@pytest.mark.parametrize("store", ["embedded", "server"])
def test_the_same_search_assertions_pass_on_each_store(both, store):
    search_assertions(both[store])


def test_the_server_store_ranks_exactly_like_the_embedded_one(both):
    assert search_assertions(both["server"]) == search_assertions(both["embedded"])


def test_the_manifest_records_the_server(both, chroma_server):
    assert both["server"].manifest["chroma"] == f"http://127.0.0.1:{chroma_server.port}"


def test_two_api_workers_answer_from_the_chroma_server(server_settings, chroma_server, tmp_path):
    env = api_env(server_settings.data_dir, tmp_path, {"GAZETTE_API_KEY": API_KEY, "GAZETTE_RATE_LIMIT": "0",
                  "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_server.port)})  # fmt: skip
    with run_api(env, tmp_path / "api.log", workers=2) as api:
        health = httpx.get(f"{api.url}/health", timeout=30).json()
        assert health["index"]["chroma"] == f"http://127.0.0.1:{chroma_server.port}"
        headers = {"Authorization": f"Bearer {API_KEY}"}
        body = {"knowledge_id": "xicheng-gazette", "query": QUERY, "retrieval_setting": {"top_k": 3, "score_threshold": 0}}  # fmt: skip
        with httpx.Client(base_url=api.url, headers=headers, timeout=60) as c:
            for _ in range(6):  # spread over both workers
                records = c.post("/retrieval", json=body).json()["records"]
                assert records and records[0]["metadata"]["doc_no"] == "西民发〔2024〕1号"
            chat = c.post("/v1/chat/completions", json={"model": "xicheng-gazette",
                          "messages": [{"role": "user", "content": "光伏装机500千瓦能拿多少？"}]}).json()  # fmt: skip
            assert chat["gazette"]["calculation"]["amount_yuan"] == 600000
