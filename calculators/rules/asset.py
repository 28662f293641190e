"""西财资产〔2024〕18号 西城区行政事业单位国有资产评估：是否须评估（第四至六条）、核准还是备案（第十八条）."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain, calculator, cite, gated
from calculators.kit import yuan
from calculators.kit.bounds import MAX_CAPITAL_YUAN
from calculators.params import load_param
from core.schema import CalcResult

DOC = "西财资产〔2024〕18号"
P = "state_assets/"
THRESHOLD = P + "approval_threshold"
PROCEDURE = P + "review_procedure"
STATE_ACTS = P + "state_asset_acts"
NON_STATE_ACTS = P + "non_state_asset_acts"
EXEMPT = P + "exempt_acts"
SUBORDINATE = P + "subordinate_exemption"
COMMISSIONING = P + "commissioning"
SPECIAL = P + "special_asset_classes"

SCOPE = P + "scope"
EFFECTIVE = P + "effective_date"
SCOPE_FIELD = {
    "xicheng_unit": (
        bool | None,
        Field(None, description="是否为西城区的行政事业单位或其所办企业（市属、中央单位不是）"),
    )
}


def out_of_scope(ex: Explain, stated) -> CalcResult | None:
    """第二条: a unit that is not one of 西城区's (a city or central unit, wherever its office is) → not applicable."""
    if getattr(stated, "xicheng_unit", None) is not False:
        return None
    c = cite(load_param(SCOPE))
    if c not in ex.citations:
        ex.citations.append(c)
    ex.step(
        "不是西城区的行政事业单位或其所办企业（如市属、中央单位，办公地点在西城也不改变）：本办法不适用（第二条）"
    )
    ex.extra["verdict"] = "不适用本办法"
    return ex.result(None, False)


def asset(*, title: str, article: str, params=(), name: str | None = None):
    """Register a rule of the measures; each also takes `xicheng_unit` (第二条), checked first and, while
    required inputs are still missing, from what was stated."""

    def wrap(rule):
        calc_name = name or rule.__name__
        checked, screen = gated(rule, calc_name, DOC, SCOPE_FIELD, out_of_scope)
        calculator(
            title=title, doc_no=DOC, article=article, params=params, audience="staff", kind="verdict",
            name=calc_name, screen=screen,
        )(checked)  # fmt: skip
        return rule

    return wrap


Act = Literal[
    # 第四条
    "报废",
    "转让",
    "置换",
    "改制为有限责任公司或股份有限公司",
    "以非货币资产对外投资",
    "所办企业合并",
    "所办企业分立",
    "所办企业清算",
    "所办企业原股东股权比例变动",
    "所办企业产权（股权）转让",
    "出租",
    "确定涉讼资产价值",
    "法律、行政法规规定的其他需评估事项",
    # 第五条
    "收购非国有资产",
    "置换非国有单位的资产",
    "接受非国有单位以非货币资产抵债",
    # 第六条
    "无偿划转给行政事业单位",
    "其他不影响国有资产权益的特殊产权变动",
]
AssetClass = Literal["一般资产", "公共基础设施", "政府储备物资", "文物文化资产", "保障性住房"]


# 第十八条 核准与备案 -------------------------------------------------------------


class ApprovalInputs(BaseModel):
    book_value_yuan: float = Field(..., ge=0, le=MAX_CAPITAL_YUAN, description="资产评估项目账面价值（元）")
    act: Act | None = Field(None, description="评估所为的经济行为类型（说明时一并判断是否须评估）")


@asset(
    title="国有资产评估项目办理核准还是备案",
    article="第十八条（一）",
    params=[THRESHOLD, PROCEDURE, STATE_ACTS, NON_STATE_ACTS],
)
def asset_approval_or_filing(ex: Explain, inputs: ApprovalInputs) -> CalcResult:
    """第十八条（一）：账面价值 threshold（不含）以下备案，threshold（含）以上核准；2024-02-01 起施行（第二十八条）.

    eligible 不适用（这是程序归类，不是资格），结论写在 extra["procedure"]。
    """
    p = ex.value(THRESHOLD)
    proc = ex.value(PROCEDURE)
    value, line = inputs.book_value_yuan, p["threshold"]
    if value >= line:
        ex.step(f"账面价值 {yuan(value)}，达到 {yuan(line)}（含）以上：办理核准")
        ex.step(
            "核准项目实行专家审核制度；区财政局审核验证后将评估结果上报区政府，经区政府批准后反馈主管部门"
        )
        ex.extra["procedure"] = "核准"
        ex.extra["process"] = proc["approval"]
    else:
        ex.step(f"账面价值 {yuan(value)}，在 {yuan(line)}（不含）以下：办理备案")
        ex.step("备案项目由区财政局对符合要求的予以备案，必要时可组织专家进行审核验证")
        ex.extra["procedure"] = "备案"
        ex.extra["process"] = proc["filing"]
    ex.extra["verdict"] = f"办理{ex.extra['procedure']}"
    ex.extra["office"] = proc["office"]
    ex.extra["materials"] = list(proc["materials"])
    return ex.result(None, _act_needs_evaluation(ex, inputs.act))


def _act_needs_evaluation(ex: Explain, act: str | None) -> bool | None:
    """With the act stated, the same answer says whether it must be evaluated (第四条、第五条): True when the act
    is listed there with no exception that could apply; None otherwise (asset_evaluation_required decides)."""
    if act is None:
        return None
    state, non_state = ex.value(STATE_ACTS), ex.value(NON_STATE_ACTS)
    if act in non_state["acts"]:
        ex.step(f"经济行为“{act}”属于第五条{non_state['acts'][act]}：应当进行资产评估")
        return True
    exceptions = (*state["listed_company_excluded"], *state["subordinate_exemptable"])
    if act in state["acts"] and act not in exceptions:
        ex.step(f"经济行为“{act}”属于第四条{state['acts'][act]}：应当进行资产评估")
        return True
    return None


# 第四、五、六条 是否须评估 ----------------------------------------------------------


class EvaluationInputs(BaseModel):
    act: Act = Field(..., description="拟进行的经济行为类型")
    between_subordinate_units: bool | None = Field(
        None,
        description="是否为同一行政事业单位下属的单位（包括事业单位及独资企业）之间的合并、划转、置换或转让",
    )
    is_listed_company: bool | None = Field(None, description="涉及的所办企业是否为上市公司")
    approved: bool | None = Field(None, description="无偿划转是否已经批准")
    finance_bureau_confirmed: bool | None = Field(
        None, description="区财政局是否已确认该特殊产权变动行为可以不进行资产评估"
    )
    by_affiliated_enterprise: bool | None = Field(None, description="经济行为是否由行政事业单位所办企业进行")
    asset_class: AssetClass | None = Field(None, description="资产类别（一般资产或公共基础设施等特殊类别）")


@asset(
    title="行政事业单位经济行为是否须进行资产评估",
    article="第四条至第六条",
    params=[STATE_ACTS, NON_STATE_ACTS, EXEMPT, SUBORDINATE, COMMISSIONING, SPECIAL],
)
def asset_evaluation_required(ex: Explain, inputs: EvaluationInputs) -> CalcResult:
    """第四条（须评估国有资产）、第五条（须评估非国有资产）、第六条（可不评估）；第七条 委托方；第二十七条 特殊资产.

    eligible=True 表示须进行资产评估，False 表示可以不评估，None 表示还缺事实。施行日期见第二十八条（params 中的起始日）。
    """
    state = ex.value(STATE_ACTS)
    non_state = ex.value(NON_STATE_ACTS)
    who = ex.value(COMMISSIONING)
    special = ex.value(SPECIAL)
    act = inputs.act
    ex.step(f"经济行为：{act}")

    if inputs.asset_class in special["classes"]:
        msg = f"{inputs.asset_class}的评估另有规定的从其规定，无规定的才参照本办法（第二十七条）"
        ex.step(msg)
        ex.warn(msg)

    required: bool | None
    if act in state["acts"]:
        required = _state_act(ex, inputs, state)
    elif act in non_state["acts"]:
        ex.step(f"属于第五条{non_state['acts'][act]}：应当对相关非国有资产进行评估")
        required = True
    elif act == "无偿划转给行政事业单位" and inputs.between_subordinate_units:
        # 第六条（二）: 下属单位之间的资产划转 may skip evaluation whether or not 第六条（一）'s approval applies.
        clause = ex.value(SUBORDINATE)["clause"]
        ex.step(f"属于第六条{clause}：下属单位之间的资产划转，可以不进行资产评估")
        required = False
    elif act == "无偿划转给行政事业单位":
        exempt = ex.value(EXEMPT)
        required = _exempt_case(
            ex,
            inputs.approved,
            exempt["approved_free_transfer"],
            "是否已经批准",
            "未经批准的无偿划转不属于第六条（一）可以不评估的情形，应先履行批准程序",
            None,
        )
    else:
        exempt = ex.value(EXEMPT)
        required = _exempt_case(
            ex,
            inputs.finance_bureau_confirmed,
            exempt["other_confirmed"],
            "区财政局是否已确认可以不进行资产评估",
            "未经区财政局确认可以不评估，不能适用第六条（三），应进行资产评估",
            True,
        )

    if required:
        ex.step("结论：须委托具有相关资质的评估机构进行资产评估")
        if act == "报废":
            ex.extra["commissioned_by"] = who["scrap"]
        elif inputs.by_affiliated_enterprise:
            ex.extra["commissioned_by"] = who["enterprise"]
        else:
            ex.extra["commissioned_by"] = who["other"]
        ex.extra["fee"] = who["fee"]
        ex.extra["next"] = "评估报告经主管部门审核后报区财政局核准或备案（第十二条、第十八条）"
    elif required is False:
        ex.step("结论：可以不进行资产评估")
    else:
        ex.step("结论：尚不能确定是否须评估，请补充上述未知事实")
    ex.extra["verdict"] = {
        True: "需要进行资产评估",
        False: "可以不进行资产评估",
        None: "尚不能确定是否需要评估",
    }[required]
    return ex.result(None, required)


def _state_act(ex: Explain, inputs: EvaluationInputs, state: dict) -> bool | None:
    """第四条 acts, with the listed-company carve-out of items (五)(六) and the 第六条（二） exemption."""
    act = inputs.act
    ex.step(f"属于第四条{state['acts'][act]}：应当对相关国有资产进行评估")
    if act in state["listed_company_excluded"]:
        if inputs.is_listed_company is None:
            ex.step("未知：所办企业是否为上市公司（第四条（五）（六）不含上市公司）")
            return None
        if inputs.is_listed_company:
            ex.step(
                "所办企业为上市公司：第四条（五）（六）不适用，本办法对此未作规定，应按上市公司相关规定办理"
            )
            return None
    if act in state["subordinate_exemptable"]:
        clause = ex.value(SUBORDINATE)["clause"]
        if inputs.between_subordinate_units is None:
            ex.step(f"未知：是否为下属单位之间的交易；若是，适用第六条{clause}，可以不评估")
            return None
        if inputs.between_subordinate_units:
            ex.step(f"属于第六条{clause}：可以不进行资产评估")
            return False
        ex.step("不是下属单位之间的交易：不适用第六条（二）")
    return True


def _exempt_case(
    ex, fact: bool | None, clause: str, unknown: str, refused: str, if_not: bool | None
) -> bool | None:
    """第六条（一）（三）: exempt when the fact holds; `if_not` when it does not; unknown when not given."""
    if fact is None:
        ex.step(f"未知：{unknown}；若是，适用第六条{clause}，可以不评估")
        return None
    if fact:
        ex.step(f"属于第六条{clause}：可以不进行资产评估")
        return False
    ex.step(refused)
    return if_not


# 第二条、第二十八条 是否适用本办法 ----------------------------------------------------------


class ApplicabilityInputs(BaseModel):
    started_on: date | None = Field(
        None, description="这次资产评估（经济行为）启动的日期；未说明时按提问当天计"
    )


@asset(title="资产评估是否适用本办法", article="第二条、第二十八条", params=[SCOPE, EFFECTIVE])
def asset_measures_apply(ex: Explain, inputs: ApplicabilityInputs) -> CalcResult:
    """第二条 适用范围（西城区行政事业单位及其所办企业）与第二十八条 施行日期：施行日及以后的评估行为按本办法办理."""
    ex.value(SCOPE)
    start = ex.param(EFFECTIVE).starts
    ex.value(EFFECTIVE)
    when = inputs.started_on or ex.as_of
    said = "" if inputs.started_on else "（未说明启动日期，按提问当天计）"
    if when >= start:
        ex.step(
            f"评估行为于 {when.isoformat()}{said}启动，在本办法施行日 {start.isoformat()}（含）以后：按本办法办理"
        )
        ex.extra["verdict"] = "适用本办法"
        return ex.result(None, True)
    ex.step(
        f"评估行为于 {when.isoformat()} 启动，早于本办法施行日 {start.isoformat()}；本办法未规定施行前已启动事项的过渡办法"
    )
    ex.extra["verdict"] = "尚不能确定是否适用本办法"
    return ex.result(None, None)
