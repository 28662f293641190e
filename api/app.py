"""The FastAPI application: `uvicorn api.app:app` (scripts/serve_api.sh); OpenAPI at /docs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import chat, dify, documents, rules
from api.errors import dify_error, error_for, flavour, openai_error
from api.guard import Guard
from api.service import ServiceUnavailable, get_service, health
from api.settings import ApiSettings, get_api_settings
from ingest.index import IndexUnavailable

DESCRIPTION = """西城区政府公报助手 — one service for the clients people already run:

* **OpenAI-compatible chat** (`/v1/models`, `/v1/chat/completions`, streaming) for Open WebUI, LobeChat, Chatbox …
* **Dify external knowledge** (`/retrieval`) for Dify, and RAGFlow or MaxKB through the same convention
* **Rules as a service** (`/calculators`, `/calculate`, `/trace`, `/parameters/…`, `/documents/…`)

Every answer cites the clause it comes from. With `GAZETTE_API_KEY` set, every endpoint but `/health` needs
`Authorization: Bearer <key>`.
"""


def _field(loc) -> str:
    return ".".join(str(p) for p in loc if p != "body") or "body"


async def _invalid(request: Request, exc: RequestValidationError):
    errors = exc.errors()
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request"}
    message = "; ".join(f"{_field(e['loc'])}: {e['msg']}" for e in errors[:5]) or "invalid request"
    match flavour(request.url.path):
        case "openai":
            return openai_error(400, message, "invalid_request_error", _field(first["loc"]))
        case "dify":
            return dify_error(400, 400, message)
        case _:
            detail = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
            return JSONResponse({"detail": detail}, status_code=422)


async def _http_error(request: Request, exc: StarletteHTTPException):
    """404, 405 … in the shape of the client that asked (an OpenAI client calling /v1/embeddings reads it)."""
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    response = error_for(
        request.url.path, exc.status_code, message, "not_found" if exc.status_code == 404 else None
    )
    response.headers.update(exc.headers or {})
    return response


async def _unavailable(request: Request, exc: Exception):
    message = f"公报索引不可用：{exc}"
    match flavour(request.url.path):
        case "openai":
            return openai_error(503, message, "index_unavailable")
        case "dify":
            return dify_error(503, 503, message)
        case _:
            return JSONResponse({"detail": message}, status_code=503)


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or get_api_settings()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Nothing the user typed is logged unless GAZETTE_API_LOG is on (access lines carry paths and queries).
        logging.getLogger("uvicorn.access").disabled = not settings.log_requests
        if settings.log_requests:
            requests_log = logging.getLogger("api.requests")
            requests_log.setLevel(logging.INFO)
            if not requests_log.handlers:  # uvicorn's logging config knows only its own loggers
                handler = logging.StreamHandler()
                handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
                requests_log.addHandler(handler)
        with contextlib.suppress(ServiceUnavailable):  # load now; /health tells when it cannot be loaded
            await asyncio.to_thread(get_service)
        yield

    app = FastAPI(title="西城区政府公报助手 API", version="1.0.0", description=DESCRIPTION, lifespan=lifespan)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ServiceUnavailable, _unavailable)
    app.add_exception_handler(IndexUnavailable, _unavailable)  # a Chroma server that stopped after start-up

    @app.get("/health", tags=["Service"], summary="Index state, embedder, document count, LLM state")
    def get_health():
        body = health()
        return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)

    for module in (chat, dify, rules, documents):
        app.include_router(module.router)
    app.add_middleware(Guard, settings=settings)
    if settings.cors_origins:  # outermost, so a preflight is answered before the key is asked for
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "X-API-Key"],
        )
    return app


app = create_app()
