"""Where a stated thing is: in 西城 or elsewhere ("孩子在朝阳上的小学", "公司注册在西城", "房子不在西城").

One reader for every yes/no "… in 西城" fact: find the clause that names the thing, then the place named in
that clause nearest to it. 西城/本区 means in; another Beijing district, a province, 外区/外地/老家 means
elsewhere; a negation in front of 西城 ("不在西城") means elsewhere too.
"""

from __future__ import annotations

import re

from assistant.negation import negated

BEIJING_DISTRICTS = "东城|朝阳|海淀|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆|亦庄"
PROVINCES = (
    "河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|"
    "青海|台湾|内蒙古|广西|西藏|宁夏|新疆|天津|上海|重庆|香港|澳门|东北"
)
IN_XICHENG = re.compile(r"西城|本区|区内|区域内|辖区内")
ELSEWHERE = re.compile(
    rf"(?:{BEIJING_DISTRICTS})(?:区)?|(?:{PROVINCES})(?:省|市)?|外区|别的区|其他区|外地|外省|老家|区外|区域外|"
    # a city named by two characters ("保定市"; provinces are all listed above: 省 is also "save", 每年省200吨),
    # not 北京市 (西城 is in it) nor "在市文物局", "去市里"
    r"(?!北京)[\u4e00-\u9fff](?![在到去回从的了是和与个本全超])[\u4e00-\u9fff]市(?!场|级|民|里|政|内|文|区|委|局|教|财|发|住|生|商)"
)
CLAUSE = re.compile(r"[^,，。;；!！?？\n]+")


def place_of(text: str, words: tuple[str, ...]) -> bool | None:
    """True: the thing named by `words` is in 西城; False: elsewhere; None: no place stated for it."""
    for clause in CLAUSE.finditer(text):
        c = clause.group()
        spots = [m.start() for w in words for m in re.finditer(w, c)]
        if not spots:
            continue
        places = [(m.start(), True) for m in IN_XICHENG.finditer(c)] + [
            (m.start(), False) for m in ELSEWHERE.finditer(c)
        ]
        if not places:
            continue
        spot = min(spots)
        pos, inside = min(places, key=lambda p: (abs(p[0] - spot), p[0] < spot))
        if inside and negated(c, pos):
            return False
        return inside
    return None
