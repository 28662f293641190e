"""Where the CPU-bound work of a request runs: one worker thread per process by default.

Answers are pure CPU (embedding, BM25, rules) under the GIL: many threads in one process only take turns and
queue behind each other (measured with `python -m bench api`: 50 clients on the default thread pool fell to a
third of the throughput with seconds of tail latency). One thread per process, and one process per core
(WORKERS), keeps every core busy and the event loop free for /health and new connections. With an LLM
configured a request mostly waits on the network, so more threads run at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from api.settings import get_api_settings
from core.settings import get_settings

T = TypeVar("T")
LLM_THREADS = 16
_limiter: anyio.CapacityLimiter | None = None


def threads() -> int:
    configured = get_api_settings().threads
    if configured > 0:
        return configured
    s = get_settings()
    return LLM_THREADS if s.llm_base_url and s.llm_model else 1


async def offload(fn: Callable[..., T], *args) -> T:
    """Run `fn(*args)` on the process's worker threads (created on first use, inside the event loop)."""
    global _limiter
    if _limiter is None:
        _limiter = anyio.CapacityLimiter(threads())
    return await anyio.to_thread.run_sync(fn, *args, limiter=_limiter)
