"""Extractive answers: the best clause sentences, each with its citation; calculations with their working."""

from __future__ import annotations

import re
from datetime import date

from core.format import citation_label, yuan_exact
from core.normalize import normalize
from core.schema import CalcResult, Chunk, Citation, Document, Hit
from retrieval.answer_type import asked_types
from retrieval.vocab import expand_query

_SENTENCE_SPLIT = re.compile(r"(?<=[。；！？])|\n")
MAX_QUOTE = 220  # characters of one quote


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def best_sentences(chunk: Chunk, question: str, limit: int = 2) -> str:
    """The chunk's sentences that share most with the question, in their original order (verbatim)."""
    source = chunk.quote
    if len(source) <= MAX_QUOTE or chunk.kind == "table_row":
        return source.strip()
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(source) if s and s.strip()]
    q = _bigrams(expand_query(question))
    scored = sorted(range(len(sentences)), key=lambda i: (-len(q & _bigrams(sentences[i])), i))[:limit]
    return "".join(sentences[i] for i in sorted(scored)).strip()


def cite(chunk: Chunk, quote: str) -> Citation:
    return Citation(chunk.doc_no, chunk.title, chunk.article, quote, chunk.chunk_id)


def _label(c: Citation, short_names: dict[str, str]) -> str:
    return citation_label(c.doc_no, short_names.get(c.doc_no) or c.title, c.article)


def _md_quote(text: str) -> str:
    return "\n".join("> " + line for line in text.strip().split("\n") if line.strip())


def _answering(sentences: list[str], question: str, limit: int = 2) -> set[int]:
    """Indexes of the sentences that share most with the question (none when nothing is shared)."""
    q = _bigrams(expand_query(question))
    overlap = [len(q & _bigrams(x)) for x in sentences]
    best = sorted(range(len(sentences)), key=lambda i: (-overlap[i], i))[:limit]
    return {i for i in best if overlap[i] > 0}


_EDGE_PUNCT = "。；！？，、：:;,.!?（）()“”\"' "


def _bold(sentence: str) -> str:
    """**…** around a sentence, leaving its edge punctuation outside (CommonMark will not close emphasis
    between a CJK full stop and the next character)."""
    core = sentence.strip(_EDGE_PUNCT)
    if not core:
        return sentence
    start = sentence.index(core)
    return f"{sentence[:start]}**{core}**{sentence[start + len(core) :]}"


def whole_with_answer_in_bold(text: str, question: str) -> str:
    """The clause verbatim, line by line, with the sentences that answer the question in bold."""
    lines = text.strip().split("\n")
    sentences = [(n, x) for n, line in enumerate(lines) for x in _SENTENCE_SPLIT.split(line) if x.strip()]
    chosen = _answering([x for _, x in sentences], question)
    out = [""] * len(lines)
    for k, (n, x) in enumerate(sentences):
        out[n] += _bold(x) if k in chosen else x
    return "\n".join(out)


def _heading(chunk: Chunk, quote: str) -> str:
    """Where the clause sits (章 › 条 …), the parts its own text does not already say."""
    return " › ".join(s for s in chunk.section_path if s and s not in quote)


def compose_clauses(
    question: str, hits: list[Hit], docs: dict[str, Document], exact: bool
) -> tuple[str, tuple[Citation, ...]]:
    """One clause first, whole, where it sits and with the answering sentences in bold; then at most two
    related clauses, shortened to their best sentences. A clause asked for by number is shown whole."""
    short = {d.doc_no: d.short_name for d in docs.values()}
    parts, citations = [], []
    parts.append("公报中的相关条文如下：" if exact else "根据公报，相关规定如下：")
    for n, hit in enumerate(hits if exact else hits[:3]):
        chunk = hit.chunk
        lead = exact or n == 0
        quote = chunk.quote.strip() if lead else best_sentences(chunk, question)
        c = cite(chunk, quote)
        citations.append(c)
        if n == 1 and not exact:
            parts.append("相关条文：")
        # A table row is shown with its column names (only ever paired when cells and columns line up);
        # the citation keeps the verbatim row.
        if chunk.kind == "table_row":
            shown = chunk.text
        elif lead and not exact:
            shown = whole_with_answer_in_bold(quote, question)
        else:
            shown = quote
        where = _heading(chunk, quote) if lead and not exact else ""
        parts.append((f"**{where}**\n\n" if where else "") + f"{_md_quote(shown)}\n\n—— {_label(c, short)}")
        if lead:
            parts.extend(deferral_notes(quote))
    return "\n\n".join(parts), tuple(citations)


# A clause that hands its standard to another document: "按照《…若干规定》(西行规发〔2021〕1号)补贴标准和条件实施".
DEFERS = re.compile(
    r"(?:具体)?(?:参照|按照|依照)(《[^》]{2,80}》)\s*[（(]?((?:[^（）()]{0,12}〔\d{4}〕\d+号)?)[）)]?"
    r"[^。；]{0,12}?(?:执行|实施|办理)"
)


# What a note may say the shown clauses lack, by answer type (retrieval/answer_type.py): its name, and a loose
# pattern for the kind of text that states it — a note saying "not stated" must never be wrong.
NOT_STATED = {
    "phone": ("电话号码", re.compile(r"\d{7,8}|\d{3,4}-\d{7,8}")),
    "amount": (
        "具体金额或标准",
        re.compile(r"\d+(\.\d+)?\s*(元|万元|亿元|%)|[一二三四五六七八九十百千万两]+元"),
    ),
    "date": ("具体时间", re.compile(r"\d+\s*月|\d{4}\s*年|日前|工作日|年底|月底|之日起|天内|每年|每月")),
    "office": ("受理或负责的部门", re.compile(r"局|委员会|委|管委会|办事处|街道|中心|政府|办公室|部门|学校")),
}


def partial_note(question: str, texts: list[str]) -> str | None:
    """ "公报只写了……，没有写……" when the clauses shown state some but not all of what the question asks for;
    "以上条文没有写明……" when they state none of it. None when nothing of these kinds is asked or all is there."""
    asked = [t for t in asked_types(question) if t in NOT_STATED]
    if not asked:
        return None
    text = normalize(" ".join(texts))
    given = [t for t in asked if NOT_STATED[t][1].search(text)]
    lacking = [NOT_STATED[t][0] for t in asked if t not in given]
    if not lacking:
        return None
    if given:
        return f"ℹ️ 公报只写了{'、'.join(NOT_STATED[t][0] for t in given)}，没有写{'、'.join(lacking)}。"
    return f"ℹ️ 以上条文没有写明{'、'.join(lacking)}，公报中可能没有这项内容。"


def deferral_notes(quote: str) -> list[str]:
    """A pointer for each document the clause defers to: what the gazette does not itself say."""
    notes = []
    for m in DEFERS.finditer(quote):
        title, doc_no = m.group(1), m.group(2)
        named = f"{title}（{doc_no}）" if doc_no else title
        notes.append(f"ℹ️ 此条按{named}执行，具体标准不在本公报中，请查阅该文件。")
    return notes


def compose_calculation(result: CalcResult, title: str) -> str:
    """Amount or verdict first, then the steps, warnings and the rules it applied."""
    lines = [f"**{title}**"]
    if result.amount_yuan is not None:
        lines.append(f"测算金额：**{yuan_exact(result.amount_yuan)}**")
    verdict = (result.extra or {}).get("verdict") or (result.extra or {}).get("入学方式")
    if verdict and result.amount_yuan is None:
        lines.append(f"结论：**{verdict}**")
    elif result.eligible is not None and result.amount_yuan is None:
        lines.append("结论：**符合条件**" if result.eligible else "结论：**不符合条件**")
    elif result.eligible is None and result.amount_yuan is None:
        lines.append("结论：**尚不能确定**（部分条件未知，见下方）")
    if result.steps:
        lines.append("计算过程：")
        lines.extend(f"{n}. {s}" for n, s in enumerate(result.steps, 1))
    if result.warnings:
        lines.append("提示：")
        lines.extend(f"- ⚠️ {w}" for w in result.warnings)
    if result.citations:
        lines.append("依据：")
        for c in result.citations:
            lines.append(f"- {citation_label(c.doc_no, c.title, c.article)}：“{c.quote}”")
    for key, label in (("office", "受理部门"), ("materials", "申报材料"), ("deadline", "时间要求")):
        value = result.extra.get(key) if result.extra else None
        if value:
            lines.append(f"{label}：{value if isinstance(value, str) else '；'.join(map(str, value))}")
    return "\n\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:])


def understood_line(label: str, value, words: str) -> str:
    """One fact as understood: "并网装机容量（千瓦）：500（您说：“光伏装机500千瓦”）"."""
    return f"{label}：{_shown(value)}（您说：“{words}”）" if words else f"{label}：{_shown(value)}"


CORRECT_HINT = "如有不对，请直接纠正，例如“不对，是3台不是1台”"


def understood_text(facts: tuple[str, ...]) -> str:
    """The 我理解的情况 section appended to an answer ('' when no fact was read)."""
    if not facts:
        return ""
    return f"\n\n**我理解的情况**（{CORRECT_HINT}）：\n" + "\n".join(f"- {f}" for f in facts)


def _shown(value) -> str:
    if value is True:
        return "是"
    if value is False:
        return "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "、".join(_shown(v) for v in value)
    return str(value)


def validity_warnings(doc_nos: list[str], docs: dict[str, Document], question: str, today: date) -> list[str]:
    """Warn when a cited rule is no longer (or not yet) in force, or a one-year rule is asked for another year."""
    out = []
    years = {int(y) for y in re.findall(r"(20\d{2})\s*年", normalize(question))}
    for doc_no in dict.fromkeys(doc_nos):
        d = docs.get(doc_no)
        if d is None:
            continue
        name = citation_label(d.doc_no, d.short_name or d.title)
        if d.effective_to and today > d.effective_to:
            out.append(
                f"{name}的适用期已于{d.effective_to.isoformat()}结束，以下内容仅供参考，请以现行政策为准。"
            )
        elif d.effective_from and today < d.effective_from:
            out.append(f"{name}自{d.effective_from.isoformat()}起施行。")
        if (
            d.effective_to
            and d.effective_to.year == d.effective_from.year
            and any(y != d.effective_to.year for y in years)
        ):
            out.append(
                f"{name}只适用于{d.effective_to.year}年，您问的是{'、'.join(map(str, sorted(years)))}年，请以当年发布的政策为准。"
            )
    return out
