"""CLI: python -m retrieval search "查询" [-k 5] [--json] | search --jsonl [-k 5] < queries.txt"""

from __future__ import annotations

import argparse
import json
import sys

from core.cli import positional_safe, stdin_lines
from ingest.embedders import EmbedderError
from ingest.index import IndexUnavailable
from ingest.parse import CorpusError
from retrieval.index import load_index
from retrieval.search import Retriever


def _hits_json(result) -> list[dict]:
    return [h.to_dict() for h in result.hits]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m retrieval", description="检索公报条文")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("search", help="hybrid search with exact clause lookup")
    s.add_argument("query", nargs="?", help="查询（用 --jsonl 时从标准输入逐行读取）")
    s.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    s.add_argument("--doc", default=None, help="only this 文号")
    s.add_argument("--kind", default=None, choices=["clause", "item", "table_row", "paragraph"])
    s.add_argument("--json", action="store_true", help="print hits as a JSON array")
    s.add_argument("--jsonl", action="store_true", help="read queries from stdin, one JSON array per line")
    argv = sys.argv[1:] if argv is None else argv
    options = ("search", "-h", "--help", "-k", "--doc", "--kind", "--json", "--jsonl")
    args = ap.parse_args(positional_safe(argv, options))
    if args.k < 1 or args.k > 100:
        ap.error("-k must be between 1 and 100")
    if not args.jsonl and not (args.query or "").strip():
        ap.error("a query is required (or use --jsonl with queries on stdin)")
    try:
        retriever = Retriever(load_index())
    except (IndexUnavailable, CorpusError, EmbedderError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    if args.jsonl:
        for _, line, error in stdin_lines():
            if error is not None:  # this line only; the batch goes on
                print(json.dumps({"error": error}, ensure_ascii=False), flush=True)
                continue
            q = line.strip()
            hits = _hits_json(retriever.search(q, args.k, args.doc, args.kind)) if q else []
            print(json.dumps(hits, ensure_ascii=False), flush=True)
        return 0
    result = retriever.search(args.query, args.k, args.doc, args.kind)
    if args.json:
        print(json.dumps(_hits_json(result), ensure_ascii=False))
        return 0
    if result.missing:
        print(f"# {args.query}  [{result.missing}]")
        return 0
    note = "精确条文" if result.exact else ("相关" if result.relevant else "公报中可能没有相关内容")
    print(f"# {args.query}  [{note}，置信度 {result.confidence:.2f}]")
    for n, h in enumerate(result.hits, 1):
        c = h.chunk
        print(f"\n{n}. {c.doc_no} {c.article or ''}  ({c.chunk_id}, {h.score:.4f}, {'+'.join(h.sources)})")
        print("   " + c.text[:200].replace("\n", "\n   "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
