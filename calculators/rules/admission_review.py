"""西教发〔2024〕8号 as one review: the separate 8号 calculators run on one family's facts, combined with
three-valued, short-circuit AND — one failed part decides, every part met decides, else only the open parts ask."""

from __future__ import annotations

from pydantic import BaseModel, create_model

from calculators.base import REGISTRY, Explain
from calculators.kit import Conditions, cn
from calculators.rules import (  # noqa: F401  (the parts register themselves on import)
    admission_nonlocal,
    admission_nonlocal_employment,
    admission_nonlocal_housing,
)
from calculators.rules.admission_common import checklist, nonlocal_rule
from calculators.rules.admission_nonlocal import APPLY
from core.schema import CalcResult

# The parts in the order they decide most often: who the rules apply to and the child's age first, then
# the parents' work, the home and the residence permits (三（一）—（四）).
FAMILY = ("admission_nonlocal_family", "适用范围、出生日期、户口簿与网上申请")
EMPLOYMENT = ("admission_nonlocal_employment", "父母在京务工就业材料")
HOUSING = ("admission_nonlocal_housing", "在西城区实际居住材料")
PERMIT = ("admission_nonlocal_residence_permit", "北京市居住证")
PRIMARY_PARTS = (FAMILY, EMPLOYMENT, HOUSING, PERMIT)
MATERIAL_PARTS = (EMPLOYMENT, HOUSING, PERMIT)  # 四2: a graduate's materials are reviewed by these standards

# 三（三）2、3 name papers to bring in a special situation (a single parent; parents in two hukou books).
# In the family part a family that does not say it is in one is not asked: the papers are listed as a note.
SITUATIONAL_PART = FAMILY[0]
SITUATIONAL = {
    "single_parent": "如为单亲家庭，须提供抚养方的有效法律文书（三（三）2）",
    "parents_in_same_hukou_book": "如父母户籍不在同一户口簿，须提供《结婚证》、父母双方户口簿和《出生医学证明》（三（三）3）",
    "hukou_book_matches_birth_certificate": "户口簿上的年龄须与《出生医学证明》一致（三（三）1）",
}
# A step still to take, not a fact about the family: while the window is open, a family that has not said when
# it applies is told the window (二（一）) instead of being asked; after it closes the date decides.
TO_DO = {
    "online_application_date": "须在规定时间内（{span}）登录北京市义务教育入学服务平台网上提交审核申请（二（一））"
}


def union_inputs(name: str, parts: tuple[tuple[str, str], ...], base: type[BaseModel] | None = None):
    """One input model holding every field of the parts' models (and `base`'s), each declared once."""
    fields: dict = {}
    for model in ([base] if base else []) + [REGISTRY[p].inputs for p, _ in parts]:
        for n, f in model.model_fields.items():
            fields.setdefault(n, (f.annotation, f))
    return create_model(name, **fields)


def review(c: Conditions, inputs: BaseModel, parts: tuple[tuple[str, str], ...]) -> bool | None:
    """Run each part on the facts it knows; record one condition per part; stop at the first failed part."""
    ex, given = c.ex, implied(inputs.model_dump(exclude_none=True))
    # a whole family's review judges both parents' proof, even when one parent's was asked about
    given = {k: v for k, v in given.items() if not k.endswith("_material_asked")}
    verdicts: list[bool | None] = []
    for i, (name, label) in enumerate(parts):
        result = ex.include(name, label, given)
        open_fields = list((result.extra or {}).get("missing_fields", ()))
        met = result.eligible
        if met is None and name == SITUATIONAL_PART:
            situational = {**SITUATIONAL, **_still_to_do(ex)}
            for f in [f for f in open_fields if f in situational]:
                ex.warn(situational[f])
                open_fields.remove(f)
            if not open_fields and _only_situational_open(result, ex):
                met = True  # only the special-situation papers were open
        failed = [r for r in (result.extra or {}).get("conditions", ()) if r.get("met") is False]
        detail = "；".join(f"{r['condition']}：{r['detail']}" for r in failed) if failed else ""
        c.add(
            met,
            label,
            detail=detail,
            article=REGISTRY[name].article,
            fields=tuple(open_fields) if met is None else (),
        )
        verdicts.append(met)
        if met is False:
            rest = "、".join(lbl for _, lbl in parts[i + 1 :])
            if rest:
                ex.step(f"已有一项审核标准不符合，结论已定，其余（{rest}）不再逐项判断")
            break
    return c.verdict if verdicts else None


def implied(given: dict) -> dict:
    """Facts that follow from other stated facts: a residence permit registered at the family's home, and that
    home in Xicheng, is a permit in Xicheng (三（四）1、2 read together); permits in force are permits held."""
    if (
        given.get("permit_in_xicheng") is None
        and given.get("permit_address_matches_home")
        and given.get("home_in_xicheng")
    ):
        given = {**given, "permit_in_xicheng": True}
    if given.get("permits_valid"):
        # "居住证都在有效期内": a permit in force is a permit held
        given = {f"{p}_has_permit": True for p in ("father", "mother")} | given
    return given


def _still_to_do(ex: Explain) -> dict[str, str]:
    """The steps of TO_DO whose window has not closed on the day asked."""
    w = ex.value(APPLY)
    if ex.as_of > w["apply_to"]:
        return {}
    span = f"{cn(w['apply_from'])}至{cn(w['apply_to'])}"
    return {f: note.format(span=span) for f, note in TO_DO.items()}


def _only_situational_open(result: CalcResult, ex: Explain) -> bool:
    """Every condition left open in the result is one of the special-situation papers (or a step to take)."""
    fields = (result.extra or {}).get("missing_fields", ())
    return bool(fields) and all(f in SITUATIONAL or f in _still_to_do(ex) for f in fields)


ReviewInputs = union_inputs("ReviewInputs", PRIMARY_PARTS)


@nonlocal_rule(
    title="非本市户籍适龄儿童在西城区上小学：8号文各项审核标准合并判断",
    article="一、三（一）至（四）、四3",
    params=[APPLY],
)
def admission_nonlocal_review(ex: Explain, inputs: ReviewInputs) -> CalcResult:
    """一、三（一）—（四）、四3: 适用范围与出生日期、父母双方在京务工就业材料、在西城区实际居住材料、户口簿、
    北京市居住证——各项均须符合；任一项不符合即不能通过审核。2024年入学适用."""
    c = checklist(ex, inputs)
    review(c, inputs, PRIMARY_PARTS)
    ex.extra["办理"] = (
        "审核通过后由居住地街道办事处开具《非本市户籍适龄儿童在西城区就读批准书》（二（二）、（三））"
    )
    return c.conclude()
