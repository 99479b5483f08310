"""Crisis risk detection: does this message say someone may be in danger right now?

``detect_risk`` runs on every message before anything else, so it is built to miss nothing
that the rules describe and to stay quiet in everyday estrangement talk. It reads the text
with the shared spaCy pipeline (``bot.language``) after ``normalise`` has rewritten slang
and misspellings, runs spaCy ``Matcher`` patterns compiled from the rules in ``patterns.py``,
and keeps a match only if the rule's checks pass. For speed, the patterns are grouped by an
anchor word each needs, and a sentence is lemmatised and matched only against the groups
whose anchor words it contains; a message of everyday talk usually costs only tokenising.

Decisions, so that the behaviour is predictable:

- **Whose risk.** A report about someone else ("my son says he wants to kill himself",
  "my dad hits my little sister") is risk too, with ``about_someone_else=True``. Someone
  hurting or threatening the person writing is ``abuse``; the person writing intending to
  hurt someone is ``violence``; someone else threatening a third adult is ``violence``
  about someone else; someone else hurting a child or a parent/grandparent is ``abuse``
  about someone else. When a message holds several risks, the writer's own comes first,
  then suicide, self-harm, abuse, violence.
- **Negation.** "I'm not suicidal", "I would never hurt myself" are not risk. Phrases whose
  meaning *is* a negation ("I don't want to live anymore", "I'm not sure I want to live")
  are risk.
- **Past and present.** Abuse, self-harm and suicide statements placed in the distant past
  ("years ago my father hit us", "I used to cut myself as a teenager", "my mum was abusive
  when I was little") are not current risk, unless the message brings them back into the
  present ("still", "again", "last night", "lately"). For suicide, any such word anywhere
  in the message counts, so a past attempt mentioned with current ideation is risk. A
  summary like "he abused me" with no time is read as history, but an event like "he hit
  me" with no time is read as recent. Past emotional harm ("I was emotionally neglected",
  "he abused my trust") is never matched.
- **Deaths.** A report that someone died by suicide ("my uncle took his own life", "died by
  suicide years ago") is grief, not acute risk, and is not matched; an attempt ("my son
  tried to kill himself") is.
- **Idioms.** "this silence is killing me", "she's dead to me", "I cut him off", "I could
  kill for a coffee", "hurt her feelings", "my wife will kill me when she finds out" do not
  match. "I could strangle him" / "I could kill him" do, as violence: the product errs
  towards asking "are you safe?".
- **Texting style.** Case, punctuation, missing apostrophes, slang ("kms", "unalive",
  "sh" for self-harm), common misspellings and digits for letters are normalised first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from spacy.lookups import Table
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from bot.language import english
from bot.safety.normalise import normalise
from bot.safety.patterns import (
    DEPENDANT_WORDS,
    DISTANT_PAST,
    OTHER_PRONOUNS,
    PERSON_WORDS,
    RECENT,
    RESOLVED,
    RULES,
    SECOND_PERSON,
    WORD_SETS,
    Rule,
)

CATEGORIES: tuple[str, ...] = ("suicide", "self_harm", "abuse", "violence")


@dataclass(frozen=True)
class Risk:
    """A risk found in a message. ``rule`` names the rule that fired, never the message text."""

    category: str
    layer: str
    rule: str
    about_someone_else: bool
    # The writer may be a child or a teenager (bot.safety.young): lines for young people first.
    young: bool = False


_PLACEHOLDERS = {
    "{AGENT}": ("$AGENT", "@name"),
    "{TARGET}": (
        "$PRONOUN_TARGET",
        "$DET? $ADJ? $ADJ? $PERSON",
        "$DET? @name",
        "$DET? $ADJ? $PERSON 's $ADJ? $ADJ? $PERSON",
    ),
}
_NEGATORS = frozenset({"not", "n't", "never", "no"})
# Words that may stand between a negation and what it negates: "not *really going to* kill myself".
_TRANSPARENT = frozenset(
    """i 'm am be being been 'd would will 'll going gon na to that really even ever actually honestly feel
    feeling
    felt have having think thinking do just so at all currently anymore of any thoughts thought about
    planning plans intention intentions urge urges considering""".split()
)
_SELF_SUBJECTS = frozenset({"i", "me", "we", "us", "myself"})
_POSSESSIVES = frozenset({"my", "our", "his", "their", "your"})
_GENDER_OF = {
    **dict.fromkeys(
        """he him son dad father daddy stepdad stepfather husband boyfriend brother uncle nephew grandson
        grandad granddad grandfather grandpa man guy boy""".split(),
        "male",
    ),
    **dict.fromkeys(
        """she daughter mum mom mam mother mummy mommy stepmum stepmom stepmother wife girlfriend sister
        aunt auntie niece granddaughter grandma grandmother nan nana gran granny woman girl""".split(),
        "female",
    ),
}
_REPORTING_VERBS = frozenset(
    """say tell text write post mention talk think admit confess scream shout message keep tweet warn threaten
    claim insist worry fear""".split()
)
# Words skipped when looking back for whoever a statement is about: "my son *has been really* suicidal".
_SKIPPED_LOOKING_BACK = frozenset(
    """is 's are 're am 'm was were be been being has have 've had 'd do does did n't not really just so
    very also
    always often still now sometimes honestly literally actually seriously genuinely probably even feeling
    feels
    feel felt seems seem seemed getting gets get becoming become that will 'll would could might may can ca wo
    keeps kept""".split()
)
_DEATH_FORMS = frozenset(
    {
        "killed",
        "took",
        "ended",
        "hanged",
        "hung",
        "shot",
        "drowned",
        "committed",
        "gassed",
        "poisoned",
        "jumped",
    }
)
_ATTEMPT_WORDS = re.compile(
    r"\b(tried|tries|trying|attempt\w*|almost|nearly|threaten\w*|wants?|wanted|going|planning|plans|thinking|"
    r"talking|talks|says|said|told|keeps)\b"
)
_DISTANT_PAST = re.compile(DISTANT_PAST)
_RECENT = re.compile(RECENT)
_RESOLVED = re.compile(RESOLVED)
_CATEGORY_ORDER = {category: position for position, category in enumerate(CATEGORIES)}
# Capitalised words that are not people's names, so "Christmas" never becomes someone who hurts.
_NOT_NAMES = frozenset(
    """i i'm i've i'd i'll mum mom dad christmas easter thanksgiving god monday tuesday wednesday thursday
    friday
    saturday sunday january february march april may june july august september october november december
    facebook whatsapp instagram tiktok twitter samaritans english british american irish lifeline ok okay
    the he she they it my we you and but so if when what why how this that""".split()
)
# Names are marked through the token's NORM, which spaCy matches natively; a custom ``._``
# attribute would make every Matcher call walk the whole message in Python.
_NAME_NORM = "<person-name>"
# Where a new sentence starts; spaCy's sentencizer refines the split inside each piece.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WINDOW_WORDS = 25
_WINDOW_OVERLAP = 15
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)(?<![.!?])\b([A-Z][a-z]+)\b")


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    exclude_before: re.Pattern[str] | None
    exclude_after: re.Pattern[str] | None
    exclude_in_sentence: re.Pattern[str] | None
    needs_in_message: re.Pattern[str] | None


def _token_alternatives(item: str) -> list[dict]:
    """Turn one item of the pattern language (see ``patterns.py``) into Matcher token patterns.

    An item mixing lemma and text alternatives ("~want/ready") needs one token pattern per
    attribute, so the caller expands it into several Matcher patterns.
    """
    optional = item.endswith("?") and len(item) > 1
    if optional:
        item = item[:-1]
    if item == "_":
        tokens: list[dict] = [{"IS_PUNCT": False}]
    elif item == "@name":
        tokens = [{"NORM": _NAME_NORM}]
    else:
        values: dict[str, set[str]] = {"LOWER": set(), "LEMMA": set()}
        for alternative in item.split("/"):
            attribute = "LEMMA" if alternative.startswith("~") else "LOWER"
            alternative = alternative.lstrip("~")
            values[attribute] |= WORD_SETS[alternative[1:]] if alternative.startswith("$") else {alternative}
        tokens = [_exact_or_in(attribute, words) for attribute, words in values.items() if words]
    if optional:
        tokens = [{**token, "OP": "?"} for token in tokens]
    return tokens


def _exact_or_in(attribute: str, words: set[str]) -> dict:
    # A single word is checked natively by spaCy; "IN" runs a Python predicate on every token.
    return {attribute: next(iter(words))} if len(words) == 1 else {attribute: {"IN": sorted(words)}}


def _expand(pattern: str) -> list[list[dict]]:
    """Every Matcher pattern a pattern string stands for, with ``{AGENT}``/``{TARGET}`` expanded."""
    slots = [key for key in _PLACEHOLDERS if key in pattern]
    expanded = []
    for choice in product(*(_PLACEHOLDERS[slot] for slot in slots)):
        text = pattern
        for slot, replacement in zip(slots, choice, strict=True):
            text = text.replace(slot, replacement)
        expanded.extend(
            list(tokens) for tokens in product(*(_token_alternatives(item) for item in text.split()))
        )
    return expanded


def _compile(expression: str) -> re.Pattern[str] | None:
    return re.compile(expression) if expression else None


_Anchor = tuple[str, frozenset[str]]
# Word sets too large to decide whether a pattern could match ("he", "my", "really").
_TOO_LARGE_TO_ANCHOR = 40
# Words in nearly every sentence: a pattern anchored on them would be tried on every sentence.
_TOO_COMMON_TO_ANCHOR = frozenset(
    """i me my we us our you your he she they him her his them their it a an the to of in on at for with
    and or
    but so if that this be is 's are 're am 'm was were been being have has 've had 'd do does did not n't no
    never will 'll would could can ca wo just really all up out there here what when""".split()
)


def _anchor(token_patterns: list[dict]) -> _Anchor:
    """The required token with the fewest words: a sentence without one of them cannot match."""
    candidates = []
    for token in token_patterns:
        if token.get("OP") == "?":
            continue
        for attribute in ("LOWER", "LEMMA"):
            if attribute in token:
                value = token[attribute]
                words = frozenset(value["IN"]) if isinstance(value, dict) else frozenset({value})
                candidates.append((attribute, words))
    usable = [
        candidate
        for candidate in candidates
        if len(candidate[1]) <= _TOO_LARGE_TO_ANCHOR and not candidate[1] & _TOO_COMMON_TO_ANCHOR
    ]
    return min(usable or candidates, key=lambda candidate: len(candidate[1]))


@dataclass(frozen=True)
class _Matchers:
    """Small Matchers, each holding the patterns that share an anchor, and the index to pick them.

    The spaCy Matcher's cost grows with the number of patterns times the number of tokens, so
    one Matcher with every rule would take milliseconds per message. Instead each sentence
    is matched only against the few groups whose anchor words it contains.
    """

    groups: tuple[Matcher, ...]
    by_lower: dict[str, tuple[int, ...]]
    by_lemma: dict[str, tuple[int, ...]]
    rules: dict[str, _CompiledRule]
    lemma_lookup: Table

    def groups_for(self, doc: Doc) -> set[int]:
        """Groups whose anchor word occurs in ``doc``; needs only tokens, not lemmas.

        Lemmas come from the same lookup table the shared pipeline's lemmatizer uses, so a
        message is only lemmatised when at least one rule could match it.
        """
        found: set[int] = set()
        for token in doc:
            text = token.lower_
            found.update(self.by_lower.get(text, ()))
            found.update(self.by_lemma.get(self.lemma_lookup.get(text, text), ()))
        return found


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    """Build the Matchers once per process (a few seconds); every call afterwards reuses them."""
    vocab = english().vocab
    grouped: dict[_Anchor, dict[str, list[list[dict]]]] = {}
    rules: dict[str, _CompiledRule] = {}
    for rule in RULES:
        for pattern in rule.patterns:
            for token_patterns in _expand(pattern):
                grouped.setdefault(_anchor(token_patterns), {}).setdefault(rule.rule_id, []).append(
                    token_patterns
                )
        rules[rule.rule_id] = _CompiledRule(
            rule,
            _compile(rule.exclude_before),
            _compile(rule.exclude_after),
            _compile(rule.exclude_in_sentence),
            _compile(rule.needs_in_message),
        )
    groups = []
    by_lower: dict[str, list[int]] = {}
    by_lemma: dict[str, list[int]] = {}
    for index, ((attribute, words), patterns_by_rule) in enumerate(grouped.items()):
        matcher = Matcher(vocab)
        for rule_id, patterns in patterns_by_rule.items():
            matcher.add(rule_id, patterns)
        groups.append(matcher)
        index_for = by_lower if attribute == "LOWER" else by_lemma
        for word in words:
            index_for.setdefault(word, []).append(index)
    return _Matchers(
        tuple(groups),
        {word: tuple(indexes) for word, indexes in by_lower.items()},
        {word: tuple(indexes) for word, indexes in by_lemma.items()},
        rules,
        english().get_pipe("lemmatizer").lookups.get_table("lemma_lookup"),
    )


def _names(text: str) -> frozenset[str]:
    """Lower-case words written with a capital inside a sentence, taken as people's names."""
    return frozenset(word.lower() for word in _NAME.findall(text)) - _NOT_NAMES


def _is_person(token: Token) -> bool:
    return token.lower_ in OTHER_PRONOUNS or token.lower_ in PERSON_WORDS or token.norm_ == _NAME_NORM


def _is_negated(doc: Doc, start: int, sentence: Span) -> bool:
    """Whether a negation governs the match: "I'm *not* suicidal", "I would *never* kill myself"."""
    position = start - 1
    while position >= sentence.start and start - position <= 5:
        word = doc[position].lower_
        if word in _NEGATORS:
            following = doc[position + 1].lower_ if position + 1 < len(doc) else ""
            return following not in {"longer", "sure", "only", "one", "idea"}
        if word not in _TRANSPARENT:
            return False
        position -= 1
    return False


def _subject(doc: Doc, start: int, sentence: Span) -> str:
    """Who a statement is about, looking back from its start: "self", "other" or "you".

    "my son *has been* suicidal" is about the son; "she *told me* life isn't worth living" is
    about her; a statement with nobody before it is the writer's own.
    """
    position = start - 1
    while position >= sentence.start:
        token = doc[position]
        if token.is_punct:
            break
        if token.lower_ in _SKIPPED_LOOKING_BACK or token.lower_ in {"my", "our"}:
            position -= 1
            continue
        if token.lemma_ in _REPORTING_VERBS:
            # Skip the reporting verb and whoever was told ("told *me*"), then find the teller.
            position -= 1
            while position >= sentence.start and not doc[position].is_punct:
                teller = doc[position]
                if teller.lower_ in _SELF_SUBJECTS:
                    return "self"
                if _is_person(teller):
                    return "other"
                position -= 1
            return "self"
        if token.lower_ in _SELF_SUBJECTS:
            return "self"
        if token.lower_ in SECOND_PERSON:
            return "you"
        if _is_person(token):
            return "other"
        return "self"
    return "self"


def _doer(doc: Doc, start: int, sentence: Span) -> Token | None:
    """The nearest person before a match, taken as who does it; possessives are passed over.

    "*my husband* checks my phone" is done by the husband, "*I* took my phone to bed" by the
    writer; with nobody named before the match ("checks my phone every night") there is none.
    """
    for token in reversed(doc[sentence.start : start]):
        if token.lower_ in _POSSESSIVES:
            continue
        if token.lower_ in _SELF_SUBJECTS or token.lower_ in SECOND_PERSON or _is_person(token):
            return token
    return None


def _is_done_to_own_things(doer: Token | None, match: Span) -> bool:
    """Whether the doer handles their own things: "*I* check my phone", "*my son* checks *his* phone"."""
    if doer is None:
        return False
    if doer.lower_ in _SELF_SUBJECTS:
        return True  # the writer doing it is never someone controlling the writer
    owner = next((token.lower_ for token in match if token.lower_ in {"my", "his", "her", "their"}), None)
    gender = _GENDER_OF.get(doer.lower_)
    return (owner == "his" and gender == "male") or (owner == "her" and gender == "female")


def _person_in(tokens: Span) -> str | None:
    """Whose the last person word in a span is: "self", "other", "you" or None."""
    for token in reversed(tokens):
        if token.lower_ in {"me", "my", "myself", "us", "our", "ourselves", "i", "mine"}:
            return "self"
        if token.lower_ in SECOND_PERSON:
            return "you"
        if _is_person(token):
            return "other"
    return None


def _harm(rule: Rule, match: Span) -> tuple[str, bool] | None:
    """Category and whose risk for harm between people, from who acts and who is hurt."""
    agent = match[0]
    if rule.who == "passive":
        return "abuse", agent.lower_ not in _SELF_SUBJECTS
    target = _person_in(match[1:])
    if agent.lower_ in _SELF_SUBJECTS:
        if target in {None, "self"}:
            return None
        return "violence", False
    if target in {None, "self"}:
        return "abuse", False
    if rule.rule_id in {"harm.intent", "harm.could"} or rule.rule_id.startswith("harm.threatens"):
        hurt_person = match[-1].lower_
        before = match[-2].lower_ if len(match) > 1 else ""
        dependant = hurt_person in DEPENDANT_WORDS or before in {"little", "baby", "younger"}
        return ("abuse" if dependant else "violence"), True
    return "abuse", True


def _is_resolved_past(
    sentence_text: str, message_is_recent: bool, category: str, message_says_resolved: bool
) -> bool:
    if not _DISTANT_PAST.search(sentence_text):
        return False
    if message_says_resolved:
        return True
    if category == "suicide":
        return not message_is_recent
    return not _RECENT.search(sentence_text)


def _is_death_report(match: Span, sentence_before: str) -> bool:
    return any(token.lower_ in _DEATH_FORMS for token in match) and not _ATTEMPT_WORDS.search(sentence_before)


@dataclass(frozen=True)
class _MessageContext:
    """Facts about the whole message that every match check shares."""

    text: str
    is_recent: bool
    says_resolved: bool
    names: frozenset[str]


def _check(compiled: _CompiledRule, doc: Doc, start: int, end: int, context: _MessageContext) -> Risk | None:
    """The risk a match stands for once every check of its rule has passed, else None."""
    rule = compiled.rule
    match = doc[start:end]
    sentence = doc[start].sent
    text = doc.text
    before = text[sentence.start_char : match.start_char]
    after = text[match.end_char : sentence.end_char]
    sentence_text = sentence.text
    if compiled.exclude_before and compiled.exclude_before.search(before):
        return None
    if compiled.exclude_after and compiled.exclude_after.search(after):
        return None
    if compiled.exclude_in_sentence and compiled.exclude_in_sentence.search(sentence_text):
        return None
    if compiled.needs_in_message and not compiled.needs_in_message.search(context.text):
        return None
    if rule.negatable and _is_negated(doc, start, sentence):
        return None
    if rule.done_by_someone_else and _is_done_to_own_things(_doer(doc, start, sentence), match):
        return None
    if (
        rule.past_forms
        and any(token.lower_ in rule.past_forms for token in match)
        and not _RECENT.search(sentence_text)
    ):
        return None

    if rule.who in {"harm", "passive"}:
        decided = _harm(rule, match)
        if decided is None:
            return None
        category, about_someone_else = decided
    else:
        category = rule.category
        if rule.who in {"self", "other"}:
            whose = rule.who
        elif rule.who == "object":
            whose = _person_in(match) or _subject(doc, start, sentence)
        else:
            whose = _subject(doc, start, sentence)
        if whose == "other" and rule.speaker_only:
            return None  # "he wishes I was never born" is his wish, not the writer's
        if whose == "you":
            if rule.second_person_is_not_risk:
                return None
            whose = "self"  # "you just want to die sometimes" is the writer speaking of themself
        about_someone_else = whose == "other"
        if rule.death_report and about_someone_else and _is_death_report(match, before):
            return None

    if rule.past_is_resolved and _is_resolved_past(
        sentence_text, context.is_recent, category, context.says_resolved
    ):
        return None
    return Risk(category=category, layer="patterns", rule=rule.rule_id, about_someone_else=about_someone_else)


def _priority(risk: Risk) -> tuple[bool, int]:
    return risk.about_someone_else, _CATEGORY_ORDER[risk.category]


def detect_risk(text: str) -> Risk | None:
    """Return the most pressing risk the message expresses, or None if it expresses none.

    Covers suicide, self-harm, abuse happening now and intent to hurt someone, written by the
    person at risk or about someone else. Never raises on ordinary text, including the empty
    string; the returned ``Risk`` never contains any of the message's words.
    """
    if not text or not text.strip():
        return None
    normalised = normalise(text)
    context = _MessageContext(
        text=normalised,
        is_recent=bool(_RECENT.search(normalised)),
        says_resolved=bool(_RESOLVED.search(normalised)),
        names=_names(text),
    )
    risks = [risk for piece in _pieces(normalised) for risk in _risks_in(piece, context)]
    return min(risks, key=_priority) if risks else None


def speaks_of_the_past_only(text: str) -> bool:
    """Whether a message is about harm long past and over ("growing up my father would hit
    my mother"), with nothing that brings it into the present ("again", "lately", "now")."""
    normalised = normalise(text or "")
    if not _DISTANT_PAST.search(normalised):
        return False
    return bool(_RESOLVED.search(normalised)) or not _RECENT.search(normalised)


def _pieces(normalised: str) -> list[str]:
    """Sentences of the message; an unpunctuated run-on is cut into overlapping windows of words.

    Matching costs grow with the length of each piece times the rules it could trigger, and
    texting-style messages can be one 400-word "sentence". Windows overlap by more than the
    longest pattern, so no phrase is cut in two.
    """
    pieces = []
    # spaCy's tokenizer takes time growing with the square of a run without spaces ("!!!…", a
    # wall of emoji); no word is this long, so such runs are cut before it sees them.
    normalised = _LONG_RUN.sub(r"\g<0> ", normalised)
    for sentence in _SENTENCE_END.split(normalised):
        words = sentence.split()
        if len(words) <= _WINDOW_WORDS + _WINDOW_OVERLAP:
            if words:
                pieces.append(sentence)
            continue
        for start in range(0, len(words) - _WINDOW_OVERLAP, _WINDOW_WORDS):
            pieces.append(" ".join(words[start : start + _WINDOW_WORDS + _WINDOW_OVERLAP]))
    return pieces


_LONG_RUN = re.compile(r"\S{40}")


def _risks_in(sentence: str, context: _MessageContext) -> list[Risk]:
    """Every risk one sentence of the normalised message expresses.

    A sentence is only lemmatised and matched when it holds an anchor word of some rule,
    which keeps long messages of everyday talk cheap: the Matcher's cost grows with the
    length of the text it reads.
    """
    matchers = _matchers()
    nlp = english()
    doc = nlp.make_doc(sentence)
    groups = matchers.groups_for(doc)
    if not groups:
        return []
    for _, component in nlp.pipeline:  # the rest of the shared pipeline: lemmas, sentence boundaries
        doc = component(doc)
    if context.names:
        for token in doc:
            if token.lower_ in context.names:
                token.norm_ = _NAME_NORM
    risks = []
    for group in groups:
        for match_id, start, end in matchers.groups[group](doc):
            risk = _check(matchers.rules[doc.vocab.strings[match_id]], doc, start, end, context)
            if risk is not None:
                risks.append(risk)
    return risks


_CATEGORY_CUES: dict[str, re.Pattern[str]] = {
    "self_harm": re.compile(
        r"\b(cut|cuts|cutting|burn(ing|ed|t)? myself|selfharm\w*|blade|blades|razor|scars?|hurt(ing)? myself|"
        r"harm(ing)? myself|hit(ting)? myself|bleed|bleeding|relapse\w*)\b"
    ),
    "abuse": re.compile(
        r"\b(hits? me|hitting me|beats? me|hurts? me|abus\w+|threaten\w* me|scared of (him|her|them|my)|"
        r"afraid of "
        r"(him|her|them|my)|won't let me|control\w*|locks?|locked|pension|bruises?|not safe|unsafe|violent|"
        r"rape\w*|"
        r"punch\w* me|slap\w* me|chok\w* me|kick\w* me|push\w* me)\b"
    ),
    "violence": re.compile(
        r"\b(kill (him|her|them)|hurt (him|her|them)|stab|shoot|strangle|knife|gun|revenge|make (him|her|"
        r"them) pay|"
        r"beat (him|her|them)|smash|get even|murder)\b"
    ),
}


# Harm done to the writer (or to them and their siblings) that a person may give as the reason
# for the distance; read only together with speaks_of_the_past_only.
_PAST_ABUSE = re.compile(
    r"\b(abus\w+|molest\w*|raped?|sexually|touched (me|us)|(hit|beat|hurt|punched|slapped|kicked|choked|"
    r"strangled|burned|starved|locked) (me|us)|beat(ing|ings)?|belt|violent|violence|neglect\w*|"
    r"screamed at (me|us)|terrified of (him|her|them))\b"
)


def discloses_past_abuse(text: str) -> bool:
    """Whether a message tells of abuse suffered long ago and over ("my father beat us when we
    were kids; that's why I stopped seeing him"), as a reason for distance, not a danger now."""
    return bool(_PAST_ABUSE.search(normalise(text or ""))) and speaks_of_the_past_only(text)


def guess_category(text: str) -> str:
    """Best-effort category for a message the NLU model (not the patterns) flagged as crisis.

    Uses weak word cues only; when none is clear it answers "suicide", whose reply offers the
    broadest crisis lines. Always returns one of ``CATEGORIES``.
    """
    normalised = normalise(text or "")
    scores = {category: len(cue.findall(normalised)) for category, cue in _CATEGORY_CUES.items()}
    best = max(scores, key=lambda category: scores[category])
    return best if scores[best] > 0 else "suicide"
