"""西教发〔2024〕8号 三（二）: whether the family's Xicheng home counts as proof of actual residence."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import InputError, calculator, explain
from calculators.rules.admission_common import DOC8, Checklist, P, cn
from core.schema import CalcResult

OWN = P + "housing_own_home"
LEASE = P + "rental_lease_dates"
UNIT = P + "housing_unit_public"
EXCLUDED = P + "housing_excluded"

HousingType = Literal[
    "own_home", "rental", "unit_public_housing", "unit_office", "basement", "shared_rental",
    "illegal_or_demolished", "non_sublettable",
]  # fmt: skip

SUITABLE = "住所应适宜居住，能保障适龄儿童的安全（三（二）2）"


class HousingInputs(BaseModel):
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
    rent_tax_receipts_full_year: bool | None = Field(
        None, description="租房是否有一年以上的完税凭证（《增值税普通发票》注明的租赁期限满一年）"
    )
    rent_invoice_issued_on: date | None = Field(None, description="租房《增值税普通发票》的开票日期")
    unit_housing_certificate: bool | None = Field(
        None, description="是否有单位房管部门开具并加盖公章的住房证明（租住本单位公房适用）"
    )


def _rental(c: Checklist, inputs: HousingInputs, d: dict) -> None:
    art = "三（二）2"
    c.fact("规范有效的房屋租赁合同", "lease_standard_contract", art + "（1）",
           "使用市住建委、市场监管局制定的网上可查询合同文本", "须使用市住建委、市场监管局共同制定的网上可查询的规范合同文本")  # fmt: skip
    c.fact("房主产权证用途为住宅", "certificate_residential", art + "（2）",
           "房主的产权证用途为住宅", "房主的产权证用途不是住宅")  # fmt: skip
    signed, until = inputs.lease_signed_on, inputs.lease_continuous_until
    name = "合同签订与连续承租满一年"
    need = f"合同须于{cn(d['signed_by'])}前签订、连续承租至{cn(d['continuous_to'])}满一年"
    if signed is not None and signed > d["signed_by"]:
        c.add(
            name,
            False,
            art + "（3）",
            f"合同于{cn(signed)}签订，晚于{cn(d['signed_by'])}，到{cn(d['continuous_to'])}不满一年",
        )
    elif until is not None and until < d["continuous_to"]:
        c.add(name, False, art + "（3）", f"只连续承租至{cn(until)}，未到{cn(d['continuous_to'])}")
    elif signed is None or until is None:
        c.add(name, None, art + "（3）", need + "；未提供" + ("签订日期" if signed is None else "连续承租截止日"),
              unknown=("lease_signed_on", "lease_continuous_until"))  # fmt: skip
    else:
        c.add(name, True, art + "（3）", f"合同于{cn(signed)}签订，连续承租至{cn(until)}，满一年")
    c.fact("一年以上的租房完税凭证", "rent_tax_receipts_full_year", art + "（3）",
           f"增值税普通发票注明的租赁期限至{cn(d['continuous_to'])}满一年",
           f"增值税普通发票注明的租赁期限至{cn(d['continuous_to'])}须满一年")  # fmt: skip
    issued = inputs.rent_invoice_issued_on
    name = "发票开票日期"
    if issued is None:
        c.add(
            name,
            None,
            art + "（3）",
            f"开票日期须在{cn(d['invoice_by'])}前；未提供",
            unknown=("rent_invoice_issued_on",),
        )
    elif issued <= d["invoice_by"]:
        c.add(name, True, art + "（3）", f"开票日期{cn(issued)}，不晚于{cn(d['invoice_by'])}")
    else:
        c.add(name, False, art + "（3）", f"开票日期{cn(issued)}，晚于{cn(d['invoice_by'])}")


@calculator(
    name="admission_nonlocal_housing",
    title="非本市户籍适龄儿童：在西城区实际居住材料",
    doc_no=DOC8,
    article="三（二）",
    inputs=HousingInputs,
    params=[OWN, LEASE, UNIT, EXCLUDED],
)
def nonlocal_housing(inputs: HousingInputs, as_of: date, params) -> CalcResult:
    """三（二）: 自有住房（住宅）；租房满一年（合同2023年5月1日前签订、连续承租至2024年4月30日、完税凭证）；
    本单位公房；地下室、多人合租房、非法私建房等不能作为依据。2024年入学适用."""
    for d in (inputs.lease_signed_on, inputs.rent_invoice_issued_on):
        if d is not None and d > as_of:
            raise InputError(f"日期 {d.isoformat()} 晚于查询日期 {as_of.isoformat()}")
    if (
        inputs.lease_signed_on
        and inputs.lease_continuous_until
        and inputs.lease_continuous_until < inputs.lease_signed_on
    ):
        raise InputError("连续承租截止日早于合同签订日期")
    ex = explain("admission_nonlocal_housing", inputs, as_of)
    c = Checklist(ex, inputs, DOC8)
    c.fact("住房位于西城区", "home_in_xicheng", "三（二）", "房屋位于西城区", "须在西城区实际居住")
    t = inputs.housing_type
    excluded = ex.value(params[EXCLUDED])["excluded"]
    if t is None:
        c.add("住房类型", None, "三（二）", "未提供住房类型", unknown=("housing_type",))
    elif t in excluded:
        c.add("住房类型", False, "三（二）2—4", f"{excluded[t]}不能作为开具实际居住材料的依据")
    elif t == "own_home":
        materials = ex.value(params[OWN])["materials"]
        c.add("住房类型", True, "三（二）1", f"在西城区自有住房，提供{materials}")
        c.fact(
            "产权证用途为住宅",
            "certificate_residential",
            "三（二）1",
            "产权证用途为住宅",
            "产权证用途不是住宅",
        )
    elif t == "rental":
        c.add("住房类型", True, "三（二）2", "在西城区租房，须已居住一年以上并提供合同、房主产权证和完税凭证")
        _rental(c, inputs, ex.value(params[LEASE]))
    else:
        materials = ex.value(params[UNIT])["materials"]
        c.add("住房类型", True, "三（二）3", f"租住本单位公房，提供{materials}")
        c.fact("单位房管部门住房证明", "unit_housing_certificate", "三（二）3",
               "有单位房管部门开具的住房证明", "须有单位房管部门开具并加盖公章的住房证明")  # fmt: skip
        c.fact(
            "产权证用途为住宅",
            "certificate_residential",
            "三（二）3",
            "产权证用途为住宅",
            "产权证用途不是住宅",
        )
    ex.extra["注意"] = SUITABLE
    ex.extra["审核部门"] = "在西城区实际居住材料由北京市规划和自然资源委员会西城分局审核（二（二）2）"
    return c.result()
