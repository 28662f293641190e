"""Error bodies in the shape each client expects: OpenAI's under /v1, Dify's on /retrieval, FastAPI's elsewhere."""

from __future__ import annotations

from fastapi.responses import JSONResponse

# Dify external knowledge API error codes (docs.dify.ai, External Knowledge API, "Error handling").
DIFY_BAD_HEADER = 1001  # Invalid Authorization header format
DIFY_BAD_KEY = 1002  # Authorization failed
DIFY_NO_KNOWLEDGE = 2001  # The knowledge does not exist

OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    404: "invalid_request_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_exceeded",
    503: "server_error",
}


def flavour(path: str) -> str:
    if path.startswith("/v1/") or path == "/v1":
        return "openai"
    if path.rstrip("/") == "/retrieval":
        return "dify"
    return "plain"


def openai_error(
    status: int, message: str, code: str | None = None, param: str | None = None, headers=None
) -> JSONResponse:
    body = {"error": {"message": message, "type": OPENAI_TYPES.get(status, "server_error"), "param": param,
                      "code": code}}  # fmt: skip
    return JSONResponse(body, status_code=status, headers=headers)


def dify_error(status: int, code: int | None, message: str, headers=None) -> JSONResponse:
    body = {"error_code": code if code is not None else status, "error_msg": message}
    return JSONResponse(body, status_code=status, headers=headers)


def error_for(path: str, status: int, message: str, code: str | None = None, headers=None) -> JSONResponse:
    """An error body for `path` in its client's shape (auth and Dify's own codes are chosen by the caller)."""
    match flavour(path):
        case "openai":
            return openai_error(status, message, code, headers=headers)
        case "dify":
            return dify_error(status, None, message, headers=headers)
        case _:
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
