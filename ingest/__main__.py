"""CLI: `python -m ingest [--rebuild] [--stats [--json]]` builds the index when needed and describes it."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter

from core.settings import Settings


def _stats(manifest: dict) -> dict:
    """Exactly the contract's shape (ARCHITECTURE.md, CLI contract)."""
    return {
        "documents": manifest["documents"],
        "chunks": manifest["chunks"],
        "embedder": manifest["embedder"],
        "docs": [
            {"doc_no": d["doc_no"], "title": d["title"], "issued_on": d["issued_on"], "chunks": d["chunks"]}
            for d in manifest["docs"]
        ],
    }


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - shown)


def _print_table(stats: dict, manifest: dict, kinds: Counter) -> None:
    print(f"{stats['documents']} documents, {stats['chunks']} chunks; embedder {stats['embedder']} "
          f"(dim {manifest['dim']}), tokenizer {manifest['tokenizer']}, built {manifest['built_at']}")  # fmt: skip
    print()
    print(f"{_pad('文号', 22)}{'issued':<12}{'chunks':>6}  title")
    for d in stats["docs"]:
        print(f"{_pad(d['doc_no'], 22)}{d['issued_on'] or '-':<12}{d['chunks']:>6}  {d['title']}")
    print()
    print("chunks by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if the index is current")
    parser.add_argument("--stats", action="store_true", help="describe the index after building")
    parser.add_argument("--json", action="store_true", help="with --stats: print JSON on stdout")
    args = parser.parse_args(argv)

    # heavy modules are imported here so that argparse errors and --help stay instant
    from ingest.embedders import EmbedderError
    from ingest.index import CHUNKS, ChromaUnavailable, IndexUnavailable, build_index
    from ingest.parse import CorpusError

    settings = Settings.from_env()
    try:
        report = build_index(settings, rebuild=args.rebuild, progress=sys.stderr.isatty())
    except (CorpusError, EmbedderError, ChromaUnavailable, IndexUnavailable) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous index (if any) is unchanged", file=sys.stderr)
        return 130
    except Exception as e:  # anything else (disk full, a Chroma server error): one line, not a traceback
        if isinstance(e, PermissionError):
            print(f"error: 数据目录不可写（{e}）：建索引需要 GAZETTE_DATA_DIR 可写；只读目录上的现有索引仍可直接提问",
                  file=sys.stderr)  # fmt: skip
        else:
            print(f"error: index build failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1

    manifest = report.manifest
    if report.status == "built":
        print(f"index built at {settings.index_dir}: {manifest['chunks']} chunks from "
              f"{manifest['documents']} documents in {report.seconds:.1f}s ({report.reason})", file=sys.stderr)  # fmt: skip
    else:
        print(f"index at {settings.index_dir} is current ({manifest['chunks']} chunks)", file=sys.stderr)

    if args.stats or args.json:
        stats = _stats(manifest)
        if args.json:
            print(json.dumps(stats, ensure_ascii=False))
        else:
            with open(settings.index_dir / CHUNKS, encoding="utf-8") as fh:
                kinds = Counter(json.loads(line)["kind"] for line in fh if line.strip())
            _print_table(stats, manifest, kinds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
