"""CLI: python -m calculators list --json | run NAME --input '{...}' [--as-of YYYY-MM-DD] --json."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from calculators.base import InputError, load_all
from core.cli import load_json_object


def _print(obj, as_json: bool) -> None:
    if as_json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        print(json.dumps(obj, ensure_ascii=False, indent=2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m calculators", description="政策计算器")
    sub = ap.add_subparsers(dest="cmd", required=True)
    ls = sub.add_parser("list", help="list calculators")
    ls.add_argument("--json", action="store_true")
    run = sub.add_parser("run", help="run one calculator")
    run.add_argument("name")
    run.add_argument("--input", default="{}", help="JSON object of inputs")
    run.add_argument("--as-of", default=None, help="date the rules are applied at (default today)")
    run.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    calcs = load_all()
    if args.cmd == "list":
        rows = [c.describe() for c in calcs.values()]
        if args.json:
            _print(rows, True)
        else:
            for r in rows:
                print(f"{r['name']:<36} {r['doc_no']} {r['article']}  {r['title']}")
        return 0

    if args.name not in calcs:
        print(f"error: unknown calculator {args.name!r}; see 'python -m calculators list'", file=sys.stderr)
        return 2
    try:
        inputs = load_json_object(args.input)
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()  # the edge: today by default
        result = calcs[args.name].run(inputs, as_of)
    except (ValueError, InputError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    _print(result.to_dict(), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
