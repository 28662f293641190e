"""The 13 documents and their clauses: GET /documents, /documents/{doc_no}, /documents/{doc_no}/articles/{n}."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.service import Service, get_service
from core.format import citation_label
from core.schema import Document

router = APIRouter(tags=["Documents"])


def document_view(doc: Document, service: Service, text: bool = False) -> dict:
    d = doc.to_dict()
    if not text:
        d.pop("text")
    d["chunks"] = sum(1 for c in service.index.chunks if c.doc_no == doc.doc_no)
    return d


def clause_reference(doc_no: str, n: str) -> str:
    """'21' → '第21条'; anything else ("第25项", "附件1", "三（一）") is taken as written."""
    n = n.strip()
    return f"{doc_no}第{n}条" if n.isdigit() else f"{doc_no}{n}"


def lookup_clause(service: Service, doc_no: str, n: str) -> tuple[dict | None, str | None]:
    """(the clause, None) or (None, why it is not there) — never another clause in its place."""
    doc = service.documents.get(doc_no)
    if doc is None:
        return None, f"2024年西城区政府公报中没有文号为{doc_no}的文件；GET /documents 列出全部13份文件。"
    query = clause_reference(doc_no, n)
    ref, hits = service.retriever.exact(query)
    if not hits:
        missing = service.retriever.missing(query, ref)
        return None, missing or f"{citation_label(doc.doc_no, doc.short_name)}中找不到“{n}”。请核对条款号。"
    first = hits[0].chunk
    return {
        "doc_no": doc_no,
        "title": doc.title,
        "article": first.article,
        "citation": citation_label(doc_no, doc.title, first.article),
        "text": "\n".join(h.chunk.text for h in hits),
        "chunks": [
            {
                "chunk_id": h.chunk.chunk_id,
                "article": h.chunk.article,
                "kind": h.chunk.kind,
                "text": h.chunk.text,
            }
            for h in hits
        ],  # fmt: skip
    }, None


@router.get("/documents", summary="The 13 documents: 文号, title, issuer, dates, validity")
def documents() -> list[dict]:
    service = get_service()
    return [document_view(d, service) for d in service.documents.values()]


@router.get("/documents/{doc_no}", summary="One document, with its full text")
def document(doc_no: str):
    service = get_service()
    doc = service.documents.get(doc_no)
    if doc is None:
        return JSONResponse({"detail": f"no document {doc_no!r}; see GET /documents"}, status_code=404)
    return document_view(doc, service, text=True)


@router.get(
    "/documents/{doc_no}/articles/{n}",
    summary="One clause by exact lookup",
    description="`n`: an article number (21 → 第二十一条) or a clause as the gazette writes it (第25项, 附件1, "
    "三（一）). A clause that does not exist → 404 saying so, never another clause.",
)
def article(doc_no: str, n: str):
    found, why = lookup_clause(get_service(), doc_no, n)
    if found is None:
        return JSONResponse({"detail": why}, status_code=404)
    return found
