"""Optional LLM over any OpenAI-compatible endpoint: rewrites grounded material, checked before it is shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numbers import find_numbers, find_quantities
from assistant.prompts import SYSTEM, USER
from core.deadline import with_deadline
from core.normalize import normalize
from core.schema import CalcResult, Citation
from core.settings import Settings

_CITED = re.compile(r"\[([^\[\]]+?〔\d{4}〕\d+号[^\[\]]*)\]")
MAX_TOOL_ROUNDS = 3
DEFAULT_DEADLINE_S = 20.0  # the whole exchange with the model, when its client names no timeout


@dataclass(frozen=True)
class LLMReply:
    """The model's checked answer, or why there is none (then the extractive answer is shown)."""

    text: str | None  # None: fall back to the extractive answer
    fallback_reason: str | None = None  # why it fell back, a short phrase for the user

    @property
    def accepted(self) -> bool:
        return self.text is not None


def make_chat_model(settings: Settings):
    """ChatOpenAI for the configured endpoint, or None when no LLM is configured."""
    if not (settings.llm_base_url and settings.llm_model):
        return None
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key or "not-needed",
        timeout=settings.llm_timeout_s,
        max_retries=0,
        temperature=0,
    )


def _context(citations: tuple[Citation, ...], calculation: CalcResult | None) -> tuple[str, str]:
    sources = "\n".join(f"[{c.chunk_id}] {c.quote}" for c in citations if c.chunk_id)
    if calculation is None:
        return sources or "（无）", "（无）"
    calc = [f"金额（元）：{calculation.amount_yuan}", *calculation.steps, *calculation.warnings]
    calc += [f"依据 {c.doc_no} {c.article}：{c.quote}" for c in calculation.citations]
    return sources or "（无）", "\n".join(calc)


def _numbers(text: str):
    """Numbers line by line: normalize() drops line breaks, which would glue "600000" and "500" together."""
    return [n for line in text.splitlines() for n in find_numbers(normalize(line))]


def _allowed_values(context: str, calculation: CalcResult | None) -> set[float]:
    values = {round(n.value, 4) for n in _numbers(context)}
    if calculation and calculation.amount_yuan is not None:
        values.add(round(float(calculation.amount_yuan), 4))
    # 60万元 and 600000元 are the same amount.
    return values | {round(v / 10000, 4) for v in values} | {round(v * 10000, 4) for v in values}


# A sentence ends at 。！？ or a line break; a citation right after the end still belongs to it ("…5元。[id]").
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?\n]*(?:\s*\[[^\[\]]*\])*")


def check_grounded(
    text: str,
    allowed_ids: set[str],
    context: str,
    calculation: CalcResult | None,
    calc_context: str = "",
) -> str | None:
    """None when the answer is grounded; otherwise the reason it is not. Every number is in the clauses or the
    calculation, and every sentence that states one cites a retrieved clause or uses only the calculation's
    own figures (its amount, steps and citations)."""
    cited = set(_CITED.findall(text))
    unknown = cited - allowed_ids
    if unknown:
        return f"引用了未检索到的条文 {sorted(unknown)}"
    if allowed_ids and not cited and calculation is None:  # a calculation's figures are checked below
        return "没有注明来源"
    body = _CITED.sub(" ", text)
    allowed = _allowed_values(context, calculation)
    for n in _numbers(body):
        if round(n.value, 4) not in allowed:
            return f"出现了原文和计算中没有的数字 {n.text}"
    computed = _quantities(calc_context, calculation)
    for sentence in SENTENCE.findall(text):
        if not _numbers(_CITED.sub(" ", sentence)) or _CITED.search(sentence):
            continue
        if calculation and _quantities(sentence, None) <= computed:
            continue  # the calculation's own figures with their units; its steps and citations are shown below
        if allowed_ids or calculation:
            return f"带数字的句子没有注明来源（“{sentence.strip()[:30]}”）"
    return None


def _quantities(text: str, calculation: CalcResult | None) -> set[tuple[float, str | None]]:
    """(value, unit) of each figure, line by line: "500元" is not the "500 千瓦" of a step."""
    found = {
        (round(q.value, 4), q.unit) for line in text.splitlines() for q in find_quantities(normalize(line))
    }
    if calculation and calculation.amount_yuan is not None:
        found.add((round(float(calculation.amount_yuan), 4), "yuan"))
    return found


def _amount_stated(text: str, calculation: CalcResult | None) -> bool:
    """The calculation's amount, in yuan or in 万, is in the text (a reply like "好的" has no substance)."""
    if calculation is None or calculation.amount_yuan is None:
        return True
    amount = round(float(calculation.amount_yuan), 4)
    return any(round(n.value, 4) in (amount, round(amount / 10000, 4)) for n in _numbers(text))


def rewrite(
    model,
    question: str,
    citations: tuple[Citation, ...],
    calculation: CalcResult | None,
    tools=(),
    deadline_s: float | None = None,
) -> LLMReply:
    """Ask the model; accept its answer only if every citation was retrieved and every number is grounded.
    The whole exchange, tool rounds included, must finish within `deadline_s` (the model's timeout)."""
    from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

    sources, calc = _context(citations, calculation)
    messages = [
        SystemMessage(SYSTEM),
        HumanMessage(USER.format(question=question, sources=sources, calculation=calc)),
    ]
    tool_results: list[CalcResult] = []

    def converse():
        bound = model.bind_tools(list(tools)) if tools else model
        by_name = {t.name: t for t in tools}
        for _ in range(MAX_TOOL_ROUNDS + 1):
            reply = bound.invoke(messages)
            calls = getattr(reply, "tool_calls", None) or []
            if not calls:
                return reply
            messages.append(reply)
            for call in calls:
                tool = by_name.get(call["name"])
                output = tool.invoke(call["args"]) if tool else {"error": f"unknown tool {call['name']}"}
                if isinstance(output, dict) and "steps" in output:
                    tool_results.append(output)
                messages.append(ToolMessage(str(output), tool_call_id=call["id"]))
        return None

    deadline = (
        deadline_s
        if deadline_s is not None
        else getattr(model, "request_timeout", None) or DEFAULT_DEADLINE_S
    )
    try:
        reply = with_deadline(converse, float(deadline), "llm-call")
    except TimeoutError:
        return LLMReply(None, f"大模型超时（{float(deadline):g} 秒内没有完整回答）")
    except Exception as e:  # network errors, bad responses: never break the answer
        return LLMReply(None, f"大模型暂不可用（{type(e).__name__}）")
    if reply is None:
        return LLMReply(None, "大模型调用工具次数过多")
    text = (reply.content or "").strip() if isinstance(reply.content, str) else ""
    if not text:
        return LLMReply(None, "大模型没有给出回答")
    context = sources + "\n" + calc + "\n" + "\n".join(map(str, tool_results))
    problem = check_grounded(text, {c.chunk_id for c in citations if c.chunk_id}, context, calculation, calc)
    if problem:
        return LLMReply(None, f"大模型的回答未通过核对（{problem}）")
    if not _amount_stated(text, calculation):
        return LLMReply(None, "大模型的回答没有给出测算金额")
    return LLMReply(text)
