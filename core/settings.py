"""One settings object, read from the environment once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(metadata={"help": "folder holding the gazette .txt (GAZETTE_CORPUS_DIR)"})
    data_dir: Path = field(metadata={"help": "where the index lives (GAZETTE_DATA_DIR), default data/"})
    embedder: str = field(metadata={"help": "use | e5 | st:<path or name> | fake (GAZETTE_EMBEDDER)"})
    chroma_host: str | None = field(default=None, metadata={"help": "Chroma server host (CHROMA_HOST)"})
    chroma_port: int = field(default=8000, metadata={"help": "Chroma server port (CHROMA_PORT)"})
    chroma_timeout_s: float = field(
        default=10.0, metadata={"help": "total seconds one Chroma server request may take (CHROMA_TIMEOUT_S)"}
    )
    llm_base_url: str | None = field(default=None, metadata={"help": "OpenAI-compatible endpoint"})
    llm_model: str | None = field(default=None, metadata={"help": "model name at that endpoint"})
    llm_api_key: str | None = field(default=None, metadata={"help": "API key for that endpoint"})
    llm_timeout_s: float = field(default=20.0, metadata={"help": "seconds before falling back"})

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            corpus_dir=Path(_env("GAZETTE_CORPUS_DIR", str(PROJECT_ROOT / "corpus"))),
            data_dir=Path(_env("GAZETTE_DATA_DIR", str(PROJECT_ROOT / "data"))),
            embedder=_env("GAZETTE_EMBEDDER", "use"),
            chroma_host=_env("CHROMA_HOST"),
            chroma_port=int(_env("CHROMA_PORT", "8000")),
            chroma_timeout_s=float(_env("CHROMA_TIMEOUT_S", "10")),
            llm_base_url=_env("LLM_BASE_URL"),
            llm_model=_env("LLM_MODEL"),
            llm_api_key=_env("LLM_API_KEY"),
            llm_timeout_s=float(_env("LLM_TIMEOUT_S", "20")),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
