"""What kind of thing a question asks for (a phone number, an age, a date, an amount, an office …), and
whether a clause contains that kind of thing — a feature for reranking the fused candidates.

Each type is a pair of patterns: words in the question that ask for it, and text in a clause that states it.
"""

from __future__ import annotations

import re

from core.normalize import normalize

# (asked in the question, stated in a clause); question patterns run over normalised text.
ANSWER_TYPES: dict[str, tuple[re.Pattern, re.Pattern]] = {
    name: (re.compile(asked), re.compile(stated))
    for name, (asked, stated) in {
        "phone": (r"电话|热线|咨询号码|联系方式|打哪个号", r"\d{4}[-\s]?\d{4}|\d{8}|电话|热线"),
        "age": (r"几岁|多大|年龄|多少岁|周岁|哪年出生|出生的(孩子|小孩)", r"周岁|出生"),
        "date": (
            r"什么时候|哪天|几号|几月|截止|期限|何时|时间安排|哪一天|多长时间|多久",
            r"\d+月\d+日|\d{4}年\d+月|\d+月(上|中|下)旬|日前|日至|工作日|年底|月底|之日起",
        ),
        "amount": (
            r"多少钱|补多少|奖多少|多少元|多少万|补贴多少|奖励多少|补助多少|标准是多少|怎么补|能拿多少|给多少|上限|最多",
            r"\d+(\.\d+)?(元|万元|亿元|%)",
        ),
        "office": (
            r"哪个部门|什么部门|哪个单位|交到哪|去哪(里)?(申请|办|交|报)|找谁|受理|负责|牵头|主管",
            r"(局|委员会|委|中心|街道|办事处|工作组|管委会)(负责|受理|牵头|审核|组织)|责任单位|牵头单位",
        ),
        "validity": (
            r"有效期|有效到|施行|什么时候开始|到什么时候|还有效|过期|试行期",
            r"有效期|施行|起实施|起执行|自.{0,12}起",
        ),
        "materials": (r"材料|证明|提交什么|带什么|要准备|证件", r"材料|证明|复印件|原件|证书|证件"),
        "definition": (
            r"什么是|指什么|哪些.{0,8}(算|属于)|算不算|是指|包括哪些|什么叫",
            r"是指|所称|包括|指的是",
        ),
        "combine": (
            r"同时|叠加|一起拿|重复|两项|都能拿|兼得|一起申请",
            r"不重复|不得同时|从高|就高|累计|叠加|同时享受|最高标准",
        ),
    }.items()
}


def asked_types(question: str) -> tuple[str, ...]:
    """The kinds of thing the question asks for (empty when it names none)."""
    q = normalize(question)
    return tuple(name for name, (asked, _) in ANSWER_TYPES.items() if asked.search(q))


def states(text: str, types: tuple[str, ...]) -> float:
    """The share of the asked-for kinds that the clause states (0 when nothing specific was asked). `text`
    is normalised already (chunk_search_text), as the patterns expect."""
    if not types:
        return 0.0
    return sum(1 for t in types if ANSWER_TYPES[t][1].search(text)) / len(types)


# The school stage and the family's hukou a question names: a clause about only the other one is the
# wrong clause, however many words it shares (小学 vs 初中; 非本市户籍 vs 本市户籍).
SCOPES = (
    (re.compile(r"小学(?!六年级|毕业|应届)|一年级|幼升小|上学前"), re.compile(r"初中|小升初|六年级|毕业生")),
    (re.compile(r"外地|外省|非本市|非京籍|随迁|老家"), re.compile(r"(?<!非)本市户籍|西城区户籍|本区户籍")),
)


def scope_clash(question: str, text: str) -> bool:
    """The question names one side of a scope and the clause speaks only of the other."""
    q, t = normalize(question), text  # the clause text comes normalised (chunk_search_text)
    for one, other in SCOPES:
        for mine, theirs in ((one, other), (other, one)):
            if mine.search(q) and not theirs.search(q) and theirs.search(t) and not mine.search(t):
                return True
    return False
