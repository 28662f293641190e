"""Settings of the HTTP service (keys, limits, CORS, logging), read from the environment once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

MODEL_ID = "xicheng-gazette"  # the one model /v1/models lists
KNOWLEDGE_ID = "xicheng-gazette"  # the Dify knowledge base of the whole gazette (a 文号 names one document)


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class ApiSettings:
    api_keys: frozenset[str] = field(
        default=frozenset(), metadata={"help": "GAZETTE_API_KEY: comma-separated keys; empty = open"}
    )
    max_body_bytes: int = field(default=65_536, metadata={"help": "GAZETTE_MAX_BODY_BYTES → 413 above"})
    max_question_chars: int = field(default=2000, metadata={"help": "GAZETTE_MAX_QUESTION_CHARS"})
    max_messages: int = field(default=50, metadata={"help": "GAZETTE_MAX_MESSAGES in one chat request"})
    rate_per_minute: int = field(
        default=600, metadata={"help": "GAZETTE_RATE_LIMIT: requests a minute per key per worker; 0 = off"}
    )
    cors_origins: tuple[str, ...] = field(
        default=(), metadata={"help": "GAZETTE_CORS_ORIGINS: comma-separated origins; empty = CORS off"}
    )
    threads: int = field(
        default=0,
        metadata={"help": "GAZETTE_API_THREADS: answer threads per worker; 0 = 1, or 16 with an LLM"},
    )
    log_requests: bool = field(
        default=False, metadata={"help": "GAZETTE_API_LOG=1 logs requests (paths, questions); off by default"}
    )

    @classmethod
    def from_env(cls) -> ApiSettings:
        def items(name: str) -> list[str]:
            return [x.strip() for x in _env(name, "").split(",") if x.strip()]

        return cls(
            api_keys=frozenset(items("GAZETTE_API_KEY")),
            max_body_bytes=int(_env("GAZETTE_MAX_BODY_BYTES", "65536")),
            max_question_chars=int(_env("GAZETTE_MAX_QUESTION_CHARS", "2000")),
            max_messages=int(_env("GAZETTE_MAX_MESSAGES", "50")),
            rate_per_minute=int(_env("GAZETTE_RATE_LIMIT", "600")),
            cors_origins=tuple(items("GAZETTE_CORS_ORIGINS")),
            threads=int(_env("GAZETTE_API_THREADS", "0")),
            log_requests=_env("GAZETTE_API_LOG", "0").lower() in ("1", "true", "yes", "on"),
        )


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    return ApiSettings.from_env()
