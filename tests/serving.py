"""Start the HTTP API (uvicorn) or a Chroma server as a real process on a free loopback port, for tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
API_KEY = "test-key-123"
START_TIMEOUT_S = 120  # a slow shared machine loading the index


@dataclass(frozen=True)
class Running:
    url: str
    port: int
    proc: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_env(data_dir: Path, home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a test server: the fake embedder, the given index, a temp home, no LLM."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAZETTE_", "LLM_", "CHROMA_"))}
    env.update(
        GAZETTE_EMBEDDER="fake",
        GAZETTE_DATA_DIR=str(data_dir),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
    )
    env.update(extra or {})
    return env


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _wait_until(url: str, proc: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}"
            )
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"server not ready after {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")


@contextlib.contextmanager
def run_api(env: dict[str, str], log: Path, workers: int = 1) -> Iterator[Running]:
    """uvicorn api.app:app on a free loopback port; stopped (and waited for) on exit."""
    port = free_port()
    cmd = [PYTHON, "-m", "uvicorn", "api.app:app", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), "--no-access-log"]  # fmt: skip
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until(f"{url}/health", proc, log, START_TIMEOUT_S)
        yield Running(url, port, proc, log)
    finally:
        _stop(proc)


@contextlib.contextmanager
def run_chroma(path: Path, log: Path, env: dict[str, str]) -> Iterator[Running]:
    """`chroma run` (the chromadb package's server) on a free loopback port; RuntimeError when it cannot start."""
    exe = VENV_BIN / "chroma"
    if not exe.exists():
        raise RuntimeError(f"{exe} not found")
    port = free_port()
    path.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
            cwd=path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until(f"{url}/api/v2/heartbeat", proc, log, 60)
        yield Running(url, port, proc, log)
    finally:
        _stop(proc)
