"""The risk rules: what a message has to say, in spaCy Matcher patterns written as short strings.

A rule is one idea ("wishes to die", "someone hits a person now") written in a compact pattern
language, one string per phrasing, plus the checks that stop the idea firing in everyday talk.
``detector.py`` compiles every string into a spaCy ``Matcher`` pattern once and applies the
checks to each match.

Pattern language (one token per space-separated item, matched on normalised lower-case text):

- ``word`` or ``one/two/three``: the token's lower-case text is one of these.
- ``~word`` or ``~one/two``: the token's lemma is one of these ("~kill" matches kill, kills,
  killed, killing).
- ``$SET`` / ``~$SET``: the text / lemma is in one of the named word sets below.
- ``@name``: a token written with a capital letter in the message, taken as a person's name.
- ``_``: any token that is not punctuation.
- a trailing ``?`` makes the item optional.
- ``{AGENT}`` and ``{TARGET}`` expand into every way of naming a person: a pronoun, a family
  word ("my little sister") or a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON_WORDS = frozenset(
    """son sons daughter daughters kid kids child children baby babies mum mom mam mother mummy mommy
    ma dad father daddy da stepdad stepfather stepmum stepmom stepmother husband wife partner
    boyfriend girlfriend ex fiance fiancé fiancee brother brothers sister sisters sibling siblings uncle
    aunt auntie cousin nephew niece grandson granddaughter grandchild grandchildren grandkids
    grandkid grandma grandmother grandad granddad grandfather grandpa nan nana gran granny
    friend flatmate roommate neighbour neighbor carer caregiver boss law teen teenager girl boy
    man guy woman family parents parent someone somebody everyone""".split()
)
# Targets of harm by someone else that make it child protection or elder abuse rather than a
# threat between adults.
DEPENDANT_WORDS = frozenset(
    """kid kids child children baby babies grandson granddaughter grandchild grandchildren grandkids
    grandkid grandma grandmother grandad granddad grandfather grandpa nan nana gran granny""".split()
)
SELF_WORDS = frozenset({"i", "me", "my", "myself", "mine", "we", "us", "our", "ourselves"})
OTHER_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "her", "them", "his", "their", "himself", "herself", "themselves"}
)
SECOND_PERSON = frozenset({"you", "yourself", "your"})

WORD_SETS: dict[str, frozenset[str]] = {
    "PERSON": PERSON_WORDS,
    "KIN": PERSON_WORDS
    - {
        "someone",
        "somebody",
        "everyone",
        "friend",
        "boss",
        "neighbour",
        "neighbor",
        "man",
        "guy",
        "woman",
        "girl",
        "boy",
        "teen",
        "teenager",
    },
    "THIRD": frozenset({"he", "she", "they"}),
    "AGENT": frozenset({"he", "she", "they", "i", "we"}) | PERSON_WORDS,
    "OTHER_AGENT": frozenset({"he", "she", "they"}) | PERSON_WORDS,
    "PRONOUN_TARGET": frozenset({"me", "us", "him", "her", "them", "someone", "somebody", "everyone"}),
    "VICTIM": frozenset({"me", "us", "him", "her", "them"}),
    "DET": frozenset({"my", "his", "her", "their", "our", "your", "the", "that", "this", "a"}),
    "ADJ": frozenset(
        {
            "little",
            "younger",
            "older",
            "baby",
            "big",
            "elderly",
            "old",
            "own",
            "step",
            "ex",
            "new",
            "poor",
            "kid",
        }
    ),
    "ADV": frozenset(
        """really just honestly actually seriously literally so still genuinely fucking swear
        probably definitely totally now even always sometimes then i gon na keep keeps kept constantly""".split()
    ),
    "MODAL": frozenset({"will", "'ll", "ll", "could", "might", "'d", "would", "may", "shall"}),
    "REFLEXIVE": frozenset({"myself", "himself", "herself", "themselves", "yourself", "ourselves"}),
    "HARM": frozenset(
        """kill murder hurt strangle stab shoot beat punch hit smash attack choke throttle batter slap
        kick maim injure harm bash thump smack knife""".split()
    ),
    "ACT": frozenset(
        """hit beat punch slap kick choke strangle throttle batter rape abuse molest smack thump bash shove
        push bite whip stab""".split()
    ),
    "KILL_VERB": frozenset(
        {"kill", "off", "end", "murder", "hang", "drown", "shoot", "poison", "gas", "suffocate"}
    ),
    "BODY": frozenset(
        """arm arms wrist wrists leg legs thigh thighs skin stomach hand hands hip hips chest ankle
        ankles face neck body back""".split()
    ),
    "PILLS": frozenset(
        """pills pill tablets tablet meds medication medications painkillers paracetamol tylenol
        sleeping antidepressants insulin""".split()
    ),
    "WEAPON": frozenset(
        """knife knives gun guns pistol rifle shotgun weapon bat machete axe hammer crowbar blade""".split()
    ),
    "HEIGHT": frozenset(
        """bridge building roof cliff balcony tower ledge motorway overpass window car park""".split()
    ),
    "VEHICLE": frozenset({"train", "bus", "car", "lorry", "truck", "traffic", "tube"}),
    "MONEY": frozenset(
        """pension money savings benefits card cards account allowance wages cash income pin""".split()
    ),
    "CONTROLLED": frozenset(
        """phone passport keys money documents medication meds card cards laptop car""".split()
    ),
}

# Words that place a statement in the past, resolved. Checked as text, so they can span tokens.
DISTANT_PAST = (
    r"\b(when (i|we) (was|were) (little|young|small|a kid|a child|kids|children|a teen|a teenager|"
    r"younger|growing up|at school|in school|\d+)|as a (child|kid|teen|teenager|boy|girl|baby)|"
    r"as (kids|children|teenagers)|growing up|in my (childhood|teens|twenties|20s|thirties|youth)|"
    r"(years|decades|a long time|long) ago|back then|back in the day|used to|in the past|"
    r"in the (70s|80s|90s|seventies|eighties|nineties)|at (age )?\d+|aged \d+|when i was at|"
    r"in (primary|secondary|high) school|all those years|childhood|years back)"
)
# Words that bring a statement back into the present even when it mentions the past.
RECENT = (
    r"\b(still|again|right now|tonight|today|yesterday|last (night|week|weekend)|this (morning|week|"
    r"evening|afternoon)|lately|recently|keeps|keep|every (day|night|time)|won't stop|same way|anymore|"
    r"now (i|i'm|i've|he|she|he's|she's|they)|and now|but now)\b"
)
# Words saying a past harm is over, which outweigh any word of the present in the message.
RESOLVED = (
    r"\b((i'm|i am|i feel|doing|much) (fine|ok|okay|better|well|good|safe|stable)( now| these days)?|"
    r"(in a )?(much )?better place|not an issue|behind me|recovered|broke (that|the) cycle|long over|"
    r"it's over now|healed)\b"
)


@dataclass(frozen=True)
class Rule:
    """One risk idea: its phrasings and the checks that keep everyday talk out.

    ``who`` says how to tell whose risk it is: ``"subject"`` (the person named before the
    match: "my son says *he* wants to die"), ``"object"`` (the person named last inside the
    match: "cutting *herself*", "locks *her* in"), ``"harm"`` (an agent hurting a target, which
    also decides the category, see ``detector.py``) or ``"self"``. ``done_by_someone_else``
    drops a match whose doer, looking back from it, is the writer or handles their own things
    ("*I* keep checking my phone", "my son checks *his* phone").
    """

    rule_id: str
    category: str
    patterns: tuple[str, ...]
    who: str = "subject"
    negatable: bool = True
    past_is_resolved: bool = False
    death_report: bool = False
    exclude_before: str = ""
    exclude_after: str = ""
    exclude_in_sentence: str = ""
    needs_in_message: str = ""
    past_forms: frozenset[str] = field(default_factory=frozenset)
    second_person_is_not_risk: bool = False
    speaker_only: bool = False
    done_by_someone_else: bool = False


# What stops the isolation and controlling rules firing on contact, groups and family law.
_NOT_ISOLATION_AFTER = (
    r"^\s*(a (message|voicemail|comment|review)|the (group|chat|conversation)|without (saying|a)|"
    r"numbers?|off|out of|away from|contact)"
)
_NOT_ISOLATION_IN_SENTENCE = (
    r"\b(grandkids|grandchildren|grandson|granddaughter|grandchild|grandbaby|wedding|funeral|"
    r"divorce|court|lawyer|settlement|child support|maintenance|alimony|inheritance|will|estate)\b"
)


# An accident, unless the sentence says it was on purpose.
_ACCIDENT = (
    r"^(?!.*\b(on purpose|deliberately|intentionally)\b).*\b(fell|fall|falling|accident|accidentally|"
    r"slipped|tripped|gym|lifting|cooking|chopping|kitchen|garden|"
    r"gardening|making (dinner|tea|lunch)|shaving|slicing)\b"
)
_OTHERS_PRESENT = (
    r"\b(him|her|them|his|he|she|they|their|husband|wife|son|daughter|brother|sister|dad|mum|mom|father|"
    r"mother|ex|boss|law|partner|boyfriend|girlfriend)\b"
)
_NOT_A_PERSON_AFTER = (
    r"^\s*(feelings|feeling|pride|chances|career|reputation|relationship|business|ego|image|cause|plans|name|"
    r"trust|memory|chance|hopes|heart)\b"
)
_EMOTIONAL_HURT_AFTER = (
    r"|^\s*(again )?(by|like (she|he|they|i)|the way|as much as|with (her|his|their|my) (words|silence|"
    r"absence|"
    r"letters?|emails?)|with (the|a|an) (truth|lawsuit|letter|bill|facts|email|message|question)|with "
    r"(kindness|"
    r"love|questions|guilt))\b"
)
_IDIOM_THREAT_AFTER = (
    r"|^\s*(when (she|he|they) (find|finds|see|sees|hear|hears|learn|learns|realise|realises|realize|"
    r"realizes|"
    r"know|knows)|if (she|he|they) (ever )?(finds|found|sees|saw|knew|knows|hears|heard|find))\b"
    r"|^\s*(for (a|this|that) (coffee|tea|drink|minute|cigarette))"
)
# After "cutting"/"burning" in self-harm talk comes an ending, a time or a reason, never an object.
_NO_OBJECT_AFTER = (
    r"^\s*(?!(again|myself|and|but|so|lately|recently|since|for (weeks|months|days|a while|years)|"
    r"every (day|night|time|week)|on my|at night|tonight|last|when|because|to cope|till|until|now|more|"
    r"deeper|badly|"
    r",|\.|!|\?|$))\S"
)
_ESTRANGEMENT_FRAME = (
    r"\b(cut (her|him|them) off|no contact|went nc|estranged|estrangement|why i (left|went|cut|stopped)|"
    r"that's why|the reason i|growing up|childhood|as a child|as a kid)\b"
)

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- suicide
    Rule(
        "suicide.kill_oneself",
        "suicide",
        (
            "~$KILL_VERB $REFLEXIVE",
            "~take my/his/her/their own? life",
            "~end my/his/her/their own? life",
            "~end my/his/her/their own? existence",
            "kys",
        ),
        who="object",
        past_is_resolved=True,
        death_report=True,
        exclude_after=r"^\s*(trying|to (keep|make|get|please|finish|fix|be)|working|over (this|it|nothing|"
        r"her|him)|"
        r"for (him|her|them|this|nothing|years|a|the)|laughing|with (work|worry|guilt)|in (work|wine|"
        r"alcohol|drink|"
        r"booze|paperwork|tasks|chores|books|tv|the foot)|as i knew it|as (she|he) knew it)",
        second_person_is_not_risk=True,
    ),
    Rule(
        "suicide.end_it",
        "suicide",
        (
            "~end it all",
            "~end it tonight/today/forever",
            "~end it for good",
            "~end everything",
            "~end things tonight/forever",
            "~end things for good",
            "~end it once and for all",
            "thought/thoughts/thinking/think of/about ~end it",
            "~end my suffering/pain for good",
            "~end my suffering/pain forever",
            "~end the pain permanently/forever",
            "~end it before tomorrow",
            "~end it before anyone",
            "~end it so no/nobody",
            "~want out for good",
            "~want out forever/permanently",
            "~think/thoughts/thinking about/of not being here/alive/around",
            "~research/~google/~look how to ~die",
            "~research/~google/~look up? ways to ~die",
            "~research/~google/~look up? ways to ~end it/things",
            "~research/~google/~look up? ways/how to ~kill/~end myself/it",
            "how many $PILLS it would/'d/will take",
            "how many $PILLS would/'d/will ~kill/~do",
        ),
        past_is_resolved=True,
        exclude_after=r"^\s*(with|between)\b",
    ),
    Rule(
        "suicide.wish_to_die",
        "suicide",
        (
            "~want/~wish/~need/~like/~hope/~long/ready/~pray/~prefer to ~die",
            "i ~deserve to ~die",
            "~want/~wish/~need/~prefer to be dead",
            "i ~wish i was/were/'d dead/gone",
            "i ~wish i could/would ~die",
            "i ~hope i ~die",
            "would/'d rather be dead",
            "would/'d rather ~die",
            "~want to not exist",
            "just let me ~die",
            "better off dead",
            "~pray for death",
            "~long for death",
            "~want/~wish to disappear forever/permanently",
            "~want/~wish to disappear for good",
            "~want/~wish/~hope to stop existing/living/breathing",
            "~want/~wish to cease to exist",
            "~want/~wish/~pray for it all to end",
            "~want/~wish it all to end/stop",
            "~want/~wish everything to end/stop",
        ),
        past_is_resolved=True,
        exclude_after=r"^\s*(in peace|peacefully|knowing|with (my|her|him|them)|at home|surrounded|having|"
        r"before (i|we|she|he)|without|happy|than (?!(keep|go on|going on|live|living|feel|be alive|carry|"
        r"wake|"
        r"face|spend|another|suffer|be here))|of (embarrassment|shame|laughter|boredom)|laughing|old|"
        r"in (my|her|his) own (bed|home)|on (my|her|his) own terms|on (this|that|the|a) hill|for (my|her|"
        r"his|them|"
        r"you|the|our)|(my|her|his|your) hair|it (red|pink|blue|black|blonde|purple|green))",
    ),
    Rule(
        "suicide.wish_not_born",
        "suicide",
        (
            "~wish i was/were/had n't/never been? born",
            "~wish i had/'d never been born",
            "~wish i did n't/not exist",
            "~wish i was/were n't/not here/alive/around",
        ),
        past_is_resolved=True,
        speaker_only=True,
    ),
    Rule(
        "suicide.not_want_to_live",
        "suicide",
        (
            "n't/not/no/never longer? ~want to live/exist",
            "n't/not/no/never longer? ~want to wake up",
            "n't/not/no/never longer? ~want to be alive/here/around",
            "n't/not/no longer? ~want to go/carry on",
            "n't/not/no longer? ~want to keep going/living",
            "n't/not/no longer? ~want to continue living/existing",
            "not sure if/whether? i ~want to live/exist",
            "not sure if/whether? i ~want to be alive/here",
            "not sure if/whether? i ~want to go/carry on",
            "n't know if/whether/why i ~want to live/exist",
            "n't know if/whether/why i ~want to be alive/here",
            "n't know why i bother living/existing",
            "n't know if i can go/carry/keep on",
            "~want to live/exist anymore",
            "~want to be alive/here/around anymore",
            "~want to go/carry on anymore",
            "~want to keep going/living anymore",
            "n't ~see the point in/of living/life/existing/anything",
            "n't ~see the point in/of going/carrying on",
            "n't ~see the point in/of being alive/here",
            "n't/not ~see a/any future for me",
        ),
        negatable=False,
        exclude_after=r"^\s*(in|with|near|at|by|under|on|there|together|close|through|for|when|while|during|"
        r"a |an |the |this|that|like (her|him|them|that|my|a|an|she|he|they|i)|early|holiday|about|and on|"
        r"to |"
        r"if (she|he|they)|without (her|him|them|my) (money|help|car)|being|pretending|waiting|hoping|"
        r"my life \w+ing)\b",
    ),
    Rule(
        "suicide.tired_of_living",
        "suicide",
        (
            "~be/~feel/~get tired/sick/exhausted/weary of living/existing/life",
            "tired/sick/exhausted/weary of being alive",
            "~be done with life/living/existing",
            "done living",
            "no/n't/not reason to live/exist",
            "no/n't/not reason to wake up",
            "no/n't/not reason to go/keep/carry on/going",
            "no/n't/not reason to stay/be alive",
            "nothing left? to live for",
            "no/n't/not point in/of? living/existing/life/waking",
            "no/n't/not point in/of? going/carrying on",
            "no/n't/not point in/of? being alive",
            "no/n't/not point in/of? me being here/alive",
            "what 's/is the point of/in living/existing/life",
            "what 's/is the point of/in being alive",
            "what 's/is the point of/in going/carrying on",
            "what 's/is the point of/in waking up",
            "life is/'s n't/not worth living/it",
            "not worth living",
            "no will to live",
            "~lose the will to live",
            "why should i even? ~bother living/existing",
            "why do i even? ~bother living/existing/waking",
            "why even bother living",
            "my life is/'s pointless",
            "life is/'s pointless",
            "n't/not ~see the point anymore",
        ),
        negatable=False,
        past_is_resolved=True,
        exclude_after=r"^\s*(in|with|like|under|on|at|for|around|near|by|through|this way|a lie|waiting|"
        r"\w+ing)\b",
    ),
    Rule(
        "suicide.better_off_without_me",
        "suicide",
        (
            "better off without me",
            "better off if i was/were/'m/am dead/gone",
            "better off if i was/were/'m/am n't/not here/around/alive",
            "better off when i 'm/am gone",
            "better without me",
            "better place without me",
            "better off with me gone",
            "easier for everyone if i was/were/'m dead/gone",
            "easier for everyone if i was/were/'m n't/not here/around",
            "everyone/everybody would/'d be better off without him/her/them",
            "happier/easier/better if i was/were/'m dead/gone",
            "happier/easier/better if i ~die",
            "happier/easier/better if i was/were/'m n't/not here/around/alive",
            "happier/easier/better for? everyone/everybody/them? if i just/simply/only was/were/'m n't/not "
            "here/around/alive",
            "nobody/noone would/'d even/really? care/notice if i ~die/~disappear",
            "nobody/noone would/'d even/really? care/notice if i was/were dead/gone",
            "no one would/'d even/really? care/notice if i ~die/~disappear",
            "no one would/'d even/really? care/notice if i was/were dead/gone",
            "nobody/noone would/'d miss me if i",
            "no one would/'d miss me if i",
            "n't/not miss me if i was/were/'m gone/dead",
        ),
        who="self",
        negatable=False,
        exclude_in_sentence=r"\b(thinks?|believes?|acts? like|behaves? as if|says?|said|decided|clearly|"
        r"obviously) "
        r"(that )?(she|he|they|my \w+) ?(is|are|'s|'re|would be|'d be|was|were) (so much |much )?better off "
        r"without me\b|"
        r"\b(would|could|is|are) (she|he|they|my \w+) (be |really )?better off\b|"
        r"\b(she|he|they|\w+)( is|'s| are|'re) (probably |really |clearly |so much |much |just |maybe "
        r")?better off without me\b",
        # Left out of one occasion or group, not out of life: "...if I wasn't around at Christmas".
        exclude_after=r"^\s*(in (her|his|their|my|our) li(fe|ves)|from the (family )?(chat|group|party|table|"
        r"photos?)|at (christmas|thanksgiving|easter|the party|dinner|the wedding|family))\b",
    ),
    Rule(
        "suicide.not_wake_up",
        "suicide",
        (
            "~go to sleep and not/never ~wake",
            "~sleep and not/never ~wake",
            "~fall asleep and not/never ~wake",
            "~hope/~wish/~pray i do/would/will? n't/not/never ~wake",
            "i/'d ~wish/~hope i wo/would n't ~wake",
            "never ~wake up again",
            "never ~want to ~wake up",
            "~hope i ~die in my sleep",
            "~wish i ~die in my sleep",
            "~want to ~die in my sleep",
            "~want to ~sleep forever",
            "~wish i could ~sleep forever and",
            "~hope i do n't make it through the night",
        ),
        negatable=False,
    ),
    Rule(
        "suicide.not_much_longer",
        "suicide",
        (
            "wo/will n't/not be a problem/burden/bother/nuisance for? much? longer/long",
            "wo/will n't/not be a problem/burden/bother/nuisance anymore",
            "wo/will n't/not be a problem/burden/bother/nuisance for you much longer",
            "wo/will n't/not be around/here much/for longer/long",
            "wo/will n't/not have to deal/worry/bother with/about me much/for? longer/long/anymore",
            "wo/will n't/not have to put up with me much/for? longer/long/anymore",
            "not be around for much longer",
            "wo/will n't/not be bothering anyone much/for? longer/long/anymore",
            "soon i wo n't be here",
            "i wo n't be here tomorrow",
            "i wo n't be here by",
        ),
        negatable=False,
        exclude_in_sentence=r"\b(cancer|diagnos\w*|terminal|illness|ill|old|age|aged|years old|7\d|8\d|9\d|"
        r"health|heart|doctors?|hospice|dementia|frail|elderly|moving|move|emigrat\w*|leaving for|retire\w*|"
        r"job|"
        r"holiday|trip|abroad)\b",
    ),
    Rule(
        "suicide.cannot_go_on",
        "suicide",
        (
            "ca/can n't/not go/carry/keep on anymore/living/existing",
            "ca/can n't/not keep living/existing/going anymore",
            "ca/can n't/not ~do life anymore",
            "ca/can n't/not ~live like this",
            "ca/can n't/not ~live with myself",
            "ca/can n't/not keep living/existing like this",
            "ca/can n't/not go/carry on",
            "ca/can n't/not keep going",
            "n't/not ~see a/any way out anymore/now",
            "no longer ~see a/any way out",
            "there 's/is no way out anymore/now",
        ),
        negatable=False,
        exclude_after=r"^\s*(pretending|with (the|this|that|her|him|it)|ignoring|waiting|hoping|being (her|"
        r"his)|"
        r"like (she|he|they)|without (talking|knowing|answers|seeing|her|him)|if|after|knowing|for|holiday|"
        r"a |"
        r"the |about|arguing|fighting|living with (her|him|them)|sending|writing|reaching|trying)",
    ),
    Rule(
        "suicide.suicidal",
        "suicide",
        (
            "suicidal",
            "suicide note/plan/letter/pact/attempt/thoughts/ideation/method",
            "~think/~consider/~contemplate/~plan/thoughts/thinking about/of? suicide",
            "~commit suicide",
            "~attempt suicide",
            "~try suicide",
            "urge/urges/~want to commit suicide",
            "~talk/~speak/~joke/~write/~text/~post/~rant about suicide",
            "~talk/~speak/~joke/~write/~text/~post/~rant about ~kill herself/himself/themselves/myself",
            "~threaten suicide",
            "~threaten to ~commit suicide",
            "~threaten to ~kill/~hurt herself/himself/themselves",
        ),
        past_is_resolved=True,
        death_report=True,
        exclude_before=r"(died (by|of|from)|lost (\w+ )?to|death by|prevention|awareness|survivors? of|"
        r"bereaved by|after (his|her|their)|(book|film|article|documentary|podcast|programme|program|show|"
        r"lecture|talk|post|story|song|research|news) (about|on)|book on|film about|"
        r"asked (me )?(if|whether) (i'm|i am|i was|i felt|i feel|i have been|i've been)( ever)?)\s*$",
        exclude_after=r"^\s*(prevention|awareness|survivors?|bereavement|rates?|statistics|hotline|helpline|"
        r"line|charity|training|course|book|film|documentary|novel|risk assessment)",
    ),
    Rule(
        "suicide.plan_means",
        "suicide",
        (
            "~stockpile/~save/~hoard/~collect/~stash/~gather/~store up? my/his/her/the? $PILLS",
            "~take/~swallow all/everything my/the? $PILLS",
            "~take/~swallow all/everything of my/the? $PILLS",
            "~take/~swallow a/the? "
            "bunch/handful/handfuls/load/loads/lot/lots/box/boxes/packet/packets/bottle/whole "
            "of? my/the/his/her? $PILLS",
            "~take/~swallow too many $PILLS",
            "~take/~swallow the whole bottle/packet/box",
            "~overdose",
            "~take an overdose",
            "noose",
            "~tie a/the rope",
            "~jump off/from a/the $HEIGHT",
            "~jump off/from the top of a/the? $HEIGHT",
            "~jump in/under front of? a/the $VEHICLE",
            "~step/~walk/~throw in/under front of a/the $VEHICLE",
            "~walk/~step into traffic",
            "~throw myself/himself/herself off/under/in",
            "~drive my? car? off/into a/the $HEIGHT",
            "~drive my? car? into a/the tree/wall/river/lake/sea/lorry/truck",
            "~drive into oncoming traffic",
            "~crash my car on purpose",
            "~walk into the sea/river/lake/ocean",
            "gun to my/his/her head",
            "~blow my/his/her brains out",
            "~put a/the gun to",
            "~stand/~sit on the edge of a/the? $HEIGHT",
            "~stand/~sit on a/the $HEIGHT",
            "i 'm/am on the $HEIGHT",
            "~stand at the edge of the platform/cliff/roof",
            "~buy/~get/~have/~keep a? rope/gun/pistol for myself",
            "razor/blade/blades ready",
            "~have/~get the/my $PILLS ready",
            "~count out the/my? $PILLS",
            "~count my $PILLS",
            "$PILLS saved/stashed/hidden/stockpiled up/away",
            "$PILLS saved/stashed/hidden/stockpiled",
        ),
        past_is_resolved=True,
        death_report=True,
        exclude_before=r"(died (of|from)|death from|fatal|accidental|after (an|the|his|her)|of an)\s*$|"
        r"(feels?|felt) (like|as if|as though) (i'm|i am|i was|i've been|we're|we are|i'm just) \s*$",
        exclude_after=r"^\s*(than|on (it|that|sugar|chocolate|work|cake)|for (my|the) (garden|boat|washing|"
        r"climbing|"
        r"gym|dog)|of (information|emotion|love|nostalgia|sugar))",
    ),
    Rule(
        "suicide.rope_with_purpose",
        "suicide",
        ("~buy/~get/~have/~find/~keep/~hide a/the/some? rope",),
        past_is_resolved=True,
        exclude_after=r"^\s*(for|to (tie|hang (the|a|my) (washing|clothes|laundry|swing|hammock))|and "
        r"(pegs|string))",
        exclude_in_sentence=r"\b(washing|laundry|climbing|boat|sailing|garden|camping|dog|swing|tent|tow|"
        r"skipping|"
        r"allotment|horse|lead)\b",
    ),
    Rule(
        "suicide.gun_with_purpose",
        "suicide",
        ("~buy/~get/~have/~keep/~load/~find/~hold a/the/my/dad? 's? gun/pistol/rifle/shotgun",),
        needs_in_message=r"\b(myself|my head|end it|end my|die|dead|goodbye|suicid\w*|no point|not be "
        r"here)\b",
    ),
    Rule(
        "suicide.goodbye",
        "suicide",
        (
            "this is/'s goodbye",
            "this is/'s my goodbye",
            "~say goodbye to everyone/everybody/all",
            "~say goodbye to the world",
            "~say my goodbyes",
            "goodbye forever",
            "goodbye world",
            "goodbye everyone",
            "~give away my things/stuff/belongings/possessions/pets/dog/cat/jewellery/jewelry",
            "~give my things/stuff/belongings/possessions/pets/jewellery away",
            "~write/~leave a/my/the? goodbye/farewell/suicide letter/letters/note/notes/message",
            "~write/~leave letters/notes to/for everyone/everybody",
            "letters/notes for when i 'm/am gone/dead",
            "letters/notes to read after/when i 'm/am? gone/dead/die",
            "~write letters to my/the kids/children/family/son/daughter for after/when",
            "~write/~make/~finish/~sort/~update my will and/, goodbye/letters/notes/said/say",
            "~write/~make/~finish my will and/, written/wrote/write/said/say",
            "~get/~put my affairs in order and/, goodbye/letters/notes",
            "~sort out who ~get my things/stuff",
            "~decide who ~get my things/stuff",
            "~tell everyone i love them one last time",
            "~say goodbye for the last time",
            "last message you 'll/will ever get from me",
            "last time you 'll/will hear from me",
        ),
        exclude_before=r"(told|tell|said to|saying to|wrote to|texted|letter to|email to|message to) (him|"
        r"her|them|my \w+)"
        r"\W*(that )?\s*$",
        exclude_in_sentence=r"\b(downsiz\w*|declutter\w*|charity|moving|clear(ing)? out|estate sale|garage "
        r"sale|"
        r"auction|car boot|after (his|her|my (mum|dad|mother|father)'?s?) (death|funeral)|grandkids|"
        r"grandchildren)\b",
    ),
    Rule(
        "suicide.found_note",
        "suicide",
        ("~find a/his/her/their/the suicide/goodbye note/notes/letter/letters",),
        who="other",
    ),
    Rule(
        "suicide.note_with_reason",
        "suicide",
        ("~leave/~write a/the note/letter",),
        needs_in_message=r"\b((not|n't|never) (his|her|your|their|anyone's|anybody's) fault|when i'?m gone|"
        r"after i'?m "
        r"gone|explaining why i|why i did it|when i'?m not here|after i die)\b",
    ),
    # ---------------------------------------------------------------- self-harm
    Rule(
        "self_harm.hurt_oneself",
        "self_harm",
        (
            "~cut/~burn/~harm/~hurt/~hit/~punch/~scratch/~starve/~slash/~slit/~injure/~bite/~bruise/~carve "
            "$REFLEXIVE",
            "~make myself/himself/herself bleed",
            "~make myself/himself/herself throw up",
            "~cut/~burn/~slash/~slit/~scratch/~carve my/his/her/their $BODY",
            "~carve into my/his/her $BODY",
            "~bang/~hit my/his/her head against/on the? wall/walls/floor until",
        ),
        who="object",
        past_is_resolved=True,
        exclude_after=r"^\s*(by|with (guilt|worry|regret|questions|this|her|him)|more|even more|emotionally|"
        r"in the long run|"
        r"waiting|holding|hoping|thinking|over|up over|for (nothing|years|loving)|off|out|about|too much|"
        r"doing|cooking|chopping|shaving|making|slicing|opening|on (the|a) (door|table|corner|knife|glass|"
        r"oven|stove|iron|"
        r"kettle|pan)|free|loose|away|a break|some slack|some time)",
        exclude_in_sentence=_ACCIDENT
        + r"|\b(only|just|really) hurting (myself|himself|herself) (by|with|waiting|holding)",
        second_person_is_not_risk=True,
    ),
    Rule(
        "self_harm.named",
        "self_harm",
        (
            "selfharm",
            "~relapse on/into/with? cutting/selfharm/burning",
            "urge/urges to cut/burn/selfharm",
            "cutting urges",
            "fresh/new/deep/open cuts/burns/wounds on my/his/her/their? $BODY?",
            "fresh/new cuts",
            "cuts/burns/scars on my/his/her/their/both $BODY",
            "cuts/burns/scars on my/his/her/their? $ADJ? $KIN 's $BODY",
            "~hide the/my/his/her cuts/burns",
            "razor/blade/blades on my/his/her? $BODY",
            "~use a razor/blade/blades on",
            "~hurt/~harm/~cut myself on purpose",
        ),
        past_is_resolved=True,
        exclude_before=r"(clean|free|recovered|recovery|stopped|quit|quitting|stopping|stop|years without|"
        r"months without|days without) (from|of)?\s*$",
        exclude_after=r"^\s*(awareness|support group|charity|training|course|book|film|documentary|article)",
    ),
    Rule(
        "self_harm.cutting",
        "self_harm",
        (
            "~cut/~burn again",
            "~cut/~burn deeper",
            "~start/~begin/~keep cutting/burning",
            "~be cutting/burning",
            "~want/~need/~urge to cut/burn",
            "~cut/~burn tonight",
            "~cut/~burn last night",
            "cut/burnt/burned myself again",
            "~go back to cutting/burning",
        ),
        past_is_resolved=True,
        exclude_before=r"(clean|free|recovered|recovery|stopped|quit|quitting|stopping|stop)( from)?\s*$",
        exclude_after=_NO_OBJECT_AFTER,
        exclude_in_sentence=_ACCIDENT,
    ),
    Rule(
        "self_harm.relapse",
        "self_harm",
        ("~relapse",),
        needs_in_message=r"\b(cut|cuts|cutting|selfharm\w*|blade|blades|razor|burn|burning|scars|hurting "
        r"myself)\b",
        past_is_resolved=True,
    ),
    # ---------------------------------------------------------------- harm between people
    Rule(
        "harm.could",
        "harm",
        ("{AGENT} $ADV? $ADV? could/'d/would/might $ADV? $ADV? ~$HARM {TARGET}",),
        who="harm",
        past_is_resolved=True,
        # "I could kill him for forgetting her birthday" is exasperation, not a plan.
        exclude_after=_NOT_A_PERSON_AFTER
        + _EMOTIONAL_HURT_AFTER
        + _IDIOM_THREAT_AFTER
        + r"|^\s*for \w+ing\b",
    ),
    Rule(
        "harm.intent",
        "harm",
        (
            "{AGENT} $ADV? $ADV? will/'ll/ll/may/shall $ADV? $ADV? ~$HARM {TARGET}",
            "{AGENT} $ADV? ~be/'s? $ADV? going/gon to/na $ADV? ~$HARM {TARGET}",
            "{AGENT} $ADV? ~be/'s? $ADV? about to ~$HARM {TARGET}",
            "{AGENT} $ADV? ~be/'s? going to go round/over there? and ~$HARM {TARGET}",
            "{AGENT} $ADV? ~be/'s? going/gon to/na ~beat the shit/hell/crap/living out of {TARGET}",
            "{AGENT} $ADV? $MODAL ~beat the shit/hell/crap/living out of {TARGET}",
            "{AGENT} $ADV? ~want/~mean/~plan/~intend/~need/~promise/~swear/~vow/~try/~like to $ADV? ~$HARM "
            "{TARGET}",
            "{AGENT} $ADV? ~feel like ~$HARM {TARGET}",
            "{AGENT} ~be/~get/~feel tempted/ready to ~$HARM {TARGET}",
            "{AGENT} $ADV? ~fantasise/~fantasize/~think/~dream about ~$HARM {TARGET}",
            "{AGENT} ~say/~swear he/she/they 'll/will/would/'d ~$HARM {TARGET}",
            "{AGENT} ~go round/over there to ~$HARM {TARGET}",
        ),
        who="harm",
        past_is_resolved=True,
        exclude_after=_NOT_A_PERSON_AFTER + _EMOTIONAL_HURT_AFTER + _IDIOM_THREAT_AFTER,
    ),
    Rule(
        "harm.threatens_harm",
        "harm",
        (
            "{AGENT} $ADV? ~threaten to ~$HARM {TARGET}",
            "{AGENT} ~be $ADV? ~threaten to ~$HARM {TARGET}",
            "{AGENT} $ADV? ~threaten to ~$HARM",
            "{AGENT} $ADV? ~threaten {TARGET} with a/the/his/her $WEAPON",
            "{AGENT} ~threaten {TARGET} with violence",
            "{AGENT} ~come at {TARGET} with a/the/his/her? $WEAPON",
        ),
        who="harm",
        past_is_resolved=True,
        exclude_after=r"^\s*(himself|herself|themselves|myself|yourself)" + _EMOTIONAL_HURT_AFTER,
    ),
    Rule(
        "harm.threatens",
        "harm",
        ("{AGENT} $ADV? ~threaten {TARGET}", "{AGENT} ~be $ADV? ~threaten {TARGET}"),
        who="harm",
        past_is_resolved=True,
        past_forms=frozenset({"threatened"}),
        exclude_after=r"^\s*(with (never|not|no|cutting|the will|legal|lawyers|court|disinherit\w*|disown\w*|"
        r"leaving|divorce|the police|police|a letter|going|telling|selling|moving|taking)|to (cut|disown|"
        r"leave|sue|"
        r"call|tell|report|stop|sell|move|write|change|take (me|her|him) out of|never|go|kill (himself|"
        r"herself)))",
    ),
    Rule(
        "harm.act",
        "harm",
        (
            "{AGENT} $ADV? $ADV? ~$ACT {TARGET}",
            "{AGENT} ~keep/~be/'s/has/have/had $ADV? ~$ACT {TARGET}",
            "{AGENT} has/have/had/'s? ~start/~begin/~keep ~$ACT {TARGET}",
            "{AGENT} has/have/'s ~start/~begin to ~$ACT {TARGET}",
            "{AGENT} ~touch {TARGET} inappropriately/sexually",
            "{AGENT} ~touch {TARGET} down there",
            "{AGENT} $ADV? ~lock {TARGET} in/up/inside",
            "{AGENT} ~grab {TARGET} by the throat/neck/hair/arm",
            "{AGENT} ~pin {TARGET} down/against",
            "{AGENT} ~throw things/stuff/plates/objects at {TARGET}",
            "{AGENT} ~drag {TARGET} by",
            "{AGENT} ~pull {TARGET} by the hair",
            "{AGENT} ~spit on/at {TARGET}",
            "{AGENT} $ADV? ~hurt {TARGET} physically",
            "{AGENT} physically ~hurt {TARGET}",
            "{AGENT} ~beat {TARGET} up",
            "{AGENT} ~beat the shit/hell/crap/living daylights out of {TARGET}",
            "{AGENT} ~push {TARGET} down the stairs",
            "{AGENT} ~push {TARGET} into/against the/a wall/door/table/floor",
        ),
        who="harm",
        past_is_resolved=True,
        past_forms=frozenset({"abused", "molested"}),
        exclude_after=_NOT_A_PERSON_AFTER
        + r"|^\s*(hard|like|how|that|when it|then|where|back (with|when|then)|up\b|to it|at (chess|cards|"
        r"games|scrabble|tennis|golf|poker)|with (the|a|this|that|news|words|questions|guilt|silence|a "
        r"letter|an email|"
        r"lawyers)|away|aside|out|off|around|too hard|into (?!(the|a) (wall|door|table|stairs|floor|ground|"
        r"car|window))|"
        r"to (apply|go|study|try|be|do|reach|talk|call|write|forgive|make|see|get|it)|towards|over the edge|"
        r"emotionally|"
        r"verbally|online|in the back|in (every|each|her|his|the) (email|emails|letter|message|text|post)|"
        r"the hardest|"
        r"for (money|help|more|answers|details|information|an apology))",
    ),
    Rule(
        "harm.passive",
        "harm",
        (
            "{AGENT} 'm/am/is/'s/are/'re/get/gets/keep/keeps/getting being? $ADV? "
            "hit/beaten/abused/raped/threatened/"
            "attacked/strangled/choked/slapped/punched/kicked/pushed/molested/assaulted/trafficked/exploited",
            "{AGENT} was/were/got "
            "hit/beaten/abused/raped/threatened/attacked/strangled/choked/slapped/punched/kicked/"
            "pushed/molested/assaulted again/yesterday/today/tonight",
            "{AGENT} was/were/got "
            "hit/beaten/abused/raped/threatened/attacked/strangled/choked/slapped/punched/kicked/"
            "pushed/molested/assaulted last night/week/weekend",
            "{AGENT} was/were/got "
            "hit/beaten/abused/raped/threatened/attacked/strangled/choked/slapped/punched/kicked/"
            "pushed/molested/assaulted this morning/week/evening/afternoon",
            "{AGENT} 've/has/have been "
            "hit/beaten/abused/raped/threatened/attacked/strangled/choked/slapped/punched/"
            "kicked/molested/assaulted again/recently/lately",
            "{AGENT} was/were/got/been sexually? raped/assaulted",
            "{AGENT} was/were/got/been raped",
        ),
        who="passive",
        past_is_resolved=True,
        exclude_after=r"^\s*(by (a|the) (car|ball|bus|wave|truck|bike|news|realisation|realization|grief|"
        r"guilt)|"
        r"with (the|a) (news|bill|letter|truth|realisation)|hard by|in (the|my) (feelings|heart|gut)|out of|"
        r"on (facebook|social|whatsapp|instagram|twitter)|online|in (emails|messages|the group)|by (my|the) "
        r"(anxiety|fear|past|emotions|feelings|thoughts|memories))",
        exclude_before=r"(emotionally|verbally|financially) ?\s*$",
        exclude_in_sentence=r"\b(emotionally|verbally)\b",
    ),
    # ---------------------------------------------------------------- abuse: fear, control, neglect
    Rule(
        "abuse.fear",
        "abuse",
        (
            "scared/afraid/terrified/frightened of my/our? $ADJ? $KIN",
            "scared/afraid/terrified/frightened of him/her/them",
            "scared/afraid/terrified/frightened of @name",
            "scared/afraid/terrified/frightened to go home",
            "scared/afraid/terrified/frightened for my/our life/lives/safety",
            "~fear for my/our life/lives/safety",
            "~be/~feel not safe at home",
            "~be/~feel not safe here",
            "~be/~feel not safe with/around him/her/them/$KIN",
            "~be/~feel not safe in my/our/this? own? home/house/flat",
            "n't ~feel safe at home",
            "n't ~feel safe in my/our/this? own? home/house/flat",
            "n't ~feel safe with/around him/her/them/$KIN",
            "scared/afraid/terrified/frightened he/she/they 'll/will/might/may come back and",
            "~walk on eggshells so he/she/they wo n't",
            "~hide in the bathroom/bedroom/car/cupboard from",
        ),
        who="self",
        negatable=False,
        exclude_after=r"^\s*('s|reaction|response|answer|rejection|silence|judgement|judgment|opinion|anger|"
        r"disappointment|feelings|mistakes|\w+ing\b|never|not|of (losing|never)|to (see|hear|call|text|write|"
        r"contact)|finding out|too|again|at (christmas|the))",
        exclude_in_sentence=r"\b(reaction|rejection|reject|respond|reply|answer|judge|write back|ghost\w*|"
        r"hurt my feelings|cut me off|never speak|stop talking|losing|lose|forget|forgotten|as a child|"
        r"growing up)\b",
    ),
    Rule(
        "abuse.fear_for_someone",
        "abuse",
        (
            "scared/afraid/terrified/frightened/~fear for her/his/their/mum/mom/dad/nan/grandma/gran/my/the "
            "'s? "
            "$ADJ? $KIN? 's? life/safety",
        ),
        who="object",
        negatable=False,
    ),
    Rule(
        "suicide.not_safe_now",
        "suicide",
        (
            "i 'm/am not safe right now",
            "i 'm/am not safe tonight",
            "i 'm/am not safe with/around myself",
            "i do n't feel safe with/around myself",
            "i do n't trust myself tonight/alone",
            "i do n't trust myself right now",
        ),
        who="self",
        negatable=False,
    ),
    Rule(
        "abuse.isolation",
        "abuse",
        (
            "n't/not/never ~let $VICTIM leave/out/eat/sleep/work",
            "n't/not/never ~let $VICTIM go out/outside/anywhere",
            "n't/not/never ~let $VICTIM go to work",
            "n't/not/never ~let my/our? $ADJ? $KIN leave/out/eat/sleep",
            "n't/not/never ~let $VICTIM see/talk/speak/call/contact/visit/phone/text/ring to/with? "
            "anyone/anybody/"
            "friends/people/doctors/doctor/outsiders/nobody",
            "n't/not/never ~let $VICTIM see/talk/speak/call/contact/visit/phone/text/ring to/with? "
            "my/her/his/the/a "
            "friends/friend/family/doctor/gp/nurse",
            "n't/not/never ~let my/our? $ADJ? $KIN see/call/contact/visit/phone/ring a/the/any? "
            "doctor/doctors/gp/nurse/"
            "anyone/anybody/friends",
            "n't/not/never ~let anyone/anybody/people/visitors see/visit/near/call "
            "her/him/them/mum/mom/dad/nan/grandma",
            "n't/not/never ~let $VICTIM have my/her/his/any? own? $CONTROLLED",
            "n't/not/never ~let $VICTIM use my/her/his/the? $CONTROLLED",
            "n't/not/never ~let $VICTIM out of his/her/their? sight",
            "n't/not/never ~let $VICTIM out of the house/flat/room",
            "~lock $VICTIM in/up/inside",
            "~keep $VICTIM locked in/up/inside",
            "~lock my/our? $KIN in/up/inside",
        ),
        who="object",
        negatable=False,
        past_is_resolved=True,
        exclude_after=_NOT_ISOLATION_AFTER,
        exclude_in_sentence=_NOT_ISOLATION_IN_SENTENCE,
    ),
    Rule(
        "abuse.controlling",
        "abuse",
        (
            "~take/~hide/~smash/~break/~keep/~confiscate my/her/his $CONTROLLED so/and i/she/he "
            "ca/can/could n't/not",
            "~take/~hide/~smash/~confiscate my/her/his phone/passport/keys",
            "~take/~hide/~confiscate my/her/his bank card/cards/book",
            "~take/~hide/~confiscate my/her/his id/documents/benefits/pension",
            "~control my/her/his money/finances/phone/every/where/who/everything",
            "~check/~track/~monitor my/her/his phone/location/calls/messages/every",
        ),
        who="object",
        negatable=False,
        past_is_resolved=True,
        # "I keep checking my phone in case she writes" is the estrangement itself, not control.
        done_by_someone_else=True,
        exclude_after=_NOT_ISOLATION_AFTER,
        exclude_in_sentence=_NOT_ISOLATION_IN_SENTENCE,
    ),
    Rule(
        "abuse.money",
        "abuse",
        (
            "takes/taking/steals/stealing/drains/draining/empties/emptying/controls/controlling/spends/spend"
            "ing/keeps "
            "all? of? my/her/his/their/mum/mom/dad/grandma/nan/gran/granny/grandad 's? $MONEY",
            "takes/taking/steals/stealing/drains/draining/empties/emptying/controls/controlling/spends/spend"
            "ing/keeps "
            "all? of? my/her/his/their? $ADJ? $KIN 's $MONEY",
            "is/'s/are/has/have/been taking/stealing/draining/emptying/spending/controlling/using all? of? "
            "my/her/his/"
            "their/mum/mom/dad/grandma/nan/gran/granny/grandad 's? $MONEY",
            "~keep taking/stealing/using all? of? my/her/his/their? $MONEY",
            "~keep taking/stealing money from me/her/him",
            "~force/~make $VICTIM sign",
            "~force $VICTIM to hand/give/sign",
            "~make $VICTIM hand/give over my/her/his? $MONEY",
        ),
        who="object",
        negatable=False,
        past_is_resolved=True,
        exclude_in_sentence=r"\b(divorce|court|lawyer|settlement|child support|maintenance|alimony|"
        r"inheritance|"
        r"because (she|he|mum|dad) asked|power of attorney)\b",
    ),
    Rule(
        "abuse.neglect",
        "abuse",
        (
            "n't/not/never ~feed/~wash/~change/~bathe her/him/them/mum/mom/dad/nan/grandma/gran",
            "n't/not/never ~feed/~wash/~change/~bathe the/my/our kids/baby/children/mum/mom/dad",
            "n't/not ~give $VICTIM her/his/their/my? food/meds/medication/medicine/tablets/insulin",
            "~leave her/him/them/mum/mom/dad/nan/grandma alone for days",
            "~leave the/my/our kids/baby/children/mum/dad alone for days",
            "~leave her/him/them/mum/mom/dad/nan/grandma without food/water/heating/meds/medication",
            "~leave the/my/our kids/baby/children/mum/dad without food/water/heating/meds/medication",
            "~leave her/him/mum/mom/dad/nan/grandma lying/sitting in her/his? own? mess/urine/soiled/dirt",
            "~leave her/him/mum/mom/dad/nan/grandma in her/his? own? mess/urine/soiled/dirt",
            "bruises/bruising on/over her/his/my/their/mum/mom/dad/nan/grandma/gran/baby/the 's? baby? $BODY",
            "~find/~see/~notice/~spot bruises on",
        ),
        who="object",
        negatable=False,
        past_is_resolved=True,
        exclude_in_sentence=r"\b(emotionally|as a child|growing up|childhood|fell|fall|bumped|accident)\b",
    ),
    Rule(
        "abuse.being_abused",
        "abuse",
        (
            "i 'm/am in an abusive/violent relationship/marriage/home",
            "i live with an abusive/violent",
            "my/our? $ADJ? $KIN is/'s/are/'re/being abusive/violent/dangerous",
            "he/she/they is/'s/are/'re/being abusive/violent/dangerous",
            "@name is/'s being? abusive/violent/dangerous",
            "he/she/they/$KIN ~get/~become violent",
            "he/she/they/$KIN 's/has/have been violent/abusive again/lately/recently",
            "i ~think i 'm/am being abused",
        ),
        who="self",
        past_is_resolved=True,
        exclude_before=r"(survivors? of|history of|past|stories of|book about|talk about|film about|grew "
        r"up with)\s*$",
        exclude_in_sentence=r"\b(verbally|emotionally|emotional|psychologically|narcissis\w*|trust|"
        r"support group|survivor|documentary|article|book|podcast|therapist says)\b|" + _ESTRANGEMENT_FRAME,
    ),
    Rule(
        "abuse.towards_someone",
        "abuse",
        (
            "$KIN is/'s/are/'re/being abusive/violent/rough to/towards/with my/her/his/their? $ADJ? "
            "$KIN/her/him/them",
            "he/she/they is/'s/are/'re/being abusive/violent/rough to/towards/with my/her/his/their? $ADJ? "
            "$KIN/her/him/them",
        ),
        who="object",
        past_is_resolved=True,
        exclude_in_sentence=r"\b(verbally|emotionally|emotional|psychologically)\b",
    ),
    Rule(
        "abuse.domestic_violence",
        "abuse",
        ("domestic violence/abuse",),
        who="self",
        past_is_resolved=True,
        exclude_in_sentence=r"\b(was|were|had|witness\w*|grew up|survivor|history|work|worked|volunteer\w*|"
        r"charity|"
        r"course|training|awareness|article|book|documentary|podcast|film|sector)\b",
    ),
    # ---------------------------------------------------------------- violence by the speaker
    Rule(
        "violence.weapon",
        "violence",
        (
            "i/we 've/have/had/'d? $ADV? ~have/~get/~buy/~grab/~take/~carry/~bring/~keep/~sharpen/~load "
            "my/a/the/his/dad? "
            "'s? $ADJ? $WEAPON",
            "i 've/have got a/my/the $KIN? 's? $ADJ? $WEAPON",
            "i got a/my/the $WEAPON",
            "~go round/over there with a/my/the $WEAPON",
            "~bring a/the $WEAPON to",
        ),
        who="self",
        needs_in_message=_OTHERS_PRESENT + r"|\b(pay|revenge|get even|hurt|kill|stab|shoot)\b",
        exclude_after=r"^\s*(set|block|sharpener|for (her|his|him|them|my) (birthday|kitchen|christmas|"
        r"present))",
        exclude_in_sentence=r"\b(cooking|kitchen|chopping|cricket|baseball|softball|hunting|range|club|"
        r"camping|"
        r"fishing|garden|dinner|bread|vegetables|veg|chop|wood|diy|fence|shelves|present|gift)\b",
    ),
    Rule(
        "violence.make_them_pay",
        "violence",
        ("~make him/her/them/@name pay", "~make my $ADJ? $KIN pay"),
        who="self",
        needs_in_message=r"\b(knife|knives|gun|guns|weapon|bat|hammer|axe|blade|hurt|bleed|kill|stab|shoot|"
        r"burn|beat|smash|break (his|her))\b|\b(won't|will not|wont) (see it coming|know what hit)",
    ),
    Rule(
        "violence.urges",
        "violence",
        (
            "urge/urges/thoughts/fantasies/fantasy/images to/of/about ~$HARM {TARGET}",
            "i ~keep? ~imagine/~picture ~$HARM {TARGET}",
            "i ~have/~get thoughts of ~$HARM {TARGET}",
            "i ~be afraid/scared/terrified/worried i 'll/will/might/could/may ~$HARM {TARGET}",
            "~burn his/her/their house/place/car down",
            "~burn down his/her/their house/place/car",
            "~smash his/her/their face/head in",
            "~break his/her/their neck/legs/jaw/face",
            "~run him/her/them over",
            "~wring his/her/their neck",
            "~choke the life out of",
        ),
        who="self",
        exclude_after=_NOT_A_PERSON_AFTER + _EMOTIONAL_HURT_AFTER,
        exclude_before=r"\b(he|she|they|\w+) (said|says|threatened|threatens|wants|is going|'s going)( "
        r"to)?\s*$",
    ),
    # ---------------------------------------------------------------- found missing on the first held-out set
    Rule(
        "suicide.life_over",
        "suicide",
        (
            "~want/~need my life to be over/done",
            "~want/~need it all to be over/end",
            "~wish my life was/were over",
            "~want to stop existing",
            "i just/simply? stopped/stop existing",
            "~end things permanently/forever",
            "~end it/everything permanently/forever/for good",
            "n't/not ~see myself being/staying alive/here/around",
            "n't/not ~think i can ~survive another day/night/week",
            "ca/can n't/not ~survive another day/night/week",
            "~run out of reasons to live/stay/keep",
            "no reasons/reason left to stay alive/live",
            "n't/not sure i can ~keep myself safe",
            "ca/can n't/not ~keep myself safe",
            "n't/not ~know if/whether i can ~keep myself safe",
            "only way out is/'s? death/dying/to die",
            "death/dying ~seem/~be like? the only way out",
            "way out except/but dying/death",
            "~be doing everyone/everybody a favour/favor if i ~die/~disappear/was/were",
            "~do everyone/everybody a favour/favor and ~die/~disappear/~end",
            "no one/nobody will/'ll have to ~worry/~deal about/with me after tonight/today/this",
            "~picture/~imagine/~plan my own? funeral",
            "the night/day i finally do it",
            "~google/~research/~search painless? ways/way/methods to go/die/end",
            "painless way/ways/method to go/die",
            "~step/~throw myself? off/from the platform/ledge/roof/edge",
            "~step in front of the/a train/bus/lorry/truck",
            "in the car/garage with the engine running/on",
            "~swallow/~take every/each tablet/pill/pills/tablets",
            "~swallow/~take all the $PILLS",
        ),
        negatable=False,
        past_is_resolved=True,
        exclude_in_sentence=r"\b(film|book|novel|series|episode|character|documentary|podcast|song)\b",
    ),
    Rule(
        "suicide.going_to_jump",
        "suicide",
        (
            "~be/'s/'m/s/m going/gon to/na jump",
            "~be/'s/'m/s/m about to jump",
            "~go to jump",
        ),
        # Only a jump with nowhere ordinary to land: "going to jump in the shower" is everyday.
        exclude_after=r"^(?!\s*($|[.!,;]|off|from|in front|tonight|now|today|right now|again|when|if|because|"
        r"and end|soon))",
        exclude_in_sentence=r"\b(parachute|skydiv\w*|bungee|pool|trampoline|queue|ship|gun|conclusions?|"
        r"hoops|chance|shower|call|zoom)\b",
    ),
    Rule(
        "self_harm.blood_where",
        "self_harm",
        ("from where i ~cut/~burn/~scratch", "blood from where i"),
        negatable=False,
        exclude_in_sentence=_ACCIDENT,
    ),
    Rule(
        "suicide.giving_away",
        "suicide",
        (
            "~give away his/her/their things/stuff/belongings/possessions/tools/pets/jewellery/jewelry",
            "~give his/her/their things/stuff/belongings/possessions/tools away",
        ),
        needs_in_message=r"\b(goodbye|good bye|farewell|won't need|wont need|last|final|die|dying|dead|"
        r"not be here|won't be here)\b",
    ),
    Rule(
        "abuse.afraid_of_harm",
        "abuse",
        (
            "scared/afraid/terrified/frightened he/she/they 'll/will/might/could/is/'s/are/'re",
            "scared/afraid/terrified/frightened that he/she/they 'll/will/might/could",
        ),
        who="self",
        # Fear of harm to a person, not of a hurt feeling: "...going to cut me off and that would hurt".
        needs_in_message=r"\b((hurt|hit|kill|beat|attack|strangle|choke|harm|punch|slap|kick) (me|us|the kids|"
        r"the children|the baby|my|her|him|them)|come back (tonight|and)|find me|break in|get in)\b",
        exclude_in_sentence=r"\b(hurt (my|his|her|their) feelings|feelings|hurt (himself|herself|themselves)|"
        r"kill (himself|herself|themselves))\b",
    ),
    Rule(
        "abuse.touches_a_child",
        "abuse",
        (
            "~touch my/our little/younger/baby sister/brother/niece/nephew",
            "~touch my/our daughter/son/kids/children/granddaughter/grandson/niece/nephew/grandkids",
        ),
        who="other",
        needs_in_message=r"\b(don't know who to tell|who to tell|inappropriate\w*|sexual\w*|private|"
        r"secret|scared|uncomfortable|won't stop|when (mum|mom|she|he)('s| is) (out|away|asleep)|at night)\b",
    ),
    Rule(
        "violence.going_with_weapon",
        "violence",
        (
            "on my way to his/her/their house/place/flat/home/work with a/the/my $WEAPON",
            "~go/~head/~drive to his/her/their house/place/flat/home/work with a/the/my $WEAPON",
            "~wait for him/her/them with a/the/my $WEAPON",
        ),
        who="self",
    ),
)
