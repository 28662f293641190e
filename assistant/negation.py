"""Negation scope for facts stated in words: is a condition's mention inside a "没有… / 未… / 不是…" clause?

A negator negates what follows it up to the clause boundary (punctuation, or a word that starts a new
statement: 但, 也, 而且 …). Words that contain a negator but negate nothing (非常, 无论, 不仅 …) are not
negators. Used by assistant.slots for every fact written as a pattern, so a slot's patterns need list only
the positive wording of a condition.
"""

from __future__ import annotations

import re

# Longest first: "并未" before "未", "不是" before "不". 非 and 无 are also noun prefixes (非国有, 无房):
# they negate only the words right after them, so they count only when they touch the mention.
NEGATOR = re.compile(r"并未|尚未|从未|从没|从来没有?|还没有?|没有|不是|并非|没|未|不")
PREFIX_NEGATOR = re.compile(r"[非无]$")
# Words containing a negator character that negate nothing here.
NOT_A_NEGATOR = re.compile(
    r"非常|无论|不论|不仅|不但|不管|不少|不久|不错|不过|不同|不断|无锡|非京|非本市|非本区|非沪|非上市|非控股|不动产"
)
# A new statement starts: what was negated before it is not negated after it.
# 、 lists things under one negation ("没因为扬尘、安全问题被罚过"): it does not end the scope.
SCOPE_END = re.compile(r"[,，。;；!！?？\n]|但是?|可是|不过|而且|并且|而|也|且|以及|同时|另外|还有")
SCOPE_CHARS = 12  # a negator further back than this is about something else


def negated(text: str, start: int) -> bool:
    """True when the words at text[start:] stand inside the scope of a negator before them.

    A mention that itself begins with a negator ("没有处罚") already states the negative: not negated again.
    """
    if NEGATOR.match(text, start) or PREFIX_NEGATOR.search(text[:start]):
        return bool(PREFIX_NEGATOR.search(text[:start])) and not NEGATOR.match(text, start)
    window = text[max(0, start - SCOPE_CHARS) : start]
    cut = None
    for m in SCOPE_END.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    window = NOT_A_NEGATOR.sub(lambda m: "＿" * len(m.group()), window)
    return NEGATOR.search(window) is not None


# A topic named first and denied after it: "市里的补助我们没去申请", "市级奖励没拿到", "处罚一次都没有".
DENIED_AFTER = re.compile(
    r"(?:[我们他她公司单位这那个项目]{0,4})(?:还|也|都|并|从来|一直|一次都|一次也)?"
    r"(?:(?:没有?|未|并未|尚未|从未|从没)(?:去|能)?(?:拿到|拿|获得|得到|申请|申报|领到|领|享受|批下来|到手|批|给|下来)"
    r"|(?:没有|没)(?:过)?$)"  # … or a bare "没有" that ends the clause ("市级补助一直没有")
)
AFTER_CHARS = 10  # a denial further on than this is about something else
AFTER_END = re.compile(r"[,，。;；!！?？\n]|但是?|可是|不过")


def denied_after(text: str, end: int) -> bool:
    """True when the words ending at text[end] are the topic of a denial right after them, in the same clause."""
    rest = text[end : end + AFTER_CHARS]
    cut = AFTER_END.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    return DENIED_AFTER.match(rest) is not None
