"""The MCP server, tested with the SDK's own client: in process, over stdio (a subprocess) and over
streamable HTTP (a subprocess on a free loopback port)."""

from __future__ import annotations

import asyncio
import json
import subprocess

import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from serving import API_KEY, PYTHON, ROOT, api_env, free_port

from api.mcp import build_server
from api.service import Service

CALL_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def server(fake_index):
    return build_server(Service(fake_index))


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 180))


async def _tour(client: Client) -> dict:
    """What every transport must show: the tools with schemas, a calculation, a refusal, the documents."""
    tools = {t.name: t for t in (await client.list_tools()).tools}
    pv = await client.call_tool("green_pv_reward", {"capacity_kw": 500}, read_timeout_seconds=CALL_TIMEOUT_S)
    clause = await client.call_tool("lookup_clause", {"reference": "西民发〔2024〕1号第二十一条"})
    resources = (await client.list_resources()).resources
    return {"tools": tools, "pv": pv, "clause": clause, "resources": resources}


def _check_tour(seen: dict, calculators: int) -> None:
    tools = seen["tools"]
    assert {"search_gazette", "lookup_clause", "ask_gazette"} <= set(tools)
    assert len(tools) == calculators + 3
    assert tools["green_pv_reward"].input_schema["required"] == ["capacity_kw"]
    assert not seen["pv"].is_error and seen["pv"].structured_content["amount_yuan"] == 600000
    assert not seen["clause"].is_error and seen["clause"].structured_content["article"] == "第二十一条"
    assert len(seen["resources"]) == 14  # the list and the 13 documents


def test_in_process_every_calculator_is_a_tool_with_its_schema(server, fake_index):
    from calculators.base import load_all

    async def go():
        async with Client(server) as c:
            seen = await _tour(c)
            bad = await c.call_tool("green_pv_reward", {"capacity_kw": True})
            negative = await c.call_tool("green_pv_reward", {"capacity_kw": -5})
            missing = await c.call_tool("lookup_clause", {"reference": "西民发〔2024〕1号第99条"})
            search = await c.call_tool("search_gazette", {"query": "养老助餐就餐补贴", "k": 3})
            ask = await c.call_tool("ask_gazette", {"question": "光伏装机500千瓦能拿多少？"})
            doc = await c.read_resource(seen["resources"][1].uri)
            return seen, bad, negative, missing, search, ask, doc

    seen, bad, negative, missing, search, ask, doc = run(go())
    _check_tour(seen, len(load_all()))
    assert bad.is_error and "yes/no" in bad.content[0].text
    assert negative.is_error and "capacity_kw" in negative.content[0].text
    assert missing.is_error and "没有第九十九条" in missing.content[0].text
    hits = search.structured_content["hits"]
    assert 0 < len(hits) <= 3 and all(0 <= h["score"] <= 1 and h["citation"] for h in hits)
    assert (
        ask.structured_content["calculation"]["amount_yuan"] == 600000
        and "60万元" in ask.structured_content["answer"]
    )
    assert doc.contents[0].text.strip() and seen["resources"][1].name in doc.contents[0].text


def test_over_stdio(fake_index_settings, tmp_path):
    from calculators.base import load_all

    params = StdioServerParameters(
        command=PYTHON,
        args=["-m", "api.mcp"],
        cwd=str(ROOT),
        env=api_env(fake_index_settings.data_dir, tmp_path),
    )

    async def go():
        async with Client(params, read_timeout_seconds=120) as c:
            return await _tour(c)

    _check_tour(run(go()), len(load_all()))


def test_over_streamable_http(fake_index_settings, tmp_path):
    from serving import _stop

    from calculators.base import load_all

    port = free_port()
    log = tmp_path / "mcp.log"
    env = api_env(fake_index_settings.data_dir, tmp_path, {"GAZETTE_API_KEY": API_KEY})
    with open(log, "wb") as out:
        proc = subprocess.Popen([PYTHON, "-m", "api.mcp", "--http", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        _wait_for_port(port, proc, log)

        async def go():
            http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {API_KEY}"}, timeout=120)
            async with (
                http,
                Client(streamable_http_client(url, http_client=http), read_timeout_seconds=120) as c,
            ):
                return await _tour(c)

        _check_tour(run(go()), len(load_all()))
        refused = httpx.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, timeout=30)
        assert refused.status_code == 401  # the API key guards MCP over HTTP too
    finally:
        _stop(proc)
    assert "光伏" not in log.read_text(errors="replace")  # tool arguments are not logged


def _wait_for_port(port: int, proc: subprocess.Popen, log, timeout: float = 120) -> None:
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace")[-3000:])
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"MCP server not listening after {timeout} s")


def test_tool_results_are_json_a_client_can_read(server):
    async def go():
        async with Client(server) as c:
            return await c.call_tool("green_pv_reward", {"capacity_kw": 900})

    result = run(go())
    assert json.loads(result.content[0].text)["amount_yuan"] == 1000000
