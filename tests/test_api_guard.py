"""The guards of the API, in process (no index needed): key on every endpoint but /health, body size, per-key
rate limit with 429, CORS off unless configured, nothing the user typed logged unless asked."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings

KEY = "k-123"
AUTH = {"Authorization": f"Bearer {KEY}"}


def client(**settings) -> TestClient:
    return TestClient(create_app(ApiSettings(**settings)), raise_server_exceptions=False)


def test_without_a_configured_key_the_api_is_open():
    assert client().get("/v1/models").status_code == 200


def test_with_a_key_every_endpoint_but_health_needs_it():
    c = client(api_keys=frozenset({KEY}))
    assert c.get("/health").status_code in (200, 503)  # no index in this test: unavailable, but answered
    for path in ("/v1/models", "/calculators", "/documents", "/docs", "/openapi.json", "/parameters"):
        assert c.get(path).status_code == 401, path
    assert c.get("/v1/models", headers=AUTH).status_code == 200
    assert c.get("/v1/models", headers={"X-API-Key": KEY}).status_code == 200
    assert (
        c.get("/v1/models", headers={"Authorization": "Bearer nope"}).json()["error"]["code"]
        == "invalid_api_key"
    )


def test_a_body_past_the_limit_is_refused_before_it_is_parsed():
    c = client(max_body_bytes=1000)
    r = c.post("/calculate", content=b"{" + b" " * 5000 + b"}", headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    r = c.post("/v1/chat/completions", json={"model": "xicheng-gazette", "messages": [{"role": "user", "content": "长" * 2000}]})  # fmt: skip
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"


def test_the_rate_limit_is_per_key_and_answers_429_with_retry_after():
    c = client(api_keys=frozenset({KEY, "other"}), rate_per_minute=3)
    codes = [c.get("/v1/models", headers=AUTH).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    limited = c.get("/v1/models", headers=AUTH)
    assert (
        limited.json()["error"]["code"] == "rate_limit_exceeded" and int(limited.headers["Retry-After"]) >= 1
    )
    assert c.get("/v1/models", headers={"Authorization": "Bearer other"}).status_code == 200  # another key
    r = c.post("/retrieval", json={}, headers=AUTH)
    assert r.status_code == 429 and "error_code" in r.json()  # Dify's shape on Dify's endpoint


def test_cors_is_off_unless_origins_are_configured():
    origin = {"Origin": "https://chat.example.org"}
    assert "access-control-allow-origin" not in client().get("/v1/models", headers=origin).headers
    c = client(cors_origins=("https://chat.example.org",), api_keys=frozenset({KEY}))
    r = c.get("/v1/models", headers={**origin, **AUTH})
    assert r.headers["access-control-allow-origin"] == "https://chat.example.org"
    pre = c.options("/v1/chat/completions", headers={**origin, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "authorization"})  # fmt: skip
    assert pre.status_code == 200  # a preflight carries no key


@pytest.mark.parametrize("log_on", [False, True])
def test_requests_are_logged_only_when_logging_is_on(caplog, log_on):
    c = client(log_requests=log_on)
    with caplog.at_level(logging.INFO, logger="api.requests"):
        c.get("/v1/models/secret-model-name-42")
    assert ("secret-model-name-42" in caplog.text) is log_on


def test_an_unknown_path_answers_in_the_shape_of_its_client():
    c = client()
    assert c.post("/v1/embeddings", json={}).json()["error"]["code"] == "not_found"
    assert c.get("/retrieval").status_code == 405 and "error_code" in c.get("/retrieval").json()
    assert c.get("/nothing-here").json() == {"detail": "Not Found"}
