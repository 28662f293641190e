"""Document titles for citations, taken from the documents ingest parsed — never from a second table.

The index holds the parsed documents (`documents.jsonl`); loading the index registers them here, and a
process that only runs calculators reads them from the index on first use.
"""

from __future__ import annotations

import json

from core.schema import Document
from core.settings import get_settings

DOCUMENTS_FILE = "documents.jsonl"
_titles: dict[str, str] = {}


def use_documents(docs) -> None:
    """Register the parsed documents whose titles citations print."""
    _titles.update({d.doc_no: d.title for d in docs})


def _load_from_index() -> None:
    path = get_settings().index_dir / DOCUMENTS_FILE
    try:
        with open(path, encoding="utf-8") as fh:
            use_documents(Document.from_dict(json.loads(line)) for line in fh if line.strip())
    except (OSError, ValueError, TypeError):
        pass  # no index yet: citations name the 文号 only, which still identifies the document


def title_of(doc_no: str) -> str:
    """The parsed title of the document `doc_no`, or '' when no index has been built."""
    if not _titles:
        _load_from_index()
    return _titles.get(doc_no, "")
