"""Chunk documents by their legal structure: 章/节/条 for regulations, numbered items for notices, rows for tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from core.normalize import normalize
from core.numerals import cn_to_int
from core.schema import Chunk, Document
from ingest.structure import (
    ARTICLE_RE,
    ATTACHMENT_LIST_RE,
    ATTACHMENT_RE,
    CHAPTER_RE,
    SECTION_RE,
    item_marker,
    reflow,
    strip_bullet,
)
from ingest.tables import record_rows, table_kind, task_rows

LONG = 600  # characters: a 条 or an item longer than this is split at its 款/项
MIN_ARTICLES = 3  # a part with this many 第N条 lines is a regulation


@dataclass
class _Ctx:
    doc: Document
    part_id: tuple[str, ...]  # ('附件1',) or ()
    part_path: tuple[str, ...]  # ('附件1 西城区蓝天保卫战2024年行动计划',) or ()
    seen: dict[str, int] = field(default_factory=dict)

    def make(
        self, ids: tuple[str, ...], path: tuple[str, ...], article, text: str, kind: str, raw: str = ""
    ) -> Chunk:
        chunk_id = "/".join((self.doc.doc_no, *self.part_id, *ids))
        n = self.seen.get(chunk_id, 0) + 1
        self.seen[chunk_id] = n
        if n > 1:
            chunk_id = f"{chunk_id}-{n}"
        return Chunk(
            chunk_id=chunk_id,
            doc_no=self.doc.doc_no,
            section_path=(*self.part_path, *path),
            article=article,
            text=text.strip(),
            kind=kind,
            title=self.doc.title,
            raw=raw,
        )


def _listed_attachments(lines: list[str]) -> dict[str, str]:
    """Titles from the '附件：1. … 2. …' list, so an attachment whose '附件N' label the PDF lost is still found."""
    titles: dict[str, str] = {}
    in_list = False
    for line in lines:
        if ATTACHMENT_LIST_RE.match(line):
            in_list = True
            line = ATTACHMENT_LIST_RE.sub("", line).strip()
        elif not in_list:
            continue
        m = re.match(r"^(\d+)\s*[.．、]\s*(.+)$", line)
        if not m:
            if titles:
                break
            continue
        titles[normalize(m.group(2))] = m.group(1)
    return titles


def split_parts(lines: list[str]) -> Iterator[tuple[str | None, list[str]]]:
    """The main text, then each 附件 with its own lines."""
    listed = _listed_attachments(lines)
    label, current = None, []
    for line in lines:
        m = ATTACHMENT_RE.match(line.strip())
        number = m.group(1) if m else None
        if not m and label and normalize(line) in listed and label != f"附件{listed[normalize(line)]}":
            number = listed[normalize(line)]
            m = True
        if m:
            if current or label:
                yield label, current
            label, current = f"附件{number}", []
            if not ATTACHMENT_RE.match(line.strip()):
                current.append(line)
        else:
            current.append(line)
    yield label, current


def _is_regulation(lines: list[str]) -> bool:
    return sum(1 for ln in lines if ARTICLE_RE.match(ln)) >= MIN_ARTICLES


def _heading_of(first_line: str) -> str:
    """The part of a 条's first line that is kept at the top of each of its parts."""
    if len(first_line) <= 40:
        return first_line
    m = re.match(r"^(.{0,80}?[：。])", first_line)
    return m.group(1) if m else first_line[:40] + "……"


def _groups(lines: list[str], limit: int = LONG) -> list[list[str]]:
    """Consecutive lines packed into groups of at most `limit` characters (a single long line stands alone)."""
    groups, cur, size = [], [], 0
    for ln in lines:
        if cur and size + len(ln) > limit:
            groups.append(cur)
            cur, size = [], 0
        cur.append(ln)
        size += len(ln)
    if cur:
        groups.append(cur)
    return groups


def _article_parts(art: str, lines: list[str]) -> list[tuple[str, str | None, list[str]]]:
    """Split a 条 into (id suffix, article label, lines) parts, the 条 heading kept in each part.

    Numbered 项 (1. 2. …, as in 西发改文〔2024〕82号) always become their own parts; （一）-style
    items and plain 款 paragraphs only when the 条 is long, packed up to LONG characters.
    """
    head, items, cur = [lines[0]], [], None
    for ln in lines[1:]:
        mk = item_marker(ln)
        if mk and mk[0] in (2, 3):
            cur = (mk, [ln])
            items.append(cur)
        elif cur:
            cur[1].append(ln)
        else:
            head.append(ln)
    numbered = [it for it in items if it[0][0] == 3]
    total = sum(len(x) for x in lines)
    if len(numbered) < 2 and (total <= LONG or len(lines) < 2):
        return [("", art, lines)]
    heading = _heading_of(lines[0])
    parts: list[tuple[str, str | None, list[str]]] = []
    if len(numbered) >= 2 and len(numbered) == len(items):
        if sum(len(x) for x in head) > len(heading) + 10:
            parts.append(("", art, head))
        for (_, number, _), block in items:
            parts.append((f"第{number}项", f"{art} 第{number}项", [heading, *block]))
        return parts
    for k, group in enumerate(_groups(lines), 1):
        if k == 1:
            parts.append(("", art, group))
        else:
            parts.append((f"第{k}段", art, [heading, *group]))
    return parts


def regulation_chunks(ctx: _Ctx, lines: list[str]) -> Iterator[Chunk]:
    first = next(i for i, ln in enumerate(lines) if ARTICLE_RE.match(ln) or CHAPTER_RE.match(ln))
    if first:
        yield from item_chunks(ctx, lines[:first])
    chapter, section = None, None
    art_label, art_lines, tail = None, [], []

    def flush():
        ids = tuple(x for x in (chapter, section) if x)
        for suffix, label, block in _article_parts(art_label, art_lines):
            # Parts after the first repeat the 条 heading; the quote is the part's own text.
            raw = "\n".join(block[1:]) if suffix else ""
            yield ctx.make(
                (*ids, art_label, *([suffix] if suffix else [])), ids, label, "\n".join(block), "clause", raw
            )

    for ln in lines[first:]:
        if m := CHAPTER_RE.match(ln):
            if art_label:
                yield from flush()
            art_label, art_lines, section = None, [], None
            chapter = f"第{m.group(1)}章"
            chapter_title = normalize(m.group(2))
            chapter = f"{chapter} {chapter_title}".strip() if chapter_title else chapter
            chapter = chapter.split(" ")[0]
            continue
        if m := SECTION_RE.match(ln):
            if art_label:
                yield from flush()
            art_label, art_lines = None, []
            section = f"第{m.group(1)}节"
            continue
        if m := ARTICLE_RE.match(ln):
            if art_label:
                yield from flush()
            art_label, art_lines = f"第{m.group(1)}条", [ln]
            continue
        if ATTACHMENT_LIST_RE.match(ln) or tail:
            tail.append(ln)
        elif art_label:
            art_lines.append(ln)
        else:
            tail.append(ln)
    if art_label:
        yield from flush()
    if tail:
        yield from item_chunks(ctx, tail, label="附则")


def _emit_block(
    ctx: _Ctx, stack: list[tuple[int, str, str]], block: list[str], tail_label: str
) -> Iterator[Chunk]:
    if not block:
        return
    text = "\n".join(block)
    if stack:
        ids = tuple(_item_id(level, num) for level, num, _ in stack)
        path = tuple(title for _, _, title in stack[:-1])
        article = "".join(ids)
        kind = "item"
    else:
        ids, path, article, kind = (tail_label,), (), None, "paragraph"
    if len(text) <= 30 and stack and len(block) == 1 and not re.search(r"[。；！？]", text):
        return  # a bare heading lives on in the section path of the items below it
    groups = _groups(block, LONG) if len(text) > LONG * 1.5 else [block]
    for k, group in enumerate(groups, 1):
        body = group if k == 1 or not stack else [stack[-1][2], *group]
        part_ids = ids if len(groups) == 1 else (*ids, f"第{k}段")
        yield ctx.make(
            part_ids, path, article, "\n".join(body), kind, "\n".join(group) if body is not group else ""
        )


def _item_id(level: int, number: str) -> str:
    if level == 0:
        return f"第{number}部分"
    if level == 1:
        return number
    if level == 2:
        return f"（{number}）"
    if level == 3:
        return str(number)
    return f"({number})"


def item_chunks(ctx: _Ctx, lines: list[str], label: str = "正文") -> Iterator[Chunk]:
    """Notices and plans: one chunk per numbered item (levels 一、 （一） 1.), sub-items (1) kept inside."""
    stack: list[tuple[int, str, str]] = []
    block: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "\t" in ln:
            title = ""
            if block and len(block[-1]) <= 50 and not item_marker(block[-1]) and "。" not in block[-1]:
                title = normalize(block.pop())
            yield from _emit_block(ctx, stack, block, label)
            block = []
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            yield from table_chunks(ctx, lines[i:j], [] if title else stack, title)
            i = j
            continue
        mk = item_marker(ln)
        if mk and mk[0] <= 3:
            yield from _emit_block(ctx, stack, block, label)
            level, number, rest = mk
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, number, normalize(strip_bullet(ln))[:40]))
            block = [strip_bullet(ln)]
        else:
            block.append(strip_bullet(ln))
        i += 1
    yield from _emit_block(ctx, stack, block, label)


def table_chunks(ctx: _Ctx, lines: list[str], stack, title: str) -> Iterator[Chunk]:
    kind = table_kind(lines)
    base = tuple(_item_id(level, num) for level, num, _ in stack)
    path = tuple(t for _, _, t in stack) + ((title,) if title else ())
    if kind == "form":
        text = "\n".join(" ".join(c for c in ln.split("\t") if c.strip()) for ln in lines)
        yield ctx.make((*base, "表"), path, None, text, "paragraph")
        return
    rows = task_rows(lines) if kind == "task" else record_rows(lines)
    for row in rows:
        label = row.label
        article = f"{ctx.part_id[0]} {label}" if ctx.part_id and kind == "task" else label
        row_path = (*path, row.section) if row.section else path
        text = row.text if kind == "task" or not title else f"{title}｜{row.text}"
        yield ctx.make(
            (*base, label), row_path, article if kind == "task" else None, text, "table_row", row.raw
        )


def chunk_document(doc: Document) -> list[Chunk]:
    chunks: list[Chunk] = []
    lines = reflow(doc.text)
    seen: dict[str, int] = {}
    for label, part in split_parts(lines):
        if not part:
            continue
        if label:
            title = normalize(part[0]) if "\t" not in part[0] else ""
            ctx = _Ctx(doc, (label,), (f"{label} {title}".strip(),), seen)
        else:
            ctx = _Ctx(doc, (), (), seen)
        if _is_regulation(part):
            chunks.extend(regulation_chunks(ctx, part))
        else:
            chunks.extend(item_chunks(ctx, part))
    return [c for c in chunks if c.text]


SHORT_ITEM = 60


def merge_short_items(chunks: list[Chunk]) -> list[Chunk]:
    """Runs of short sibling items (1. … 2. … 3. …) become one chunk: a 15-character clause retrieves badly."""
    out: list[Chunk] = []
    run: list[Chunk] = []

    def flush():
        if len(run) == 1:
            out.append(run[0])
        elif run:
            first, last = run[0], run[-1]
            tail = last.chunk_id.rsplit("/", 1)[-1]
            out.append(
                Chunk(
                    chunk_id=f"{first.chunk_id}-{tail}",
                    doc_no=first.doc_no,
                    section_path=first.section_path,
                    article=f"{first.article}-{tail}" if first.article else None,
                    text="\n".join(c.text for c in run),
                    kind="item",
                    title=first.title,
                )
            )
        run.clear()

    for c in chunks:
        short = c.kind == "item" and len(c.text) < SHORT_ITEM and c.chunk_id.rsplit("/", 1)[-1].isdigit()
        if short and run and run[-1].section_path == c.section_path and sum(len(x.text) for x in run) < LONG:
            run.append(c)
        else:
            flush()
            if short:
                run.append(c)
            else:
                out.append(c)
    flush()
    return out


def chunk_documents(docs: list[Document]) -> list[Chunk]:
    out: list[Chunk] = []
    for doc in docs:
        out.extend(merge_short_items(chunk_document(doc)))
    return out


def article_number(label: str | None) -> int | None:
    """'第二十一条 第3项' → 21."""
    if label and (m := ARTICLE_RE.match(label)):
        return cn_to_int(m.group(1))
    return None
