"""MCP server (the official SDK): gazette search, clause lookup, questions, every calculator; the 13 documents.

python -m api.mcp                      # stdio, for desktop agents
python -m api.mcp --http --port 8765   # streamable HTTP at http://127.0.0.1:8765/mcp (stateless)
"""

from __future__ import annotations

import argparse
import inspect
import logging
import sys
from datetime import date
from typing import Any
from urllib.parse import quote

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.resources.types import TextResource
from mcp.server.mcpserver.tools.base import Tool

from api.chat import gazette_extra
from api.documents import document_view
from api.guard import Guard
from api.relevance import scored_search
from api.rules import calculation
from api.service import Service, get_service
from api.settings import get_api_settings
from calculators.base import Calculator, InputError
from core.format import citation_label

INSTRUCTIONS = (
    "西城区政府公报助手：2024年北京市西城区政府公报的13份文件。search_gazette 检索条文，lookup_clause 按文号或简称"
    "加条款号精确查条文，ask_gazette 直接问答，其余工具是各项政策计算器（输入见其 JSON Schema）。回答请引用返回的条文。"
)
DOCUMENTS_URI = "gazette://documents"


def document_uri(doc_no: str) -> str:
    return f"gazette://documents/{quote(doc_no, safe='')}"


def calculator_tool(calc: Calculator) -> Tool:
    """The calculator as a tool: its pydantic inputs are the published schema; values reach the calculator
    as sent, so its strict checks (a yes/no is no number, NaN is no amount) give the reason for a refusal."""
    fields = list(calc.inputs.model_fields)

    def run(**kwargs) -> dict[str, Any]:
        given = {k: v for k, v in kwargs.items() if v is not None}
        try:
            result = calc.run(given, date.today())
        except (InputError, ValueError) as e:
            raise ToolError(str(e)) from None
        return calculation(result, date.today())

    run.__name__ = calc.name
    run.__signature__ = inspect.Signature(
        [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Any) for n in fields],
        return_annotation=dict[str, Any],
    )
    tool = Tool.from_function(
        run, name=calc.name, title=calc.title, description=f"{calc.title}（{calc.doc_no} {calc.article}）"
    )
    tool.parameters = calc.inputs.model_json_schema()
    return tool


def build_server(service: Service | None = None) -> MCPServer:
    service = service or get_service()

    def search_gazette(query: str, k: int = 5, doc_no: str | None = None) -> dict[str, Any]:
        """检索公报条文（BM25 + 向量，精确条款号优先）。score 0–1，0.5 为检索器判断“相关”的界线。"""
        if not query.strip():
            raise ToolError("query is empty")
        result, hits = scored_search(service.retriever, query, max(1, min(k, 20)), doc_no)
        return {
            "relevant": result.relevant,
            "missing": result.missing,
            "hits": [
                {
                    "chunk_id": s.hit.chunk.chunk_id,
                    "doc_no": s.hit.chunk.doc_no,
                    "title": s.hit.chunk.title,
                    "article": s.hit.chunk.article,
                    "score": s.score,
                    "text": s.hit.chunk.text,
                    "citation": citation_label(s.hit.chunk.doc_no, s.hit.chunk.title, s.hit.chunk.article),
                }  # fmt: skip
                for s in hits
            ],
        }

    def lookup_clause(reference: str) -> dict[str, Any]:
        """按文号或简称加条款号精确查条文，如“西民发〔2024〕1号第二十一条”“养老助餐细则第8条”“绿色低碳若干措施第25项”。"""
        ref, hits = service.retriever.exact(reference)
        if not hits:
            why = service.retriever.missing(reference, ref)
            raise ToolError(why or "没有识别出文号和条款号，例如“西民发〔2024〕1号第二十一条”。")
        c = hits[0].chunk
        return {"doc_no": c.doc_no, "title": c.title, "article": c.article,
                "citation": citation_label(c.doc_no, c.title, c.article),
                "text": "\n".join(h.chunk.text for h in hits), "chunk_ids": [h.chunk.chunk_id for h in hits]}  # fmt: skip

    def ask_gazette(question: str) -> dict[str, Any]:
        """向公报助手提问（单轮）：answer 为带引用的 Markdown，calculation 为计算结果（如有）。"""
        answer = service.assistant_on().ask(question)
        return {"answer": answer.markdown, **gazette_extra(answer)}

    tools = [
        Tool.from_function(search_gazette, title="检索公报条文"),
        Tool.from_function(lookup_clause, title="按条款号查条文"),
        Tool.from_function(ask_gazette, title="问公报助手"),
        *(calculator_tool(c) for c in service.calculators.values()),
    ]
    docs = list(service.documents.values())
    listing = "\n".join(f"{d.doc_no}\t{d.title}\t{document_uri(d.doc_no)}" for d in docs)
    resources = [
        TextResource(
            uri=DOCUMENTS_URI,
            name="documents",
            title="公报文件目录",
            text=listing,
            description="13份文件：文号、标题、资源地址",
        ),  # fmt: skip
        *(
            TextResource(
                uri=document_uri(d.doc_no),
                name=d.doc_no,
                title=d.title,
                text=d.text,
                description=f"{d.issuer}，{d.issued_on}；{document_view(d, service)['chunks']} 个条文块",
            )  # fmt: skip
            for d in docs
        ),
    ]
    return MCPServer(
        "xicheng-gazette", instructions=INSTRUCTIONS, tools=tools, resources=resources, log_level="WARNING"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m api.mcp", description="西城区政府公报助手 MCP server")
    ap.add_argument("--http", action="store_true", help="streamable HTTP instead of stdio")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)  # stdout is the protocol channel on stdio
    server = build_server()
    if args.http:  # behind the API's guard: GAZETTE_API_KEY, body size and rate limit apply here too
        import uvicorn

        app = server.streamable_http_app(stateless_http=True, host=args.host)
        uvicorn.run(Guard(app, get_api_settings()), host=args.host, port=args.port, log_level="warning")
    else:
        server.run("stdio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
