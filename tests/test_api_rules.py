"""Rules as a service over loopback with httpx: the catalogue with JSON Schemas, calculations (one or a list),
422 naming the field for strict inputs, the trace of parameters, documents and exact clauses."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import quote

import httpx
import pytest
from serving import API_KEY, PYTHON, ROOT

from assistant.conversation import CALCULATION_KEYS


@pytest.fixture(scope="module")
def http(api_server):
    with httpx.Client(
        base_url=api_server.url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=60
    ) as c:
        yield c


def test_the_catalogue_lists_every_calculator_with_its_input_schema(http):
    listed = subprocess.run([PYTHON, "-m", "calculators", "list", "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)  # fmt: skip
    names = [c["name"] for c in json.loads(listed.stdout)]
    catalogue = http.get("/calculators").json()
    assert [c["name"] for c in catalogue] == names
    pv = next(c for c in catalogue if c["name"] == "green_pv_reward")
    assert pv["doc_no"] == "西发改文〔2024〕82号" and pv["article"] and pv["title"]
    schema = pv["input_schema"]
    assert schema["type"] == "object" and "capacity_kw" in schema["required"]
    assert schema["properties"]["capacity_kw"]["type"] == "number"


def test_green_pv_reward_for_500_kw_is_600000_with_steps_and_citations(http):
    r = http.post("/calculate", json={"calculator": "green_pv_reward", "inputs": {"capacity_kw": 500}})
    assert r.status_code == 200, r.text
    calc = r.json()
    assert calc["amount_yuan"] == 600000 and calc["eligible"] is True
    assert calc["steps"] and calc["missing"] == []
    assert set(CALCULATION_KEYS) <= set(calc)  # the CLI/JSON contract's calculation object
    assert calc["citations"][0]["doc_no"] == "西发改文〔2024〕82号" and calc["citations"][0]["quote"]


def test_a_list_of_requests_gives_a_list_of_results(http):
    r = http.post("/calculate", json=[
        {"calculator": "green_pv_reward", "inputs": {"capacity_kw": 500}},
        {"calculator": "green_pv_reward", "inputs": {"capacity_kw": 1000}, "as_of": "2024-07-01"},
        {"calculator": "green_pv_reward", "inputs": {}},
    ])  # fmt: skip
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["amount_yuan"] for x in results] == [600000, 1000000, None]
    assert results[1]["as_of"] == "2024-07-01" and results[2]["missing"]


def test_after_the_rule_ends_the_result_warns(http):
    r = http.post("/calculate", json={"calculator": "green_pv_reward", "inputs": {"capacity_kw": 500}, "as_of": "2030-01-01"})  # fmt: skip
    assert r.status_code == 200 and any("失效" in w for w in r.json()["warnings"])


@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        ({"capacity_kw": -500}, "capacity_kw"),
        ({"capacity_kw": 0}, "capacity_kw"),
        ({"capacity_kw": 1e30}, "capacity_kw"),
        ({"capacity_kw": True}, "capacity_kw"),
        ({"capacity_kw": "很多"}, "capacity_kw"),
        ({"capacity_kw": 500, "colour": "red"}, "colour"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(http, inputs, field):
    r = http.post("/calculate", json={"calculator": "green_pv_reward", "inputs": inputs})
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == ["body", "inputs", field]


@pytest.mark.parametrize("constant", ["NaN", "Infinity"])
def test_nan_and_infinity_are_refused_by_name(http, constant):
    raw = '{"calculator": "green_pv_reward", "inputs": {"capacity_kw": ' + constant + "}}"
    r = http.post("/calculate", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "inputs", "capacity_kw"]
    assert "finite" in r.json()["detail"][0]["msg"]


def test_an_unknown_calculator_and_a_bad_item_in_a_list_are_named(http):
    r = http.post("/calculate", json={"calculator": "no_such_rule", "inputs": {}})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "calculator"]
    r = http.post("/calculate", json=[{"calculator": "green_pv_reward", "inputs": {"capacity_kw": 5}},
                                      {"calculator": "green_pv_reward", "inputs": {"capacity_kw": -1}}])  # fmt: skip
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", 1, "inputs", "capacity_kw"]


def test_deeply_nested_json_is_refused_not_a_server_error(http):
    raw = "[" * 20_000 + "]" * 20_000
    r = http.post("/calculate", content=raw, headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500


def test_the_trace_names_the_parameter_and_quote_of_each_step(http):
    r = http.post("/trace", json={"calculator": "green_pv_reward", "inputs": {"capacity_kw": 900}})
    assert r.status_code == 200, r.text
    t = r.json()
    assert t["amount_yuan"] == 1000000
    assert t["steps"] and all(s["parameters"] for s in t["steps"])
    used = t["steps"][0]["parameters"][0]
    assert used["id"] == "green_low_carbon/pv_reward" and "1200" in used["quote"]
    assert t["parameters"][0]["values"][0] == {"from": "2024-06-24", "value": {"rate": 1200, "cap": 1000000}}


def test_a_parameter_has_dated_values_reference_and_quote(http):
    p = http.get("/parameters/green_low_carbon/pv_reward").json()
    assert p["reference"]["doc_no"] == "西发改文〔2024〕82号" and p["reference"]["quote"]
    assert p["ends"] == "2029-06-24" and p["values"][-1] == {"from": "2029-06-24", "value": None}
    assert "green_low_carbon/pv_reward" in http.get("/parameters").json()
    assert http.get("/parameters/../../etc/passwd").status_code == 404


def test_documents_and_exact_clauses(http):
    docs = http.get("/documents").json()
    assert len(docs) == 13 and all(d["doc_no"] and d["title"] and "text" not in d for d in docs)
    base = f"/documents/{quote('西民发〔2024〕1号')}"
    clause = http.get(f"{base}/articles/21").json()
    assert clause["article"] == "第二十一条" and clause["text"].startswith("第二十一条")
    assert http.get(f"{base}/articles/第二十一条").json()["article"] == "第二十一条"
    missing = http.get(f"{base}/articles/99")
    assert missing.status_code == 404 and "没有第九十九条" in missing.json()["detail"]
    nodoc = http.get(f"/documents/{quote('西民发〔2099〕9号')}/articles/1")
    assert nodoc.status_code == 404 and "没有" in nodoc.json()["detail"]
    assert http.get(base).json()["text"]
