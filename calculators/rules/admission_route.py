"""西教发〔2024〕7号 三（一）2③④⑤ and 五（二）（五）（六）（七）: 片区内登记入学, 多校划片 or 全区派位 in 2024."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, add_years, all_of, cn
from calculators.rules.admission_common import (
    HUKOU_LABEL,
    PERSONAL,
    GuardianOwnsHome,
    Hukou,
    P,
    check_not_after,
    checklist,
    hukou_now,
    primary_rule,
)
from core.schema import CalcResult

ROUTES = P + "primary_routes"
NO_HOME = P + "no_home_family"
SIX_YEARS = P + "address_six_years"
REVIEW = P + "primary_material_review"
PROPERTY = P + "property_cutoff"
HUKOU_MOVE = P + "hukou_move_cutoff"


class RouteInputs(BaseModel):
    hukou_type: Hukou = None
    no_home_family: bool | None = Field(None, description="是否为符合条件的本市户籍无房家庭")
    guardian_owns_home_in_xicheng: GuardianOwnsHome = None
    home_certificate_date: date | None = Field(
        None, description="法定监护人取得西城区房屋所有权证书（不动产权证书）的日期"
    )
    home_certificate_year: int | None = Field(
        None, description="法定监护人取得西城区房屋所有权证书（不动产权证书）的年份（只知年份时）"
    )
    hukou_moved_from_other_district: bool | None = Field(
        None, description="适龄儿童的户籍是否是从本市其他区迁入西城区的"
    )
    hukou_moved_in_date: date | None = Field(None, description="户籍从本市其他区迁入西城区的日期")
    hukou_moved_in_year: int | None = Field(
        None, description="户籍从本市其他区迁入西城区的年份（只知年份时）"
    )
    address_used_before: bool | None = Field(
        None, description="登记入学所用住址此前是否已被其他适龄儿童用于登记入学（学位已被占用）"
    )
    address_used_on: date | None = Field(None, description="该住址上一次用于登记入学的日期")
    address_user_is_sibling: bool | None = Field(
        None, description="此前用该住址登记入学的是否为本家庭符合国家生育政策的子女（如哥哥姐姐）"
    )


def _address(c: Conditions, inputs: RouteInputs, rule: dict, reference: date) -> None:
    """五（五）: one registration place per address within six years of its use (recorded since 2020)."""
    name, art = "登记住址六年内未占用登记入学学位", "五（五）"
    since, years = rule["records_since"], rule["years"]
    if inputs.address_used_before is None:
        c.add(
            None,
            name,
            detail="未说明该住址此前是否已用于登记入学",
            article=art,
            fields=("address_used_before",),
        )
        return
    if not inputs.address_used_before:
        c.add(True, name, detail="该住址此前未被用于登记入学", article=art)
        return
    used = inputs.address_used_on
    if used is not None and used < since:
        c.add(
            True,
            name,
            detail=f"该住址于{cn(used)}用于登记入学，早于自{cn(since)}起的入学登记记录，不计入",
            article=art,
        )
        return
    if used is not None:
        ends = add_years(used, years)
        if ends <= reference:
            c.add(
                True,
                name,
                detail=f"该住址于{cn(used)}用于登记入学，到{cn(reference)}已满{years}年",
                article=art,
            )
            return
        within = f"该住址于{cn(used)}用于登记入学，到{cn(reference)}未满{years}年（至{cn(ends)}满）"
    elif add_years(since, years) > reference:
        within = f"入学登记自{cn(since)}起记录，任何已记录的占用到{cn(reference)}都未满{years}年"
    else:
        c.add(
            None,
            name,
            detail="未提供该住址上一次用于登记入学的日期",
            article=art,
            fields=("address_used_on",),
        )
        return
    sibling = inputs.address_user_is_sibling
    if sibling:
        c.ex.warn(
            "五（五）写明“原则上”六年内只提供一个登记入学学位，“符合国家生育政策的除外”，以学校和区教委审核为准"
        )
        c.add(
            True,
            name,
            detail=within + "；但占用学位的是本家庭符合国家生育政策的子女，属除外情形",
            article=art,
        )
    elif sibling is None:
        c.add(
            None,
            name,
            detail=within + "；未说明占用学位的是否为本家庭符合国家生育政策的子女（除外情形）",
            article=art,
            fields=("address_user_is_sibling",),
        )
    else:
        c.add(
            False,
            name,
            detail=within + "，不再对应登记入学划片学校，以多校划片方式在学区或相邻学区内入学",
            article=art,
        )


def _dated(
    c: Conditions,
    name: str,
    art: str,
    applies: bool | None,
    when: date | None,
    cutoff: date,
    what: str,
    fields: tuple[str, str],
    year: int | None = None,
) -> None:
    """五（六）/（七）: an event after the cut-off date moves the child to 多校划片. With only the year known
    (`year`), a year after the cut-off's decides, one before it too; the cut-off's own year stays open."""
    if when is None and year is not None and applies is not False:
        if year > cutoff.year:
            c.add(
                False,
                name,
                detail=f"{what.removesuffix('的日期')}：{year}年，在{cn(cutoff)}以后，以多校划片方式在学区或相邻学区内入学",
                article=art,
            )
            return
        if year < cutoff.year:
            c.add(
                True, name, detail=f"{what.removesuffix('的日期')}：{year}年，早于{cn(cutoff)}", article=art
            )
            return
    if applies is None:
        question = type(c.inputs).model_fields[fields[0]].description
        c.add(None, name, detail=f"未说明：{question}", article=art, fields=fields[:1])
    elif not applies:
        c.add(True, name, detail="不涉及", article=art)
    elif when is None:
        c.add(None, name, detail=f"未提供{what}", article=art, fields=fields[1:])
    elif when > cutoff:
        c.add(
            False,
            name,
            detail=f"{what}为{cn(when)}，在{cn(cutoff)}以后，以多校划片方式在学区或相邻学区内入学",
            article=art,
        )
    else:
        c.add(True, name, detail=f"{what}为{cn(when)}，不晚于{cn(cutoff)}", article=art)


@primary_rule(
    kind="verdict",
    title="小学片区内登记入学资格（是否改为多校划片或全区派位）",
    article="三（一）2③④⑤、五（二）（五）（六）（七）",
    params=[ROUTES, NO_HOME, SIX_YEARS, REVIEW, PROPERTY, HUKOU_MOVE],
)
def admission_primary_route(ex: Explain, inputs: RouteInputs) -> CalcResult:
    """三（一）2③—⑤ 与 五（二）（五）（六）（七）：本市个人居民户籍且不属无房家庭、地址六年内未占用、
    2020年7月31日后未取得房产证或迁入户籍的，片区内登记入学；否则多校划片或全区派位。2024年入学适用."""
    check_not_after(
        ex.as_of, inputs.home_certificate_date, inputs.hukou_moved_in_date, inputs.address_used_on
    )
    inputs = hukou_now(ex, inputs)
    owns = inputs.home_certificate_date is not None or inputs.home_certificate_year is not None
    if inputs.guardian_owns_home_in_xicheng is None and owns:
        # "2021年才拿到的房本": the date a certificate came says there is one
        inputs = inputs.model_copy(update={"guardian_owns_home_in_xicheng": True})
        ex.step("已说明取得西城区房屋所有权证书的时间：法定监护人在西城区有独立产权房")
    c = checklist(ex, inputs)
    routes = ex.value(ROUTES)
    route = None
    h = inputs.hukou_type
    name = "本市个人居民户籍"
    if h is None:
        c.add(None, name, detail="未提供户籍类型", article="三（一）2③", fields=("hukou_type",))
    elif h in PERSONAL:
        c.add(
            True,
            name,
            detail=f"户籍类型为{HUKOU_LABEL[h]}，可参加片区内登记入学或多校划片入学",
            article="三（一）2③",
        )
    elif h == "beijing_other_collective_public":
        c.add(False, name, detail="本市其他区集体户籍或公共户籍不符合西城区小学入学条件", article="三（一）1")
    else:
        c.add(
            False,
            name,
            detail=f"户籍类型为{HUKOU_LABEL[h]}，在全区范围内按计划派位入学",
            article="三（一）2⑤",
        )
        route = routes["district_lottery"]
    if h == "beijing_other_personal":
        c.fact(
            "guardian_owns_home_in_xicheng",
            "依据法定监护人在西城区的独立产权房申请",
            said=(
                "法定监护人在西城区有独立产权房",
                "本市其他区户籍须法定监护人在西城区有独立产权房，否则不符合入学条件",
            ),
            article="三（一）1①",
        )
    no_home = inputs.no_home_family
    if no_home is None and inputs.guardian_owns_home_in_xicheng:
        no_home = False
        ex.step("法定监护人在西城区有独立产权房，不属于无房家庭")
    if h in PERSONAL or h is None:
        if no_home is None:
            c.add(
                None,
                "不属于无房家庭",
                detail="未说明是否为本市户籍无房家庭",
                article="五（二）",
                fields=("no_home_family",),
            )
        elif no_home:
            c.add(
                False,
                "不属于无房家庭",
                detail="本市户籍无房家庭适龄子女依据市教委规定办理，" + ex.value(NO_HOME)["route"],
                article="五（二）",
            )
            route = routes["district_lottery"]
        else:
            c.add(True, "不属于无房家庭", detail="不是无房家庭", article="五（二）")
        reference = ex.value(REVIEW)["review_from"]
        _address(c, inputs, ex.value(SIX_YEARS), reference)
        _dated(
            c,
            "房屋所有权证书取得日期",
            "五（六）",
            inputs.guardian_owns_home_in_xicheng,
            inputs.home_certificate_date,
            ex.value(PROPERTY)["after"],
            "法定监护人取得西城区房屋所有权证书的日期",
            ("guardian_owns_home_in_xicheng", "home_certificate_date"),
            inputs.home_certificate_year,
        )
        moved = inputs.hukou_moved_from_other_district
        if h == "beijing_other_personal":
            # the hukou is still in another district: 五（七） concerns hukou moved into Xicheng
            moved = False
        _dated(
            c,
            "户籍迁入西城区日期",
            "五（七）",
            moved,
            inputs.hukou_moved_in_date,
            ex.value(HUKOU_MOVE)["after"],
            "户籍从本市其他区迁入西城区的日期",
            ("hukou_moved_from_other_district", "hukou_moved_in_date"),
            inputs.hukou_moved_in_year,
        )
    ok = all_of(c.counted)
    if h == "beijing_other_personal" and inputs.guardian_owns_home_in_xicheng is False:
        pass  # not eligible for a Xicheng primary school at all: no route
    elif route is None and h in PERSONAL:
        route = {True: routes["registration"], False: routes["multi_school"]}.get(ok)
    if route:
        ex.step(f"入学方式：{route}")
    elif ok is None:
        ex.step("入学方式：片区内登记入学或多校划片，视上述尚需确认的事项而定")
    ex.extra["入学方式"] = route
    ex.extra["说明"] = (
        "各小学招生服务范围以《新生登记入学通告》形式张贴公示；每名适龄儿童只在一所学校登记（三（一）2③）"
    )
    return c.conclude()
