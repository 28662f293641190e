"""Command-line helpers shared by the entry points: questions that start with "-", and stdin read line by line."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO


def positional_safe(argv: Iterable[str], options: Iterable[str]) -> list[str]:
    """argv with any word that starts with "-" but is no option of ours moved after "--", so a question like
    "-500千瓦能拿多少" is read as the question, not as an unknown option; options after it still count."""
    known, args = set(options), list(argv)
    if "--" in args:
        return args
    keep = [a for a in args if not a.startswith("-") or a.split("=", 1)[0] in known]
    moved = [a for a in args if a.startswith("-") and a.split("=", 1)[0] not in known]
    return [*keep, "--", *moved] if moved else keep


def stdin_lines(stream: BinaryIO | None = None) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, error) for each line of stdin, each decoded on its own: one undecodable byte
    spoils its own line only (text None, error says why), whatever the locale says."""
    stream = stream if stream is not None else sys.stdin.buffer
    for n, raw in enumerate(stream, 1):
        try:
            yield n, raw.decode("utf-8").rstrip("\r\n"), None
        except UnicodeDecodeError as e:
            yield n, None, f"line {n} is not valid UTF-8 (byte {e.start}: {raw[e.start : e.start + 1]!r})"
