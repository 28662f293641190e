"""西发改文〔2024〕82号 第六条 工业和信息化节能降碳类 (items 4–6)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import Conditions, capped, per_unit, yuan
from calculators.kit.bounds import MAX_TCE
from calculators.rules.green_common import (
    HasActualProduction,
    P,
    SavingTce,
    UsesCertifiedHighTech,
    actual_production,
    green,
    national_or_city,
    uplifted,
)
from core.schema import CalcResult

RETROFIT = P + "industrial_retrofit"
RETROFIT_HIGHTECH = P + "industrial_retrofit_hightech"
MANUFACTURING = P + "green_manufacturing"
MANUFACTURING_HIGHEST = P + "green_manufacturing_highest"
DATA_CENTER = P + "data_center_retrofit"


def per_tce(rate: float) -> str:
    return f"{yuan(rate)}/吨标准煤"


class IndustrialRetrofitInputs(BaseModel):
    annual_saving_tce: SavingTce
    uses_certified_high_tech: UsesCertifiedHighTech = None
    has_actual_production: HasActualProduction = None


@green(
    title="工业技术改造项目一次性奖励",
    article="第六条 第4项",
    params=[RETROFIT, RETROFIT_HIGHTECH],
    in_district=True,
)
def green_industrial_retrofit(ex: Explain, inputs: IndustrialRetrofitInputs) -> CalcResult:
    """第六条 4. 工业企业节能技术改造：每吨标准煤 4300 元，单个项目不超过 100 万元；使用市级认定高新技术的标准增加 5% (2024-06-24 起五年)."""
    p = ex.value(RETROFIT)
    c = Conditions(ex, inputs)
    actual_production(c)
    rate = uplifted(ex, p["rate"], RETROFIT_HIGHTECH, inputs.uses_certified_high_tech, "奖励标准", per_tce)
    raw = per_unit(ex, inputs.annual_saving_tce, "吨标准煤", rate)
    return c.payable(capped(ex, raw, p["cap"], "单个项目奖励上限"))


class ManufacturingInputs(BaseModel):
    city_certified: bool = Field(
        ..., description="该项目是否获得北京市绿色供应链管理企业、绿色工厂、绿色低碳领军企业等认证"
    )
    national_demo: bool = Field(False, description="该项目是否获评国家级相应绿色制造示范")


@green(
    title="绿色制造体系建设项目一次性奖励",
    article="第六条 第5项",
    params=[MANUFACTURING, MANUFACTURING_HIGHEST],
)
def green_manufacturing_award(ex: Explain, inputs: ManufacturingInputs) -> CalcResult:
    """第六条 5. 北京市绿色制造认证按项目 30 万元，国家级绿色制造示范 50 万元，同一项目从高不重复 (2024-06-24 起五年)."""
    return national_or_city(
        ex,
        MANUFACTURING,
        MANUFACTURING_HIGHEST,
        national=("国家级相应绿色制造示范", inputs.national_demo),
        city=("北京市绿色制造相关认证", inputs.city_certified),
        verb="按项目给予",
    )


class DataCenterInputs(BaseModel):
    annual_saving_tce: float = Field(
        ..., gt=0, le=MAX_TCE, description="数据中心节能改造项目年节能量（吨标准煤）"
    )
    meets_requirements: bool | None = Field(None, description="节能改造项目是否经主管部门认定符合要求")


@green(title="数据中心节能改造项目一次性奖励", article="第六条 第6项", params=[DATA_CENTER])
def green_data_center_retrofit(ex: Explain, inputs: DataCenterInputs) -> CalcResult:
    """第六条 6. 符合要求的数据中心节能改造：每吨标准煤 1200 元，单个项目不超过 100 万元 (2024-06-24 起五年)."""
    p = ex.value(DATA_CENTER)
    c = Conditions(ex, inputs)
    c.fact("meets_requirements", "数据中心节能改造项目符合要求", failed="数据中心节能改造项目不符合要求",
           unknown="数据中心节能改造项目是否符合主管部门要求")  # fmt: skip
    raw = per_unit(ex, inputs.annual_saving_tce, "吨标准煤", p["rate"])
    return c.payable(capped(ex, raw, p["cap"], "单个项目奖励上限"))
