"""Text normalisation shared by indexing and querying (width, spaces, 文号 brackets)."""

from __future__ import annotations

import re
import unicodedata

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef"
_SPACE_BETWEEN = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}0-9.%,;:!?()])[ \t\u3000\n\r]+(?=[{_CJK}{_CJK_PUNCT}0-9%,;:!?()])"
)
_DOC_NO = re.compile(r"([\u4e00-\u9fff]{1,8})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d+)\s*号")
_MULTI_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"(?m)^[ \t]*- ")


def unify_doc_no(text: str) -> str:
    """Write every 文号 as 西民发〔2024〕1号, whatever brackets or spaces it came with."""
    return _DOC_NO.sub(lambda m: f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", text)


def normalize(text: str) -> str:
    """Normalise for matching: NFKC (full→half width), 文号 unified, no spaces around CJK/digits."""
    text = _BULLET.sub("", text)  # the PDF conversion's markdown bullets are not gazette text
    text = unify_doc_no(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("(", "（").replace(")", "）")
    text = _SPACE_BETWEEN.sub("", text)
    text = _MULTI_SPACE.sub(" ", text)
    return unify_doc_no(text).strip()


def clean_display(text: str) -> str:
    """Readable original: PDF line breaks inside a sentence joined, runs of blank lines collapsed."""
    text = re.sub(r"(?<=\d)\s*\n+\s*(?=[万亿元千%])", "", text)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()
