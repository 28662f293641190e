"""Parse the gazette text into its 13 documents with their metadata (文号, title, issuer, dates, validity)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from core.normalize import normalize, unify_doc_no
from core.schema import Document
from core.settings import get_settings


def _source_fingerprint() -> str:
    """Changes whenever the parsing or chunking code changes, so the index is rebuilt with it."""
    here = Path(__file__).resolve().parent
    core = here.parent / "core"
    digest = hashlib.sha256()
    for path in (here / "parse.py", here / "structure.py", here / "chunk.py", here / "tables.py",
                 core / "normalize.py", core / "schema.py"):  # fmt: skip
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


PARSER_VERSION = f"2-{_source_fingerprint()}"

DOC_NO_RE = re.compile(r"[\u4e00-\u9fff]{2,6}\s*〔\s*\d{4}\s*〕\s*\d+\s*号")
DATE_LINE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
ISSUER_HINT = re.compile(r"(局|委员会|政府|办公室|委|部|中心)$")
CATEGORY_RE = re.compile(r"【(.+?)】")


class CorpusError(Exception):
    """The corpus is missing, empty, not UTF-8, or not the gazette we know how to read."""


@dataclass(frozen=True)
class Corpus:
    text: str
    sha256: str
    files: tuple[Path, ...]


def read_corpus(corpus_dir: Path | None = None) -> Corpus:
    corpus_dir = Path(corpus_dir or get_settings().corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    files = tuple(sorted(corpus_dir.glob("*.txt")))
    if not files:
        raise CorpusError(f"no .txt file in corpus folder {corpus_dir}")
    digest = hashlib.sha256()
    parts = []
    for path in files:
        raw = path.read_bytes()
        digest.update(raw)
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError as e:
            raise CorpusError(f"{path} is not UTF-8 text ({e.reason} at byte {e.start})") from None
    text = "\n".join(parts).replace("\r\n", "\n")
    if not text.strip():
        raise CorpusError(f"corpus is empty: {', '.join(map(str, files))}")
    return Corpus(text, digest.hexdigest(), files)


@dataclass(frozen=True)
class TocEntry:
    doc_no: str
    title: str
    category: str


def _parse_toc(lines: list[str]) -> tuple[list[TocEntry], int]:
    """Entries of the table of contents and the index of its last line."""
    start = next((i for i, ln in enumerate(lines) if normalize(ln) == "目录"), None)
    if start is None:
        raise CorpusError("no table of contents (目 录) found: is this the Xicheng gazette?")
    entries, pending, category, end = [], [], "", start
    for i in range(start + 1, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if m := CATEGORY_RE.fullmatch(line):
            category = m.group(1)
            continue
        m = DOC_NO_RE.search(line)
        if m and re.fullmatch(r"\s*\d+\s*", line[m.end() :]):
            title = normalize(" ".join(pending + [line[: m.start()]]))
            entries.append(TocEntry(unify_doc_no(normalize(m.group(0))), title, category))
            pending, end = [], i
        elif m:  # a 文号 with no page number: the body has begun
            break
        else:
            pending.append(line)
    if not entries:
        raise CorpusError("the table of contents lists no documents")
    return entries, end


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _validity(text: str, issued: date | None, title: str) -> tuple[date | None, date | None, str]:
    flat = normalize(text)
    start, end, note = issued, None, ""
    if m := re.search(r"[^。]*自(\d{4})年(\d{1,2})月(\d{1,2})日起施行[^。]*", flat):
        start, note = date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group(0)
    elif m := re.search(r"[^。]*自(?:发布|印发)之日起(?:施行|实施|执行)[^。]*", flat):
        note = m.group(0)
    if issued and (m := re.search(r"[^。]*自发布之日起([一二三四五六七八九十\d]+)年内有效[^。]*", flat)):
        from core.numerals import cn_to_int

        end, note = _add_years(issued, cn_to_int(m.group(1))) - timedelta(days=1), m.group(0)
    elif issued and (m := re.search(r"[^。]*有效期(\d+)年[^。]*", flat)):
        end, note = _add_years(issued, int(m.group(1))) - timedelta(days=1), m.group(0)
    if end is None and (m := re.search(r"(\d{4})年.*入学", title)):
        # Admission rules govern one year's intake only.
        end, note = date(int(m.group(1)), 12, 31), note or f"{m.group(1)}年入学工作"
    return start, end, note


def _signature(lines: list[str]) -> tuple[str, date | None]:
    """Issuer(s) and date from the first standalone date line and the organ names above it."""
    for i, line in enumerate(lines):
        m = DATE_LINE_RE.match(line.strip())
        if not m:
            continue
        issuers, j = [], i - 1
        while j >= 0:
            prev = lines[j].strip()
            if prev:
                if len(prev) > 30 or re.search(r"[，。：；、]", prev) or not ISSUER_HINT.search(prev):
                    break
                issuers.insert(0, prev)
            j -= 1
        return "、".join(issuers), date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return "", None


def _short_name(title: str) -> str:
    if m := re.search(r"《([^《》]+)》([^《》]*?)的通知$", title):
        return m.group(1) + m.group(2)
    if names := re.findall(r"《(.+?)》", title):
        return names[-1]
    return title[title.find("关于") :] if "关于" in title else title


def split_documents(text: str) -> list[Document]:
    lines = text.split("\n")
    toc, toc_end = _parse_toc(lines)
    starts = []
    cursor = toc_end + 1
    for entry in toc:
        hit = next(
            (i for i in range(cursor, len(lines)) if unify_doc_no(normalize(lines[i])) == entry.doc_no),
            None,
        )
        if hit is None:
            raise CorpusError(f"{entry.doc_no} is in the table of contents but not in the text")
        top = hit - 1
        while top > cursor and not lines[top].strip():
            top -= 1
        while top > cursor and lines[top - 1].strip():
            top -= 1
        starts.append((top, hit))
        cursor = hit + 1
    docs = []
    for n, (entry, (top, hit)) in enumerate(zip(toc, starts, strict=True)):
        bottom = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[top:bottom]
        title = normalize("".join(ln.strip() for ln in lines[top:hit]))
        issuer, issued = _signature(lines[hit:bottom])
        start, end, note = _validity("\n".join(body), issued, title)
        docs.append(
            Document(
                doc_no=entry.doc_no,
                title=title,
                issuer=issuer,
                issued_on=issued,
                category=entry.category,
                effective_from=start,
                effective_to=end,
                text="\n".join(body).strip("\n"),
                short_name=_short_name(title),
                validity_note=note,
            )
        )
    return docs


def load_documents(corpus_dir: Path | None = None) -> list[Document]:
    """The gazette's documents, in the order of its table of contents."""
    return split_documents(read_corpus(corpus_dir).text)
