"""Three-valued logic for eligibility rules: True met, False failed, None not yet known."""

from __future__ import annotations


def all_of(conds: list[bool | None]) -> bool | None:
    """AND: any False → False; else any unknown → None; else True."""
    if any(c is False for c in conds):
        return False
    if any(c is None for c in conds):
        return None
    return True


def any_of(conds: list[bool | None]) -> bool | None:
    """OR: any True → True; else any unknown → None; else False."""
    if any(c is True for c in conds):
        return True
    if any(c is None for c in conds):
        return None
    return False
