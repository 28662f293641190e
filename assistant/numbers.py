"""Numbers, quantities and dates as people write them in Chinese: 1.5万, 三百, 2亿, 1,000, 2018年8月31日."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from core.normalize import normalize

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿点"
_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# 百/千 as a digit, unless they start a unit word (千瓦, 千克, 千米, 百分之).
_CN_HUNDRED_THOUSAND = "(?:百(?!分)|千(?!瓦|克|米))"
# Arabic number with optional thousands separators and decimals, optionally followed by 万/亿 (also 千/百 after digits).
NUMBER_RE = re.compile(
    r"(?P<sci>\d+(?:\.\d+)?[eE][+-]?\d+)|"
    rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*(?:个(?=亿|万))?(?P<scale>万亿|千万|百万|亿|万|千(?!瓦|克|米)|百(?!分))?"
    rf"|(?P<cn>(?:[{_CN_DIGITS}十]|{_CN_HUNDRED_THOUSAND})(?:[{_CN_DIGITS}十万亿点]|个(?=亿|万)|{_CN_HUNDRED_THOUSAND})*)"
)


def cn_number(text: str) -> float:
    """'三百' → 300, '一万五千' → 15000, '两亿' → 2e8, '三点五' → 3.5, '十二万' → 120000, '十二个亿' → 1.2e9."""
    text = text.replace("个", "")  # spoken "十二个亿"
    if "点" in text:
        whole, frac = text.split("点", 1)
        value = cn_number(whole) if whole else 0.0
        digits = "".join(str(_DIGIT_VALUE[ch]) for ch in frac if ch in _DIGIT_VALUE)
        return value + (float(f"0.{digits}") if digits else 0.0)
    total, section, current = 0.0, 0.0, 0.0
    # Spoken shorthand: a lone digit right after a unit is the next unit down ("一万二" = 12000, "三千五" = 3500).
    shorthand = {"亿": 1e7, "万": 1e3, "千": 1e2, "百": 1e1}
    if len(text) >= 3 and text[-1] in _DIGIT_VALUE and text[-2] in shorthand and text[-1] not in "零〇":
        return cn_number(text[:-1]) + _DIGIT_VALUE[text[-1]] * shorthand[text[-2]]
    for ch in text:
        if ch in _DIGIT_VALUE:
            current = _DIGIT_VALUE[ch]
        elif ch in _SMALL_UNITS:
            section += (current or 1) * _SMALL_UNITS[ch]
            current = 0
        elif ch in _BIG_UNITS:
            total = (
                (total + section + current) * _BIG_UNITS[ch]
                if ch == "亿"
                else total + (section + current) * _BIG_UNITS[ch]
            )
            section, current = 0.0, 0.0
        else:
            raise ValueError(f"not a Chinese number: {text!r}")
    return total + section + current


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    text: str


# A minus sign or 负 right before a number makes it negative, unless a number stands before the sign
# ("300-500" is a range). Negative values are kept, so a calculator rejects them with its reason.
_SIGN = re.compile(r"(?:^|(?<=[^\d.]))(?:负|-|−|－)\s*$")


def find_numbers(text: str) -> list[Number]:
    """Every number in the text with its position, 万/亿 applied: '1.5万' → 15000; sign and scientific
    notation kept as written ('-500' → -500, '负500' → -500, '1e30' → 1e30), never silently dropped."""
    out = []
    for m in NUMBER_RE.finditer(text):
        if m.group("sci"):
            try:
                value = float(m.group("sci"))
            except OverflowError:
                value = float("inf")
        elif m.group("num"):
            value = float(m.group("num").replace(",", ""))
            scale = m.group("scale")
            if scale:
                value *= {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千万": 1e7, "百万": 1e6, "千": 1e3, "百": 1e2}[
                    scale
                ]
        else:
            raw = m.group("cn")
            ordinal = (
                raw == "一"
                and text[m.start() - 1 : m.start()] == "第"
                and text[m.end() : m.end() + 1] == "年"
            )
            if raw in ("千", "百", "十", "万", "亿", "一") and not ordinal:
                continue  # a lone 一 is a word (一餐, 一共, 一级), not a number; but 第一年 is the year 1
            try:
                value = cn_number(raw)
            except (ValueError, KeyError):
                continue
        start = m.start()
        sign = _SIGN.search(text[max(0, start - 3) : start])
        if sign:
            value, start = -value, start - len(sign.group(0))
        out.append(Number(value, start, m.end(), m.group(0)))
    return out


# Units: canonical name → spellings, longest first when matching.
UNITS: dict[str, tuple[str, ...]] = {
    "kWh": ("千瓦时", "千瓦·时", "kwh", "kw·h", "kw.h", "度电", "度"),
    "kW": ("千瓦", "kw", "瓩"),
    "MW": ("兆瓦", "mw"),
    "tce": ("吨标准煤", "吨标煤", "吨标准煤当量", "tce"),
    "t": (
        "吨",
    ),  # a bare 吨: a truck's load, or standard coal said short (节能400吨) — see slots.LOOSE_UNITS
    "m2": ("平方米", "平米", "㎡", "m2", "m²", "平"),
    "yuan": ("元", "块钱", "块", "rmb"),
    "order": ("单", "份订单", "个订单", "笔订单"),
    "person": ("人次", "名", "人", "位"),
    "day": ("天", "日"),
    "year": ("年",),
    "percent": ("%", "％", "个百分点"),
    "vehicle": ("台", "辆"),
    "item": ("个", "项", "件", "家"),
}
_UNIT_PATTERNS = sorted(((s, u) for u, ss in UNITS.items() for s in ss), key=lambda p: -len(p[0]))


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None  # canonical unit, or None when the number stands alone
    start: int
    end: int
    # "800多单", "3万余单", "20来天": more than the figure (read only by slots that allow it)
    approx: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


_MORE_THAN = ("多", "余", "来")  # "N多单": a count above N, said roughly
_APPROX_UNITS = ("order", "day", "person", "item", "vehicle")  # counts only: "十多元" stays as written
_JIAO = re.compile(r"([1-9一二两三四五六七八九])(?:毛|角)?(?![\d万千百十天日单年月个人次份家岁号点.元块])")


# A two-digit "NN年" is a calendar year when what follows dates something from it (起, 到现在, 注册, 入职 …)
# and nothing before it counts a length ("交了19年", "满22年" stay durations).
_SHORT_YEAR_DATE = re.compile(
    r"\s*(?:起|开始|到|至今|至|以来|就|底|初|那年|的时候|时|入职|注册|成立|登记|办|签|买|落户|迁|在|年?[初底末])"
)
_DURATION_BEFORE = re.compile(r"(?:了|满|近|快|有|足|共|整|过|超过|已|这|那|头|几|多少|连续|累计|每)\s*$")


def _short_year(text: str, n: Number) -> bool:
    return (
        len(n.text) == 2
        and n.text.isdigit()
        and not _DURATION_BEFORE.search(text[max(0, n.start - 4) : n.start])
        and not text[n.start - 1 : n.start].isdigit()
    )


# Numbers that name a document or a clause, not a quantity: "西科管发〔2024〕1号", "第十条", "第3项", "（二）".
REFERENCE = re.compile(
    r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号|第[\d一二三四五六七八九十百]+[条款项章节]|"
    r"[(（][一二三四五六七八九十\d]{1,3}[)）]"
)


def find_quantities(text: str) -> list[Quantity]:
    """Numbers with the unit written right after them: '500千瓦' → (500, kW), '3万元' → (30000, yuan)."""
    text = normalize(text)
    low = text.lower()
    out: list[Quantity] = []
    scales: list[float] = []  # the 万/亿 written on each number, for a list's unit (_list_units)
    refs = [m.span() for m in REFERENCE.finditer(text)]
    for n in find_numbers(text):
        if out and n.start < out[-1].end:  # the "2" of "m2" belongs to the unit before it
            continue
        if any(a <= n.start < b for a, b in refs):
            continue  # a document number or a clause number names a rule, it is no figure of the case
        unit, end = None, n.end
        rest = low[n.end : n.end + 8].lstrip()
        offset = len(low[n.end : n.end + 8]) - len(rest)
        approx = False
        for spelling, canonical in _UNIT_PATTERNS:
            if rest.startswith(spelling):
                unit, end = canonical, n.end + offset + len(spelling)
                break
            if rest[:1] in _MORE_THAN and rest[1:].startswith(spelling) and canonical in _APPROX_UNITS:
                unit, end, approx = canonical, n.end + offset + 1 + len(spelling), True
                break
        value = n.value
        if unit == "yuan" and low[end - 1 : end] == "块":
            # spoken money: "4块5" / "三块八毛" is 4.5 / 3.8 yuan, not 4 yuan and a number 5
            jiao = _JIAO.match(text, end)
            if jiao:
                digit = jiao.group(1)
                value += (int(digit) if digit.isdigit() else _DIGIT_VALUE[digit]) / 10
                end = jiao.end()
        if unit == "year" and n.text.isdigit() and 1900 <= value <= 2100:
            unit = "calendar_year"  # "2021年建成" is a date, not a duration
        elif unit == "year" and _SHORT_YEAR_DATE.match(text, end) and _short_year(text, n):
            # "19年到现在没断过", "22年起一直交", "公司是19年在海淀注册的": a year written short, not a duration
            unit, value = "calendar_year", float(resolve_year(n.text, None))
        if unit == "MW":
            unit, value = "kW", value * 1000
        out.append(Quantity(value, unit, n.start, end, approx))
        scales.append(_BIG_UNITS.get(n.text.rstrip()[-1:], 1) if not n.text.isdigit() else 1)
    return _restatements(text, _list_units(text, out, scales))


# "电池60度电（60千瓦时）", "36万（360000元）": the same figure said again in brackets, in another spelling of its
# unit, is one quantity, not a second item of a list.
_GLOSS_OPEN = re.compile(r"[^\d，。；、,;()（）]{0,2}[(（]\s*(?:即|也就是|合|折合|约)?\s*")
_GLOSS_CLOSE = re.compile(r"\s*[)）]")


def _restatements(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.value == prev.value
            and (q.unit == prev.unit or None in (q.unit, prev.unit))
            and _GLOSS_OPEN.fullmatch(text, prev.end, q.start)
            and _GLOSS_CLOSE.match(text, q.end)
        ):
            continue
        out.append(q)
    return out


# "电池分别是30、50、80千瓦时", "投入20、25、40万元": the unit (and 万/亿) written after the last number of a
# 、-list is every listed number's. Measures only: "1、2号楼" and "3、4月份" are no list of quantities.
_LIST_UNITS = ("kWh", "kW", "tce", "t", "m2", "yuan", "order", "person", "day")
_LIST_JOIN = re.compile(r"\s*(?:[、/]|和|与|跟|及)\s*")  # "30、50、80千瓦时", "40和60千瓦时"


def _list_units(text: str, found: list[Quantity], scales: list[float]) -> list[Quantity]:
    out = list(found)
    for k in range(len(out) - 1, 0, -1):
        last = out[k]
        if last.unit not in _LIST_UNITS or last.approx:
            continue
        j = k - 1
        while j >= 0 and out[j].unit is None and _LIST_JOIN.fullmatch(text[out[j].end : out[j + 1].start]):
            bare = out[j]
            scale = scales[k] if scales[j] == 1 else 1
            out[j] = Quantity(bare.value * scale, last.unit, bare.start, bare.end, False)
            j -= 1
    return out


# A year as people write it: 2018, 18 (two digits), or relative to the day of the question (今年, 去年 …).
_YEAR = (
    r"((?:(?<!\d)\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年(?:以)?前的?|"  # "三年前的3月": N years before the question
    r"\d{4}\s*年|(?<!\d)\d{2}\s*年|今年|本年|去年|上年|上一年|大前年|前年|明年|后年|下一年)"
)
_YEARS_BEFORE = re.compile(r"(.+?)\s*年(?:以)?前的?$")
RELATIVE_YEARS = {
    "今年": 0,
    "本年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "大前年": -3,
    "前年": -2,
    "明年": 1,
    "后年": 2,
    "下一年": 1,
}
# A year named relative to the day of the question: 去年, 大前年, 三年前 ("N年前" counts back N years).
_RELATIVE_YEAR_RE = re.compile(
    r"(?P<word>大前年|前年|去年|上一年|上年|今年|本年|明年|后年|下一年)|"
    rf"(?P<n>\d{{1,2}}|[{_CN_DIGITS}十]{{1,3}})\s*年(?:以)?前"
)


def find_relative_years(text: str, today: date | None) -> list[Quantity]:
    """'前年' → (today.year − 2, calendar_year), '八年前' → (today.year − 8, calendar_year); none without a date.
    A 前年 inside 大前年 is not read twice."""
    if today is None:
        return []
    out = []
    for m in _RELATIVE_YEAR_RE.finditer(normalize(text)):
        if m.group("word"):
            year = today.year + RELATIVE_YEARS[m.group("word")]
        else:
            raw = m.group("n")
            try:
                back = int(raw) if raw.isdigit() else cn_number(raw)
            except (ValueError, KeyError):
                continue
            year = today.year - int(back)
        out.append(Quantity(float(year), "calendar_year", m.start(), m.end()))
    return out


_DATE_RES = (
    re.compile(_YEAR + r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(_YEAR + r"\s*(\d{1,2})\s*(?:月份|月)(?!\s*\d)"),
    re.compile(r"(\d{4})[.](\d{1,2})(?![\d.])"),
    # "5月7号提交的": a day without its year is in the year of the question
    re.compile(r"(?<![\d年])()(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
)


@dataclass(frozen=True)
class DateMention:
    value: date
    precision: str  # day | month
    start: int
    end: int


def resolve_year(written: str, today: date | None) -> int | None:
    """'2018' → 2018; '18' → 2018 (a two-digit year is this century's unless that is in the future);
    '去年' → today's year − 1, '三年前' → today's year − 3; a relative year without a date to resolve it
    against → None."""
    if written in RELATIVE_YEARS:
        return today.year + RELATIVE_YEARS[written] if today else None
    before = _YEARS_BEFORE.match(written)
    if before:
        n = before.group(1)
        return today.year - int(n if n.isdigit() else cn_number(n)) if today else None
    written = written.rstrip("年 ")
    if len(written) == 2:
        now = (today or date.today()).year
        year = 2000 + int(written)
        return year if year <= now + 1 else year - 100
    return int(written)


# A part of a month or a year ("4月中旬开的票", "去年底"): the last day of that part, so a deadline
# ("4月30日前开具") is met only when the whole part meets it.
_PART_OF_MONTH = re.compile(r"(?:" + _YEAR + r"|(?<![\d年]))\s*(\d{1,2})\s*月份?\s*(上旬|中旬|下旬|初|底|末)")
_PART_DAY = {"上旬": 10, "中旬": 20, "初": 10}
_YEAR_END = re.compile(r"(今年|本年|去年|上年|前年|\d{4}\s*年|(?<!\d)\d{2}\s*年)(?:年)?(?:底|末)")


def _month_parts(text: str, today: date | None) -> list[DateMention]:
    """'4月中旬' / '去年4月底' (day precision, the part's last day), '去年底' (31 December)."""
    out: list[DateMention] = []
    for m in _PART_OF_MONTH.finditer(text):
        y = resolve_year(m.group(1), today) if m.group(1) else (today.year if today else None)
        mo = int(m.group(2))
        if y is None or not 1 <= mo <= 12:
            continue
        last = monthrange(y, mo)[1]
        out.append(DateMention(date(y, mo, _PART_DAY.get(m.group(3), last)), "day", m.start(), m.end()))
    for m in _YEAR_END.finditer(text):
        y = resolve_year(m.group(1), today)
        if y is not None:
            out.append(DateMention(date(y, 12, 31), "day", m.start(), m.end()))
    return out


# A day named relative to the day of the question ("前天才去开的票"); 今天 is left to the slots that ask for it.
_RELATIVE_DAYS = {"大前天": 3, "前天": 2, "昨天": 1, "昨日": 1}
_RELATIVE_DAY = re.compile("|".join(_RELATIVE_DAYS))
_RELATIVE_MONTH_DAY = re.compile(r"(这个月|本月|上个?月|下个?月)(\d{1,2})\s*(?:号|日)")


def find_dates(text: str, today: date | None = None) -> list[DateMention]:
    """'2018年8月31日', '2018-08-31', '2018年9月' (month precision, day 1), '2023.7', '18年5月3号', and
    '去年3月' / '今年5月10日' / '5月7号' (no year: the year of the question) resolved against `today`
    (left out when no date is given); parts of a month or year as `_month_parts` reads them; 昨天 / 前天 /
    大前天 as days before `today`."""
    text = normalize(text)
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for d in _month_parts(text, today):
        if not any(s <= d.start < e or d.start <= s < d.end for s, e in taken):
            out.append(d)
            taken.append((d.start, d.end))
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            written = m.group(1)
            if not written and today is None:
                continue
            y = resolve_year(written, today) if written else today.year
            mo = int(m.group(2))
            if y is None:
                continue
            d = int(m.group(3)) if rx.groups >= 3 else 1
            try:
                value = date(y, mo, d)
            except ValueError:
                continue
            out.append(DateMention(value, "day" if rx.groups >= 3 else "month", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if today is not None:
        # "这个月15号", "上个月20日", "下月1号": a day of a month named relative to the day asked
        for m in _RELATIVE_MONTH_DAY.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            shift = -1 if m.group(1).startswith("上") else 1 if m.group(1).startswith("下") else 0
            year, month = divmod(today.year * 12 + today.month - 1 + shift, 12)
            try:
                value = date(year, month + 1, int(m.group(2)))
            except ValueError:
                continue
            out.append(DateMention(value, "day", m.start(), m.end()))
            taken.append((m.start(), m.end()))
        for m in _RELATIVE_DAY.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                out.append(
                    DateMention(today - timedelta(days=_RELATIVE_DAYS[m.group()]), "day", m.start(), m.end())
                )
    return sorted(out, key=lambda d: d.start)


# "6月份每天都去", "上个月天天在那吃", "这个月到今天每天": the days of that month, read against the day asked.
_EVERY_DAY = re.compile(r"每天|天天|每日|一天不落|一天(?:都|也)?(?:没|没有|不)(?:落|缺|断|拉|空)")
_MONTH_NAMED = re.compile(
    r"(?P<prev>上个?月)|(?P<this>这个月|本月)|(?<![\d年])(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份|月)(?!\s*\d)"
)


def _clauses_with_month(text: str):
    """Each clause with the month it names, or else the month named earlier in its sentence ("上个月他一天都没
    落下，每天中午都去" — the 每天 clause is about 上个月)."""
    for sentence in re.split(r"[。;；!！?？]", text):
        named, where = None, ""
        for clause in re.split(r"[,，]", sentence):
            own = _MONTH_NAMED.search(clause)
            if own:
                named, where = own, clause
            yield (clause if own or named is None else where + clause), (own or named)


def days_of_month_every_day(text: str, today: date | None) -> int | None:
    """The number of days of the month a clause says someone did something every day; None when no clause
    names both a month and 每天. A named month after today's is last year's; 这个月 counts to today when
    the clause says so (到今天/到现在/至今), else the whole month."""
    if today is None:
        return None
    for clause, month in _clauses_with_month(normalize(text)):
        if not month or not _EVERY_DAY.search(clause):
            continue
        year = today.year
        if month.group("prev"):
            year, mon = (year, today.month - 1) if today.month > 1 else (year - 1, 12)
        elif month.group("this"):
            if re.search(r"到今天|到现在|至今|截至", clause):
                return today.day
            mon = today.month
        else:
            raw = month.group("m")
            try:
                mon = int(raw) if raw.isdigit() else int(cn_number(raw))
            except (ValueError, KeyError):
                continue
            if not 1 <= mon <= 12:
                continue
            year = year if mon <= today.month else year - 1
        nxt = date(year + (mon == 12), mon % 12 + 1, 1)
        return (nxt - date(year, mon, 1)).days
    return None
