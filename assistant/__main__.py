"""CLI: python -m assistant ask "问题" [--json] | ask --jsonl < questions.txt (the index loaded once)."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.conversation import Conversation
from core.cli import positional_safe, stdin_lines
from ingest.embedders import EmbedderError
from ingest.index import IndexUnavailable
from ingest.parse import CorpusError
from retrieval.index import load_index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m assistant", description="西城区政府公报助手")
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("ask", help="ask one question, or many with --jsonl")
    a.add_argument("question", nargs="?")
    a.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    a.add_argument("--jsonl", action="store_true", help="questions on stdin, one JSON object per line")
    a.add_argument("--chat", action="store_true", help="with --jsonl: lines are turns of one conversation")
    argv = sys.argv[1:] if argv is None else argv
    args = ap.parse_args(positional_safe(argv, ("ask", "-h", "--help", "--json", "--jsonl", "--chat")))
    if not args.jsonl and args.question is None:
        ap.error("a question is required (or use --jsonl with questions on stdin)")
    try:
        from assistant.service import Assistant

        assistant = Assistant(load_index())
    except (IndexUnavailable, CorpusError, EmbedderError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.jsonl:
        conv = Conversation()
        for _, question, error in stdin_lines():
            if error is not None:  # this line only; the batch goes on
                print(json.dumps({"question": None, "status": "error", "error": error}, ensure_ascii=False))
                continue
            answer = assistant.ask(question, conv if args.chat else Conversation())
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        return 0
    answer = assistant.ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print(answer.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
