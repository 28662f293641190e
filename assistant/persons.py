"""Who a clause is about: the father's and the mother's facts told apart in one message.

"孩子爸在西城上班，签了劳动合同；我在西城开了家小超市，是个体户" — each clause belongs to the parent it names;
a clause naming nobody continues the previous clause's parent within the sentence. 我 is the parent the
message does not name as the other one (a speaker who says 孩子爸/老公 is the mother); 爱人 is the other one
of 我; 两口子/我俩/父母都 is both. A relative asking for the family ("我替儿子儿媳问问") is neither parent: the
parents are named by kinship. A sentence about work naming nobody goes on about the parent the sentence before
ended on. A slot with `person: father|mother` is read from that parent's clauses only; their sentences stay
sentences.
"""

from __future__ import annotations

import re

FATHER = "father"
MOTHER = "mother"
BOTH = (FATHER, MOTHER)

_FATHER_WORDS = r"孩子(?:的|他|她)?爸(?:爸)?|爸爸|父亲|老公|丈夫|我先生|孩子他爹|我家那口子"
_MOTHER_WORDS = r"孩子(?:的|他|她)?妈(?:妈)?|妈妈|母亲|老婆|媳妇|妻子|太太|我夫人"
_SPOUSE = r"爱人|配偶|另一半|对象"
_BOTH_WORDS = (
    r"我们?俩|俩人|两人|两口子|夫妻|父母(?:双方)?|我们(?:两个|夫妻)|双方|我和(?:孩子(?:的|他|她)?[爸妈](?:爸|妈)?|"
    r"老公|老婆|爱人|丈夫|妻子|媳妇|孩子他爹)|(?:孩子(?:的|他|她)?[爸妈](?:爸|妈)?|老公|老婆|爱人)和我|我们|咱们"
)
_NOT_ME = (
    "们|俩|老婆|老公|爱人|媳妇|妻子|丈夫|先生|太太|夫人|家那口子"  # 我老婆 names the spouse, not the speaker
)
# Someone else's spouse ("法人换成了大股东他老婆", "房东的老公"): no parent of the child.
_ELSE = (
    r"(?:股东|老板|经理|同事|房东|领导|朋友|邻居|合伙人|法人|员工|客户|老乡)(?:他|她|的)?"
    r"(?:老婆|老公|媳妇|丈夫|妻子|太太|爱人|家属)"
)
_PERSON = re.compile(
    rf"(?P<else>{_ELSE})|(?P<kid>孩子(?!(?:的|他|她)?[爸妈]))|(?P<both>{_BOTH_WORDS})|(?P<f>{_FATHER_WORDS})|(?P<m>{_MOTHER_WORDS})|(?P<sp>{_SPOUSE})|(?P<he>他)|(?P<she>她)|(?P<me>我(?!{_NOT_ME}))"
)
# A relative asks for the family ("我替儿子儿媳问问", "帮我姐家问一下，外甥今年上学"): 我 is neither parent, the
# child is a grandchild, nephew or niece, and the parents are named by kinship — a man (儿子、女婿、姐夫、哥哥…)
# is the father, a woman (儿媳、女儿、姐姐、嫂子…) the mother.
_RELAY = re.compile(
    r"我(?:的)?(?:小|大)?(?:孙子|孙女|外孙女?|外甥女?|侄子|侄女)|"
    r"(?:替|帮|给)(?:我)?(?:家)?(?:儿子|女儿|闺女|姐姐?|哥哥?|弟弟?|妹妹?|亲戚|朋友|同事|老乡)"
)
_KIN_FATHER = r"儿子|女婿|姐夫|妹夫|哥哥?|弟弟?|小叔子|大伯子"
_KIN_MOTHER = r"儿媳妇?|女儿|闺女|姐姐?|妹妹?|嫂子|弟媳|弟妹"
_KIN_CHILD = r"(?:小|大)?(?:孙子|孙女|外孙女?|外甥女?|侄子|侄女)"
_RELAY_PERSON = re.compile(
    rf"(?P<else>{_ELSE})|(?P<kid>孩子(?!(?:的|他|她)?[爸妈])|{_KIN_CHILD})|(?P<both>{_BOTH_WORDS})|"
    rf"(?P<f>{_FATHER_WORDS}|{_KIN_FATHER})|(?P<m>{_MOTHER_WORDS}|{_KIN_MOTHER})|(?P<he>他)|(?P<she>她)"
)
RELAY = "relay"  # the speaker is a relative, not a parent
# "社保都是单位在西城交的——我专门查了，…": 我 checking or asking is an aside, not a fact about 我
_ASIDE = re.compile(r"(?:专门|特意|特地|刚|也|都|又)?(?:查|看|问|算|核对|确认|打听)(?:了|过)")
# "我们把公司注册地址迁到了西城", "合伙人一直是我们仨": 我们 in a clause about the business is the parent who runs
# it (with partners), not the whole family — the clause continues that parent's.
_BUSINESS = re.compile(r"公司|企业|店|铺|执照|营业|注册|法人|股东|合伙|经营")
_WORK = re.compile(r"公司|企业|店|铺|执照|营业|注册|法人|股东|合伙|经营|异常名录|社保|上班|工作")
_HOME = re.compile(r"租|房|住|居住证")
# The speaker names their spouse by role: whoever says 老公/孩子他爸 is the mother, and the other way round.
_SPEAKER_IS_MOTHER = re.compile(r"老公|丈夫|我先生|孩子(?:的|他|她)?爸|我家那口子")
_SPEAKER_IS_FATHER = re.compile(r"老婆|媳妇|妻子|太太|孩子(?:的|他|她)?妈|我夫人")
_OTHER_PARENT = re.compile(
    rf"{_FATHER_WORDS}|{_MOTHER_WORDS}|{_SPOUSE}|{_BOTH_WORDS}|(?<![其])他(?!们)|她(?!们)"
)
_JOINT = re.compile(
    rf"(?:{_BOTH_WORDS})[^,，。;；]{{0,4}}(?:合开|合伙|一起开|共同开|合办|一块开|一起办|一块办)"
)
_SENTENCE = re.compile(r"[^。!！?？\n]+")
_CLAUSE = re.compile(r"[^,，;；]+")  # 、 lists things under one statement ("法人、股东都没变过")


# The speaker says who they are ("我是孩子爸爸", "我是当妈的"): that outranks any inference from how the other
# parent is named.
_SELF_FATHER = re.compile(
    r"我(?:是|就是|作为)(?:孩子|娃|小孩)?(?:的|他|她)?(?:爸爸?|父亲|爹)|我(?:是)?当爸(?:爸)?的"
)
_SELF_MOTHER = re.compile(
    r"我(?:是|就是|作为)(?:孩子|娃|小孩)?(?:的|他|她)?(?:妈妈?|母亲|娘)|我(?:是)?当妈(?:妈)?的"
)
# The spouse referred to by a pronoun ("我爱人是股东……他的居住证在通州"): 他 makes the speaker the mother.
_PRONOUN = re.compile(r"(?<![其孩娃])(?<!孩子)(?<!孩子的)([他她])(?!们)")


def speaker(text: str) -> str | None:
    """The parent 我 is, when the message says; RELAY when 我 is a relative asking for the family; None when it
    does not say (or says both ways)."""
    if _RELAY.search(text) and not (_SELF_FATHER.search(text) or _SELF_MOTHER.search(text)):
        return RELAY
    text = re.sub(_ELSE, "", text)  # "老板他媳妇" is nobody's spouse here
    says_father, says_mother = bool(_SELF_FATHER.search(text)), bool(_SELF_MOTHER.search(text))
    if says_father != says_mother:
        return FATHER if says_father else MOTHER
    mother, father = bool(_SPEAKER_IS_MOTHER.search(text)), bool(_SPEAKER_IS_FATHER.search(text))
    if mother != father:
        return MOTHER if mother else FATHER
    if not (mother or father) and re.search(_SPOUSE, text):
        pronouns = set(_PRONOUN.findall(text))
        if len(pronouns) == 1:
            return MOTHER if pronouns == {"他"} else FATHER
    return None


def _who(clause: str, me: str | None) -> tuple[str, ...] | None:
    """The parents a clause names, all of them ("我和孩子爸都…" is both); () for a clause about the child or
    the family as a whole (孩子…, 我们…); None for a clause naming nobody."""
    named: set[str] = set()
    other_only = False
    for m in (_RELAY_PERSON if me == RELAY else _PERSON).finditer(clause):
        if m.group("else") or (m.groupdict().get("me") and _ASIDE.match(clause, m.end())):
            continue
        if m.group("both") in ("我们", "咱们") and _BUSINESS.search(clause):
            continue  # "我们把公司迁到了西城": the business's parent, named before
        if m.group("kid") or m.group("both") == "我们" or m.group("both") == "咱们":
            other_only = True  # the child, or the whole family ("我们在西城租房")
        elif m.group("both"):
            named.update(BOTH)
        elif m.group("f") or m.group("he"):
            named.add(FATHER)
        elif m.group("m") or m.group("she"):
            named.add(MOTHER)
        elif me is not None and me != RELAY:  # 我 / 爱人 without knowing who speaks: not attributed
            other = MOTHER if me == FATHER else FATHER
            named.add(other if m.group("sp") else me)
    if named:
        return tuple(p for p in BOTH if p in named)
    return () if other_only else None


# Elderly people of one household, as their child or one of them tells it: the speaker (我) and the partner
# (老伴), or the speaker's father (我爸) and mother (我妈); 老两口/我俩/他们俩/二老 is all of them. A clause about
# someone else (我儿子, 孩子 …) belongs to none.
SELF = "self"
PARTNER = "partner"
DAD = "dad"
MOM = "mom"
ELDERS = (SELF, PARTNER, DAD, MOM)
_ELDER = re.compile(
    r"(?P<house>我们家|咱们家|我家|俺家|家里)|"  # the household ("我们家是低保户") is nobody in particular
    r"(?P<both>我们?俩|咱俩|老两口|两口子|他们?俩|她们?俩|俩人|两个人|两人|二老|我们|咱们|我和老伴|老伴和我|"
    r"我爸妈|我爸和我妈|我妈和我爸|我父母|父母)|"
    r"(?P<dad>我爸|我父亲|我爹|俺爸|俺爹|老爸|老爷子|我公公|我岳父)|"
    r"(?P<mom>我妈|我母亲|我娘|俺妈|俺娘|老妈|我婆婆|我岳母)|"
    r"(?P<other>我(?:儿子|女儿|孩子|姐|哥|弟|妹)|儿子|女儿|孩子)|"
    # an elder of another relation, or a neighbour, asked about by the one telling: no role of the four
    r"(?P<kin>(?:我|俺)?(?:姑妈|姑姑|大姑|小姑|姨妈|大姨|小姨|舅舅|舅妈|叔叔|婶婶|伯伯|大爷|大妈|奶奶|爷爷|外婆|"
    r"外公|姥姥|姥爷|老邻居|邻居)|(?:我|俺)(?:姨|舅|叔|婶|姑))|"
    r"(?P<partner>(?:我|俺)?(?:老伴儿?|老头子?|老太太|老婆子|爱人|老公|老婆))|(?P<me>我|俺)"
)
_ELDER_GROUP = {
    "house": None,
    "both": ELDERS,
    "dad": (DAD,),
    "mom": (MOM,),
    "other": (),
    "kin": (),
    "partner": (PARTNER,),
    "me": (SELF,),
}


def _elder_named(clause: str, alone: bool) -> tuple[str, ...] | None:
    """Who a clause names: the most specific mention in it ("我想问一下我妈…" is about 我妈); a bare 我 only
    when the message is not about one other elder (`alone`: then 我 is the child telling it)."""
    found = [m for m in _ELDER.finditer(clause) if m.lastgroup != "house"]
    specific = [m for m in found if m.lastgroup != "me"]
    if specific:
        return _ELDER_GROUP[specific[0].lastgroup]
    return None if alone or not found else _ELDER_GROUP["me"]


def _elder_clauses(text: str, person: str) -> str:
    """The clauses about one elderly person of the household (SELF, PARTNER, DAD, MOM); '' when none. A
    message about one elder only ("我妈今年78了……她前年失能了") gives that elder every clause naming nobody."""
    groups = {m.lastgroup for m in _ELDER.finditer(text)}
    roles = {g for g in groups if g in ("dad", "mom", "partner")}
    alone = _ELDER_GROUP[roles.pop()] if len(roles) == 1 and "both" not in groups else None
    if alone is None and "kin" in groups and not roles:
        alone = ()  # "替我姑妈问…她75岁": the facts are the elder's, no role's (and the teller's 我 is nobody)
    out = []
    for sentence in _SENTENCE.finditer(text):
        current: tuple[str, ...] | None = alone
        for clause in _CLAUSE.finditer(sentence.group()):
            named = _elder_named(clause.group(), alone is not None)
            if named is not None:
                current = named
            if current is not None and person in current:
                out.append(clause.group())
    return "，".join(out)


def clauses_of(text: str, person: str) -> str:
    """The clauses about `person` (father / mother of a child, or one of ELDERS), joined by '，' in their
    order, and their sentences by '。' ('' when none)."""
    if person in ELDERS:
        return _elder_clauses(text, person)
    me = speaker(text)
    others = [m.group() for m in _OTHER_PARENT.finditer(text) if m.group() not in ("我们", "咱们")]
    if me is None and (re.search(_SPOUSE, text) or not others):
        # "我…，我爱人…" names two parents without saying which is which, and "我是个体户……" names only the
        # speaker: the rules ask the same of both parents, so the speaker is taken as the father (and the
        # spouse as the mother)
        me = FATHER
    # A message naming one parent only ("孩子他爸是法人。公司2020年在西城注册，…") is about that parent
    # throughout, so a sentence naming nobody is theirs too.
    named = {p for c in _CLAUSE.finditer(text) for p in (_who(c.group(), me) or ())}
    only = tuple(named) if len(named) == 1 else None
    out = []
    last: tuple[str, ...] | None = None  # the parent(s) the previous sentence ended on
    for sentence in _SENTENCE.finditer(text):
        current: tuple[str, ...] | None = only
        # "…我是合伙人。就是去年7月被列进了异常名录。": a sentence about work naming nobody goes on about the
        # parent the previous sentence ended on
        if current is None and _WORK.search(sentence.group()) and not _HOME.search(sentence.group()):
            current = last
        # "我俩合开了一家公司，…，我是法人，他是股东，…也没迁过": the business is both parents', so a clause
        # naming nobody in that sentence is about both of them
        joint = BOTH if _JOINT.search(sentence.group()) else None
        mine = ""
        text_of = sentence.group()
        for clause in _CLAUSE.finditer(text_of):
            who = _who(clause.group(), me)
            current = who if who is not None else (joint or current)
            if current is not None and person in current:
                # "…也没进过异常名录；就是去年9月…": a ； parts two statements, and stays
                sep = (
                    "；"
                    if text_of[clause.end() : clause.end() + 1] in ";；" and clause.end() < len(text_of)
                    else "，"
                )
                mine += clause.group() + sep
        last = current
        if mine:
            out.append(mine[:-1])
    # sentences stay sentences: a date's cue in another sentence is not its cue (assistant/slots.py)
    return "。".join(out)
