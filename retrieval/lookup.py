"""Exact clause lookup: a 文号 or short name plus 第N条 / 第N项 / 附件N / 三（一） returns that clause directly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from core.normalize import normalize
from core.numerals import cn_to_int, int_to_cn
from core.schema import Chunk, Document
from ingest.chunk import article_number
from ingest.structure import CN

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")
_NUM = rf"[{CN}\d]+"
_ARTICLE = re.compile(rf"第\s*({_NUM})\s*条")
_ARTICLE_EN = re.compile(r"\barticle\s*(\d+)", re.IGNORECASE)  # "Article 21 of 西民发〔2024〕1号"
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号")
_ITEM = re.compile(rf"第\s*({_NUM})\s*项")
_ATTACHMENT = re.compile(r"附件\s*([\d一二三四五六七八九]+)")
_NOTICE_ITEM = re.compile(
    r"([一二三四五六七八九十]+)\s*[、.]?\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）](?:\s*第?\s*(\d{1,2})(?![\d.]))?"
)
_CLAUSE_PART = re.compile(rf"第\s*({_NUM})\s*款")


@dataclass(frozen=True)
class Reference:
    doc_no: str | None
    article: int | None = None  # 第N条
    item: int | None = None  # 第N项
    attachment: int | None = None  # 附件N
    notice_item: str | None = None  # 三（一） or 三（一）2
    part: int | None = None  # 第N款

    @property
    def is_clause(self) -> bool:
        return self.doc_no is not None and any(
            x is not None for x in (self.article, self.item, self.attachment, self.notice_item)
        )


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    return yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))


def _doc_patterns(docs: tuple[Document, ...]) -> list[tuple[re.Pattern, str]]:
    patterns = []
    for d in docs:
        m = re.match(r"(.+)〔(\d{4})〕(\d+)号", d.doc_no)
        prefix, year, number = m.groups()
        patterns.append(
            (
                re.compile(
                    rf"{prefix}\s*[〔\[［(（【]?\s*{year}\s*[〕\]］)）】]?\s*年?\s*(?:第\s*)?0*{number}\s*号"
                ),
                d.doc_no,
            )
        )
    return patterns


def find_doc(query: str, docs: tuple[Document, ...]) -> str | None:
    """The document a query names by 文号, short name, alias or title; None if it names none."""
    q = normalize(query)
    for rx, doc_no in _doc_patterns(docs):
        if rx.search(q):
            return doc_no
    best, best_len = None, 0
    aliases = _aliases()
    for d in docs:
        names = [d.short_name, d.title, *aliases.get(d.doc_no, [])]
        for name in names:
            n = normalize(name)
            if n and n in q and len(n) > best_len:
                best, best_len = d.doc_no, len(n)
    if best:
        return best
    # "82号文第五条": a bare number that only one document carries.
    numbers = {m for m in re.findall(r"(\d+)\s*号", q)}
    owners = [d.doc_no for d in docs if any(re.search(rf"〕{n}号$", d.doc_no) for n in numbers)]
    return owners[0] if len(owners) == 1 else None


def parse_reference(query: str, docs: tuple[Document, ...]) -> Reference:
    q = normalize(query)
    doc_no = find_doc(q, docs)
    # Strip the 文号 so its number is not read as an article number.
    stripped = q
    for rx, _ in _doc_patterns(docs):
        stripped = rx.sub(" ", stripped)

    def num(rx):
        m = rx.search(stripped)
        if not m:
            return None
        try:
            return cn_to_int(m.group(1))
        except ValueError:
            return None

    notice = None
    if m := _NOTICE_ITEM.search(stripped):
        notice = f"{m.group(1)}（{m.group(2)}）{m.group(3) or ''}"
    article = num(_ARTICLE)
    if article is None:
        article = num(_ARTICLE_EN)
    return Reference(doc_no, article, num(_ITEM), num(_ATTACHMENT), notice, num(_CLAUSE_PART))


def _notice_article(article: int, part: int | None) -> str:
    """Notices have no 第N条: staff then mean the Nth 一、 item, and 第M款 its （M）."""
    label = int_to_cn(article)
    return f"{label}（{int_to_cn(part)}）" if part else label


def lookup(ref: Reference, chunks: list[Chunk]) -> list[Chunk]:
    """The chunks a clause reference names, in document order; [] when it names none."""
    if not ref.is_clause:
        return []
    mine = [c for c in chunks if c.doc_no == ref.doc_no]
    has_articles = any(c.kind == "clause" for c in mine)
    if ref.article is not None and has_articles:
        found = [c for c in mine if article_number(c.article) == ref.article]
        if ref.item is not None:
            found = [c for c in found if (c.article or "").endswith(f"第{ref.item}项")] or found
        return found
    if ref.attachment is not None and ref.item is not None:
        # "附件2第6项": the task rows of that attachment's table numbered 6.
        in_attachment = [c for c in mine if f"/附件{ref.attachment}/" in c.chunk_id]
        return [c for c in in_attachment if re.search(rf"第{ref.item}项(-\d+)?$", c.article or "")]
    notice = ref.notice_item
    if ref.article is not None and not has_articles:
        notice = _notice_article(ref.article, ref.part)
    if ref.item is not None and (has_articles or notice is None):
        if has_articles:
            return [c for c in mine if (c.article or "").endswith(f"第{ref.item}项")]
        # 实事 lists number their items 1…N across sections: "第11项" is the item numbered 11.
        rx = re.compile(rf"^[一二三四五六七八九十]*(?:（[一二三四五六七八九十]+）)?{ref.item}(?:-\d+)?$")
        return [c for c in mine if rx.match(c.article or "")]
    if notice is not None:
        exact = [c for c in mine if c.article == notice]
        rest = [c for c in mine if (c.article or "").startswith(notice) and c not in exact]
        if notice[-1].isdigit():
            return exact
        return exact + rest
    if ref.attachment is not None:
        return [c for c in mine if f"/附件{ref.attachment}/" in c.chunk_id]
    return []


def _cn(n: int) -> str:
    return int_to_cn(n) if 0 < n < 1000 else str(n)


def unknown_doc_no(query: str, docs: tuple[Document, ...]) -> str | None:
    """A 文号 the question names that is none of the gazette's documents ("西民发〔2024〕5号"), else None."""
    known = {d.doc_no for d in docs}
    for m in _DOC_NO.finditer(normalize(query)):
        if m.group() not in known and not any(m.group().endswith(k) for k in known):
            return m.group()
    return None


def describe_missing(ref: Reference, chunks: list[Chunk], name: str) -> str | None:
    """Why the clause a reference names is not in the document, with what the document has; None when the
    reference names no clause or the clause is there. `name` is how the document is cited."""
    if not ref.is_clause or lookup(ref, chunks):
        return None
    mine = [c for c in chunks if c.doc_no == ref.doc_no]
    # Numbers the document's items carry ("第6项", "二（三）13", "第9项-2"): a reference to one of them
    # exists even when the lookup could not resolve it (search then finds it); say "missing" only past them.
    numbered = {int(m.group(1)) for c in mine if (m := re.search(r"(\d+)项?(?:-\d+)?$", c.article or ""))}
    if ref.attachment is None and not any(c.kind == "clause" for c in mine):
        asked = ref.item if ref.item is not None else ref.article
        if asked is not None and asked in numbered:
            return None
    articles = sorted({n for c in mine if (n := article_number(c.article)) is not None})
    attachments = sorted({int(m.group(1)) for c in mine if (m := re.search(r"/附件(\d+)/", c.chunk_id))})
    if ref.article is not None and articles:
        return f"{name}共{_cn(len(articles))}条（第一条至第{_cn(max(articles))}条），没有第{_cn(ref.article)}条。"
    if ref.attachment is not None and ref.attachment not in attachments:
        listed = "、".join(f"附件{a}" for a in attachments)
        return f"{name}只有{listed}，没有附件{ref.attachment}。" if listed else f"{name}没有附件。"
    if ref.item is not None:
        where = f"附件{ref.attachment}" if ref.attachment is not None else ""
        items = {int(m.group(1)) for c in mine if (m := re.search(r"第(\d+)项$", c.article or ""))}
        span = f"（共{len(items)}项）" if items and ref.attachment is None else ""
        return f"{name}{where}中没有第{ref.item}项{span}。"
    if ref.article is not None:  # a notice without 第N条: the Nth part 一、二、…
        parts = sorted(
            {p for c in mine if c.article and (p := re.match(rf"[{CN}]+", c.article)) and (p := p.group())},
            key=cn_to_int,
        )
        listed = f"（共{_cn(len(parts))}部分：{'、'.join(parts)}）" if parts else ""
        return f"{name}不按“第N条”编排{listed}，没有第{_cn(ref.article)}条。"
    return f"{name}中没有“{ref.notice_item}”这一部分。"
