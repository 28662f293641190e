"""A Chroma server that stopped, or accepts connections and never answers: every entry point ends within the
configured deadline (CHROMA_TIMEOUT_S) with a clear message — no hang, no traceback."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.index import MANIFEST, ChromaUnavailable, chroma_call, chroma_client
from retrieval.index import load_index

ROOT = Path(__file__).resolve().parent.parent
DEADLINE_S = 1.0
SLACK_S = 8.0  # start-up of a thread, the error path; far below the 30 s the issue allows


@pytest.fixture
def silent_server():
    """A TCP server on loopback that accepts every connection and never sends a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    worker = threading.Thread(target=accept, daemon=True)
    worker.start()
    yield listener.getsockname()[1]
    stop.set()
    worker.join(2)
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def stopped_port():
    """A loopback port nothing listens on (a server that stopped)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _server_settings(settings, port):
    return dataclasses.replace(
        settings, chroma_host="127.0.0.1", chroma_port=port, chroma_timeout_s=DEADLINE_S
    )


def _timed(call):
    start = time.monotonic()
    with pytest.raises(ChromaUnavailable) as e:
        call()
    return str(e.value), time.monotonic() - start


def test_a_silent_server_is_given_up_within_the_deadline(settings, silent_server):
    message, took = _timed(lambda: chroma_client(_server_settings(settings, silent_server), None))
    assert took < DEADLINE_S + SLACK_S
    assert f"127.0.0.1:{silent_server}" in message and "没有应答" in message and "CHROMA_TIMEOUT_S" in message


def test_a_stopped_server_is_named_in_a_clear_message(settings, stopped_port):
    message, took = _timed(lambda: chroma_client(_server_settings(settings, stopped_port), None))
    assert took < DEADLINE_S + SLACK_S
    assert f"127.0.0.1:{stopped_port}" in message


def test_a_request_that_never_completes_ends_at_the_deadline(settings):
    s = _server_settings(settings, 1)
    message, took = _timed(lambda: chroma_call(s, lambda: time.sleep(30), "检索"))
    assert took < DEADLINE_S + SLACK_S and "检索" in message
    # the embedded store is called directly, without a thread or a deadline
    assert chroma_call(settings, lambda: 7, "检索") == 7


@pytest.fixture
def index_on_server(fake_index_settings, tmp_path):
    """A copy of the session's index whose manifest says it lives on the Chroma server at `port`."""

    def make(port):
        s = _server_settings(dataclasses.replace(fake_index_settings, data_dir=tmp_path / "data"), port)
        shutil.copytree(fake_index_settings.index_dir, s.index_dir)
        manifest = json.loads((s.index_dir / MANIFEST).read_text(encoding="utf-8"))
        manifest["chroma"] = f"http://127.0.0.1:{port}"
        (s.index_dir / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        return s

    return make


@pytest.mark.parametrize("server", ["silent_server", "stopped_port"])
def test_loading_an_index_on_an_unreachable_server_says_so(index_on_server, server, request):
    port = request.getfixturevalue(server)
    message, took = _timed(lambda: load_index(index_on_server(port)))
    assert took < DEADLINE_S + SLACK_S and "Chroma" in message


def test_a_server_that_goes_silent_after_start_up_gives_a_clear_answer(fake_index_settings, monkeypatch):
    """The index loaded, then the server stops answering: the question gets a message, not a traceback."""
    index = load_index(fake_index_settings)
    assistant = Assistant(index, today=date(2024, 9, 1))
    slow = dataclasses.replace(index.settings, chroma_host="127.0.0.1", chroma_timeout_s=DEADLINE_S)
    monkeypatch.setattr(index, "settings", slow)
    monkeypatch.setattr(index, "collection", _Hanging())
    start = time.monotonic()
    answer = assistant.ask("外地户口孩子在西城上小学要什么条件？")
    assert time.monotonic() - start < DEADLINE_S + SLACK_S
    assert answer.status == "not_found" and "暂时无法检索公报" in answer.answer and "Chroma" in answer.answer
    # a calculation needs no search: it is still computed
    assert assistant.ask("光伏装机500千瓦能拿多少？").calculation.amount_yuan == 600000


class _Hanging:
    def query(self, **_kwargs):
        time.sleep(30)


def _run(args, env_extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    return done, time.monotonic() - start


@pytest.mark.parametrize("server", ["silent_server", "stopped_port"])
def test_the_cli_ends_with_a_message_and_exit_code(index_on_server, server, request):
    port = request.getfixturevalue(server)
    s = index_on_server(port)
    env = {
        "GAZETTE_DATA_DIR": str(s.data_dir),
        "CHROMA_HOST": "127.0.0.1",
        "CHROMA_PORT": str(port),
        "CHROMA_TIMEOUT_S": str(DEADLINE_S),
    }
    for args in (
        ["-m", "assistant", "ask", "孩子几岁上小学"],
        ["-m", "retrieval", "search", "孩子几岁上小学"],
    ):
        done, took = _run(args, env)
        assert done.returncode == 2, done.stderr
        assert "Chroma" in done.stderr and "Traceback" not in done.stderr
        assert took < 60  # interpreter and embedder start-up included; the wait itself is DEADLINE_S
    done, _ = _run(["-m", "ingest"], env)
    assert done.returncode != 0 and "Chroma" in done.stderr and "Traceback" not in done.stderr
