"""Each calculator as a LangChain StructuredTool, for the assistant and an optional LLM agent."""

from __future__ import annotations

from datetime import date

from calculators.base import Calculator, InputError, load_all


def as_tool(calc: Calculator, today: date):
    """The tool applies the rules in force on `today`, which the caller gives."""
    from langchain_core.tools import StructuredTool

    def _run(**kwargs) -> dict:
        try:
            return calc.run(kwargs, today).to_dict()
        except InputError as e:
            return {"calculator": calc.name, "error": str(e)}

    return StructuredTool.from_function(
        func=_run,
        name=calc.name,
        description=f"{calc.title}（{calc.doc_no} {calc.article}）",
        args_schema=calc.inputs,
        handle_validation_error=lambda e: f"输入有误：{e}",
    )


def all_tools(today: date) -> list:
    """Every calculator as a tool; the date comes from the caller (the assistant's `today`)."""
    return [as_tool(c, today) for c in load_all().values()]
