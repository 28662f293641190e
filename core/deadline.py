"""A total deadline for one outbound call (Chroma server, LLM endpoint): a per-read timeout is defeated by a
server that drips one byte at a time or accepts and never answers; this is not."""

from __future__ import annotations

import threading


def with_deadline(call, seconds: float, name: str = "outbound-call"):
    """call() in a daemon thread, waited for at most `seconds` in total. TimeoutError when the deadline passes
    (the thread is left to finish on its own; being a daemon it never holds the process open)."""
    box: dict = {}

    def run():
        try:
            box["value"] = call()
        except BaseException as e:  # handed to the caller below
            box["error"] = e

    worker = threading.Thread(target=run, daemon=True, name=name)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"no complete answer within {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]
