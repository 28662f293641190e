"""Dify external knowledge API: POST /retrieval (docs.dify.ai, "External Knowledge API")."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.errors import DIFY_NO_KNOWLEDGE, dify_error
from api.relevance import ScoredHit, scored_search
from api.service import Service, get_service
from api.settings import KNOWLEDGE_ID, get_api_settings
from api.work import offload
from core.format import citation_label

router = APIRouter(tags=["Dify external knowledge"])
MAX_TOP_K = 50
WIDE = 60  # hits searched when metadata conditions filter them afterwards


class RetrievalSetting(BaseModel):
    top_k: int = Field(ge=1, description="maximum number of records (at most 50 are returned)")
    score_threshold: float = Field(default=0.0, ge=0.0, le=1.0, description="minimum score, 0–1")


class Condition(BaseModel):
    name: str | list[str] = Field(
        description="metadata field(s): doc_no, issuer, date, category, article, kind …"
    )
    comparison_operator: str
    value: str | int | float | list[str] | None = None


class MetadataCondition(BaseModel):
    logical_operator: Literal["and", "or"] = "and"
    conditions: list[Condition]


class RetrievalRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "knowledge_id": KNOWLEDGE_ID,
                "query": "光伏项目奖励标准",
                "retrieval_setting": {"top_k": 3, "score_threshold": 0.5},
            }
        }
    )
    knowledge_id: str = Field(description=f"'{KNOWLEDGE_ID}' (the whole gazette) or one document's 文号")
    query: str
    retrieval_setting: RetrievalSetting
    metadata_condition: MetadataCondition | None = None


def record(service: Service, sh: ScoredHit) -> dict:
    c = sh.hit.chunk
    doc = service.documents.get(c.doc_no)
    meta = {
        "doc_no": c.doc_no,
        "article": c.article or "",
        "chunk_id": c.chunk_id,
        "section": " / ".join(c.section_path),
        "kind": c.kind,
        "citation": citation_label(c.doc_no, c.title, c.article),
        "sources": list(sh.hit.sources),
    }
    if doc is not None:
        meta.update(issuer=doc.issuer, category=doc.category)
        for key, value in (("date", doc.issued_on), ("effective_from", doc.effective_from),
                           ("effective_to", doc.effective_to)):  # fmt: skip
            if value is not None:
                meta[key] = value.isoformat()
    return {"content": c.text, "score": sh.score, "title": c.title, "metadata": meta}


def _as_date(v) -> str | None:
    s = str(v).strip()
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        return "-".join(m.groups())
    try:
        return date.fromisoformat(s).isoformat()
    except ValueError:
        return None


def _number(v) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _compare(have, want, op: str) -> bool:
    a, b = _number(have), _number(want)
    if a is None or b is None:  # dates (ISO text compares in order) or other text
        a, b = _as_date(have) or str(have), _as_date(want) or str(want)
    return {"=": a == b, "≠": a != b, "!=": a != b, ">": a > b, "<": a < b, "≥": a >= b, ">=": a >= b,
            "≤": a <= b, "<=": a <= b}[op]  # fmt: skip


OPERATORS = ("contains", "not contains", "start with", "end with", "is", "is not", "in", "not in", "empty",
             "not empty", "=", "≠", "!=", ">", "<", "≥", ">=", "≤", "<=", "before", "after")  # fmt: skip


def holds(meta: dict, cond: Condition) -> bool:
    """One Dify condition on a record's metadata; a list of names holds when any named field does."""
    names = [cond.name] if isinstance(cond.name, str) else cond.name
    return any(_holds_one(meta.get(n), cond.comparison_operator, cond.value) for n in names)


def _holds_one(have, op: str, want) -> bool:
    text = "" if have is None else str(have)
    if op == "empty":
        return text == ""
    if op == "not empty":
        return text != ""
    if have is None:
        return op in ("not contains", "is not", "not in", "≠", "!=")
    if op in ("in", "not in"):
        options = [str(x) for x in (want if isinstance(want, list) else [want])]
        return (text in options) == (op == "in")
    w = "" if want is None else str(want)
    match op:
        case "contains":
            return w in text
        case "not contains":
            return w not in text
        case "start with":
            return text.startswith(w)
        case "end with":
            return text.endswith(w)
        case "is":
            return text == w
        case "is not":
            return text != w
        case "before" | "after":
            a, b = _as_date(have), _as_date(want)
            return a is not None and b is not None and (a < b if op == "before" else a > b)
        case _:
            return _compare(have, want, op)


@router.post(
    "/retrieval",
    summary="Dify external knowledge retrieval",
    description="Records best first: `content` the clause text, `score` 0–1 (0.5 = the retriever's in-scope "
    "threshold; an exact clause lookup scores 1), `title` the document title, `metadata` doc_no, article, "
    "chunk_id, issuer, category, date …. Errors: 1001 bad Authorization header, 1002 wrong key, 2001 unknown "
    "knowledge base.",
)
async def retrieval(req: RetrievalRequest):
    service = await offload(get_service)
    doc_no = None
    if req.knowledge_id != KNOWLEDGE_ID:
        if req.knowledge_id not in service.documents:
            return dify_error(404, DIFY_NO_KNOWLEDGE, f"The knowledge does not exist: {req.knowledge_id!r}")
        doc_no = req.knowledge_id
    limit = get_api_settings().max_question_chars
    if len(req.query) > limit:
        return dify_error(400, 400, f"query has {len(req.query)} characters; at most {limit}")
    cond = req.metadata_condition
    if cond is not None:
        bad = sorted({c.comparison_operator for c in cond.conditions} - set(OPERATORS))
        if bad:
            return dify_error(400, 400, f"unknown comparison_operator {bad}; supported: {list(OPERATORS)}")
    if not req.query.strip():
        return {"records": []}
    top_k = min(req.retrieval_setting.top_k, MAX_TOP_K)
    _, hits = await offload(scored_search, service.retriever, req.query, WIDE if cond else top_k, doc_no)
    records = [record(service, sh) for sh in hits if sh.score >= req.retrieval_setting.score_threshold]
    if cond is not None and cond.conditions:
        join = all if cond.logical_operator == "and" else any
        records = [r for r in records if join(holds(r["metadata"], c) for c in cond.conditions)]
    return {"records": records[:top_k]}
