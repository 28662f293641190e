"""The assistant: route a question to a clause, a calculator, a retrieval answer or an honest 'not found'."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import replace
from datetime import date

from assistant.compose import (
    compose_calculation,
    compose_clauses,
    partial_note,
    understood_line,
    understood_text,
    validity_warnings,
)
from assistant.conversation import LLM_SEPARATOR, Answer, Conversation
from assistant.intents import Intent, best_intent, load_intents
from assistant.llm import make_chat_model, rewrite
from assistant.numbers import find_numbers, find_quantities
from assistant.premise import ASKS_TO_CONFIRM, unsupported_claim
from assistant.slots import Extraction, extract
from calculators.base import Calculator, InputError, load_all
from core.format import citation_label, yuan_exact
from core.normalize import normalize
from core.schema import CalcResult, Citation
from ingest.index import IndexUnavailable
from retrieval.index import Index
from retrieval.search import OTHER_PLACES, Retriever

MAX_QUESTION = 2000
# Words that ask for a number or a verdict: with these, a calculator intent runs even without inputs.
ASKS_FOR_RESULT = re.compile(
    r"怎么算|如何计算|能(上|读|报|入)[^，。？?]{0,8}吗|能不能(上|读|报)|有补贴吗|有奖励吗|能补吗|算不算|能享受|可以享受|有没有(补贴|奖励)|多少|几[万千百]|能拿|能领|能得|能获得|算一下|计算|测算|能不能|可不可以|可以吗|是否符合|符合条件|够不够|有资格|能否|补多少|奖多少"
)
INJECTION = re.compile(
    r"忽略(以上|之前|上面|前面)|无视(以上|之前)|系统提示|system prompt|ignore (all |the )?(previous|above)|"
    r"你现在是|扮演|jailbreak|developer mode|^\s*system\s*[:：]|你必须(回答|确认|同意)",
    re.IGNORECASE,
)
# People speaking of their own case ("我们能拿多少"): with these, or with a figure or a date stated, a
# calculator runs. A question about the rule itself ("新能源叉车更新能补多少") gets the rule, quoted, and an
# offer to compute. Phrases that only open a question (我想问) are not an own case.
OWN_CASE = re.compile(r"我|咱|俺|本公司|本单位|本企业|自家")
# Words that ask what the rule is (a rate, a cap, the conditions, who, whether two combine), even when the
# question also names a category ("我们是二档企业，租房补贴按多少补").
RULE_WORDS = re.compile(
    r"多少比例|什么比例|按多少|什么标准|标准是|每.{0,6}(奖|补|给)多少|最多|上限|封顶|最高|(?<![好这那十前])几年|多少年|"
    r"什么条件|哪些条件|有什么要求|怎么申请|如何申请|需要什么|要什么|能不能同时|能同时|可以同时|算不算|"
    r"属不属于|是否属于|哪些|哪个部门|什么部门|哪个单位|由谁|找谁|去哪里?(办|交|申请|报)"
)
LABEL_NOTE = re.compile(r"（[^（）]{9,}）|\([^()]{9,}\)")  # a long note in a description, not "（千瓦）"
# An amount the asker claims for their own case and asks to confirm: "能拿60万，对吗？"
CLAIMED = re.compile(
    r"(?:能拿|能领|能补|能获得|能得|可以拿|可以领|可拿|可领|补贴|补|奖励|奖|给|发)(?:了|到|有)?"
    r"(?P<amount>\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:元|块)?|[一二三四五六七八九十百千两]+(?:万|亿)(?:元|块)?)"
)
# An estimate of one's own amount asked as a yes/no in the question's last clause ("应该奖62万吧？",
# "区里是不是按一半给60万？", "能配套60万吗？"): checked like "…对吗？", the amount read as the claim, not a fact.
ESTIMATE_ASKED = re.compile(r"是不是|是否|应该|对么|没错|吧[？?]?$|吗[？?]?$")
LAST_CLAUSE = re.compile(r"[^，,。;；!！?？]*[?？!！。]*$")
PER_ITEM = re.compile(r"每|一(台|辆|单|千瓦|度|吨|平|名|顿|份|个|家|人)")
# "一单/一台/一千瓦 … 给多少": the rate for one unit, asked as a rule ("养老驿站做一单助餐给多少补贴")
PER_ONE = re.compile(
    r"一(单|台|辆|千瓦|度电|吨|平方米|平米|名|顿|份)(?=[^。？?]{0,12}?(?:给|补|奖|发|领|拿)[^。？?]{0,4}多少)"
)
# Rule words that ask for a verdict: with the asker's own facts they ask about the asker's case.
VERDICT_WORDS = re.compile(r"算不算|属不属于|是否属于|符不符合|够不够格|够不够条件")
JUST_ASKING = re.compile(r"我想(问|了解|知道|咨询)(一下)?|请问|问一下|想问")
# A follow-up that changes an input: "那如果是1200千瓦呢？", or corrects one: "不对，我们没用高新技术产品",
# "是3台不是1台".
FOLLOW_UP = re.compile(
    r"^(那|如果|要是|假如|换成|改成|再算|那么|不对|不是|错了|说错了|更正|纠正|应该是|其实)|呢[？?]?$|不是[^，。？?]{0,8}$"
)


def clean_question(raw: str) -> str:
    """Drop control characters and surrounding space; keep the text otherwise as typed."""
    return "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in "\n\t").strip()


class Assistant:
    """One per process; `ask` is safe to call from several threads, each with its own Conversation."""

    def __init__(self, index: Index, today: date | None = None, chat_model=None):
        """`today` is the date answers are given for (validity, calculations); callers at the edge pass it."""
        self.retriever = Retriever(index)
        self.chat_model = chat_model if chat_model is not None else make_chat_model(index.settings)
        self._tools = None
        self._quoted: dict[tuple[str, str], str | None] = {}  # (doc_no, quote) → the chunk that holds it
        self._squashed: dict[str, str] = {}  # chunk id → its text as squash() compares it, made on first use
        self.docs = {d.doc_no: d for d in self.retriever.docs}
        self.calculators: dict[str, Calculator] = load_all()
        self.intents = tuple(i for i in load_intents() if i.calculator in self.calculators)
        # Fixed for this assistant's lifetime; only callers that inject nothing get the date of construction.
        self.today: date = today if today is not None else date.today()

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        start = time.perf_counter()
        conv = conversation if conversation is not None else Conversation()
        try:
            answer = self._route(question, conv)
        except IndexUnavailable as e:  # the Chroma server stopped or went silent after start-up
            text = f"暂时无法检索公报：{e}。请稍后再试，或请管理员检查索引服务。"
            answer = Answer(clean_question(question if isinstance(question, str) else ""), "not_found", text)
        if self.chat_model is not None and answer.status in ("answered", "calculated"):
            answer = self._with_llm(answer)
        conv.history.append((answer.question, answer.status))
        return replace(answer, elapsed_ms=(time.perf_counter() - start) * 1000)

    # -- routing ---------------------------------------------------------------------------------

    def _route(self, raw: str, conv: Conversation) -> Answer:
        q = clean_question(raw if isinstance(raw, str) else "")
        if not q:
            return Answer(q, "not_found", "请输入您的问题，例如：“光伏装机500千瓦能拿多少奖励？”")
        if len(q) > MAX_QUESTION:
            return Answer(q[:200] + "…", "not_found", f"问题太长（超过{MAX_QUESTION}字），请精简后再问。")
        if INJECTION.search(q):
            return self._not_found(q, "这个请求与西城区政府公报无关，我只能回答公报内容相关的问题。")

        flat = normalize(q)
        if OTHER_PLACES.search(flat) and "西城" not in flat:
            return self._not_found(q, "公报是北京市西城区的文件，不涉及您问到的其他地区的政策。")

        ref, exact = self.retriever.exact(q)
        if exact and not self._own_case_named(q, flat):
            return self._clauses(q, exact, exact=True)
        missing = self.retriever.missing(q, ref)
        if missing:  # never answer a clause that does not exist with another one
            return self._not_found(q, f"{missing}请核对文号和条款号。")

        confirm = ASKS_TO_CONFIRM.search(flat)
        if confirm or _estimate_asked(flat):
            checked = self._check_claimed_amount(q, flat, conv, last_clause=not confirm)
            if checked is not None:
                return checked
            if confirm and not OWN_CASE.search(JUST_ASKING.sub("", flat)):
                # "…对吗？" asks whether the rule says so: checked against the clauses
                return self._retrieve(q)

        intent, _ = best_intent(q, self.intents)
        if conv.calculator and (intent is None or intent.calculator == conv.calculator):
            pending = self._intent_for(conv.calculator)
            facts = extract(q, list(pending.slots), self.today) if pending else Extraction()
            # A short reply that states values ("2024年缴足的") continues the calculation in progress.
            if facts.values and (conv.missing or FOLLOW_UP.search(q) or intent is not None or len(q) <= 15):
                return self._calculate(q, pending, conv, facts)
        if intent is not None:
            facts = extract(q, list(intent.slots), self.today)
            if facts.values or ASKS_FOR_RESULT.search(q):
                conv.calculator, conv.inputs, conv.missing, conv.sources = intent.calculator, {}, [], {}
                if not _own_case(flat, facts.values):
                    ruled = self._rule(q, intent, conv, facts.values)
                    if ruled is not None:
                        return ruled
                return self._calculate(q, intent, conv, facts)
        return self._retrieve(q)

    def _check_claimed_amount(
        self, q: str, flat: str, conv: Conversation, last_clause: bool = False
    ) -> Answer | None:
        """A claimed amount ("装机500千瓦能拿60万，对吗？"): the facts without it go to the calculator, and the
        answer says whether the claim matches what it computes. None when no amount of one's own case is
        claimed. With `last_clause`, only a claim in the question's last clause counts ("应该奖62万吧？")."""
        at = LAST_CLAUSE.search(flat).start() if last_clause else 0
        claim = CLAIMED.search(flat, at)
        if claim is None or (last_clause and PER_ITEM.search(flat, at, claim.start())):
            return None
        amounts = [x.value for x in find_quantities(claim.group("amount")) if x.unit in ("yuan", None)]
        stated = flat[: claim.start()] + flat[claim.end() :]
        intent, _ = best_intent(stated, self.intents)
        facts = extract(stated, list(intent.slots), self.today) if intent else Extraction()
        own = _has_figure(stated) or OWN_CASE.search(JUST_ASKING.sub("", stated))
        if not (amounts and facts.values and own):
            # a claim about the rule itself ("老人每天补50元，对吧？") is checked against the clauses
            return None
        conv.calculator, conv.inputs, conv.missing, conv.sources = intent.calculator, {}, [], {}
        answer = self._calculate(q, intent, conv, facts)
        got = answer.calculation.amount_yuan if answer.calculation and answer.status == "calculated" else None
        if got is None:
            return answer
        said = claim.group("amount")
        verdict = (
            f"您说的“{said}”与按公报测算的结果一致：**{yuan_exact(got)}**。"
            if abs(amounts[0] - got) < 0.5
            else f"您说的“{said}”与公报不符：按公报测算为 **{yuan_exact(got)}**，依据和过程如下。"
        )
        return replace(answer, answer=f"{verdict}\n\n{answer.answer}")

    def _own_case_named(self, q: str, flat: str) -> bool:
        """A clause named as the rule for the asker's own case ("按82号第五条，我们装机500千瓦能拿多少") is
        answered by the calculator (citing that clause), not by the clause alone."""
        if not (ASKS_FOR_RESULT.search(q) or _estimate_asked(flat)):
            return False
        intent, _ = best_intent(q, self.intents)
        values = extract(q, list(intent.slots), self.today).values if intent else {}
        return bool(values) and _own_case(flat, values)

    def _with_llm(self, answer: Answer) -> Answer:
        if self._tools is None:
            from calculators.tools import all_tools

            self._tools = all_tools(self.today)
        reply = rewrite(self.chat_model, answer.question, answer.citations, answer.calculation, self._tools)
        if not reply.accepted:
            return replace(answer, fallback_reason=reply.fallback_reason)
        if answer.calculation is not None:  # the model phrases around the calculation, shown as computed
            return replace(answer, answer=reply.text + LLM_SEPARATOR + answer.answer, rewritten_by_llm=True)
        # The model sees clauses and the calculation, not the validity check: keep its warnings.
        return replace(
            answer, answer=reply.text + _warning_list(answer.validity_warnings), rewritten_by_llm=True
        )

    def _intent_for(self, name: str) -> Intent | None:
        return next((i for i in self.intents if i.calculator == name), None)

    # -- answers ---------------------------------------------------------------------------------

    def _calculate(self, q: str, intent: Intent, conv: Conversation, facts: Extraction) -> Answer:
        calc = self.calculators[intent.calculator]
        conv.calculator = intent.calculator
        unsure = {**facts.conflicts, **facts.ranges}
        values = {n: v for n, v in facts.values.items() if n not in unsure}
        twins = _twins(conv, values)
        values = {**{t: values[n] for t, n in twins.items()}, **values}
        sources = {**{t: facts.sources.get(n) for t, n in twins.items()}, **facts.sources}
        conv.inputs = {**conv.inputs, **intent.fixed, **values}
        conv.sources = {**conv.sources, **{n: sources[n] for n in values if sources.get(n)}}
        if facts.conflicts or facts.ranges:
            return self._ask_which(q, calc, conv, facts)
        try:
            result = self._located(calc.run(dict(conv.inputs), self.today))
        except InputError as e:
            tried = dict(conv.inputs)
            bad = [n for n in conv.inputs if n in str(e)]
            for n in bad:
                conv.inputs.pop(n, None)
            conv.missing = bad
            asks = [self._ask_text(intent, calc, n) for n in bad] or ["请检查输入的数值"]
            why = _readable_error(str(e), lambda n: self._label(calc, n), tried)
            text = f"输入的数值不合理：{why}\n\n请重新提供：" + "；".join(asks)
            return Answer(q, "needs_input", text, tuple(calc.citations()))
        if result.missing:
            fields = list((result.extra or {}).get("missing_fields", [])) or [
                n
                for n, f in calc.inputs.model_fields.items()
                if n in result.missing
                or any(m and (f.description or "").startswith(m) for m in result.missing)
            ]
            conv.missing = fields
            asks = [self._ask_text(intent, calc, n) for n in fields] or list(result.missing)
            text = f"要计算**{calc.title}**，还需要以下信息：\n\n" + "\n".join(f"- {a}" for a in asks)
            result = replace(result, sources=_sources_of(conv, result))
            understood = self._facts(calc, conv)
            text += understood_text(understood)
            return Answer(q, "needs_input", text, result.citations, result, understood=understood)
        conv.missing = []
        result = replace(result, sources=_sources_of(conv, result))
        understood = self._facts(calc, conv)
        body = compose_calculation(result, calc.title) + understood_text(understood)
        notes = validity_warnings([calc.doc_no], self.docs, q, self.today)
        notes = tuple(n for n in notes if not any(n[:12] in w for w in result.warnings))
        return Answer(
            q, "calculated", body + _warning_list(notes), result.citations, result, validity_warnings=notes,
            understood=understood,
        )  # fmt: skip

    def _located(self, result: CalcResult) -> CalcResult:
        """The calculation with each citation pointing at the clause it quotes (its chunk id), so it links to
        the article and the LLM check can hold the reply to it."""
        return replace(result, citations=tuple(self._chunk_of(c) for c in result.citations))

    def _chunk_of(self, c: Citation) -> Citation:
        if c.chunk_id:
            return c
        key = (c.doc_no, c.quote)
        if key not in self._quoted:
            if not self._squashed:
                self._squashed = {ch.chunk_id: squash(ch.text) for ch in self.retriever.index.chunks}
            quote = squash(c.quote)
            holders = [
                ch
                for ch in self.retriever.index.chunks
                if ch.doc_no == c.doc_no and quote in self._squashed[ch.chunk_id]
            ]
            self._quoted[key] = (
                min(holders, key=lambda ch: len(ch.text)).chunk_id if holders and quote else None
            )
        return replace(c, chunk_id=self._quoted[key]) if self._quoted[key] else c

    def _ask_which(self, q: str, calc: Calculator, conv: Conversation, facts: Extraction) -> Answer:
        """Two values for one fact, or a range where the rule needs one figure: ask, assume nothing."""
        conv.missing = [*facts.conflicts, *facts.ranges]
        asks = [
            f"您先说“{a}”，又说“{b}”，{self._label(calc, n)}以哪个为准？"
            for n, (a, b) in facts.conflicts.items()
        ] + [
            f"您给的是一个范围“{r}”，请告诉我{self._label(calc, n)}的确切数值。"
            for n, r in facts.ranges.items()
        ]
        lead = "您的说法前后不一致，我不替您选择：" if facts.conflicts else "计算需要确切的数值："
        understood = self._facts(calc, conv)
        text = lead + "\n\n" + "\n".join(f"- {a}" for a in asks) + understood_text(understood)
        return Answer(q, "needs_input", text, tuple(calc.citations()), understood=understood)

    def _rule(self, q: str, intent: Intent, conv: Conversation, values: dict) -> Answer | None:
        """A rule question: the clause of the calculator's document that answers it, the calculator's rule
        from its parameters (each quoted and cited), and an offer to compute — no interrogation. None when
        that document has no clause for it (the calculator then asks for what it needs)."""
        calc = self.calculators[intent.calculator]
        result = self.retriever.search(q, k=3, doc_no=calc.doc_no)
        if not result.hits:
            return None
        top = result.hits[0].score
        found = self._clauses(q, [h for h in result.hits[:2] if h.score >= top * 0.9], exact=False)
        conv.inputs = {**intent.fixed, **values}
        pending = self._located(calc.run(dict(conv.inputs), self.today))
        conv.missing = list((pending.extra or {}).get("missing_fields", []))
        doc = self.docs.get(calc.doc_no)
        name = doc.short_name if doc and doc.short_name else None
        rule = "\n".join(
            f"- {citation_label(c.doc_no, name or c.title, c.article)}：“{c.quote}”"
            for c in pending.citations
        )
        asks = [self._ask_text(intent, calc, n) for n in conv.missing[:3]]
        offer = f"如需按您的情况测算，请告诉我：{'；'.join(asks)}" if asks else "告诉我您的情况即可为您测算。"
        text = f"{found.answer}\n\n**{calc.title}**的计算依据：\n\n{rule}\n\n{offer}"
        return replace(found, answer=text, citations=found.citations + tuple(pending.citations))

    def _label(self, calc: Calculator, name: str) -> str:
        """An input's name for people: its description without the notes on how it is read."""
        f = calc.inputs.model_fields.get(name)
        text = f.description if f and f.description else name
        return LABEL_NOTE.sub("", text.split("：")[0]).strip() or name

    def _facts(self, calc: Calculator, conv: Conversation) -> tuple[str, ...]:
        """我理解的情况: each fact the user stated, its value and the words it was read from, so a wrong
        reading can be corrected in words ("不对，我们没用高新技术产品"、"是3台不是1台")."""
        return tuple(
            understood_line(self._label(calc, n), conv.inputs[n], words)
            for n, words in conv.sources.items()
            if n in conv.inputs
        )

    def _ask_text(self, intent: Intent, calc: Calculator, name: str) -> str:
        spec = next((s for s in intent.slots if s.name == name), None)
        if spec and spec.ask and spec.ask != name:
            return spec.ask
        f = calc.inputs.model_fields.get(name)
        return (f.description if f and f.description else name) + "？"

    def _retrieve(self, q: str) -> Answer:
        result = self.retriever.search(q, k=5)
        if not result.relevant or not result.hits:
            return self._not_found(q)
        top = result.hits[0].score
        hits = [h for h in result.hits[:3] if h.score >= top * 0.9] or list(result.hits[:1])
        unsupported = unsupported_claim(q, [h.chunk.text for h in hits[:2]])
        if unsupported:  # the nearest rule is shown as such, never as a confirmation
            nearest = self._clauses(q, hits[:1], exact=False)
            body = nearest.answer.replace(
                "根据公报，相关规定如下：", "与您的说法最接近的条文如下（仅供对照，并不是您说的内容）：", 1
            )
            return replace(nearest, status="not_found", answer=f"{unsupported}\n\n{body}")
        answer = self._clauses(q, hits, exact=False)
        note = partial_note(q, [h.chunk.text for h in hits])
        return replace(answer, answer=f"{answer.answer}\n\n{note}") if note else answer

    def _clauses(self, q: str, hits, exact: bool) -> Answer:
        text, citations = compose_clauses(q, hits, self.docs, exact)
        notes = tuple(validity_warnings([h.chunk.doc_no for h in hits], self.docs, q, self.today))
        return Answer(q, "answered", text + _warning_list(notes), citations, validity_warnings=notes)

    def _not_found(self, q: str, lead: str | None = None) -> Answer:
        lead = lead or "抱歉，2024年西城区政府公报中没有找到与您的问题相关的内容，我不做猜测。"
        covered = "\n".join(
            f"- {citation_label(d.doc_no, d.short_name or d.title)}" for d in self.docs.values()
        )
        return Answer(q, "not_found", f"{lead}\n\n公报包含以下文件，您可以就这些内容提问：\n\n{covered}")


def _own_case(flat: str, values: dict) -> bool:
    """The user speaks of their own case: a figure or a date of theirs; else, unless they ask what the rule
    is, a fact they state or the first person. A figure is written in digits, is a sum (两亿) or carries a
    unit; a small Chinese numeral without one names a category ("二档", "一级残疾"). "做一单给多少" asks a
    rate per unit, as "每单给多少" does: that 一 is no figure of the asker's."""
    flat = PER_ONE.sub(r"每\1", flat)
    figure = _has_figure(flat)
    dated = any(isinstance(v, str) and v[:4].isdigit() for v in values.values())
    if figure or dated:
        return True
    first_person = bool(OWN_CASE.search(JUST_ASKING.sub("", flat)))
    if RULE_WORDS.search(flat):
        # "我们公司注册在海淀…，算不算区域内项目": a verdict on the facts one states of oneself
        return bool(VERDICT_WORDS.search(flat) and values and first_person)
    return bool(values) or first_person


def _estimate_asked(flat: str) -> bool:
    """The question's last clause claims an amount and asks yes or no ("是不是按一半给60万？")."""
    last = flat[LAST_CLAUSE.search(flat).start() :]
    return bool(ESTIMATE_ASKED.search(last) and CLAIMED.search(last))


def _has_figure(flat: str) -> bool:
    """A figure of the asker's: digits, a sum (两亿) or a number with a unit ("一点二兆瓦", "两台"); not the 一
    of a rate per unit ("做一单给多少")."""
    flat = PER_ONE.sub(r"每\1", flat)
    return any(any(ch.isdigit() for ch in n.text) or n.value >= 100 for n in find_numbers(flat)) or any(
        q.unit is not None for q in find_quantities(flat)
    )


def _twins(conv: Conversation, values: dict) -> dict:
    """A correction of one fact corrects the facts read from the same words with the same value: "不对，她是
    86岁" after "我母亲82岁" (read as the mother's and as the elder's age) changes both. twin → corrected."""
    twins = {}
    for name, value in values.items():
        words, old = conv.sources.get(name), conv.inputs.get(name)
        if words is None or old == value:
            continue
        for other, w in conv.sources.items():
            if other != name and other not in values and w == words and conv.inputs.get(other) == old:
                twins[other] = name
    return twins


def squash(text: str) -> str:
    """Normalised and without whitespace: a quote and the chunk it comes from, compared across line breaks."""
    return "".join(normalize(text).split())


def _sources_of(conv: Conversation, result: CalcResult) -> dict:
    """The words each input of the result came from (inputs the user stated; not the intent's fixed ones)."""
    return {n: w for n, w in conv.sources.items() if n in result.inputs}


def _warning_list(notes: tuple[str, ...]) -> str:
    """The validity warnings as a markdown list appended to an answer's text ('' when there are none)."""
    return "\n\n" + "\n".join(f"- ⚠️ {n}" for n in notes) if notes else ""


# pydantic's words for a bound → the same in Chinese; a figure past the upper bound is absurd for the rule
BOUND_WORDS = (
    (re.compile(r"Input should be greater than or equal to (\S+)"), "不能小于{}"),
    (re.compile(r"Input should be greater than (\S+)"), "必须大于{}（不能是零或负数）"),
    (re.compile(r"Input should be less than or equal to (\S+)"), "超出了合理范围（不超过{}）"),
    (re.compile(r"Input should be less than (\S+)"), "必须小于{}"),
    (re.compile(r"expects a finite number.*"), "必须是一个有限的数"),
    (re.compile(r"Input should be a valid (number|integer).*"), "必须是数字"),
)


def _readable_error(message: str, label=lambda name: name, inputs: dict | None = None) -> str:
    """A calculator's input error in words a resident reads: "并网装机容量（千瓦）必须大于0（不能是零或负数），您给的是
    -500"."""
    parts = []
    for problem in message.split(": ", 1)[-1].split("; "):
        name, _, why = problem.partition(": ")
        if not why:
            parts.append(problem)
            continue
        for rx, words in BOUND_WORDS:
            m = rx.search(why)
            if m:
                why = words.format(*m.groups())
                break
        given = (inputs or {}).get(name.split(".")[0])
        shown = (
            f"，您给的是 {given:.15g}"
            if isinstance(given, (int, float)) and not isinstance(given, bool)
            else ""
        )
        parts.append(f"{label(name.split('.')[0])}{why}{shown}")
    return "；".join(parts)
