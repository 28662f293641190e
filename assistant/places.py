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
# 西城's streets and the neighbourhoods people name them by ("在牛街租的房", "广安门那边", "大栅栏开了个铺子")
XICHENG_AREAS = (
    "西长安街|新街口|月坛|展览路|德胜门|金融街|什刹海|大栅栏|天桥|椿树|陶然亭|广安门|广内|广外|牛街|白纸坊|"
    "西单|西四|阜成门|复兴门|宣武门|菜市口|虎坊桥|南礼士路|官园|车公庄|积水潭|平安里|和平门|白塔寺|马连道|红莲"
)
IN_XICHENG = re.compile(rf"西城|本区|区内|区域内|辖区内|{XICHENG_AREAS}")
ELSEWHERE = re.compile(
    rf"(?:{BEIJING_DISTRICTS})(?:区)?|(?:{PROVINCES})(?:省|市)?|外区|别的区|其他区|外地|外省|老家|区外|区域外|"
    # a city named by two characters ("保定市"; provinces are all listed above: 省 is also "save", 每年省200吨),
    # not 北京市 (西城 is in it) nor "在市文物局", "去市里"
    r"(?!北京)[\u4e00-\u9fff](?![在到去回从的了是和与个本全超])[\u4e00-\u9fff]市(?!场|级|民|里|政|内|文|区|委|局|教|财|发|住|生|商)"
)
CLAUSE = re.compile(r"[^,，。;；!！?？\n]+")
# A place a message gave a workplace or other organisation earlier ("在西城一家医院工作") holds when a later
# clause names it again without a place ("住的是医院的职工公房").
ORGANISATION = re.compile(r"医院|公司|单位|学校|研究院|研究所|银行|超市|商场|饭店|餐厅|酒店|工厂|机关")


def place_of(text: str, words: tuple[str, ...]) -> bool | None:
    """True: the thing named by `words` is in 西城; False: elsewhere; None: no place stated for it."""
    found = located(text, words)
    return None if found is None else found[0]


def located(text: str, words: tuple[str, ...]) -> tuple[bool, tuple[int, int]] | None:
    """place_of, with the span of the clause it was read from."""
    for clause in CLAUSE.finditer(text):
        c = clause.group()
        spots = [m.start() for w in words for m in re.finditer(w, c)]
        if not spots:
            continue
        places = [(m.start(), True) for m in IN_XICHENG.finditer(c)] + [
            (m.start(), False) for m in ELSEWHERE.finditer(c)
        ]
        if not places:
            earlier = _organisation_place(text[: clause.start()], c)
            if earlier is None:
                earlier = _topic_place(text[: clause.start()])
            if earlier is not None:
                return earlier, clause.span()
            continue
        spot = min(spots)
        pos, inside = min(places, key=lambda p: (abs(p[0] - spot), p[0] < spot))
        if inside and negated(c, pos):
            return False, clause.span()
        return inside, clause.span()
    return None


# "西城这边我们没买房，一直租房住": a place set as the topic of a sentence holds for its later clauses.
TOPIC = re.compile(rf"(西城|{BEIJING_DISTRICTS})(?:区)?(?:这边|那边|这儿|那儿|这里|那里)")
SENTENCE_END = re.compile(r"[。!！?？\n]")


def _topic_place(before: str) -> bool | None:
    """The place a sentence set as its topic before the clause ("西城这边…，"); None when it set none."""
    sentence = SENTENCE_END.split(before)[-1]
    topics = list(TOPIC.finditer(sentence))
    return topics[-1].group(1) == "西城" if topics else None


def _organisation_place(before: str, clause: str) -> bool | None:
    """The place given earlier to an organisation the clause names again; None when none was given."""
    for org in dict.fromkeys(m.group() for m in ORGANISATION.finditer(clause)):
        found = None
        for m in re.finditer(rf"(西城|{ELSEWHERE.pattern})[^,，。;；!！?？\n]{{0,8}}?{org}", before):
            inside = IN_XICHENG.fullmatch(m.group(1)) is not None
            found = False if inside and negated(before, m.start(1)) else inside
        if found is None and org == "单位":
            found = _workplace_place(before)
        if found is not None:
            return found
    return None


# "我在西城一家国企食堂上班……住的是我单位的公房": 单位 is the workplace stated before
WORKPLACE = re.compile(rf"(西城|{ELSEWHERE.pattern})[^,，。;；!！?？\n]{{0,12}}?(?:上班|工作|任职|就职|打工)")


def _workplace_place(before: str) -> bool | None:
    """Where the workplaces stated earlier are, when they all are in one place (else None)."""
    places = {
        IN_XICHENG.fullmatch(m.group(1)) is not None and not negated(before, m.start(1))
        for m in WORKPLACE.finditer(before)
    }
    return places.pop() if len(places) == 1 else None
