"""Optional LLM over any OpenAI-compatible endpoint: rewrites grounded material, checked before it is shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numbers import find_numbers
from assistant.prompts import SYSTEM, USER
from core.normalize import normalize
from core.schema import CalcResult, Citation
from core.settings import Settings

_CITED = re.compile(r"\[([^\[\]]+?〔\d{4}〕\d+号[^\[\]]*)\]")
MAX_TOOL_ROUNDS = 3


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


def check_grounded(
    text: str, allowed_ids: set[str], context: str, calculation: CalcResult | None
) -> str | None:
    """None when the answer is grounded; otherwise the reason it is not."""
    cited = set(_CITED.findall(text))
    unknown = cited - allowed_ids
    if unknown:
        return f"引用了未检索到的条文 {sorted(unknown)}"
    if allowed_ids and not cited:
        return "没有注明来源"
    body = _CITED.sub(" ", text)
    allowed = _allowed_values(context, calculation)
    for n in _numbers(body):
        if round(n.value, 4) not in allowed:
            return f"出现了原文和计算中没有的数字 {n.text}"
    return None


def rewrite(
    model, question: str, citations: tuple[Citation, ...], calculation: CalcResult | None, tools=()
) -> LLMReply:
    """Ask the model; accept its answer only if every citation was retrieved and every number is grounded."""
    from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

    sources, calc = _context(citations, calculation)
    messages = [
        SystemMessage(SYSTEM),
        HumanMessage(USER.format(question=question, sources=sources, calculation=calc)),
    ]
    tool_results: list[CalcResult] = []
    try:
        bound = model.bind_tools(list(tools)) if tools else model
        by_name = {t.name: t for t in tools}
        for _ in range(MAX_TOOL_ROUNDS + 1):
            reply = bound.invoke(messages)
            calls = getattr(reply, "tool_calls", None) or []
            if not calls:
                break
            messages.append(reply)
            for call in calls:
                tool = by_name.get(call["name"])
                output = tool.invoke(call["args"]) if tool else {"error": f"unknown tool {call['name']}"}
                if isinstance(output, dict) and "steps" in output:
                    tool_results.append(output)
                messages.append(ToolMessage(str(output), tool_call_id=call["id"]))
        else:
            return LLMReply(None, "大模型调用工具次数过多")
    except Exception as e:  # network errors, timeouts, bad responses: never break the answer
        return LLMReply(None, f"大模型暂不可用（{type(e).__name__}）")
    text = (reply.content or "").strip() if isinstance(reply.content, str) else ""
    if not text:
        return LLMReply(None, "大模型没有给出回答")
    context = sources + "\n" + calc + "\n" + "\n".join(map(str, tool_results))
    problem = check_grounded(text, {c.chunk_id for c in citations if c.chunk_id}, context, calculation)
    if problem:
        return LLMReply(None, f"大模型的回答未通过核对（{problem}）")
    return LLMReply(text)
