"""Each calculator as a LangChain StructuredTool, for the assistant and an optional LLM agent."""

from __future__ import annotations

from datetime import date

from calculators.base import Calculator, InputError, load_all


def as_tool(calc: Calculator):
    from langchain_core.tools import StructuredTool

    def _run(**kwargs) -> dict:
        try:
            return calc.run(kwargs, date.today()).to_dict()
        except InputError as e:
            return {"calculator": calc.name, "error": str(e)}

    return StructuredTool.from_function(
        func=_run,
        name=calc.name,
        description=f"{calc.title}（{calc.doc_no} {calc.article}）",
        args_schema=calc.inputs,
        handle_validation_error=lambda e: f"输入有误：{e}",
    )


def all_tools() -> list:
    return [as_tool(c) for c in load_all().values()]
