"""西教发〔2024〕8号 三（二）: whether the family's Xicheng home counts as proof of actual residence."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, InputError
from calculators.kit import Conditions, cn
from calculators.kit.bounds import FIRST_SCHOOL_EVENT_YEAR as FIRST_YEAR
from calculators.kit.bounds import LAST_POLICY_YEAR as LAST_YEAR
from calculators.kit.dates import FIRST_MONTH_DAY, LATEST_MONTH_DAY
from calculators.rules.admission_common import (
    NONLOCAL_SCOPE,
    HukouType,
    P,
    check_not_after,
    checklist,
    nonlocal_rule,
    outside_scope,
)
from core.schema import CalcResult

OWN = P + "housing_own_home"
LEASE = P + "rental_lease_dates"
UNIT = P + "housing_unit_public"
EXCLUDED = P + "housing_excluded"

HousingType = Literal[
    "own_home",
    "rental",
    "unit_public_housing",
    "unit_office",
    "basement",
    "shared_rental",
    "illegal_or_demolished",
    "non_sublettable",
]

SUITABLE = "住所应适宜居住，能保障适龄儿童的安全（三（二）2）"


class HousingInputs(BaseModel):
    parents_non_beijing: bool | None = Field(None, description="父母是否均为非本市户籍")
    father_hukou_type: HukouType | None = Field(None, description="父亲的户籍类型（分别说明父母户籍时）")
    mother_hukou_type: HukouType | None = Field(None, description="母亲的户籍类型（分别说明父母户籍时）")
    housing_type: HousingType | None = Field(
        None,
        description="在西城区实际居住的住房类型：own_home=自有住房，rental=租房，unit_public_housing=租住本单位公房，"
        "unit_office=单位办公用房，basement=地下室，shared_rental=多人合租房，"
        "illegal_or_demolished=非法私建房或已拆迁房，non_sublettable=按规定不得转租的公房或军产房",
    )
    home_in_xicheng: bool | None = Field(None, description="所居住的房屋是否位于西城区")
    certificate_residential: bool | None = Field(
        None, description="房屋所有权证或不动产权证书（租房时为房主的产权证）上的用途是否为住宅"
    )
    lease_standard_contract: bool | None = Field(
        None, description="租房合同是否为市住建委、市市场监管局制定的网上可查询的规范房屋租赁合同"
    )
    lease_signed_on: date | None = Field(None, description="租房合同的签订日期")
    lease_continuous_until: date | None = Field(
        None, description="租房连续承租到哪一天（至今仍在租住的填合同租期截止日）"
    )
    lease_signed_year: int | None = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="租房合同签订的年份（只知道年份时）"
    )
    lease_ongoing: bool | None = Field(None, description="是否至今仍在连续租住（一直续租到现在）")
    rent_tax_receipts_full_year: bool | None = Field(
        None, description="租房是否有一年以上的完税凭证（《增值税普通发票》注明的租赁期限满一年）"
    )
    rent_invoice_issued_on: date | None = Field(None, description="租房《增值税普通发票》的开票日期")
    rent_invoice_period_from: date | None = Field(
        None, description="租房《增值税普通发票》注明的租赁期限起始日（只知道起止时填写）"
    )
    rent_invoice_period_to: date | None = Field(
        None, description="租房《增值税普通发票》注明的租赁期限截止日（只知道起止时填写）"
    )
    unit_housing_certificate: bool | None = Field(
        None, description="是否有单位房管部门开具并加盖公章的住房证明（租住本单位公房适用）"
    )


def _residential(c: Conditions, article: str) -> None:
    """The home's certificate must be for residential use (自有住房、单位公房)."""
    c.fact(
        "certificate_residential",
        "产权证用途为住宅",
        said=("产权证用途为住宅", "产权证用途不是住宅"),
        article=article,
    )


def _invoice_period(c: Conditions, inputs: HousingInputs, d: dict) -> None:
    """ "发票注明租期2022年8月至2024年7月": the invoice covers a full year up to continuous_to when its period
    starts by signed_by (the parameter's reading: 5月1日 to the next 30 April is exactly one year) and runs to
    continuous_to or later."""
    start, end = inputs.rent_invoice_period_from, inputs.rent_invoice_period_to
    if inputs.rent_tax_receipts_full_year is not None or start is None or end is None:
        return
    if end < start:
        raise InputError("租房发票注明的租赁期限截止日早于起始日")
    full = start <= d["signed_by"] and end >= d["continuous_to"]
    c.ex.step(
        f"发票注明的租赁期限{cn(start)}至{cn(end)}，{'覆盖' if full else '未覆盖'}"
        f"{cn(d['signed_by'])}至{cn(d['continuous_to'])}的一年"
    )
    c.inputs = c.inputs.model_copy(update={"rent_tax_receipts_full_year": full})


def _rental(c: Conditions, inputs: HousingInputs, d: dict) -> None:
    art = "三（二）2"
    c.fact(
        "lease_standard_contract",
        "规范有效的房屋租赁合同",
        said=(
            "使用市住建委、市场监管局制定的网上可查询合同文本",
            "须使用市住建委、市场监管局共同制定的网上可查询的规范合同文本",
        ),
        article=art + "（1）",
    )
    c.fact(
        "certificate_residential",
        "房主产权证用途为住宅",
        said=("房主的产权证用途为住宅", "房主的产权证用途不是住宅"),
        article=art + "（2）",
    )
    signed, until = inputs.lease_signed_on, inputs.lease_continuous_until
    year = inputs.lease_signed_year
    if signed is None and year is not None and year != d["signed_by"].year:
        # only the year is known: a year before the cut-off's is in time, a later one is not
        signed = date(year, *LATEST_MONTH_DAY) if year < d["signed_by"].year else date(year, *FIRST_MONTH_DAY)
    if until is None and inputs.lease_ongoing and c.ex.as_of >= d["continuous_to"]:
        until = c.ex.as_of  # still renting on the day asked
    name = "合同签订与连续承租满一年"
    need = f"合同须于{cn(d['signed_by'])}前签订、连续承租至{cn(d['continuous_to'])}满一年"
    if signed is not None and signed > d["signed_by"]:
        c.add(
            False,
            name,
            detail=f"合同于{cn(signed)}签订，晚于{cn(d['signed_by'])}，到{cn(d['continuous_to'])}不满一年",
            article=art + "（3）",
        )
    elif until is not None and until < d["continuous_to"]:
        c.add(
            False,
            name,
            detail=f"只连续承租至{cn(until)}，未到{cn(d['continuous_to'])}",
            article=art + "（3）",
        )
    elif signed is None or until is None:
        c.add(
            None,
            name,
            detail=need + "；未提供" + ("签订日期" if signed is None else "连续承租截止日"),
            article=art + "（3）",
            fields=("lease_signed_on", "lease_continuous_until"),
        )
    else:
        c.add(
            True, name, detail=f"合同于{cn(signed)}签订，连续承租至{cn(until)}，满一年", article=art + "（3）"
        )
    _invoice_period(c, inputs, d)
    c.fact(
        "rent_tax_receipts_full_year",
        "一年以上的租房完税凭证",
        said=(
            f"增值税普通发票注明的租赁期限至{cn(d['continuous_to'])}满一年",
            f"增值税普通发票注明的租赁期限至{cn(d['continuous_to'])}须满一年",
        ),
        article=art + "（3）",
    )
    issued = inputs.rent_invoice_issued_on
    name = "发票开票日期"
    if issued is None:
        c.add(
            None,
            name,
            detail=f"开票日期须在{cn(d['invoice_by'])}前；未提供",
            article=art + "（3）",
            fields=("rent_invoice_issued_on",),
        )
    elif issued <= d["invoice_by"]:
        c.add(True, name, detail=f"开票日期{cn(issued)}，不晚于{cn(d['invoice_by'])}", article=art + "（3）")
    else:
        c.add(False, name, detail=f"开票日期{cn(issued)}，晚于{cn(d['invoice_by'])}", article=art + "（3）")


@nonlocal_rule(
    title="非本市户籍适龄儿童：在西城区实际居住材料",
    article="三（二）",
    params=[OWN, LEASE, UNIT, EXCLUDED, NONLOCAL_SCOPE],
)
def admission_nonlocal_housing(ex: Explain, inputs: HousingInputs) -> CalcResult:
    """三（二）: 自有住房（住宅）；租房满一年（合同2023年5月1日前签订、连续承租至2024年4月30日、完税凭证）；
    本单位公房；地下室、多人合租房、非法私建房等不能作为依据。2024年入学适用."""
    check_not_after(ex.as_of, inputs.lease_signed_on, inputs.rent_invoice_issued_on)
    if (
        inputs.lease_signed_on
        and inputs.lease_continuous_until
        and inputs.lease_continuous_until < inputs.lease_signed_on
    ):
        raise InputError("连续承租截止日早于合同签订日期")
    c = checklist(ex, inputs)
    if outside_scope(c, inputs):
        return c.conclude(False)
    c.fact(
        "home_in_xicheng", "住房位于西城区", said=("房屋位于西城区", "须在西城区实际居住"), article="三（二）"
    )
    t = inputs.housing_type
    excluded = ex.value(EXCLUDED)["excluded"]
    if t is None:
        c.add(None, "住房类型", detail="未提供住房类型", article="三（二）", fields=("housing_type",))
    elif t in excluded:
        c.add(False, "住房类型", detail=f"{excluded[t]}不能作为开具实际居住材料的依据", article="三（二）2—4")
    elif t == "own_home":
        materials = ex.value(OWN)["materials"]
        c.add(True, "住房类型", detail=f"在西城区自有住房，提供{materials}", article="三（二）1")
        _residential(c, "三（二）1")
    elif t == "rental":
        c.add(
            True,
            "住房类型",
            detail="在西城区租房，须已居住一年以上并提供合同、房主产权证和完税凭证",
            article="三（二）2",
        )
        _rental(c, inputs, ex.value(LEASE))
    else:
        materials = ex.value(UNIT)["materials"]
        c.add(True, "住房类型", detail=f"租住本单位公房，提供{materials}", article="三（二）3")
        c.fact(
            "unit_housing_certificate",
            "单位房管部门住房证明",
            said=("有单位房管部门开具的住房证明", "须有单位房管部门开具并加盖公章的住房证明"),
            article="三（二）3",
        )
        _residential(c, "三（二）3")
    ex.extra["注意"] = SUITABLE
    ex.extra["审核部门"] = "在西城区实际居住材料由北京市规划和自然资源委员会西城分局审核（二（二）2）"
    return c.conclude()
