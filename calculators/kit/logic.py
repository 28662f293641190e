"""Three-valued logic for eligibility rules: True met, False failed, None not yet known."""

from __future__ import annotations

from collections.abc import Iterable


def _decided_by(decisive: bool, conds: Iterable[bool | None]) -> bool | None:
    """The first condition equal to `decisive` decides (later ones are not even evaluated);
    else any unknown leaves it unknown; else the opposite of `decisive`."""
    unknown = False
    for c in conds:
        if c is decisive:
            return decisive
        unknown = unknown or c is None
    return None if unknown else not decisive


def all_of(conds: Iterable[bool | None]) -> bool | None:
    """AND: one failed condition is enough to fail."""
    return _decided_by(False, conds)


def any_of(conds: Iterable[bool | None]) -> bool | None:
    """OR: one met branch is enough."""
    return _decided_by(True, conds)


def negate(c: bool | None) -> bool | None:
    """NOT: an unknown stays unknown."""
    return None if c is None else not c
