"""CLI: python -m bench quality [--skip-baselines] | heldout | dev-cases [--only ID] | speed | api [--seconds N] |
e5-feature"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="retrieval quality and speed benchmarks")
    sub = ap.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser(
        "quality",
        help="Recall@1/5 and MRR@10 vs baselines (dev and held-out apart), out-of-scope trade-off, tokenisers, "
        "end-to-end dev and held-out sets",
    )
    q.add_argument("--skip-baselines", action="store_true", help="only our pipeline (faster)")
    q.add_argument(
        "--gold-dir",
        type=Path,
        default=None,
        help="folder with retrieval.yaml, out_of_scope.yaml and heldout/",
    )
    q.add_argument("--out", type=Path, default=None, help="JSON output (default bench/results/quality.json)")
    h = sub.add_parser(
        "heldout",
        help="only the held-out numbers: retrieval (ours), out-of-scope thresholds, end-to-end sets",
    )
    h.add_argument("--gold-dir", type=Path, default=None, help="folder with retrieval.yaml and heldout/")
    h.add_argument("--out", type=Path, default=None, help="JSON output (default bench/results/heldout.json)")
    d = sub.add_parser("dev-cases", help="the corpus-written dev cases, every miss listed (for learning)")
    d.add_argument("--only", default=None, help="run the cases whose id contains this")
    s = sub.add_parser("speed", help="ingest time, load time, query latency, peak memory")
    s.add_argument("--gold-dir", type=Path, default=None, help="folder with the gold questions")
    s.add_argument("--out", type=Path, default=None, help="JSON output (default bench/results/speed.json)")
    s.add_argument("--skip-assistant", action="store_true", help="do not time the assistant")
    a = sub.add_parser(
        "api", help="the HTTP API under 20 and 50 concurrent loopback clients, beside in-process ask"
    )
    a.add_argument("--seconds", type=float, default=30.0, help="measured seconds per concurrency level (30)")
    a.add_argument("--clients", type=int, nargs="+", default=[20, 50], help="concurrency levels (20 50)")
    a.add_argument("--workers", type=int, default=2, help="uvicorn workers (2)")
    a.add_argument("--out", type=Path, default=None, help="JSON output (default bench/results/api.json)")
    sub.add_parser("e5-feature", help="e5 cosine as a reranker feature: quality by weight, and what it costs")
    args = ap.parse_args(argv)

    try:
        if args.cmd == "quality":
            from bench import assistant_gold, heldout, quality

            gold_dir = args.gold_dir or quality.GOLD_DIR
            result = quality.main(gold_dir, args.skip_baselines, args.out)
            status = assistant_gold.main()
            e2e = heldout.run_and_print(gold_dir)
            print(f"\n(JSON: {heldout.write_json(result, e2e)})")
            return status
        if args.cmd == "heldout":
            from bench import heldout

            return heldout.main(args.gold_dir or heldout.GOLD_DIR, args.out)
        if args.cmd == "dev-cases":
            from bench import dev_cases

            return dev_cases.main(only=args.only)
        if args.cmd == "e5-feature":
            from bench import e5_feature

            return e5_feature.main()
        if args.cmd == "api":
            from bench import api

            return api.main(args.seconds, tuple(args.clients), args.workers, args.out)
        from bench import speed

        return speed.main(args.gold_dir or speed.GOLD_DIR, args.out, args.skip_assistant)
    except FileNotFoundError as e:  # no gold set yet
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
