"""Fill a calculator's inputs from Chinese text, guided by the slot specs in assistant/intents/*.yaml."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.negation import denied_after, negated
from assistant.numbers import (
    Quantity,
    days_of_month_every_day,
    find_dates,
    find_quantities,
    find_relative_years,
)
from assistant.persons import clauses_of
from assistant.places import located
from core.normalize import normalize


@dataclass(frozen=True)
class SlotSpec:
    name: str
    ask: str  # the question to ask when it is missing
    unit: str | None = None  # canonical unit of a quantity slot (kW, kWh, tce, m2, yuan, …)
    scale: float = 1.0  # the input is in value/scale, e.g. 10000 for an input in 万元
    cues: tuple[str, ...] = ()  # words that precede this slot's number when several share a unit
    bare: bool = False  # accept a number written without a unit
    date: bool = False
    integer: bool = False
    many: bool = False  # a list: every number of this unit ("两个项目分别花了8万和30万"); with cues, only the
    # numbers whose nearest cue is this slot's ("董事长600万，总经理800万，两个骨干一个320万一个410万")
    add_up: bool = False  # a many slot whose items are summed ("500平做餐厅，300平给子公司" → 800)
    today_when: tuple[str, ...] = ()  # a date slot that is the day of the question when one of these says so
    # and no date is given for it ("今年再报还赶得上吗", "现在申请")
    items_when: tuple[str, ...] = ()  # a many slot is read only when one of these regexes says there are
    # several items ("两个项目", "各装了", "分别"), so two figures of one item are not taken for two items
    multi: bool = False  # a pattern slot whose value is the list of every value stated (several awards)
    patterns: tuple[tuple[object, tuple[str, ...]], ...] = ()  # (value, regexes), first match wins
    default: object = None
    place_of: tuple[str, ...] = ()  # a "… in 西城?" fact: words naming the thing whose place is asked
    place_values: tuple[object, object] = (True, False)  # the value for in 西城, and for elsewhere
    within: tuple[float, float] | None = None  # `range: [lo, hi]`: numbers outside are not this slot's
    month_days: bool = False  # a day slot: "6月份每天…" with no day count gives the days of that month
    person: str | None = (
        None  # father | mother: read only from the clauses about that parent (assistant/persons.py)
    )
    cue_required: bool = False  # take a value only next to one of `cues` ("社保交了两年", not "住了两年")
    period: str | None = (
        None  # start | end: a date slot read from a range "X至Y" / "X到Y" in a clause with one
    )
    # of `cues` ("发票注明租期2022年8月至2024年7月"): its first or last date (a month's last day for an end)
    affirmed: bool = False  # a value whose own clause denies the slot's cue ("去年一直没交社保") or names a
    # gap in it ("去年8月漏交了一个月") is not this slot's value
    # a cue counts only in the value's own sentence ("2015年就注册了。去年9月加了一项经营范围": 去年9月 is no
    # registration date); assistant/persons.py keeps each parent's sentences apart
    cue_sentence: bool = False
    approx: bool = False  # takes a rough count ("3万多单") as its figure: for a rule whose tiers the lower
    # bound decides; the calculator is told by a slot of its own (see intents/meal.yaml orders_approx)
    pairs: str | None = None  # several items, each a count of `unit` with its own value of this unit in the
    # same clause ("其中17天每顿14块，另外3天只买了4块5的粥" → [[17, 14], [3, 4.5]]); read only when two or more
    per_year: bool = False  # a many slot whose items are summed per calendar year, each item in the year last
    # named before it ("去年买了4500万度，今年又买了6100万度" → [[2024, 4.5e7], [2025, 6.1e7]]); read only when the
    # items fall in two or more years, for a rule whose cap is per year

    @classmethod
    def from_dict(cls, name: str, d: dict) -> SlotSpec:
        """A slot from its YAML; `concept: NAME` adds the everyday words for that category, declared once
        in assistant/concepts.yaml, after the slot's own patterns."""
        own = dict(d.get("patterns") or {})
        shared = concept_patterns(d["concept"]) if d.get("concept") else {}
        pats = tuple((value, tuple(rx)) for value, rx in own.items()) + tuple(
            (value, tuple(rx)) for value, rx in shared.items() if value not in own
        )
        place_values = d.get("place_values") or {}
        # YAML turns true/false keys into booleans already; "null" values mean "unknown".
        return cls(
            name=name,
            ask=d.get("ask", name),
            unit=d.get("unit"),
            scale=float(d.get("scale", 1.0)),
            cues=tuple(d.get("cues", ())),
            bare=bool(d.get("bare", False)),
            date=bool(d.get("date", False)),
            integer=bool(d.get("integer", False)),
            many=bool(d.get("many", False)) or bool(d.get("add_up", False)),
            add_up=bool(d.get("add_up", False)),
            items_when=tuple(d.get("items_when", ())),
            today_when=tuple(d.get("today_when", ())),
            multi=bool(d.get("multi", False)),
            patterns=pats,
            default=d.get("default"),
            place_of=tuple(d.get("place_of", ())),
            place_values=(place_values.get("in", True), place_values.get("out", False)),
            within=tuple(d["range"]) if d.get("range") else None,
            month_days=bool(d.get("month_days", False)),
            person=d.get("person"),
            cue_required=bool(d.get("cue_required", False)),
            affirmed=bool(d.get("affirmed", False)),
            period=d.get("period"),
            pairs=d.get("pairs"),
            per_year=bool(d.get("per_year", False)),
            approx=bool(d.get("approx", False)),
            cue_sentence=bool(d.get("cue_sentence", False)),
        )


@dataclass
class Extraction:
    values: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # slot name → the user's words each value was read from (shown back as 我理解的情况)
    sources: dict[str, str] = field(default_factory=dict)
    # slot name → two of the user's phrases that state different values for it ("装机500千瓦…装机800千瓦")
    conflicts: dict[str, tuple[str, str]] = field(default_factory=dict)
    # slot name → a range the user gave where the rule needs one figure ("装机500到800千瓦")
    ranges: dict[str, str] = field(default_factory=dict)


CONCEPTS_FILE = Path(__file__).with_name("concepts.yaml")


@lru_cache(maxsize=1)
def _concepts() -> dict:
    return yaml.safe_load(CONCEPTS_FILE.read_text(encoding="utf-8")) or {}


def concept_patterns(name: str) -> dict:
    """value → regexes of a shared category (hukou type, family type …); KeyError names an unknown one."""
    concepts = _concepts()
    if name not in concepts:
        raise KeyError(f"unknown concept {name!r} (assistant/concepts.yaml has {sorted(concepts)})")
    return concepts[name]


_BREAK = re.compile(r"[,，。;；!！?？]")
# Between a count and a value, words that make the value a bound or a total, not each item's own value
# ("60单不满10块", "20天一共花了300元").
_NOT_OWN_VALUE = re.compile(
    r"不满|不到|不足|低于|高于|超过|超出|以上|以下|以内|多于|少于|一共|总共|合计|共计|平均|总"
)


def _paired(flat: str, quantities: list, spec: SlotSpec, skip: set[int]) -> list[tuple[int, int]]:
    """(count, value) indexes: each count of the slot's unit with the first value of unit `spec.pairs` after
    it in its clause, before the next count."""
    counts = [i for i, q in enumerate(quantities) if i not in skip and q.unit == spec.unit and not q.approx]
    found = []
    for k, i in enumerate(counts):
        q = quantities[i]
        stop = quantities[counts[k + 1]].start if k + 1 < len(counts) else len(flat)
        brk = _BREAK.search(flat, q.end)
        stop = min(stop, brk.start()) if brk else stop
        j = next(
            (
                j
                for j, v in enumerate(quantities)
                if v.unit == spec.pairs and q.end <= v.start and v.end <= stop
            ),
            None,
        )
        if j is None:
            continue
        v = quantities[j]
        if _NOT_OWN_VALUE.search(flat[q.end : v.start] + flat[v.end : v.end + 2]):
            continue
        found.append((i, j))
    return found


DATE_CLAUSE_REACH = 30  # a date's cue may close its clause this far on (see _cue_distance)


_SENTENCE_END = re.compile(r"[。;；!！?？\n]")


def _cue_distance(
    text: str,
    start: int,
    end: int,
    cues: tuple[str, ...],
    after_break: bool = True,
    clause_after: int = 0,
    same_sentence: bool = False,
) -> int:
    """Characters between the value at [start, end) and the nearest cue before it (or just after it; with
    after_break=False only a cue after it in the same clause counts). With clause_after, a cue up to that
    many characters further on in the same clause also counts: a date opens its clause and the verb it
    dates closes it ("今年3月才给燃油叉车在西城办的编码登记")."""
    best = 10_000
    for cue in cues:
        for m in re.finditer(re.escape(normalize(cue)), text):
            if m.end() <= start:
                gap = text[m.end() : start]
            elif m.start() >= end and m.start() - end < 8:  # "500千瓦的装机容量", "2018年5月3日出生"
                gap = text[end : m.start()] + "  "
                if not after_break and _BREAK.search(gap):
                    continue  # "1.5万单，签约社区助餐点5000单": the cue belongs to the next clause's number
            elif (
                m.start() >= end
                and m.start() - end < clause_after
                and not _BREAK.search(text[end : m.start()])
            ):
                gap = text[end : m.start()] + "  "
            else:
                continue
            if same_sentence and _SENTENCE_END.search(gap):
                continue  # "…签约了一个社区助餐点。自己的助餐点做了1.4万单": that cue is another sentence's
            # A clause break between cue and value makes the pairing much less likely.
            best = min(best, len(gap) + (15 if _BREAK.search(gap) else 0))
    return best


RANGE_JOIN = re.compile(r"\s*(?:至|到|~|～|—|-|一直到)\s*")


# words by which a clause speaks of what the clause before named ("发票…，上面写的租期是…"), or names a
# period whose owner that clause named ("发票1月开的，租期是…")
REFERS_BACK = re.compile(r"上面|其中|里面|票面|注明|写的|写着|标的|标着|期限|租期")


def _clause_before(flat: str, at: int) -> str:
    """The clause before the one holding `at`, when a comma joins them in one sentence; else ''."""
    start = max((m.end() for m in _BREAK.finditer(flat, 0, at)), default=0)
    if start == 0 or flat[start - 1] not in ",，":
        return ""
    return flat[max((m.end() for m in _BREAK.finditer(flat, 0, start - 1)), default=0) : start - 1]


def _period(flat: str, dates: list, spec: SlotSpec) -> tuple[str, str] | None:
    """The first or last date of the first range "X至Y" whose clause names one of the slot's cues, as ISO
    text with the words it came from; a month-precision end is that month's last day."""
    for a, b in zip(dates, dates[1:], strict=False):
        if not RANGE_JOIN.fullmatch(flat[a.end : b.start]):
            continue
        clause = words_at(flat, a.start, b.end)
        # "发票是今年4月开的，上面写的租期是去年4月1号到今年4月30号": the cue may close the clause before, in
        # the same sentence
        before = _clause_before(flat, a.start) if REFERS_BACK.search(clause) else ""
        if spec.cues and not any(normalize(c) in clause or normalize(c) in before for c in spec.cues):
            continue
        if spec.period == "start":
            return a.value.isoformat(), clause
        end = b.value
        if b.precision == "month":
            end = end.replace(day=monthrange(end.year, end.month)[1])
        return end.isoformat(), clause
    return None


_NEXT_DATE = re.compile(r"\d{1,4}\s*[年月]|[今去前明]年|、")
GAP_BEFORE_CUE = re.compile(r"[漏欠补断停]$")  # 漏交, 补缴, 断缴: a missed or made-up payment, not one made


def _cue_denied(text: str, end: int, cues: tuple[str, ...]) -> bool:
    """The clause a value opens denies one of the cues after it ("去年一直没给他交社保") or names a gap with it
    ("去年8月公司漏交了一个月"): that value does not date the cued fact."""
    stop = _BREAK.search(text, end)
    clause_end = stop.start() if stop else len(text)
    # up to the next date or listed item: "2023年5月到2024年3月连续、没补缴" does not deny the start
    other = _NEXT_DATE.search(text, end, clause_end)
    clause_end = other.start() if other else clause_end
    for cue in cues:
        for m in re.finditer(re.escape(normalize(cue)), text[:clause_end]):
            if m.start() < end:
                continue
            if negated(text, m.start()) or GAP_BEFORE_CUE.search(text[: m.start()]):
                return True
    return False


def _assign(pairs: list[tuple], taken: set[str], used: set[int], shared: dict[str, int]):
    """Give each slot its closest value; a value goes to one slot only."""
    for dist, _, i, spec in sorted(pairs, key=lambda p: (p[0], p[1], p[2])):
        if i in used or spec.name in taken:
            continue
        if spec.cues and dist >= 10_000 and (shared.get(spec.name, 1) > 1 or spec.cue_required):
            continue  # several slots compete for this kind of value and no cue says which one this is
        used.add(i)
        taken.add(spec.name)
        yield i, spec


_UNSTATED = object()
# (unit written, slot unit) pairs that fit: a bare 吨 in an energy question is standard coal ("年节能400吨")
LOOSE_UNITS = {("t", "tce")}
# A relative year (去年, 前年, 八年前) fills a calendar-year slot only with its cue close by, in the same clause:
# "前年缴齐", "去年就全部到位了" — not the 今年 of "今年核定…" three clauses after "买了".
RELATIVE_YEAR_REACH = 12
LABEL_REACH = 3  # a cue this close to a value labels it as that cue's slot's (see _labelled)
# A figure right after 不到 / 不足 / 少于 … is a bound the user compares with ("开放天数不到240天，只有220天"): a slot
# takes it only when no other figure of its kind is stated.
BOUND_BEFORE = re.compile(r"(?:不到|不足|少于|低于|未满|不满|没到|没满|不够)$")
BOUND_PENALTY = 1_000


# A figure the user says is not theirs ("是3台不是1台", "不是500千瓦，是800千瓦"): not a fact.
NOT_THIS_FIGURE = re.compile(r"(?:不是|并非|而非)$")
# Words that take back what was just said ("装机500千瓦，哦不对，装机800千瓦").
CORRECTED = re.compile(r"不对|错了|说错|更正|纠正|应该是|准确(地)?说|我是说")
WORDS_REACH = 24  # the words a fact came from: its clause, cut to this many characters around the mention


def words_at(flat: str, start: int, end: int) -> str:
    """The clause of `flat` that holds [start, end): the words a fact was read from, as the user wrote them."""
    left = max((m.end() for m in _BREAK.finditer(flat, 0, start)), default=0)
    right = _BREAK.search(flat, end)
    right = right.start() if right else len(flat)
    left = max(left, start - WORDS_REACH)
    right = min(right, end + WORDS_REACH)
    return flat[left:right].strip()


def _denied(flat: str, m: re.Match) -> bool:
    """A mention inside a negation before it ("没拿到市级奖励") or denied right after it ("市级奖励没拿到")."""
    return negated(flat, m.start()) or (m.end() > m.start() and denied_after(flat, m.end()))


def _stated_values(flat: str, spec: SlotSpec):
    """A multi slot: every value some pattern states outside a negation, in the order of the patterns."""
    found, spans = [], []
    for value, regexes in spec.patterns:
        m = next((m for rx in regexes for m in re.finditer(rx, flat) if not _denied(flat, m)), None)
        if m is not None:
            found.append(value)
            spans.append((m.start(), m.end()))
    return (found, spans) if found else (_UNSTATED, [])


def _stated_value(flat: str, spec: SlotSpec):
    """Every mention counts: one mention outside any negation states the value ("没罚款，但被通报过" → yes);
    a yes/no fact mentioned only inside negations is a no; a negated category leaves the next value to try.
    Returns (value, spans of the mentions it was read from)."""
    if spec.multi:
        return _stated_values(flat, spec)
    for value, regexes in spec.patterns:
        denied = []
        for rx in regexes:
            for m in re.finditer(rx, flat):
                if not _denied(flat, m):
                    return value, [(m.start(), m.end())]
                denied.append((m.start(), m.end()))
        if denied and value is True:
            return False, denied[:1]
    return _UNSTATED, []


def _contradicted(flat: str, spec: SlotSpec) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A yes/no fact one wording of which is both stated and denied ("用了高新技术产品……没用高新技术产品"):
    the two mentions, else None. Different wordings may differ ("没罚款，但被通报过" states a yes)."""
    for value, regexes in spec.patterns:
        if value is not True:
            continue
        for rx in regexes:
            said, denied = None, None
            for m in re.finditer(rx, flat):
                if _denied(flat, m):
                    denied = denied or (m.start(), m.end())
                else:
                    said = said or (m.start(), m.end())
            if said and denied:
                return said, denied
    return None


# Who a clause speaks of, when it opens by naming them ("我是北京户口", "孩子是外地户口").
SUBJECT = re.compile(
    r"(我们|咱们|我|孩子(?:他|她)?(?:爸|妈)?|老人|老伴|爱人|他|她|父亲|母亲|爸爸|妈妈|公司|单位|项目)"
)


def _category_clash(flat: str, spec: SlotSpec) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two different categories stated of the same subject ("我是北京户口……我是外地户口"): the two mentions,
    else None. Different subjects may differ ("我是北京户口，孩子是外地户口")."""
    said: dict[str, tuple[object, tuple[int, int], int]] = {}
    for value, regexes in spec.patterns:
        if value in (True, False, None):
            continue
        for rx in regexes:
            for m in re.finditer(rx, flat):
                if _denied(flat, m):
                    continue
                left = max((b.end() for b in _BREAK.finditer(flat, 0, m.start())), default=0)
                who = SUBJECT.match(flat, left)
                if who is None:
                    continue
                seen = said.setdefault(who.group(1), (value, m.span(), left))
                if seen[0] != value and seen[2] != left:  # two clauses, not two words of one clause
                    return seen[1], m.span()
    return None


def extract(text: str, specs: list[SlotSpec], today: date | None = None) -> Extraction:
    """Values for whichever slots the text states; slots it does not state are left out. Relative dates
    (去年3月) are read against `today`, the day of the question."""
    flat = normalize(text)
    out = Extraction()
    if any(s.person for s in specs):
        # a parent's facts come from the clauses about that parent only ("孩子爸上班…；我开了个体户")
        for who in dict.fromkeys(s.person for s in specs if s.person):
            own = [replace(s, person=None) for s in specs if s.person == who]
            part = clauses_of(flat, who)
            if part:
                theirs = extract(part, own, today)
                out.values.update(theirs.values)
                out.sources.update(theirs.sources)
                out.conflicts.update(theirs.conflicts)
                out.ranges.update(theirs.ranges)
        specs = [s for s in specs if not s.person]
    dates = find_dates(flat, today)
    date_spans = [(d.start, d.end) for d in dates]
    relative = [
        q for q in find_relative_years(flat, today) if not any(s <= q.start < e for s, e in date_spans)
    ]
    taken_spans = date_spans + [(q.start, q.end) for q in relative]
    # A date's year fills a calendar-year slot the same way, its cue close by ("去年底全部实缴到位" → 2023).
    relative += [
        Quantity(float(d.value.year), "calendar_year", d.start, d.end)
        for d in dates
        if not any(d.start <= q.start < d.end for q in relative)
    ]
    quantities = [
        q
        for q in find_quantities(flat)
        if not any(s <= q.start < e for s, e in taken_spans) and not NOT_THIS_FIGURE.search(flat[: q.start])
    ]
    # 去年 / 前年 / 八年前 are calendar years, but only for a slot whose cue is near ("去年缴齐的").
    needs_cue = set(range(len(quantities), len(quantities) + len(relative)))
    quantities += relative

    # Facts stated in words: the first pattern that matches wins. A mention inside a negation's scope
    # ("并没有使用高新技术产品") states the opposite of a yes/no fact and rules out a category.
    for spec in specs:
        value, spans = _stated_value(flat, spec)
        if value is _UNSTATED and spec.place_of:
            found = located(flat, spec.place_of)
            if found is not None:
                value, spans = spec.place_values[0 if found[0] else 1], [found[1]]
        if value is not _UNSTATED:
            out.values[spec.name] = value
            out.sources[spec.name] = _words_of(flat, spans)
            both = None if spec.multi else _contradicted(flat, spec) if value in (True, False) else None
            both = both or (None if spec.multi or value in (True, False) else _category_clash(flat, spec))
            if both:
                out.conflicts[spec.name] = (words_at(flat, *both[0]), words_at(flat, *both[1]))

    for spec in specs:
        if spec.period and spec.date:
            found = _period(flat, dates, spec)
            if found is not None:
                out.values[spec.name] = found[0]
                out.sources[spec.name] = found[1]
    # A list of dates, one per item ("第一台22年5月登记……第二台去年11月登记"): every date whose nearest cue among
    # the date slots is this slot's, read only when there are two or more.
    listed = [s for s in specs if s.date and s.many and s.cues and not s.patterns and not s.period]
    for spec in listed:
        mine = []
        for d in dates:
            dist = {
                t.name: _cue_distance(flat, d.start, d.end, t.cues, clause_after=DATE_CLAUSE_REACH)
                for t in specs
                if t.date and t.cues and not t.patterns and not t.period and t.name != spec.name
            }
            own = _cue_distance(flat, d.start, d.end, spec.cues, clause_after=DATE_CLAUSE_REACH)
            if own < 10_000 and all(own <= v for v in dist.values()):
                mine.append(d)
        if len(mine) >= 2:
            out.values[spec.name] = [d.value.isoformat() for d in mine]
            out.sources[spec.name] = _words_of(flat, [(d.start, d.end) for d in mine])
    date_specs = [s for s in specs if s.date and not s.patterns and not s.period and not s.many]
    pairs = [
        (
            _cue_distance(
                flat, d.start, d.end, s.cues, clause_after=DATE_CLAUSE_REACH, same_sentence=s.cue_sentence
            )
            if s.cues
            else 5_000,
            0,
            i,
            s,
        )
        for s in date_specs
        for i, d in enumerate(dates)
        if not (s.affirmed and _cue_denied(flat, d.end, s.cues))
    ]
    shared = {s.name: len(date_specs) for s in date_specs}
    dated: set[tuple[int, int]] = set()  # dates a date slot took: their year is no calendar-year slot's then
    for i, spec in _assign(pairs, set(), set(), shared):
        out.values[spec.name] = dates[i].value.isoformat()
        out.sources[spec.name] = words_at(flat, dates[i].start, dates[i].end)
        dated.add((dates[i].start, dates[i].end))
    for spec in date_specs:
        now = next((m for rx in spec.today_when for m in [re.search(rx, flat)] if m), None)
        if now and today and spec.name not in out.values:
            out.values[spec.name] = today.isoformat()
            out.sources[spec.name] = words_at(flat, *now.span())

    def unit_fits(q, spec: SlotSpec) -> bool:  # a bare small number ("三场") is a count, not money
        if q.approx and not spec.approx:
            return False
        return (
            q.unit == spec.unit
            or (q.unit, spec.unit) in LOOSE_UNITS
            or (q.unit is None and (spec.bare or (spec.unit == "yuan" and q.value >= 100)))
        )

    # The items of a many slot with cues: each number goes to the cued slot of its unit whose cue is nearest.
    cued = [s for s in specs if s.cues and not (s.patterns or s.place_of or s.date)]
    items_used: set[int] = {i for i in needs_cue if (quantities[i].start, quantities[i].end) in dated}
    for spec in specs:
        if spec.pairs:
            found = _paired(flat, quantities, spec, needs_cue)
            if len(found) >= 2:
                out.values[spec.name] = [
                    [round(quantities[i].value) if spec.integer else quantities[i].value, quantities[j].value]
                    for i, j in found
                ]
                out.sources[spec.name] = _words_of(flat, [quantities[i].span for i, _ in found])
                items_used.update(x for pair in found for x in pair)
    one_item: set[str] = set()
    for spec in specs:
        if not spec.many or spec.patterns or spec.date:
            continue
        if spec.items_when and not any(re.search(rx, flat) for rx in spec.items_when):
            if spec.add_up:
                one_item.add(spec.name)  # one item stated: its one figure, read like a single-number slot
            continue
        if spec.cues:
            mine = []
            for i, q in enumerate(quantities):
                if i in needs_cue or i in items_used or not unit_fits(q, spec):
                    continue
                if spec.within and not spec.within[0] <= q.value <= spec.within[1]:
                    continue  # "（都是10元以上）" is not one of the tier payments received
                rivals = [
                    (
                        _cue_distance(flat, q.start, q.end, t.cues, after_break=False, same_sentence=True),
                        t is not spec,
                    )
                    for t in cued
                    if unit_fits(q, t)
                ]
                dist, other = min(rivals)
                if dist < 10_000 and not other:
                    mine.append(i)
            items_used.update(mine)
        else:
            mine = [
                i
                for i, q in enumerate(quantities)
                if i not in items_used and unit_fits(q, spec) and _money_fits(flat, q, spec)
            ]
        if spec.per_year:
            years = _per_year(quantities, mine, dates, spec)
            if years:
                out.values[spec.name] = years
                out.sources[spec.name] = _words_of(flat, [quantities[i].span for i in mine])
            continue
        values = [quantities[i].value / spec.scale for i in mine]
        if len(mine) == 1:
            values = values * _each_of(flat, quantities, mine[0])  # "办了3场，每场花了5万" is three items
        if values:
            total = sum(values)
            out.values[spec.name] = (int(round(total)) if spec.integer else total) if spec.add_up else values
            out.sources[spec.name] = _words_of(flat, [quantities[i].span for i in mine])

    # Quantity slots: each number goes to at most one slot, matched by unit then by cue.
    number_specs = [
        s
        for s in specs
        if not (s.patterns or s.place_of or s.date or s.pairs or (s.many and s.name not in one_item))
    ]
    used: set[int] = set(items_used)
    pairs = []

    def _labelled(q, spec: SlotSpec) -> int:
        """A cue-less (catch-all) slot takes last a value another slot's cue sits right next to ("做到1万单的
        时候拿了3万，…现在累计5.2万单": 1万 is the 的时候 slot's, so the year's count is 5.2万)."""
        others = [t for t in number_specs if t is not spec and t.cues and t.unit == spec.unit]
        near = min((_cue_distance(flat, q.start, q.end, t.cues) for t in others), default=10_000)
        return 1_000 if near <= LABEL_REACH else 0

    consumption_said = USED.search(flat) is not None
    for spec in number_specs:
        for i, q in enumerate(quantities):
            if i in items_used:
                continue
            # A bare number counts as money only when it is plausibly an amount ("800万"), not "二档".
            unit_ok = (
                q.unit == spec.unit
                or (q.unit, spec.unit) in LOOSE_UNITS
                or (q.unit is None and (spec.bare or (spec.unit == "yuan" and q.value >= 100)))
            )
            if spec.unit is None:
                unit_ok = q.unit is None or spec.bare
            if spec.within and not spec.within[0] <= q.value <= spec.within[1]:
                unit_ok = False  # "二级残疾" is not an age of 2
            if q.approx and not spec.approx:
                unit_ok = False  # "800多单" is not 800 orders: only a slot whose rule a lower bound decides takes it
            if spec.affirmed and _cue_denied(flat, q.end, spec.cues):
                unit_ok = False  # "去年一直没交社保" does not say since when it was paid
            if consumption_said and _saving_slot(spec) and not _said_saved(flat, q.start):
                unit_ok = False  # "改造前年耗能1000吨标煤，改造后800吨": energy used is no energy saved
            label = _money_label(flat, q.start, q.end) if spec.unit == "yuan" and spec.cues else None
            if label is not None and not _takes_money(spec, label):
                unit_ok = False  # "花了3亿，购房补贴多少": a price paid is no subsidy, whatever cue follows
            if unit_ok:
                exact_unit = 0 if q.unit == spec.unit else 1
                dist = (
                    _cue_distance(flat, q.start, q.end, spec.cues, same_sentence=spec.cue_sentence)
                    if spec.cues
                    else 5_000 + _labelled(q, spec)
                )
                if i in needs_cue and (dist >= RELATIVE_YEAR_REACH or spec.unit != "calendar_year"):
                    continue
                if dist < 10_000 and BOUND_BEFORE.search(flat, max(0, q.start - 4), q.start):
                    dist = min(dist + BOUND_PENALTY, 9_999)  # a stated figure of the same kind goes first
                pairs.append((dist, exact_unit, i, spec))
    shared = {s.name: sum(1 for t in number_specs if t.unit == s.unit) for s in number_specs}
    assigned = list(_assign(pairs, set(), used, shared))
    ranged = _ranges(flat, quantities)
    for i, spec in assigned:
        if BOUND_BEFORE.search(flat, max(0, quantities[i].start - 4), quantities[i].start):
            continue  # only a bound is stated ("开放不到240天"): the figure itself is unknown, so it is asked
        value = quantities[i].value / spec.scale
        value = int(round(value)) if spec.integer else value
        out.values[spec.name] = value
        out.sources[spec.name] = words_at(flat, quantities[i].start, quantities[i].end)
        if i in ranged:
            out.ranges[spec.name] = ranged[i]
            continue
        other = _restated(flat, quantities, i, spec, used | needs_cue)
        if other is None:
            continue
        first, later = sorted((i, other), key=lambda k: quantities[k].start)
        if CORRECTED.search(flat, quantities[first].end, quantities[later].start):
            value = quantities[later].value / spec.scale  # "500千瓦，哦不对，800千瓦": the correction holds
            out.values[spec.name] = int(round(value)) if spec.integer else value
            out.sources[spec.name] = words_at(flat, *quantities[later].span)
        else:
            out.conflicts[spec.name] = (out.sources[spec.name], words_at(flat, *quantities[other].span))
    for spec in specs:
        if spec.month_days and spec.name not in out.values:
            days = days_of_month_every_day(flat, today)
            if days is not None:
                out.values[spec.name] = days
                every = flat.find("每天")
                out.sources[spec.name] = words_at(flat, every, every + 2) if every >= 0 else ""
    # A slot named _* only claims the figures its cues name ("综合贡献两千万" is not a rent), so they go to
    # no other slot; it is never an input.
    for name in [n for n in out.values if n.startswith("_")]:
        del out.values[name]
        out.sources.pop(name, None)
        out.conflicts.pop(name, None)
    return out


# "每场/各/每个…" right before a figure: the figure is each item's ("办了3场社教活动，每场花了5万")
EACH = re.compile(r"(每|各)[个场项台辆次家名位笔份]?[^,，。;；]{0,4}$")
# The count of those items: a number with a measure word, earlier in the same sentence
COUNTED = re.compile(r"[个场项台辆次家名位笔份]")
MAX_ITEMS = 100


def _each_of(flat: str, quantities: list, i: int) -> int:
    """How many items one figure stands for: N when "N场…每场X" states it, else 1."""
    q = quantities[i]
    if not EACH.search(flat, max(0, q.start - 8), q.start):
        return 1
    sentence = max((m.end() for m in _SENTENCE_END.finditer(flat, 0, q.start)), default=0)
    counts = [
        c
        for c in quantities
        if sentence <= c.start
        and c.end <= q.start
        and c is not q
        and c.value == int(c.value)
        and 2 <= c.value <= MAX_ITEMS
        and (COUNTED.match(flat, c.end) or COUNTED.match(flat, c.end - 1))  # "3场" or a span that holds 个
    ]
    return int(counts[-1].value) if counts else 1


# "500到800千瓦", "3-5台", "1万～2万": two figures joined into a range
RANGE_JOIN = re.compile(r"\s*(?:到|至|~|～|-|—|－)\s*")


def _ranges(flat: str, quantities: list) -> dict[int, str]:
    """Index of each figure that is an end of a range → the range as written. Years are left alone: "2019到
    2021年" is a period, read by the date slots."""
    found = {}
    ordered = sorted(range(len(quantities)), key=lambda k: quantities[k].start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        lo, hi = quantities[a], quantities[b]
        if (
            hi.unit == "calendar_year"
            or lo.unit not in (None, hi.unit)
            or not hi.value / 100 <= lo.value < hi.value
        ):
            continue  # "差一点到2000万" is no range: the ends of a range are of one size
        if lo.end <= hi.start and RANGE_JOIN.fullmatch(flat[lo.end : hi.start]):
            found[a] = found[b] = flat[lo.start : hi.end]
    return found


def _per_year(quantities: list, mine: list[int], dates: list, spec: SlotSpec) -> list[list] | None:
    """[[year, total], …] of a per_year slot's items, each in the calendar year named last before it (a date,
    去年 / 今年, or "2023年"), in the order the years come; None unless every item has a year and there are two."""
    anchors = sorted(
        [(d.start, d.value.year) for d in dates]
        + [(q.start, int(q.value)) for q in quantities if q.unit == "calendar_year"]
    )
    totals: dict[int, float] = {}
    for i in mine:
        year = next((y for at, y in reversed(anchors) if at < quantities[i].start), None)
        if year is None:
            return None
        totals[year] = totals.get(year, 0.0) + quantities[i].value / spec.scale
    return [[y, v] for y, v in totals.items()] if len(totals) >= 2 else None


# What a sum of money is, by the word right before the figure: paid or earned ("花了3亿", "年薪300万", "租金600万"),
# or a company's capital ("子公司注册资本2亿" is not what the asker invested in it). A slot takes such a sum only
# when one of its cues names the same kind.
MONEY_LABELS = {
    "spent": (
        re.compile(r"(花了|花费了?|花|投了|投入了?|投资了?|买价|售价|价格|购价|总价|成本|租金|年薪|年收入|收入|工资)"
                   r"(是|为|约|大概|差不多)?$"),
        re.compile(r"花|投|价|成本|租|薪|收入|工资|费用|支出|开支|造价"),
    ),
    "capital": (re.compile(r"(注册资本|实收资本|注册资金)(是|为|约|有)?$"), re.compile(r"资本|注册资金")),
    # a price per ticket, meal or piece ("门票30元", "每顿15元") is no project's cost
    "unit_price": (
        re.compile(r"(门票|票价|单价|电价|每张|每顿|每餐|每份|每人|客单价)(是|为|约)?$"),
        re.compile(r"门票|票价|单价|电价|每"),
    ),
}  # fmt: skip


# "0.4元每度", "30元/张": a price per unit, said after the figure
PER_UNIT_AFTER = re.compile(r"(元|块)?\s*(每|/|一)(度|千瓦时|吨|张|人|份|顿|餐|平方米|平米|台|单)")


# Energy used ("耗能1000吨标煤") and energy said to be saved ("年节能200吨"): with energy used in the message, a
# saving slot takes only a figure said to be saved, and asks otherwise.
USED = re.compile(r"耗能|能耗|用能|耗煤|耗电|用电")
SAVING_CUE = re.compile(r"节能|节约|节省|省")
SAVED = re.compile(r"(节能|节约|节省|省了?|减少了?|降低了?|少用了?)(量)?(是|为|约|大概)?[^,，。;；]{0,3}$")


def _saving_slot(spec: SlotSpec) -> bool:
    """A tce/kWh slot for energy saved: a cue says saving, none says energy used."""
    return (
        spec.unit in ("tce", "kWh")
        and any(SAVING_CUE.search(c) for c in spec.cues)
        and not any(USED.search(c) for c in spec.cues)
    )


def _said_saved(flat: str, start: int) -> bool:
    return SAVED.search(flat, max(0, start - 8), start) is not None


def _money_label(flat: str, start: int, end: int | None = None) -> str | None:
    before = flat[max(0, start - 8) : start]
    found = next((kind for kind, (said, _) in MONEY_LABELS.items() if said.search(before)), None)
    if found is None and end is not None and PER_UNIT_AFTER.match(flat, end):
        return "unit_price"
    return found


def _takes_money(spec: SlotSpec, kind: str) -> bool:
    return any(MONEY_LABELS[kind][1].search(normalize(c)) for c in spec.cues)


def _money_fits(flat: str, q, spec: SlotSpec) -> bool:
    """A list of sums without cues (each project's cost) takes money spent, not a capital or a unit price."""
    if spec.unit != "yuan" or spec.cues:
        return True
    label = _money_label(flat, q.start, q.end)
    return label is None or label == "spent"


def _words_of(flat: str, spans: list[tuple[int, int]]) -> str:
    """The distinct clauses the spans stand in, joined: the words a fact of several mentions came from."""
    return "；".join(dict.fromkeys(words_at(flat, a, b) for a, b in spans))


def _restated(flat: str, quantities: list, i: int, spec: SlotSpec, used: set[int]) -> int | None:
    """The same statement made again with another figure ("装机500千瓦，光伏装机800千瓦"): its index, else None.
    The same statement: with the figure masked, one clause ends with the other (so "我们房子账面3100万，对方仓库
    账面2600万" and "第一台…买价15万，第二台…买价40万" are two items, not a contradiction)."""
    if not spec.cues:
        return None
    q = quantities[i]
    mine = _masked_clause(flat, q)
    for j, other in enumerate(quantities):
        if j == i or j in used or other.unit != q.unit or other.value == q.value or other.approx:
            continue
        theirs = _masked_clause(flat, other)
        short, long = sorted((mine, theirs), key=len)
        between = flat[min(q.end, other.end) : max(q.start, other.start)]
        if long.endswith(short) and any(c in short for c in spec.cues) and not ITEM_MARKER.search(between):
            return j
    return None


# Words that introduce another item: "第一台…买价28万；第二台…买价24万" states two figures, not one twice.
ITEM_MARKER = re.compile(
    r"第[一二三四五六七八九十两\d]|另(一|外)|一个|分别|各|再|又|其中|还有|以及|和|与|对方"
)


def _masked_clause(flat: str, q) -> str:
    clause = words_at(flat, q.start, q.end)
    at = flat.find(clause, max(0, q.start - len(clause)))
    return (clause[: q.start - at] + "#" + clause[q.end - at :]) if at >= 0 else clause
