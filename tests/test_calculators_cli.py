"""The calculators CLI contract and the LangChain tools built from the calculators."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from calculators.base import load_all
from calculators.tools import all_tools


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], capture_output=True, text=True, timeout=60
    )


def test_list_json_contract():
    proc = _run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) >= 35
    for row in rows:
        # the original keys, plus the metadata the UI and the router select on
        assert set(row) == {"name", "title", "doc_no", "article", "inputs", "audience", "stage", "kind"}
        assert row["doc_no"].endswith("号") and row["article"]
        assert row["audience"] in {"resident", "enterprise", "staff"}
        assert row["kind"] in {"amount", "eligibility", "verdict"}
        assert row["stage"] in {"primary", "middle", None}
    docs = {r["doc_no"] for r in rows}
    assert {"西发改文〔2024〕82号", "西文旅发〔2024〕3号", "西民发〔2024〕1号", "西科管发〔2024〕1号",
            "西财资产〔2024〕18号", "西教发〔2024〕7号", "西教发〔2024〕8号"} <= docs  # fmt: skip


def test_run_json():
    proc = _run(
        "run", "green_pv_reward", "--input", '{"capacity_kw": 500}', "--as-of", "2024-07-01", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["amount_yuan"] == 600000 and out["eligible"] is True and out["citations"]


def test_run_bad_input_is_a_clear_error():
    for args in (
        ("run", "green_pv_reward", "--input", '{"capacity_kw": -5}'),
        ("run", "green_pv_reward", "--input", "not json"),
        ("run", "no_such_calculator"),
        ("run", "green_pv_reward", "--as-of", "2024-13-45"),
    ):
        proc = _run(*args)
        assert proc.returncode == 2, args
        assert "error:" in proc.stderr and "Traceback" not in proc.stderr, args


def test_every_calculator_is_a_structured_tool():
    tools = all_tools(date(2024, 7, 1))
    assert len(tools) == len(load_all())
    for tool in tools:
        assert tool.args_schema is not None and tool.description
    pv = next(t for t in tools if t.name == "green_pv_reward")
    result = pv.invoke({"capacity_kw": 1000})
    assert result["amount_yuan"] == 1000000
    assert "输入有误" in pv.invoke({"capacity_kw": -1})  # the agent sees the problem, nothing raises
