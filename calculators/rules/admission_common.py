"""Shared pieces of the 2024 Xicheng admission rules (西教发〔2024〕7号、8号): field types and a condition checklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import BaseModel

from calculators.base import Explain, InputError
from calculators.logic import all_of, any_of  # noqa: F401  (re-exported)
from core.schema import CalcResult

DOC7 = "西教发〔2024〕7号"
DOC8 = "西教发〔2024〕8号"
P = "admission/"

# Input sanity bound only (not a legal quantity): nobody asks about a child this old.
MAX_CHILD_AGE_YEARS = 20

HukouType = Literal[
    "xicheng_personal",
    "beijing_other_personal",
    "xicheng_collective",
    "xicheng_public",
    "beijing_other_collective_public",
    "treated_as_beijing",
    "non_beijing",
]
HUKOU_DESC = (
    "适龄儿童的户籍类型：xicheng_personal=西城区个人居民户籍，beijing_other_personal=本市其他区个人居民户籍，"
    "xicheng_collective=西城区单位集体户籍，xicheng_public=西城区公共户籍，"
    "beijing_other_collective_public=本市其他区集体户籍或公共户籍，"
    "treated_as_beijing=非本市户籍但符合按本市户籍对待条件，non_beijing=非本市户籍"
)
HUKOU_LABEL = {
    "xicheng_personal": "西城区个人居民户籍",
    "beijing_other_personal": "本市其他区个人居民户籍",
    "xicheng_collective": "西城区单位集体户籍",
    "xicheng_public": "西城区公共户籍",
    "beijing_other_collective_public": "本市其他区集体户籍或公共户籍",
    "treated_as_beijing": "按本市户籍对待",
    "non_beijing": "非本市户籍",
}
PERSONAL = ("xicheng_personal", "beijing_other_personal")


def cn(d: date) -> str:
    """2018-08-31 → '2018年8月31日'."""
    return f"{d.year}年{d.month}月{d.day}日"


def add_years(d: date, years: int) -> date:
    """The same day `years` later (29 February → 1 March)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, 3, 1)


def check_birth_date(birth: date | None, as_of: date) -> None:
    """Refuse a birth date in the future or absurdly long ago."""
    if birth is None:
        return
    if birth > as_of:
        raise InputError(f"出生日期 {birth.isoformat()} 晚于查询日期 {as_of.isoformat()}")
    if as_of.year - birth.year > MAX_CHILD_AGE_YEARS:
        raise InputError(f"出生日期 {birth.isoformat()} 不像义务教育入学年龄的儿童")


class Checklist:
    """Conditions met / failed / unknown, each with its clause; the verdict is their three-valued AND."""

    def __init__(self, ex: Explain, inputs: BaseModel, doc: str):
        self.ex = ex
        self.inputs = inputs
        self.doc = doc
        self.rows: list[dict] = []
        self.verdicts: list[bool | None] = []
        self.missing: dict[str, str] = {}

    def need(self, *names: str) -> dict[str, str]:
        """Descriptions of the named input fields that were not given."""
        fields = type(self.inputs).model_fields
        return {n: fields[n].description or n for n in names if getattr(self.inputs, n) is None}

    def add(
        self,
        name: str,
        met: bool | None,
        article: str,
        detail: str,
        *,
        unknown: tuple[str, ...] = (),
        counts=True,
    ) -> bool | None:
        """Record one condition; `unknown` names the fields whose absence leaves it open."""
        label = {True: "符合", False: "不符合", None: "尚需确认"}[met]
        self.ex.step(f"{label}：{name}——{detail}（{article}）")
        self.rows.append(
            {"condition": name, "met": met, "article": f"{self.doc} {article}", "detail": detail}
        )
        if met is None:
            self.missing.update(self.need(*unknown))
        if counts:
            self.verdicts.append(met)
        return met

    def fact(
        self, name: str, field: str, article: str, yes: str, no: str, *, want: bool = True, counts=True
    ) -> bool | None:
        """A yes/no fact that must equal `want`; unknown when not given."""
        value = getattr(self.inputs, field)
        if value is None:
            desc = type(self.inputs).model_fields[field].description or field
            return self.add(name, None, article, f"未说明：{desc}", unknown=(field,), counts=counts)
        met = value == want
        return self.add(name, met, article, yes if value else no, counts=counts)

    def result(self, verdict: bool | None | str = "all") -> CalcResult:
        """Eligible = AND of the counted conditions (or the verdict given); unknown facts become `missing`."""
        ok = all_of(self.verdicts) if verdict == "all" else verdict
        self.ex.extra["conditions"] = self.rows
        res = self.ex.result(None, ok)
        if ok is None and self.missing:
            extra = {**res.extra, "missing_fields": list(self.missing)}
            res = replace(res, missing=tuple(self.missing.values()), extra=extra)
        return res
