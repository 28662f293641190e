"""Line-level structure of the gazette: PDF reflow and the markers of 章/节/条 and numbered items."""

from __future__ import annotations

import re

CN = "一二三四五六七八九十百零〇两"
CHAPTER_RE = re.compile(rf"^第([{CN}]+)章\s*(.*)$")
SECTION_RE = re.compile(rf"^第([{CN}]+)节\s*(.*)$")
ARTICLE_RE = re.compile(rf"^第([{CN}]+)条(?:\s+|　|$)(.*)$")
ATTACHMENT_RE = re.compile(r"^附件\s*(\d*)$")
ATTACHMENT_LIST_RE = re.compile(r"^(?:- )?附件\s*[：:]")
DATE_LINE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
DOC_NO_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*〔\s*\d{4}\s*〕\s*\d+\s*号$")

# Item markers by level: 一、  （一）  1.  （1）/①
ITEM_MARKERS = (
    (0, re.compile(rf"^第([{CN}]+)部分\s*")),
    (1, re.compile(rf"^([{CN}]+)(?:、|是)\s*")),
    (2, re.compile(rf"^[（(]\s*([{CN}]+)\s*[)）]\s*")),
    (3, re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*|^([①②③④⑤⑥⑦⑧⑨⑩])\s*")),
)
_SENTENCE_END = tuple("。；：！？”」…")
_UNIT_START = re.compile(r"^(万元|亿元|元|万|亿|%|平方米|千瓦)")


def strip_bullet(line: str) -> str:
    """The PDF conversion prefixes some items with '- '."""
    return line[2:].lstrip() if line.startswith("- ") else line


def item_marker(line: str) -> tuple[int, str, str] | None:
    """(level, number, rest) when the line opens a numbered item."""
    line = strip_bullet(line)
    if ARTICLE_RE.match(line) or CHAPTER_RE.match(line):
        return None
    for level, rx in ITEM_MARKERS:
        if m := rx.match(line):
            number = next(g for g in m.groups() if g)
            if level == 1 and not line[m.end() :].strip() and "是" in m.group(0):
                continue
            return level, number, line[m.end() :]
    return None


def is_break_line(line: str) -> bool:
    """Lines that always start a new logical line, whatever the previous line looked like."""
    return bool(
        item_marker(line)
        or ARTICLE_RE.match(line)
        or CHAPTER_RE.match(line)
        or SECTION_RE.match(line)
        or ATTACHMENT_RE.match(line)
        or DATE_LINE_RE.match(line)
        or DOC_NO_LINE_RE.match(line)
        or ATTACHMENT_LIST_RE.match(line)
        or line.startswith(("【", "（此件", "(此件"))
    )


def _joins(prev: str, cur: str) -> bool:
    if "\t" in prev or prev.endswith(_SENTENCE_END):
        return False
    if _UNIT_START.match(cur) and prev[-1:].isdigit():
        return True
    return len(prev) >= 30 and not is_break_line(cur)


def reflow(text: str) -> list[str]:
    """Logical lines: PDF line breaks inside a sentence joined, blank lines dropped, table rows kept."""
    out: list[str] = []
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        if "\t" in raw:
            out.append(raw.rstrip("\n"))
            continue
        line = raw.strip()
        if out and _joins(out[-1], line):
            sep = " " if out[-1][-1:].isascii() and line[:1].isascii() and out[-1][-1:].isalpha() else ""
            out[-1] = out[-1] + sep + line
        else:
            out.append(line)
    return out
