"""西发改文〔2024〕82号 第六条 工业和信息化节能降碳类 (items 4–6)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from calculators.base import calculator, explain, yuan
from calculators.rules.green_common import (
    DOC,
    P,
    capped,
    check,
    check_actual_production,
    finish,
    num,
    start,
    uplifted,
)
from core.schema import CalcResult

RETROFIT = P + "industrial_retrofit"
RETROFIT_HIGHTECH = P + "industrial_retrofit_hightech"
MANUFACTURING = P + "green_manufacturing"
MANUFACTURING_HIGHEST = P + "green_manufacturing_highest"
DATA_CENTER = P + "data_center_retrofit"

MAX_TCE = 1e7  # input bound only


def per_tce(rate: float) -> str:
    return f"{yuan(rate)}/吨标准煤"


class IndustrialRetrofitInputs(BaseModel):
    annual_saving_tce: float = Field(..., gt=0, le=MAX_TCE, description="改造后年节能量（吨标准煤）")
    uses_certified_high_tech: bool | None = Field(
        None, description="是否使用被市级部门认定的高新技术产品、装备和工艺"
    )
    has_actual_production: bool | None = Field(None, description="是否为区域内有实际生产的工业企业")


@calculator(
    name="green_industrial_retrofit",
    title="工业技术改造项目一次性奖励",
    doc_no=DOC,
    article="第六条 第4项",
    inputs=IndustrialRetrofitInputs,
    params=[RETROFIT, RETROFIT_HIGHTECH],
)
def industrial_retrofit(inputs: IndustrialRetrofitInputs, as_of: date, params) -> CalcResult:
    """第六条 4. 工业企业节能技术改造：每吨标准煤 4300 元，单个项目不超过 100 万元；使用市级认定高新技术的标准增加 5% (2024-06-24 起五年)."""
    ex = explain("green_industrial_retrofit", inputs, as_of)
    start(ex)
    p = ex.value(params[RETROFIT])
    conds = [check_actual_production(ex, inputs.has_actual_production)]
    rate = uplifted(
        ex, p["rate"], params[RETROFIT_HIGHTECH], inputs.uses_certified_high_tech, "奖励标准", per_tce
    )
    raw = inputs.annual_saving_tce * rate
    ex.step(f"{num(inputs.annual_saving_tce)} 吨标准煤 × {yuan(rate)}/吨标准煤 = {yuan(raw)}")
    amount = capped(ex, raw, p["cap"], "单个项目奖励上限")
    return finish(ex, amount, conds)


class ManufacturingInputs(BaseModel):
    city_certified: bool = Field(
        ..., description="该项目是否获得北京市绿色供应链管理企业、绿色工厂、绿色低碳领军企业等认证"
    )
    national_demo: bool = Field(False, description="该项目是否获评国家级相应绿色制造示范")


@calculator(
    name="green_manufacturing_award",
    title="绿色制造体系建设项目一次性奖励",
    doc_no=DOC,
    article="第六条 第5项",
    inputs=ManufacturingInputs,
    params=[MANUFACTURING, MANUFACTURING_HIGHEST],
)
def manufacturing_award(inputs: ManufacturingInputs, as_of: date, params) -> CalcResult:
    """第六条 5. 北京市绿色制造认证按项目 30 万元，国家级绿色制造示范 50 万元，同一项目从高不重复 (2024-06-24 起五年)."""
    ex = explain("green_manufacturing_award", inputs, as_of)
    start(ex)
    p = ex.value(params[MANUFACTURING])
    if inputs.city_certified and inputs.national_demo:
        ex.value(params[MANUFACTURING_HIGHEST])
        ex.step(
            f"同一项目既获北京市认证（{yuan(p['city'])}）又获国家级示范（{yuan(p['national'])}），"
            f"从高不重复，按国家级给予 {yuan(p['national'])}"
        )
        return ex.result(p["national"], True)
    if inputs.national_demo:
        ex.step(f"获评国家级相应绿色制造示范，按项目给予 {yuan(p['national'])}")
        return ex.result(p["national"], True)
    if inputs.city_certified:
        ex.step(f"获得北京市绿色制造相关认证，按项目给予 {yuan(p['city'])}")
        return ex.result(p["city"], True)
    ex.step("未获得北京市绿色制造相关认证或国家级绿色制造示范，不予奖励")
    return ex.result(0, False)


class DataCenterInputs(BaseModel):
    annual_saving_tce: float = Field(
        ..., gt=0, le=MAX_TCE, description="数据中心节能改造项目年节能量（吨标准煤）"
    )
    meets_requirements: bool | None = Field(None, description="节能改造项目是否经主管部门认定符合要求")


@calculator(
    name="green_data_center_retrofit",
    title="数据中心节能改造项目一次性奖励",
    doc_no=DOC,
    article="第六条 第6项",
    inputs=DataCenterInputs,
    params=[DATA_CENTER],
)
def data_center_retrofit(inputs: DataCenterInputs, as_of: date, params) -> CalcResult:
    """第六条 6. 符合要求的数据中心节能改造：每吨标准煤 1200 元，单个项目不超过 100 万元 (2024-06-24 起五年)."""
    ex = explain("green_data_center_retrofit", inputs, as_of)
    start(ex)
    p = ex.value(params[DATA_CENTER])
    conds = [
        check(
            ex,
            inputs.meets_requirements,
            "数据中心节能改造项目符合要求",
            "数据中心节能改造项目不符合要求",
            "数据中心节能改造项目是否符合主管部门要求",
        )
    ]
    raw = inputs.annual_saving_tce * p["rate"]
    ex.step(f"{num(inputs.annual_saving_tce)} 吨标准煤 × {yuan(p['rate'])}/吨标准煤 = {yuan(raw)}")
    amount = capped(ex, raw, p["cap"], "单个项目奖励上限")
    return finish(ex, amount, conds)
