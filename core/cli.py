"""Command-line helpers shared by the entry points: questions that start with "-", and stdin read line by line."""

from __future__ import annotations

import json
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


MAX_JSON_BYTES = 100_000  # far above any calculator's inputs; bounds what a caller can make us parse
MAX_JSON_DEPTH = 20  # inputs are a flat object with a few lists; deeper nesting is no calculator input


def load_json_object(text: str, what: str = "--input") -> dict:
    """A JSON object from the command line, bounded in size and depth before it is parsed (50,000 nested
    brackets would otherwise end in a RecursionError). ValueError says what is wrong."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_JSON_BYTES:
        raise ValueError(f"{what} is larger than {MAX_JSON_BYTES} bytes")
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (not escaped and ch == "\\"), in_string and (escaped or ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    if deepest > MAX_JSON_DEPTH:
        raise ValueError(f"{what} is nested {deepest} deep; at most {MAX_JSON_DEPTH} levels are accepted")
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise ValueError(f"{what} is not valid JSON ({e.msg} at character {e.pos})") from None
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number a calculator can use")
