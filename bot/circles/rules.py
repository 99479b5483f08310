"""Rules that read one worry and find the cue that decides its circle.

How a worry is read:

1. ``normalise`` straightens apostrophes, expands contractions ("won't", "dont", "im") and
   lower-cases, because the lookup lemmatizer is case-sensitive and splits "won't" into "wo".
2. Leading *frames* are skipped: "i'm worried that", "i can't stop thinking about",
   "not knowing", "what if", "i want to". They say how the person feels about the worry,
   not what the worry is about, so "I can't stop thinking about whether she'll call" is read
   as "whether she'll call".
3. Every cue pattern is matched over what remains (the *core*). The cue that starts
   earliest wins, because the head of a worry says what it is about ("asking my sister if
   she'd pass on a message" is about asking, not about the sister's choice). When several
   cues start at the same token, the higher priority wins: a specific cue ("whether i'll ever
   see" = an outcome) beats a general one ("whether i" = my decision).
4. With no cue at all, a worry that speaks about "i/my" goes to control, one that names
   another person goes to concern, and anything else falls back to concern.

Why concern is the fallback: it is by far the most common circle in real estrangement
worries, and a wrong "control" is the costly error (it implies the person could force
another's choice). A wrong "concern" costs one tap, and its reason says plainly that the bot
is unsure and invites the person to move it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from bot.language import analyse, english

# --- Words -------------------------------------------------------------------------------

FEMALE_PEOPLE = frozenset(
    "mother mom mum mam mommy mummy mama momma daughter daughters sister sisters grandma grandmother "
    "nan nana nanna granny gran aunt aunts auntie aunty niece wife girlfriend stepmother stepmom stepmum "
    "stepdaughter stepsister girl granddaughter fiancee".split()
)
MALE_PEOPLE = frozenset(
    "father dad daddy papa pa son sons brother brothers grandpa grandfather grandad granddad grampa uncle "
    "uncles nephew husband boyfriend stepfather stepdad stepson stepbrother boy grandson fiance".split()
)
OTHER_PEOPLE = frozenset(
    "parent parents child children kid kids kiddo sibling siblings grandchild grandchildren grandkid "
    "grandkids grandson grandsons granddaughters grandparents grandbaby twins baby ex exes partner spouse "
    "family relatives relative cousin cousins nieces nephews aunts inlaws folks people everyone everybody "
    "anyone others friends friend neighbours neighbors church community stepkids stepchildren "
    "grandchilds".split()
)
PEOPLE = FEMALE_PEOPLE | MALE_PEOPLE | OTHER_PEOPLE

SUBJECT_PRONOUNS = ("she", "he", "they")
OBJECT_PRONOUNS = ("her", "him", "them")
POSSESSIVE_DETERMINERS = ("his", "her", "their")
DETERMINERS = ("my", "our", "the", "his", "her", "their", "your", "a", "an", "this", "that")
PERSON_MODIFIERS = (
    "other", "older", "oldest", "eldest", "younger", "youngest", "little", "baby", "big", "new", "ex",
    "step", "only", "own", "two", "three", "grown", "adult", "estranged", "whole", "wider", "extended",
    "rest", "of", "the", "my", "late", "middle", "first", "second", "'s", "kids", "son", "daughter",
)
GROUPS_SHAPED_BY_MY_CONDUCT = (
    "family", "relatives", "relative", "people", "everyone", "everybody", "others", "siblings", "cousins",
    "friends", "church", "community", "neighbours", "neighbors", "kids", "grandkids", "grandchildren",
    "inlaws", "laws", "aunts", "uncles", "rest",
)

ADVERBS = (
    "so", "really", "just", "still", "very", "quite", "always", "constantly", "sometimes", "often",
    "actually", "honestly", "even", "ever", "also", "kind", "kinda", "sort", "of", "a", "bit", "little",
    "literally", "truly", "totally", "pretty", "secretly", "already", "now", "again", "never", "only",
)
FEELINGS = (
    "worried", "scared", "afraid", "anxious", "terrified", "sad", "angry", "upset", "hurt", "devastated",
    "heartbroken", "stressed", "frightened", "concerned", "obsessed", "stuck", "torn", "confused", "guilty",
    "ashamed", "desperate", "nervous", "panicking", "preoccupied", "haunted", "gutted", "bothered",
    "frustrated", "jealous", "sorry", "fearful", "paranoid", "tortured", "consumed", "worrying",
)
THINKING = (
    "thinking", "wondering", "worrying", "obsessing", "dwelling", "replaying", "imagining", "stressing",
    "agonising", "agonizing", "ruminating", "fretting", "overthinking", "dreading", "fearing", "hoping",
    "wishing", "wanting", "waiting", "praying", "knowing",
)
WORRY_VERBS = ("worry", "fear", "wonder", "dread", "hate", "hope", "wish", "think", "feel", "guess",
               "suppose", "believe", "pray", "doubt", "question", "imagine", "know")
WORRY_NOUNS = ("fear", "worry", "thought", "fact", "idea", "feeling", "sense", "question", "worries",
               "fears", "thoughts", "possibility", "chance", "risk")
FRAME_LINKS = ("about", "that", "of", "over", "on", "by", "for", "like")
FILLERS = ("and", "but", "also", "so", "just", "still", "really", "honestly", "sometimes", "plus", "then",
           "that", "about", "-", "like", "ok", "okay", "um", "well", "mostly", "mainly", "constantly")

PAST_FORMS = frozenset(
    "said did went told left lost made wrote got had was were came gave took thought felt knew saw kept "
    "ran broke forgot missed hurt".split()
)
PAST_WORDS = ("childhood", "past", "ago", "happened", "history", "regret", "regrets", "regretted",
              "years", "decades", "mistakes", "divorce", "upbringing")
TIME_AND_HEALTH = (
    "health", "sick", "ill", "illness", "cancer", "dementia", "alzheimers", "alzheimer", "dying", "die",
    "dies", "died", "death", "dead", "hospital", "diagnosis", "frail", "stroke", "older",
    "old", "ageing", "aging", "age", "elderly", "gone", "alive", "surgery", "chemo", "disease", "passes",
)
OUTCOME_VERBS = ("see", "hear", "meet", "hold", "reconcile", "regret", "lose", "know", "hug", "speak",
                 "talk")
NEVER_OUTCOME_VERBS = OUTCOME_VERBS + ("have", "get", "be", "find", "make", "understand")
DECIDED_BY_OTHERS = (
    "cut", "shut", "left", "blocked", "excluded", "replaced", "forgotten", "erased", "disowned",
    "ignored", "ghosted", "uninvited", "blamed", "judged", "invited", "welcome", "allowed", "forgiven",
    "included", "accepted", "wanted", "loved", "rejected", "abandoned", "dropped", "kept", "told",
    "remembered", "shunned", "punished", "scapegoated", "written",
)
FORCING_VERBS = ("make", "force", "change", "fix", "control", "undo", "convince")

ALWAYS_REACHING_OUT = (
    "ask", "invite", "suggest", "offer", "propose", "encourage", "persuade", "urge", "explain",
    "reach", "request", "reconnect", "mediate", "negotiate", "beg", "plead",
)
REACHING_OUT_TO_SOMEONE = (
    "write", "talk", "speak", "tell", "send", "text", "texting", "email", "emailing", "call", "message",
    "messaging", "ring", "phone", "visit", "apologise", "apologize", "say", "share", "mention", "bring",
    "show", "give", "gift", "post", "thank", "forward", "contact",
)
REACTIONS = ("react", "respond", "take", "handle", "receive", "feel", "read", "treat", "see", "hear",
             "look")
HEARING = ("hear", "see", "find", "learn", "view", "think", "talk", "speak", "know")
TONE_WORDS = ("tone", "mood", "atmosphere", "vibe", "vibes", "temperature")
GATHERINGS = ("conversation", "conversations", "talk", "call", "meeting", "visit", "dinner", "lunch",
              "coffee", "chat", "phone", "christmas", "thanksgiving", "reunion", "wedding", "holidays",
              "day", "evening", "weekend")
OWN_CHOICE_OPENERS = ("whether", "if", "how", "what", "when", "where", "which", "who")
HOW_MUCH = ("long", "much", "often", "far", "many", "soon")
SELF_CARE = (
    "therapy", "therapist", "counsellor", "counselor", "counselling", "counseling", "journal", "journaling",
    "journalling", "meditation", "meditate", "exercise", "sleep", "rest", "hobbies", "hobby", "yoga", "gym",
    "selfcare", "self-care", "walk", "walks", "support", "healing", "wellbeing", "routine", "diet",
)
OWN_THINGS = ("reply", "response", "words", "reaction", "reactions", "choice", "choices", "decision",
              "decisions", "behaviour", "behavior", "part", "apology", "letter", "message", "life",
              "time", "energy", "money", "home", "plans", "values", "side")
NOT_OWN_VERBS = frozenset(
    "be am is are was were have has had do does did will would can could may might should must shall "
    "not never feel think know love miss want need hope wish worry fear wonder hate regret see hear lose "
    "get got wish keep care doubt guess suppose believe mean".split()
) | frozenset(ALWAYS_REACHING_OUT) | frozenset(REACHING_OUT_TO_SOMEONE)
# Words ending in "-ing" that are not something a person is doing. Unknown "-ing" words
# ("badmouthing", "ghosting") are read as doing, since the lookup tables do not know them.
NOT_GERUNDS = frozenset(
    "thing things something nothing anything everything morning mornings evening evenings wedding weddings "
    "sibling siblings ring rings king during spring ceiling feeling feelings bring string building "
    "christening meaning painting clothing darling pudding offspring upbringing belongings earnings savings "
    "wellbeing sing swing sting cling fling wing wings".split()
)
CLAUSE_BREAKERS = frozenset(
    "if when because but and so since before after while or until unless though although cause cos".split()
) | frozenset(",.;:!?")
# An echo ends at the first of these: "how i respond | if she calls", "to keep his room | as it is".
# "after" and "before" are left out because they are prepositions as often ("how i look after myself").
ECHO_ENDS = (CLAUSE_BREAKERS - {"after", "before", "since", "until"}) | {"as"}
NAME_STOPLIST = frozenset(
    "I Im Mom Mum Dad Christmas Xmas Thanksgiving Easter Eid Diwali Hanukkah Facebook Instagram WhatsApp "
    "Whatsapp Snapchat Tiktok TikTok Twitter Sunday Monday Tuesday Wednesday Thursday Friday Saturday "
    "January February March April May June July August September October November December God Mother "
    "Father Mothers Fathers Day Ok OK".split()
)

# Priorities for cues that start at the same token: the more specific reading wins.
SPECIFIC = 100
FRAMING_OF_OTHERS = 90
OTHER_PERSON = 80
OUTCOME_WITH_PERSON = 75
REACHING_OUT = 70
OWN_CHOICE = 60
HEAD = 30
WEAK = 20

# Cue kinds that only count at the very start of the core: a gerund or a person at the head
# of a fragment says what the fragment is about; in the middle it says nothing.
HEAD_ONLY_KINDS = frozenset({"control.own_action@head", "concern.someone_else@head"})


@dataclass(frozen=True)
class Cue:
    """One matched rule: its kind (``circle.family``), where it starts, and how specific it is."""

    kind: str
    start: int
    end: int
    priority: int

    @property
    def circle(self) -> str:
        """The circle this cue points to (the part of the kind before the dot)."""
        return self.kind.split(".", 1)[0]

    @property
    def family(self) -> str:
        """The kind without its position marker, as used for reasons and evaluation."""
        return self.kind.split("@", 1)[0]


@dataclass(frozen=True)
class Reading:
    """What the rules found in one worry."""

    doc: Doc
    core_start: int
    cue: Cue           # the cue that explains the decision (its circle is the suggestion)
    other_person: str  # "she", "he" or "they" (also when nobody is named)
    echo: str | None   # a short part of the worry turned to "you/your", or None


# --- Normalisation -----------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_CONTRACTIONS = (
    (r"\bwon'?t\b", "will not"),
    (r"\bcan'?t\b", "can not"),
    (r"\bcannot\b", "can not"),
    (r"\bain'?t\b", "is not"),
    (r"\b(do|does|did|is|are|was|were|would|should|could|has|have|had|must|need|might)n'?t\b", r"\1 not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'll\b", "i will"),
    # "ill" typed for "i'll" ("if ill ever see them"), but never "my mother is ill"
    (r"\bill(?=\s+(?:ever|never|be|see|get|have|go|call|write|feel|just|probably|still|always|not|try|make|"
     r"tell|ask|stop|keep|lose|regret|miss)\b)", "i will"),
    (r"\bi'd\b", "i would"),
    (r"\b(she|he|it|that|there|what|who|where)'s\b", r"\1 is"),
    (r"\b(she|he)s\b", r"\1 is"),
    (r"\b(what|where|who)s\b", r"\1 is"),
    (r"\b(you|they)'?re\b", r"\1 are"),
    (r"\bwe're\b", "we are"),
    (r"\b(you|she|he|we|they|it|that)'ll\b", r"\1 will"),
    (r"\b(you|they)ll\b", r"\1 will"),
    (r"\b(you|we|they|would|should|could|must|might)'?ve\b", r"\1 have"),
    (r"\b(you|she|he|we|they)'d\b", r"\1 would"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"&", " and "),
)


def normalise(text: str) -> str:
    """Return ``text`` with straight apostrophes, expanded contractions and collapsed spaces.

    Case is kept (names are found by their capital letter); callers lower-case for matching.
    """
    text = text.translate(_APOSTROPHES)
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip()


def _mostly_capitals(text: str) -> bool:
    """True for messages typed In Capitals Or ALL CAPS, where a capital letter says nothing."""
    words = re.findall(r"[A-Za-z]+", text)
    return bool(words) and sum(word[0].isupper() for word in words) > len(words) / 2


def _names(text: str) -> frozenset[str]:
    """Capitalised words that are probably people's names ("whether Emma calls").

    A capital at the start of a sentence says nothing, and neither does one in a message
    typed mostly in capitals, so both are ignored.
    """
    if _mostly_capitals(text):
        return frozenset()
    names = set()
    for match in re.finditer(r"(?<![.!?]\s)\b([A-Z][a-z]+)\b", text):
        if match.start() > 0 and match.group(1) not in NAME_STOPLIST:
            names.add(match.group(1).lower())
    return frozenset(names)


# --- Token attributes used by the patterns ------------------------------------------------

def _is_person(token: Token) -> bool:
    if token.lower_ in PEOPLE or token.lower_ in token.doc.user_data.get("circles_names", ()):
        return True
    # "in-laws" is tokenised "in - laws".
    return token.lower_ in ("law", "laws") and token.i > 0 and token.doc[token.i - 1].text == "-"


def _is_gerund(token: Token) -> bool:
    text = token.lower_
    return text.endswith("ing") and len(text) > 4 and token.is_alpha and text not in NOT_GERUNDS


def _is_past(token: Token) -> bool:
    text = token.lower_
    if text in PAST_FORMS:
        return True
    return text.endswith("ed") and token.lemma_.lower() != text


def _is_own_verb(token: Token) -> bool:
    """A word after "i" that names something the person does (not a feeling, aux or outcome)."""
    return (
        token.is_alpha and not _is_past(token) and token.lower_ not in NOT_OWN_VERBS
        and token.lemma_.lower() not in NOT_OWN_VERBS and token.lower_ not in PEOPLE
    )


for _name, _getter in (
    ("circles_person", _is_person),
    ("circles_gerund", _is_gerund),
    ("circles_past", _is_past),
    ("circles_own_verb", _is_own_verb),
):
    Token.set_extension(_name, getter=_getter, force=True)


# --- Pattern helpers ----------------------------------------------------------------------

def _words(*words: str, op: str | None = None) -> dict:
    token: dict = {"LOWER": {"IN": list(words)}}
    if op:
        token["OP"] = op
    return token


def _lemmas(*lemmas: str, op: str | None = None) -> dict:
    token: dict = {"LEMMA": {"IN": list(lemmas)}}
    if op:
        token["OP"] = op
    return token


def _word(word: str, op: str | None = None) -> dict:
    token: dict = {"LOWER": word}
    if op:
        token["OP"] = op
    return token


_PERSON = {"_": {"circles_person": True}}
_GERUND = {"_": {"circles_gerund": True}}
_PAST = {"_": {"circles_past": True}}
_NOT_PAST = {"_": {"circles_past": False}, "IS_ALPHA": True}
# What follows "whether i": a choice ("write", "go"), not a feeling that happens to me ("regret").
_CHOSEN = {**_NOT_PAST, "LEMMA": {"NOT_IN": ["regret", "miss", "hate", "lose", "feel", "die", "will", "would",
                                             "can", "could", "shall", "may", "might", "must"]},
           "LOWER": {"NOT_IN": list(TIME_AND_HEALTH)}}
_ADVERBS = _words(*ADVERBS, op="*")
_I = _word("i")


def _person_forms(*, pronouns: tuple[str, ...]) -> list[list[dict]]:
    """Token sequences naming another person: one of ``pronouns``, or "my (older) sister", "Emma"."""
    noun_phrase = [
        _words(*DETERMINERS, op="?"),
        _words(*PERSON_MODIFIERS, op="*"),
        _PERSON,
    ]
    return [[_words(*pronouns)], noun_phrase] if pronouns else [noun_phrase]


def _with_person(before: list[dict], after: list[dict], *, pronouns: tuple[str, ...]) -> list[list[dict]]:
    return [before + person + after for person in _person_forms(pronouns=pronouns)]


_SOMEONE = SUBJECT_PRONOUNS + OBJECT_PRONOUNS
# Words allowed between "writing" and "to my daughter"; "from/about/by" would make the person a topic.
_NOT_BETWEEN_VERB_AND_PERSON = sorted(CLAUSE_BREAKERS | {"from", "about", "by", "of", "without", "at"})
_FILLER_UP_TO_THREE = [{"IS_ALPHA": True, "LOWER": {"NOT_IN": _NOT_BETWEEN_VERB_AND_PERSON}, "OP": "?"}] * 3


# --- The rules ----------------------------------------------------------------------------
# Each rule: (kind, priority, patterns). Kinds are "circle.family", with "@head" when the rule
# only counts at the start of the core.

def _frame_patterns() -> list[list[dict]]:
    link = _words(*FRAME_LINKS, op="?")
    return [
        # "i'm so worried that", "im terrified about", "i feel guilty about"
        [_I, _words("am", "feel", "get", "was", "been", "keep", "getting", op="?"), _ADVERBS,
         _words(*FEELINGS), link],
        # "i worry that", "i keep wondering", "i can't stop thinking about", "i wonder"
        [_I, _ADVERBS, _words("keep", "can", "cannot", "could", op="?"), _words("not", op="?"),
         _words("stop", "help", "quit", op="?"), _ADVERBS, _words(*THINKING), link],
        [_I, _ADVERBS, _lemmas(*WORRY_VERBS), link],
        # "i don't know", "i do not know" (the "whether/what" after it stays: it matters)
        [_I, _words("do", "did"), _word("not"), _ADVERBS, _lemmas("know", "understand")],
        # "i want to", "i need to know", "i'd like to", "i have to"
        [_I, _ADVERBS, _words("want", "need", "have", "ought", "would", "wanna"), _word("like", op="?"),
         _word("to"), _words("know", "find", "understand", op="?"), _word("out", op="?")],
        # "i want", "i need" (followed by what is wanted: "i want my daughter back")
        [_I, _ADVERBS, _words("want", "need", "wish"), _word("for", op="?")],
        # "not knowing", "wondering", "worrying about", "waiting for"
        [_word("not", op="?"), _words(*THINKING), _words(*FRAME_LINKS, "for", op="?")],
        # "the fear that", "the fact that", "my worry is that"
        [_words("the", "my", "this", op="?"), _words(*WORRY_NOUNS), _words("is", op="?"), link],
        # "worried about", "scared that"
        [_ADVERBS, _words(*FEELINGS), link],
        # "what if"
        [_word("what"), _word("if")],
        # "it hurts that", "it breaks my heart that", "it scares me"
        [_words("it", "this"), _ADVERBS,
         _lemmas("hurt", "kill", "scare", "bother", "upset", "break", "eat", "haunt", "worry", "terrify"),
         _words("me", "my", op="?"), _words("heart", "up", op="?"), _words("that", "when", op="?")],
        # fillers that open a worry: "and", "also", "that", "about"
        [_words(*FILLERS)],
    ]


def _concern_rules() -> list[tuple[str, int, list[list[dict]]]]:
    whether = _words("whether", "if", "when", "will", "would", "does", "do", "did", "is", "are", "has",
                     "can", "could", "might", "may")
    return [
        ("concern.outcome", SPECIFIC, [
            # "whether i'll ever see my grandchildren", "if i will still get to hold her"
            [_words("whether", "if", "when"), _I, _words("will", "would", "can", "could", "might", "may",
                                                          "am", op="?"),
             _words("going", op="?"), _words("to", op="?"), _ADVERBS, _words("get", op="?"),
             _words("to", op="?"), _lemmas(*OUTCOME_VERBS)],
            # "i'll never see them again", "that i won't get to say goodbye"
            [_I, _words("will", "would", "may", "might", "could", "can", "do", op="?"), _ADVERBS,
             _words("never", "not"), _ADVERBS, _lemmas(*NEVER_OUTCOME_VERBS)],
            [_I, _words("will", "would", "may", "might", "could", "can", "do", op="?"), _ADVERBS,
             _words("never", "not"), _ADVERBS, _word("get"), _word("to")],
            # "if i'll ever feel at peace", "whether i will ever have a family"
            [_words("whether", "if"), _I, _words("will", "would", "can", "could", op="?"), _word("ever"),
             _lemmas("feel", "be", "have", "get", "stop", "heal", "recover", "find", "trust")],
            # "will i ever see them", "am i ever going to"
            [_words("will", "would", "can", "am"), _I, _word("ever")],
            # "getting my daughter back", "get those years back"
            [_lemmas("get", "have", "want"), _words(*DETERMINERS, op="?"),
             {"IS_ALPHA": True, "OP": "?"}, {"IS_ALPHA": True, "OP": "?"}, _word("back")],
        ]),
        ("concern.outcome", OUTCOME_WITH_PERSON, [
            # "seeing my grandkids again", "hearing from him", "losing my son"
            *[
                [_lemmas(*OUTCOME_VERBS), _words("from", "with", op="?"), *person]
                for person in _person_forms(pronouns=OBJECT_PRONOUNS)
            ],
        ]),
        ("concern.others_decide", SPECIFIC, [
            # "whether i get invited", "if i am welcome at the wedding"
            [_words("whether", "if", "when"), _I, _words("will", "would", "can", "could", "might", op="?"),
             _ADVERBS, _words("get", "be", "am", "was", "are", "been"), _ADVERBS, _words(*DECIDED_BY_OTHERS)],
            # "being cut off", "not being invited", "if i'm welcome"
            [_word("not", op="?"),
             _words("being", "be", "been", "get", "getting", "got", "am", "was", "are", "were"), _ADVERBS,
             _words(*DECIDED_BY_OTHERS), _words("off", "out", "from", "of", op="?")],
        ]),
        ("concern.beyond_reach", SPECIFIC, [
            # "i can't make them understand", "no way to change her mind"
            [_I, _words("can", "could"), _word("not"), _ADVERBS, _lemmas(*FORCING_VERBS)],
            *_with_person([_I, _words("can", "could"), _word("not"), _ADVERBS, _lemmas("get")], [_word("to")],
                          pronouns=OBJECT_PRONOUNS),
            *_with_person([_lemmas("make", "force", "making", "forcing")], [], pronouns=OBJECT_PRONOUNS),
        ]),
        ("concern.past", SPECIFIC, [
            [_words(*PAST_WORDS)],
            [_word("the"), _word("past")],
            [_words("back", "too"), _words("then", "late")],
            [_words("used", "should", "could", "would"), _words("to", "have")],
            [_words("when", "while"), _I, _words("was", "were"), _words("a", "little", "young", "growing",
                                                                        "small", "younger", op="?")],
            [_words("growing"), _word("up")],
            # "i said things i regret", "what i did", "the things i said", "how i reacted"
            [_words("what", "how", "the", "things", "stuff", "way", "words", "everything", "all", op="*"),
             _I, _ADVERBS, _PAST],
        ]),
        ("concern.missing", SPECIFIC, [
            [_I, _ADVERBS, _words("miss", "missing")],
            [_word("missing"), _PERSON],
        ]),
        ("concern.time_and_health", SPECIFIC, [
            # "if i die before we make up", "when i am gone", "whether i get sick"
            *[
                [_words("whether", "if", "when", "before"), _I,
                 _words("will", "would", "might", "may", op="?"), _ADVERBS,
                 _words("get", "am", "be", "become", "fall", "go", op="?"), health_or_time]
                for health_or_time in (_words(*TIME_AND_HEALTH), _lemmas("die"))
            ],
            [_words(*TIME_AND_HEALTH)],
            [_words("running", "run", "runs"), _word("out")],
            [_word("time"), _words("is", "left", "running", "passing", "slipping", "goes", "going")],
        ]),
        # "my funeral" is about time, but "whether he'll come to my funeral" is best explained as his
        # choice, so this kind is left out of the reason upgrades below.
        ("concern.time_and_health@event", SPECIFIC, [[_words("funeral", "funerals", "memorial")]]),
        ("concern.whether_other", OTHER_PERSON, [
            *_with_person([whether], [], pronouns=SUBJECT_PRONOUNS),
        ]),
        ("concern.what_other", OTHER_PERSON, [
            *_with_person([_words("what", "why", "how", "who")], [], pronouns=SUBJECT_PRONOUNS),
        ]),
        ("concern.other_person", OTHER_PERSON, [
            # "she unfollowed me", "they keep sending messages", "he blocked my number"
            [_words(*SUBJECT_PRONOUNS), {"IS_ALPHA": True}],
            # "my son won't...", "his wife keeps him away", "my brother thinks"
            *_with_person([], [_words("will", "would", "may", "might", "not", "never", "does", "did", "keeps",
                                      "refuses", "wants", "thinks", "says", "hates", "blames", "is", "was",
                                      "has", "had", "can", "could", "should", "got", "blocked", "stopped",
                                      "cut", "left", "said", "told", "turned", "always", "still")],
                          pronouns=()),
        ]),
        ("concern.someone_else@head", HEAD, [
            # a fragment naming someone: "my grandkids", "his new wife", "her silence"
            *_with_person([], [], pronouns=SUBJECT_PRONOUNS + OBJECT_PRONOUNS),
            [_words(*POSSESSIVE_DETERMINERS)],
        ]),
    ]


def _influence_rules() -> list[tuple[str, int, list[list[dict]]]]:
    when_i = [{"OP": "*", "IS_PUNCT": False}, _words("when", "if", "after", "once", "before"), _I]
    return [
        ("influence.how_others_take_it", FRAMING_OF_OTHERS, [
            # "how my son reacts when i bring up the past"
            *_with_person([_word("how")], [_ADVERBS, _lemmas(*REACTIONS), *when_i],
                          pronouns=SUBJECT_PRONOUNS),
            *_with_person([_word("how")], [_ADVERBS, _lemmas(*REACTIONS), _words("to", "about"),
                                           _words("me", "my")], pronouns=SUBJECT_PRONOUNS),
            # "how the family hears about it", "how my relatives see me"
            [_word("how"), _words(*DETERMINERS, op="?"), _words(*PERSON_MODIFIERS, op="*"),
             _words(*GROUPS_SHAPED_BY_MY_CONDUCT), _words(*PERSON_MODIFIERS, op="*"), _lemmas(*HEARING)],
            # "how my mum hears about the wedding", "how she finds out"
            *_with_person([_word("how")], [_ADVERBS, _lemmas("hear", "find", "learn"),
                                           _words("about", "out", "of")], pronouns=SUBJECT_PRONOUNS),
            # "how she takes it when i write"
            *_with_person([_word("how")], [_lemmas("take"), _words("it", "this", "that", "the"), *when_i],
                          pronouns=SUBJECT_PRONOUNS),
        ]),
        ("influence.tone", FRAMING_OF_OTHERS, [
            [_words(*TONE_WORDS)],
            [_word("how"), _words("the", "our", "this", "that", "a", "any", op="?"),
             _words("next", "first", "family", op="?"), _words(*GATHERINGS),
             _lemmas("go", "turn", "end", "feel")],
        ]),
        ("influence.reaching_out", REACHING_OUT, [
            # "asking my sister", "inviting him to coffee", "suggesting we meet", "reaching out"
            [_word("not", op="?"), _lemmas(*ALWAYS_REACHING_OUT)],
            # "writing to my daughter", "emailing him", "telling my family", "sending my grandson a gift"
            *[
                [_lemmas(*REACHING_OUT_TO_SOMEONE), *_FILLER_UP_TO_THREE, _words("to", "with", "for", op="?"),
                 *person]
                for person in _person_forms(pronouns=OBJECT_PRONOUNS)
            ],
            # "getting my brother to stop", "letting her know"
            *_with_person([_lemmas("get", "let", "help")], [_words("to", "know")], pronouns=OBJECT_PRONOUNS),
        ]),
    ]


def _control_rules() -> list[tuple[str, int, list[list[dict]]]]:
    return [
        ("control.own_choice", OWN_CHOICE, [
            # "whether i write to her", "how i spend sunday", "how long i stay", "what i say"
            [_words(*OWN_CHOICE_OPENERS), _words(*HOW_MUCH, op="?"), _I, _ADVERBS,
             _words("should", "could", "can", "will", "would", "do", "am", "want", "need", op="?"),
             _ADVERBS, _CHOSEN],
            # "whether to go", "what to write", "how to respond"
            [_words(*OWN_CHOICE_OPENERS), _words("or", "not", op="?"), _word("to")],
            # "should i go to the wedding"
            [_words("should", "shall", "do", "can", "could", "must"), _I],
            # "the way i talk about them", "the boundaries i keep"
            [_word("the"), _words("way", "ways", "boundaries", "boundary", "limits", "things"), _I,
             _NOT_PAST],
            # "deciding", "choosing"
            [_lemmas("decide", "choose", "deciding", "choosing")],
        ]),
        ("control.self_care", OWN_CHOICE, [
            [_lemmas("look", "take", "looking", "taking"), _words("after", "care"), _word("of", op="?"),
             _words("myself", "me", "my")],
            [_words(*SELF_CARE)],
            [_word("support"), _word("group")],
        ]),
        ("control.boundaries", OWN_CHOICE, [[_lemmas("boundary", "boundaries", "limit")]]),
        ("control.own_action", OWN_CHOICE, [
            # "i keep checking my phone", "i always ..."
            [_I, _words("keep", "always", "constantly"), _GERUND],
            # "my own therapy", "my own healing"
            [_word("my"), _word("own")],
        ]),
        ("control.own_action@head", HEAD, [
            # "blocking her number", "going no contact", "not replying to the group chat"
            [_words("not", "stop", "stopping", "start", "starting", op="?"), _GERUND],
        ]),
        ("control.own_action", WEAK, [
            # "i drink too much", "i spend every sunday alone"
            [_I, _ADVERBS, _words("should", "could", "can", "will", "would", "must", "might", op="?"),
             _ADVERBS, {"_": {"circles_own_verb": True}}],
            [_words("my", "our"), _words(*OWN_THINGS)],
        ]),
    ]


@lru_cache(maxsize=1)
def _matchers() -> tuple[Matcher, Matcher, dict[str, tuple[str, int]]]:
    """Build the frame matcher and the cue matcher once per process."""
    vocab = english().vocab
    frames = Matcher(vocab)
    frames.add("frame", _frame_patterns())
    cues = Matcher(vocab)
    rule_of_key: dict[str, tuple[str, int]] = {}
    for index, (kind, priority, patterns) in enumerate(
        _concern_rules() + _influence_rules() + _control_rules()
    ):
        key = f"{kind}#{index}"
        cues.add(key, patterns)
        rule_of_key[key] = (kind, priority)
    return frames, cues, rule_of_key


# --- Reading a worry ----------------------------------------------------------------------

def _core_start(doc: Doc, frames: Matcher) -> tuple[int, bool]:
    """Skip leading frames; say where the core starts and whether the last frame ended in "to"."""
    frame_ends: dict[int, int] = {}
    for _, start, end in frames(doc):
        frame_ends[start] = max(end, frame_ends.get(start, start))
    position, after_to = 0, False
    while position in frame_ends:
        end = frame_ends[position]
        after_to = doc[end - 1].lower_ == "to"
        position = end
    return position, after_to


def _cues(doc: Doc, core_start: int, after_to: bool) -> list[Cue]:
    _, matcher, rule_of_key = _matchers()
    found = []
    for match_id, start, end in matcher(doc):
        kind, priority = rule_of_key[doc.vocab.strings[match_id]]
        if start < core_start or (kind in HEAD_ONLY_KINDS and start != core_start):
            continue
        found.append(Cue(kind, start, end, priority))
    # "i need to stop checking his facebook": after "i want to/i need to", the core opens on
    # something the person would do themselves.
    if after_to and core_start < len(doc) and doc[core_start].is_alpha:
        found.append(Cue("control.own_action@head", core_start, core_start + 1, HEAD))
    return found


def _decisive(cues: list[Cue]) -> Cue | None:
    """The earliest cue; among cues starting together, the most specific, then the longest."""
    if not cues:
        return None
    return min(cues, key=lambda cue: (cue.start, -cue.priority, -(cue.end - cue.start)))


# A bare head cue is explained better by a later, more telling cue of the same circle:
# "my dad getting older" is decided by "my dad" and best explained by "older".
# Likewise "if my dad dies" is about health and time, not about a choice of his.
_REASON_UPGRADES = {
    "concern.someone_else": ("concern.time_and_health", "concern.missing"),
    "concern.other_person": ("concern.time_and_health",),
    "concern.whether_other": ("concern.time_and_health",),
    "concern.what_other": ("concern.time_and_health",),
    "control.own_action": ("control.self_care", "control.boundaries"),
}


def _most_telling(decisive: Cue, cues: list[Cue]) -> Cue:
    """The cue whose reason explains the decision best (the decisive one unless upgraded)."""
    upgrades = _REASON_UPGRADES.get(decisive.family, ())
    better = [cue for cue in cues if cue.kind in upgrades and cue.start > decisive.start]
    return min(better, key=lambda cue: cue.start) if better else decisive


def _without_cue(doc: Doc, core_start: int) -> Cue:
    """The cue when no rule fired: see the module docstring for why concern is the fallback."""
    core = doc[core_start:]
    if any(token._.circles_person or token.lower_ in SUBJECT_PRONOUNS + OBJECT_PRONOUNS for token in core):
        return Cue("concern.someone_else@anywhere", core_start, len(doc), WEAK)
    if any(token.lower_ in ("i", "my", "myself") for token in core):
        return Cue("control.own_action@anywhere", core_start, len(doc), WEAK)
    return Cue("concern.fallback", core_start, len(doc), WEAK)


def _pronoun_of(token: Token) -> str | None:
    text = token.lower_
    if text in ("she", "her", "hers", "herself") or text in FEMALE_PEOPLE:
        return "she"
    if text in ("he", "him", "his", "himself") or text in MALE_PEOPLE:
        return "he"
    if text in ("they", "them", "their", "theirs") or token._.circles_person:
        return "they"
    return None


def _other_person(doc: Doc, start: int) -> str:
    """The pronoun for the first other person named from ``start`` on ("they" when nobody is).

    "my son's wife" is the wife: a possessive hands the role on to the person it names.
    """
    for token in doc[start:]:
        pronoun = _pronoun_of(token)
        if pronoun is None:
            continue
        following = doc[token.i + 1:token.i + 4]
        if len(following) > 1 and following[0].lower_ in ("'s", "'"):
            owned = [_pronoun_of(later) for later in following[1:] if later._.circles_person]
            if owned:
                return owned[0] or pronoun
        return pronoun
    return "they"


_TO_SECOND_PERSON = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
                     "am": "are", "was": "were"}
_MAX_ECHO_TOKENS = 8


def _echo(doc: Doc, cue: Cue) -> str | None:
    """Repeat the opening clause of the worry back, turned to "you/your", when it reads well.

    Only openings that make a natural subject are echoed: "whether/what/how ..." clauses,
    "the way i ..." and gerunds ("inviting him to coffee"), but not "getting him to ...",
    which would promise more than anyone can do. "if she calls" becomes "whether she calls".
    """
    first = doc[cue.start]
    opens_clause = first.lower_ in ("whether", "if", "what", "how", "why", "when", "where", "who")
    opens_way = first.lower_ == "the" and cue.start + 1 < len(doc) and doc[cue.start + 1].lower_ == "way"
    opens_doing = first._.circles_gerund and first.lemma_ not in ("get", "let", "help", "make")
    if not (opens_clause or opens_way or opens_doing):
        return None
    end = cue.start + 1
    while end < len(doc) and doc[end].lower_ not in ECHO_ENDS and _echoable(doc[end]):
        end += 1
    span: Span = doc[cue.start:end]
    if not 2 <= len(span) <= _MAX_ECHO_TOKENS:
        return None
    phrase = "".join(_second_person(token) + token.whitespace_ for token in span).strip()
    if first.lower_ == "if":
        phrase = "whether" + phrase[2:]
    return phrase[0].upper() + phrase[1:]


def _echoable(token: Token) -> bool:
    """Words, numbers and the apostrophes inside "my son's" can be said back; emoji and brackets cannot."""
    return token.is_alpha or token.like_num or token.text in ("'s", "'", "-")


def _second_person(token: Token) -> str:
    """The token as the bot says it back: "i/my/am" become "you/your/are", other words keep their case."""
    text = token.lower_
    after_i = token.i > 0 and token.doc[token.i - 1].lower_ == "i"
    if text in _TO_SECOND_PERSON and (text not in ("am", "was") or after_i):
        return _TO_SECOND_PERSON[text]
    original = token.doc.user_data.get("circles_original", "")
    # The doc was built from the lower-cased text; the original keeps "Sunday" and "Emma".
    if len(original) == len(token.doc.text):
        return original[token.idx:token.idx + len(token.text)]
    return token.text


def read_worry(text: str) -> Reading:
    """Read one worry: skip its frames, find the deciding cue, the other person, and an echo."""
    normalised = normalise(text)
    doc = analyse(normalised.lower())
    doc.user_data["circles_names"] = _names(normalised)
    # Echoes keep the person's capitals ("Sunday", "Emma") unless the whole message shouts.
    doc.user_data["circles_original"] = normalised.lower() if _mostly_capitals(normalised) else normalised
    frames, _, _ = _matchers()
    core_start, after_to = _core_start(doc, frames)
    cues = _cues(doc, core_start, after_to)
    decisive = _decisive(cues) or _without_cue(doc, core_start)
    telling = _most_telling(decisive, cues)
    echo = _echo(doc, decisive) if telling is decisive and decisive.start < len(doc) else None
    return Reading(doc, core_start, telling, _other_person(doc, decisive.start), echo)
