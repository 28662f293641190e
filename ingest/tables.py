"""Tab-separated tables from the PDF: task tables (序号 …), record tables (PM2.5 by 街道) and forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.normalize import normalize

_SECTION_ROW = re.compile(r"^[一二三四五六七八九十]+、")
_NUMBER = re.compile(r"^(\d{1,3})(?:\s+(.+))?$")
TASK_COLUMNS = ("序号", "重点工作任务", "工作措施", "完成时限", "主体责任", "协办单位")


@dataclass(frozen=True)
class Row:
    """One table row ready to become a chunk."""

    label: str  # 第3项 / 天桥街道 / 5月6日至31日
    section: str  # the 一、 heading row above it, if any
    text: str  # column names carried into the text
    number: str | None = None  # the task's 序号
    raw: str = ""  # the source line, verbatim


_HTML = re.compile(r"</?p>")


def cells(line: str) -> list[str]:
    return [_HTML.sub(" ", c).strip() for c in line.split("\t")]


def _norm_cells(line: str) -> list[str]:
    return [normalize(c) for c in cells(line)]


def is_task_header(line: str) -> bool:
    first = _norm_cells(line)[0]
    return first == "序号"


def table_kind(lines: list[str]) -> str:
    """task | record | form, judged from the header and the data rows."""
    if any(is_task_header(ln) for ln in lines[:2]):
        return "task"
    data = [_norm_cells(ln) for ln in lines[1:]]
    numeric_rows = sum(1 for c in data if c and c[0] and sum(bool(re.search(r"\d", x)) for x in c[1:]) >= 2)
    wordy_rows = sum(1 for c in data if c and c[0] and sum(bool(x) for x in c[1:]) >= 1)
    two_columns = len([x for x in _norm_cells(lines[0]) if x]) == 2
    if numeric_rows >= 1 or (two_columns and wordy_rows >= 3):
        return "record"
    return "form"


def _header_names(header: list[str], sub: list[str] | None) -> list[str]:
    names, parent = [], ""
    for i, h in enumerate(header):
        if h:
            parent = h
        child = sub[i] if sub and i < len(sub) else ""
        if child:
            names.append(f"{parent}{child}" if parent else child)
        else:
            names.append(h or parent)
    if sub and len(sub) > len(header):
        names += [f"{parent}{s}" for s in sub[len(header) :]]
    return names


def record_rows(lines: list[str]) -> list[Row]:
    """Each data row as 'name：列名 值；列名 值'. A second header row (first cell empty) is merged."""
    header = _norm_cells(lines[0])
    body = lines[1:]
    sub = None
    if (
        body
        and not _norm_cells(body[0])[0]
        and not any(re.fullmatch(r"[\d.]+", c) for c in _norm_cells(body[0]))
    ):
        sub, body = _norm_cells(body[0]), body[1:]
    names = _header_names(header, sub)
    rows = []
    for line in body:
        c = [x for x in cells(line)]
        if not any(c) or _norm_cells(line) == header:
            continue
        label = c[0] or (rows[-1].label if rows else "")
        filled = [v for v in c if v]
        if len(filled) != len([n for n in names if n]):
            # Cells and column names do not line up (merged headers in the PDF): pairing them would
            # put a number under the wrong column, so keep the cells in their printed order only.
            text = (
                f"{c[0]}：" + " | ".join(filled[1:]) + "（列：" + " | ".join(n for n in names[1:] if n) + "）"
            )
        else:
            pairs = [f"{names[i] if i < len(names) else ''} {v}".strip() for i, v in enumerate(c[1:], 1) if v]
            text = f"{c[0]}：" + "；".join(pairs)
        rows.append(Row(label=normalize(label), section="", text=text, raw=line))
    return rows


def task_rows(lines: list[str]) -> list[Row]:
    """Task tables: header rows repeated at page breaks dropped, 一、 section rows carried, 序号 inherited."""
    rows: list[Row] = []
    columns = list(TASK_COLUMNS)
    section, number, task = "", None, ""
    counts: dict[str, int] = {}
    for line in lines:
        c = cells(line)
        if is_task_header(line):
            columns = [x for x in _norm_cells(line) if x] or columns
            continue
        filled = [x for x in c if x]
        if not filled:
            continue
        if c[0] and _SECTION_ROW.match(c[0]):
            section = filled[0]
            filled = filled[1:]
            if not filled:
                continue
            number, task = None, ""
        elif c[0] and (m := _NUMBER.match(c[0])):
            number = m.group(1)
            if m.group(2):  # OCR merged 序号 and task name into one cell
                task, filled = m.group(2), [number, m.group(2)] + filled[1:]
            else:
                task = filled[1] if len(filled) > 1 else ""
            if len(task) > 25 or task.endswith("。"):  # OCR lost the task name: this cell is a measure
                task, filled = "", filled[1:]
            else:
                filled = filled[2:] if len(filled) > 2 else filled[1:]
        values = list(zip(columns[2:], filled, strict=False))
        text_parts = []
        if number:
            text_parts.append(f"序号 {number}")
        if task:
            text_parts.append(f"{columns[1] if len(columns) > 1 else '重点工作任务'}：{task}")
        text_parts += [f"{name}：{value}" for name, value in values]
        if len(filled) > len(columns) - 2:
            text_parts.append("；".join(filled[len(columns) - 2 :]))
        key = number or "0"
        counts[key] = counts.get(key, 0) + 1
        label = f"第{number}项" if number else "其他"
        rows.append(
            Row(
                label=label if counts[key] == 1 else f"{label}-{counts[key]}",
                section=section,
                text="；".join(text_parts),
                number=number,
                raw=line,
            )
        )
    return rows
