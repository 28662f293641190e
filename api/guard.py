"""Guard of every request but /health: API key, body size, per-key rate limit; request logging only when asked."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import threading
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import DIFY_BAD_HEADER, DIFY_BAD_KEY, dify_error, error_for, flavour, openai_error
from api.settings import ApiSettings

OPEN_PATHS = ("/health",)
log = logging.getLogger("api.requests")


class RateLimiter:
    """A token bucket per caller: `per_minute` requests a minute, bursts up to the same number."""

    def __init__(self, per_minute: int):
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, caller: str) -> float:
        """0 when the request may go on, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(caller, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill)
            if tokens >= 1:
                self._buckets[caller] = (tokens - 1, now)
                return 0.0
            self._buckets[caller] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget idle callers
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}
            return (1 - tokens) / self.refill


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return v.decode("latin-1")
    return None


class Guard:
    """Pure ASGI middleware (no buffering of responses, so streaming answers stream)."""

    def __init__(self, app: ASGIApp, settings: ApiSettings):
        self.app = app
        self.settings = settings
        self.limiter = RateLimiter(settings.rate_per_minute) if settings.rate_per_minute > 0 else None
        self._keys = [k.encode() for k in settings.api_keys]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        started = time.perf_counter()
        status_box = {}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_box["status"] = message["status"]
            await send(message)

        out = send_logged if self.settings.log_requests else send
        try:
            if path in OPEN_PATHS or scope.get("method") == "OPTIONS":
                await self.app(scope, receive, out)
                return
            refused = self._refuse(scope, path)
            if refused is not None:
                await refused(scope, receive, out)
                return
            body, too_big = await self._read_body(scope, receive)
            if too_big:
                limit = self.settings.max_body_bytes
                await error_for(path, 413, f"request body larger than {limit} bytes", "request_too_large")(
                    scope, receive, out
                )
                return
            await self.app(scope, _replay(body, receive), out)
        finally:
            if self.settings.log_requests:
                ms = (time.perf_counter() - started) * 1000
                log.info("%s %s %s %.1f ms", scope.get("method"), path, status_box.get("status"), ms)

    def _refuse(self, scope: Scope, path: str):
        """A response refusing the request (bad key, rate limit), or None to let it through."""
        caller = None
        if self._keys:
            auth = _header(scope, b"authorization")
            given = _header(scope, b"x-api-key")
            if auth is not None:
                scheme, _, token = auth.partition(" ")
                given = token.strip() if scheme.lower() == "bearer" and token.strip() else None
                if given is None:
                    return self._auth_error(path, malformed=True)
            if given is None:
                return self._auth_error(path, malformed=True)
            if not any(hmac.compare_digest(given.encode(), k) for k in self._keys):
                return self._auth_error(path, malformed=False)
            caller = "key:" + hashlib.sha256(given.encode()).hexdigest()[:16]
        if self.limiter is not None:
            client = scope.get("client")
            caller = caller or f"ip:{client[0] if client else '-'}"
            wait = self.limiter.take(caller)
            if wait > 0:
                headers = {"Retry-After": str(max(1, math.ceil(wait)))}
                msg = f"rate limit of {self.settings.rate_per_minute} requests a minute reached; retry later"
                return error_for(path, 429, msg, "rate_limit_exceeded", headers=headers)
        return None

    @staticmethod
    def _auth_error(path: str, malformed: bool):
        match flavour(path):
            case "dify":
                if malformed:
                    msg = "Invalid Authorization header format. Expected 'Bearer <api-key>' format."
                    return dify_error(403, DIFY_BAD_HEADER, msg)
                return dify_error(403, DIFY_BAD_KEY, "Authorization failed")
            case "openai":
                msg = (
                    "Missing API key: send 'Authorization: Bearer <key>'."
                    if malformed
                    else "Incorrect API key."
                )
                return openai_error(401, msg, "invalid_api_key", headers={"WWW-Authenticate": "Bearer"})
            case _:
                msg = "API key required: 'Authorization: Bearer <key>' or 'X-API-Key'"
                return error_for(path, 401, msg if malformed else "invalid API key",
                                 headers={"WWW-Authenticate": "Bearer"})  # fmt: skip

    async def _read_body(self, scope: Scope, receive: Receive) -> tuple[bytes, bool]:
        """The whole request body, refused past the limit before it is parsed (declared or streamed)."""
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return b"", True
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return b"", True
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks), False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # then the real channel: a client that goes away is still noticed

    return replayed
