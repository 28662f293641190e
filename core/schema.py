"""Shared types for the whole project: documents, chunks, citations, hits, calculator results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from core.format import citation_label


@dataclass(frozen=True)
class Document:
    doc_no: str
    title: str
    issuer: str
    issued_on: date | None
    category: str  # 区政府文件 / 部门文件
    effective_from: date | None
    effective_to: date | None
    text: str
    short_name: str = ""  # the regulation's own name (inside 《》) or the title without its issuer
    validity_note: str = ""  # the sentence the validity was read from

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in _DATE_FIELDS:
            d[key] = d[key].isoformat() if d[key] else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Document:
        return cls(**{**d, **{k: date.fromisoformat(d[k]) if d.get(k) else None for k in _DATE_FIELDS}})


_DATE_FIELDS = ("issued_on", "effective_from", "effective_to")


@dataclass(frozen=True)
class Citation:
    doc_no: str
    title: str
    article: str | None
    quote: str
    chunk_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def label(self) -> str:
        """Human citation: 《title》（doc_no）article."""
        return citation_label(self.doc_no, self.title, self.article)


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_no: str
    section_path: tuple[str, ...]
    article: str | None
    text: str  # original text, for display and quotes
    kind: str  # clause, item, table_row, paragraph
    title: str = ""  # title of the parent document
    raw: str = ""  # verbatim source lines when `text` was rebuilt (table rows carry column names)

    @property
    def quote(self) -> str:
        """Verbatim corpus text for citations."""
        return self.raw or self.text

    def to_dict(self) -> dict:
        d = asdict(self)
        d["section_path"] = list(self.section_path)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Chunk:
        return cls(**{**d, "section_path": tuple(d["section_path"])})


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    sources: tuple[str, ...] = ()

    def citation(self, quote: str | None = None) -> Citation:
        c = self.chunk
        return Citation(c.doc_no, c.title, c.article, quote or c.text, c.chunk_id)

    def to_dict(self) -> dict:
        c = self.chunk
        return {
            "chunk_id": c.chunk_id,
            "doc_no": c.doc_no,
            "title": c.title,
            "article": c.article,
            "score": round(float(self.score), 6),
            "text": c.text,
        }


@dataclass(frozen=True)
class CalcResult:
    calculator: str
    inputs: dict
    amount_yuan: float | None
    eligible: bool | None
    steps: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)  # office, materials, deadlines where the gazette names them
    sources: dict = field(default_factory=dict)  # input name → the user's words it was read from

    def to_dict(self) -> dict:
        return {
            "calculator": self.calculator,
            "inputs": self.inputs,
            "amount_yuan": self.amount_yuan,
            "eligible": self.eligible,
            "steps": list(self.steps),
            "missing": list(self.missing),
            "citations": [c.to_dict() for c in self.citations],
            "warnings": list(self.warnings),
            "sources": dict(self.sources),
            **({"extra": self.extra} if self.extra else {}),
        }
