"""False premises: a question that asserts a benefit or an amount and asks for it to be confirmed
("西城区给每位居民发放10万元补贴，对吗？") is confirmed only by a clause that states that amount for that group.

Otherwise the answer is "公报中没有这项规定", with the nearest real rule shown as such — never a quote under
"相关规定如下" that reads as a confirmation.
"""

from __future__ import annotations

import re

from assistant.numbers import find_quantities
from core.normalize import normalize

ASKS_TO_CONFIRM = re.compile(
    r"对吗|对吧|对不对|是真的吗|是不是真的|真的吗|是否属实|属实吗|听说|据说|网上说|有人说|确认一下|没错吧|是这样吗|是吧[？?]?$"
)
# Who the claim says benefits, when it says "every …": the clause must speak of the same group.
EVERYONE = re.compile(
    r"(每位|每个|每名|每户|所有|全体|全部|凡是)(?P<who>[\u4e00-\u9fff]{1,4}?)(都|均|可|能|发|给|领|享受|补|奖|，|,|$)"
)


def _amounts(text: str) -> set[tuple[float, str]]:
    return {(q.value, q.unit) for q in find_quantities(text) if q.unit in ("yuan", "percent")}


def unsupported_claim(question: str, clause_texts: list[str]) -> str | None:
    """Why the clauses do not confirm what the question asserts, or None when it asserts nothing to confirm
    (no confirmation asked, or no amount claimed) or a clause states it."""
    q = normalize(question)
    if not ASKS_TO_CONFIRM.search(q):
        return None
    claimed = _amounts(q)
    who = m.group("who") if (m := EVERYONE.search(q)) else None
    if not claimed and who is None:
        return None
    for text in clause_texts:
        flat = normalize(text)
        if claimed <= _amounts(flat) and (who is None or who in flat):
            return None
    what = "、".join(sorted({f"{v:g}{'元' if u == 'yuan' else '%'}" for v, u in claimed}))
    target = f"给{who}" if who else ""
    return f"公报中没有这项规定：没有找到{target}{'发放' + what if what else '这项待遇'}的条文。"
