"""`python -m bench api`'s load generator, for one second against the test server: keep-alive clients get
answers, nothing fails, the table renders."""

from __future__ import annotations

import asyncio

from serving import API_KEY

from bench.api import MIX, _level, render


def test_a_short_level_answers_every_request(api_server):
    result = asyncio.run(_level(api_server.port, clients=2, seconds=1.0, warmup=0.2, key=API_KEY))
    assert result["clients"] == 2 and result["requests"] > 0 and result["errors"] == 0


def test_a_refused_request_counts_as_an_error(api_server):
    result = asyncio.run(_level(api_server.port, clients=1, seconds=0.5, warmup=0.0))  # no key: 401
    assert result["requests"] > 0 and result["errors"] == result["requests"]


def test_the_mix_has_every_kind_and_the_table_renders():
    assert {k for k, _ in MIX} == {"calculation", "clause", "refusal"}
    row = {"clients": 20, "requests": 10, "errors": 0, "req_per_s": 5.0, "p50_ms": 1.0, "p95_ms": 2.0,
           "p99_ms": 3.0, "max_ms": 4.0}  # fmt: skip
    report = {"workers": 2, "cpu_count": 2, "embedder": "use", "seconds": 2.0, "mix": list(MIX), "http": [row],
              "in_process_ask": {**row, "statuses": {}}, "target": {"clients": 20, "req_per_s": 150, "p95_ms": 250,
              "met": False}, "load_average": {"before": [1, 1, 1], "after": [1, 1, 1]}}  # fmt: skip
    assert "NOT met" in render(report) and "| 20 clients |" in render(report)
