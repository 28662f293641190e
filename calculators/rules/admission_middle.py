"""西教发〔2024〕7号 三（二）1 (with 西教发〔2024〕8号 四2): who may enter a Xicheng middle school in 2024."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from calculators.base import Explain
from calculators.kit import cn
from calculators.rules.admission_common import HUKOU_LABEL, Hukou, P, checklist, middle_rule
from calculators.rules.admission_review import MATERIAL_PARTS, review, union_inputs
from core.schema import CalcResult

CONDITIONS = P + "middle_conditions"
RETURN = P + "middle_return_schedule"
NONLOCAL_REVIEW = P + "middle_nonlocal_review"
ART = "三（二）1"

ROUTES = "九年一贯制直升、全区派位、特色学校/寄宿学校/民办学校入学、对口直升派位、学区登记入学、学区派位入学（三（二）2①—⑥）"


class MiddleInputs(BaseModel):
    hukou_type: Hukou = None
    grade6_graduate: bool | None = Field(None, description="是否为本年度小学六年级应届毕业生")
    primary_school: Literal["xicheng", "other"] | None = Field(
        None, description="就读小学所在地：xicheng=西城区小学，other=非西城区小学（本市其他区或外省市）"
    )
    beijing_hukou: bool | None = Field(
        None, description="适龄儿童是否为本市户籍（只知道是北京户口、不知道哪一类时）"
    )
    nonlocal_materials_approved: bool | None = Field(
        None, description="毕业小学是否已审核通过入学材料（非本市户籍毕业生适用，标准参照西教发〔2024〕8号）"
    )
    return_procedure_done: bool | None = Field(
        None, description="是否已在西城区教育考试中心办理回区升学手续并审核通过（非西城区小学毕业生适用）"
    )


# 四2: a graduate whose review result is not known is judged on the 8号 materials themselves.
MiddleReviewInputs = union_inputs("MiddleReviewInputs", MATERIAL_PARTS, base=MiddleInputs)


@middle_rule(
    title="初中入学条件（小升初，三项之一）", article=ART, params=[CONDITIONS, RETURN, NONLOCAL_REVIEW]
)
def admission_middle_eligibility(ex: Explain, inputs: MiddleReviewInputs) -> CalcResult:
    """三（二）1: 本市户籍西城区小学应届毕业生；经审核的非本市户籍西城区小学应届毕业生；已办理回区升学手续的
    非西城区小学应届毕业生（回区申请见附件2）。2024年入学适用."""
    c = checklist(ex, inputs)
    labels = ex.value(CONDITIONS)["conditions"]
    c.fact(
        "grade6_graduate",
        "小学六年级应届毕业生",
        said=("是本年度小学六年级应届毕业生", "初中入学条件均针对小学应届毕业生"),
        article=ART,
    )
    name = "就读小学与户籍条件（三项之一）"
    school, h = inputs.primary_school, inputs.hukou_type
    if h is None and inputs.beijing_hukou is not None:
        # "孩子北京户口": any Beijing hukou meets 三（二）1①, whichever kind it is; "不是北京户口" is non-Beijing
        h = None if inputs.beijing_hukou else "non_beijing"
        beijing = inputs.beijing_hukou
    else:
        beijing = None
    if school is None:
        c.add(None, name, detail="未说明就读小学是否在西城区", article=ART, fields=("primary_school",))
    elif school == "other":
        s = ex.value(RETURN)
        ex.extra["回区升学"] = (
            f"外区外省市学籍学生于{cn(s['apply_from'])}至{cn(s['apply_to'])}提交“回西城区升学”申请，"
            f"{cn(s['review_from'])}至{cn(s['review_to'])}受理审核、登记（附件2）；由法定监护人持审核所需材料到"
            "西城区教育考试中心办理，经区教育行政部门审核通过后在相应学区参加初中入学（三（二）2）"
        )
        done = inputs.return_procedure_done
        detail = f"非西城区小学毕业生，须{labels['returning']}"
        detail += {True: "；已办理并审核通过", False: "；尚未办理回区升学手续"}.get(done, "")
        c.add(done, name, detail=detail, article=ART + "③", fields=("return_procedure_done",))
    elif h is None and beijing:
        c.add(True, name, detail=f"本市户籍，属{labels['beijing']}", article=ART + "①")
    elif h is None:
        c.add(None, name, detail="西城区小学毕业生，未提供户籍类型", article=ART, fields=("hukou_type",))
    elif h == "non_beijing":
        rule = ex.value(NONLOCAL_REVIEW)
        ok = inputs.nonlocal_materials_approved
        detail = f"非本市户籍西城区小学毕业生，须{labels['non_beijing']}（材料标准参照西教发〔2024〕8号，由{rule['reviewer']}审核）"
        detail += {True: "；已审核通过", False: "；审核未通过，不能在西城区参加初中入学"}.get(ok, "")
        if ok is None:
            # the review's outcome is not known: the 8号 standards decide on the facts stated
            ex.step("毕业小学的审核结果未知，按西教发〔2024〕8号的审核标准逐项判断（四2）：")
            parts = checklist(ex, inputs)
            ok = review(parts, inputs, MATERIAL_PARTS)
            detail += {
                True: "；按8号文审核标准各项均符合",
                False: "；按8号文审核标准有一项不符合，不能在西城区参加初中入学",
            }.get(ok, "")
            if ok is None:  # asked first: the school's answer alone decides
                c.missing.update(c.descriptions(("nonlocal_materials_approved",)))
                c.missing.update(parts.missing)
        c.add(ok, name, detail=detail, article=ART + "②", fields=("nonlocal_materials_approved",))
    else:
        if h == "treated_as_beijing":
            ex.warn("“按本市户籍对待”的毕业生按本市户籍理解（条件①），以区教委审核为准")
        c.add(True, name, detail=f"户籍类型为{HUKOU_LABEL[h]}，属{labels['beijing']}", article=ART + "①")
    ex.extra["入学方式"] = ROUTES
    return c.conclude()
