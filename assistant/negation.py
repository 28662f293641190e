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
    r"|不可抗力|不可控"
)
# A new statement starts: what was negated before it is not negated after it.
# 、 lists things under one negation ("没因为扬尘、安全问题被罚过"): it does not end the scope.
SCOPE_END = re.compile(r"[,，。;；!！?？\n]|但是?|可是|不过|而且|并且|而|也|且|以及|同时|另外|还有")
SCOPE_CHARS = 12  # a negator further back than this is about something else


# "从没因为环境或者安全生产问题被行政部门处罚过": a passive or a cause (被 / 因为 / 由于) puts a long adjunct between
# the negator and its verb; within one clause such a negator reaches this far.
LONG_SCOPE_CHARS = 28
LONG_SCOPE = re.compile(r"(?:不是|并非|从来没有?|从没|从未|并未|没有|没|未)(?:因为?|由于|被)")


def _long_scope(text: str, start: int) -> bool:
    window = text[max(0, start - LONG_SCOPE_CHARS) : start]
    cut = None
    for m in SCOPE_END.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    return LONG_SCOPE.search(window) is not None


# A negator right before another one cancels it: "不是没参加" = took part, "并非不用" = uses.
DOUBLE_NEGATION = re.compile(r"(?:不是|并非|并不是|倒不是|也不是|没有|没)$")


def negated(text: str, start: int) -> bool:
    """True when the words at text[start:] stand inside the scope of a negator before them.

    A mention that itself begins with a negator ("没有处罚") already states the negative: not negated again,
    unless a negator stands right before it ("不是没参加", "并非没有用" — a double negative states the positive,
    so the negative mention is denied). Likewise a negator whose nearest negator touches it from before is
    cancelled ("也不是没用过高新技术产品" is a yes).
    """
    if NEGATOR.match(text, start) and not NOT_A_NEGATOR.match(text, start):
        return bool(re.search(r"(?:不是|并非|并不是)$", text[:start]))
    if PREFIX_NEGATOR.search(text[:start]):
        return True
    if _long_scope(text, start):
        return True
    window = text[max(0, start - SCOPE_CHARS) : start]
    cut = None
    for m in SCOPE_END.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    window = NOT_A_NEGATOR.sub(lambda m: "＿" * len(m.group()), window)
    last = None
    for m in NEGATOR.finditer(window):
        last = m
    if last is None:
        return False
    return not DOUBLE_NEGATION.search(window[: last.start()])


# A topic named first and denied after it: "市里的补助我们没去申请", "市级奖励没拿到", "处罚一次都没有".
DENIED_AFTER = re.compile(
    r"(?:[我们他她公司单位这那个项目次回]{0,4})(?:还|也|都|并|从来|一直|一次都|一次也)?"
    r"(?:(?:没有?|未|并未|尚未|从未|从没)(?:去|能)?(?:拿到|拿|获得|得到|申请|申报|领到|领|享受|批下来|到手|批|给|下来"
    r"|用上|用到|使用|采用|用|参加|参评|评上|评到|评为|获评|获)"
    r"|(?:没有|没)(?:过)?$|不是$)"  # … or a bare "没有" / "不是" that ends the clause ("市级补助一直没有", "二等奖也不是")
)
AFTER_CHARS = 10  # a denial further on than this is about something else
AFTER_END = re.compile(r"[,，。;；!！?？\n]|但是?|可是|不过")


# A topic named in a clause of its own and denied as a whole in the next one: "市里认定的那些产品、装备，这次
# 我们一个都没用上", "区级的资助、补贴，我们都没拿过". The denial must be total (都 / 也 / 一个都 …) and take the
# topic as its object (用 / 拿 / 享受 …, or a bare 都没有), so "用了高新产品，处罚也没有" stays a yes.
TOPIC_CLAUSE = re.compile(r"[^,，。;；!！?？\n了用有拿是]{0,12}(?=[,，])")
TOPIC_OPENING = re.compile(r"(?:^|[,，。;；!！?？\n])[^,，。;；!！?？\n了用有拿是]{0,20}$")
_TOTAL_DENIAL = (
    r"(?:一[个项样次件台种]|任何)?(?:都|也|均|全)(?:没有?|未|从未|从没|不曾)"
    r"(?:用上|用到|用过|使用|采用|用|拿到|拿过|拿|获得|享受过?|申请过?|申报过?|参加过?)?[上过到了]?(?=$|[,，。;；!！?？\n])"
)
# … in the next clause, opened by pronouns, demonstratives and the like only ("，这次改造我们一个都没用上")
WHOLE_DENIAL = re.compile(
    r"[,，][我们咱他她它这那次回些项目里中上下改造公司单位厂本轮期间]{0,10}?" + _TOTAL_DENIAL
)
# … or in the topic's own clause, after the rest of its noun list ("高新产品、装备这些一样也没用")
SAME_CLAUSE_DENIAL = re.compile(r"[^,，。;；!！?？\n了用有拿是]{0,12}?" + _TOTAL_DENIAL)


def denied_after(text: str, end: int) -> bool:
    """True when the words ending at text[end] are the topic of a denial right after them, in the same clause
    ("高新产品、装备这些一样也没用"), or (TOPIC_CLAUSE) the topic of a clause of their own that the next clause
    denies as a whole."""
    rest = text[end : end + AFTER_CHARS]
    cut = AFTER_END.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    if DENIED_AFTER.match(rest) is not None:
        return True
    if TOPIC_OPENING.search(text, max(0, end - 30), end) and SAME_CLAUSE_DENIAL.match(text, end):
        return True
    topic = TOPIC_CLAUSE.match(text, end)
    if topic is None or not TOPIC_OPENING.search(text, max(0, end - 30), end):
        return False
    return WHOLE_DENIAL.match(text, topic.end()) is not None
