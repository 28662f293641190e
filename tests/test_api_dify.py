"""POST /retrieval exactly as Dify's external knowledge API calls it: bodies shaped like Dify's, the Bearer
key, the documented error codes, scores in 0–1 that the threshold filters on."""

from __future__ import annotations

import httpx
import pytest
from serving import API_KEY


@pytest.fixture(scope="module")
def dify(api_server):
    with httpx.Client(
        base_url=api_server.url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=60
    ) as c:
        yield c


def body(query: str, top_k: int = 5, threshold: float = 0.0, **more) -> dict:
    return {"knowledge_id": "xicheng-gazette", "query": query,
            "retrieval_setting": {"top_k": top_k, "score_threshold": threshold}, **more}  # fmt: skip


def records(dify, payload) -> list[dict]:
    r = dify.post("/retrieval", json=payload)
    assert r.status_code == 200, r.text
    return r.json()["records"]


def test_dify_example_body_returns_records_with_title_and_metadata(dify):
    found = records(dify, body("养老助餐点就餐补贴标准是多少", top_k=3))
    assert 0 < len(found) <= 3
    for rec in found:
        assert set(rec) == {"content", "score", "title", "metadata"}
        assert (
            isinstance(rec["metadata"], dict) and rec["metadata"]["doc_no"] and "article" in rec["metadata"]
        )
        assert rec["metadata"]["chunk_id"].startswith(rec["metadata"]["doc_no"])
        assert 0.0 <= rec["score"] <= 1.0
        assert rec["title"].startswith(("关于", "北京市"))  # the document's title, not a file name
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True)


def test_an_exact_clause_scores_1_and_passes_any_threshold(dify):
    found = records(dify, body("西民发〔2024〕1号第二十一条", threshold=0.99))
    assert found and all(r["score"] == 1.0 and r["metadata"]["article"] == "第二十一条" for r in found)
    assert "养老助餐服务实施细则" in found[0]["title"]


def test_the_score_threshold_filters(dify):
    query = "分布式光伏项目奖励"
    everything = records(dify, body(query, top_k=10, threshold=0.0))
    assert len(everything) == 10
    distinct = sorted({r["score"] for r in everything})
    assert len(distinct) > 1  # scores fall down the list
    cut = distinct[1]
    kept = records(dify, body(query, top_k=10, threshold=cut))
    assert kept and all(r["score"] >= cut for r in kept) and len(kept) < len(everything)
    assert records(dify, body(query, top_k=10, threshold=1.0)) == []


def test_metadata_conditions_filter_on_document_fields(dify):
    cond = {"logical_operator": "and",
            "conditions": [{"name": ["doc_no"], "comparison_operator": "is", "value": "西民发〔2024〕1号"}]}  # fmt: skip
    found = records(dify, body("补贴", top_k=5, metadata_condition=cond))
    assert found and {r["metadata"]["doc_no"] for r in found} == {"西民发〔2024〕1号"}
    by_issuer = {"conditions": [{"name": "issuer", "comparison_operator": "contains", "value": "教育委员会"}]}
    found = records(dify, body("入学条件", top_k=5, metadata_condition=by_issuer))
    assert found and all("教育委员会" in r["metadata"]["issuer"] for r in found)
    before = {"conditions": [{"name": ["date"], "comparison_operator": "before", "value": "2024-01-01"}]}
    assert records(dify, body("补贴", metadata_condition=before)) == []


def test_a_document_can_be_its_own_knowledge_base(dify):
    payload = body("补贴标准", top_k=5)
    payload["knowledge_id"] = "西发改文〔2024〕82号"
    found = records(dify, payload)
    assert found and {r["metadata"]["doc_no"] for r in found} == {"西发改文〔2024〕82号"}


def test_dify_error_codes(api_server, dify):
    url = f"{api_server.url}/retrieval"
    r = httpx.post(url, json=body("光伏"), headers={"Authorization": "Bearer wrong-key"})
    assert r.status_code == 403 and r.json()["error_code"] == 1002
    r = httpx.post(url, json=body("光伏"), headers={"Authorization": API_KEY})  # no "Bearer "
    assert r.status_code == 403 and r.json()["error_code"] == 1001
    r = httpx.post(url, json=body("光伏"))
    assert r.status_code == 403 and r.json()["error_code"] == 1001
    unknown = body("光伏")
    unknown["knowledge_id"] = "no-such-knowledge"
    r = dify.post("/retrieval", json=unknown)
    assert r.status_code == 404 and r.json()["error_code"] == 2001 and r.json()["error_msg"]


def test_an_empty_query_returns_no_records(dify):
    assert records(dify, body("   ")) == []
