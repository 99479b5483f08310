"""Find the flaws in a prepared draft: the matcher's broad net, then the context that confirms each catch.

Everything works on token indices of a Doc from ``bot.apology.text.prepare``. A ``Finding``
says which tokens carry a flaw and how the flaw sits in its sentence, which the rewriter
uses to decide what can be cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.apology.cues import flaw_matcher

APOLOGY_LEMMAS = frozenset({"sorry", "apologise", "apology", "regret"})
NEGATORS = frozenset({"not", "never", "no", "nor", "without", "hardly"})
SUBJECTS = frozenset({"i", "you", "we", "he", "she", "they", "it", "that", "there", "this"})
QUALIFIERS = frozenset({"but", "however", "although", "though", "except", "yet"})
# Words that end the clause a cue belongs to, looking backwards for a negation.
_CLAUSE_STOPS = frozenset(
    {",", ";", ":", "-", "—", "–", "(", ")", "but", "because", "though", "although", "however"}
)
# Words that separate an apology from an "if" clause that belongs to something else.
_CONDITION_BREAKS = frozenset(
    {";", ":", "—", "–", "but", "however", "though", "although", "because", "and", "."}
)
# An "if" clause offering something on the other person's terms is an invitation, not a condition.
_INVITATION_LEMMAS = frozenset(
    {
        "want",
        "wish",
        "ready",
        "willing",
        "open",
        "prefer",
        "choose",
        "decide",
        "need",
        "wants",
        "wanted",
        "needs",
        "needed",
        "let",
        "helps",
        "can",
        "okay",
        "ok",
        "alright",
    }
)
# Phrases that disown an excuse or own the harm; a "but" clause saying them is not a qualifier.
_OWNING_PHRASES = (
    "no excuse",
    "not an excuse",
    "not excuse",
    "not make it",
    "i was wrong",
    "should have",
    "should not have",
    "my fault",
    "my responsibility",
    "take responsibility",
    "take full responsibility",
    "on me",
    "i own",
    "can not undo",
    "can not change",
    "can not take",
    "not enough",
    "too late",
    "i hurt you",
    "i have no right",
    "i chose",
    "not a reason",
    "not justify",
    "not change what",
)
_EXCUSE_DISCLAIMERS = (
    "no excuse",
    "not an excuse",
    "not excuse",
    "not make it",
    "not a reason",
    "not justify",
)
# After "a little" / "a bit", these mean size or time, not a softened description of harm.
_SOFTENER_NOUNS = frozenset(
    {
        "girl",
        "boy",
        "kid",
        "kids",
        "child",
        "children",
        "one",
        "ones",
        "while",
        "later",
        "earlier",
        "longer",
        "more",
        "less",
        "time",
        "sister",
        "brother",
        "baby",
        "money",
        "space",
        "older",
        "younger",
        "about",
        "further",
        "too",
        "each",
        "extra",
        "house",
        "flat",
        "gift",
        "note",
        "letter",
        "card",
    }
)
# Words before a minimizer that show the writer now rejects it ("I told myself it was only teasing").
_DISOWNING_PHRASES = (
    "told myself",
    "tell myself",
    "telling myself",
    "pretended",
    "pretend",
    "called it",
    "claimed",
    "insisted",
    "excuse",
)
# Only these subjects make "was made" an agentless harm; "it was made clear" is not one.
_MADE_SUBJECTS = frozenset(
    {"mistakes", "things", "choices", "decisions", "promises", "comments", "remarks", "threats"}
    | {"accusations", "errors", "insults"}
)
# Sentence openers that take back what came before ("Still, someone had to say it").
_OPENERS = (
    "having said that",
    "that being said",
    "with that said",
    "be that as it may",
    "on the other hand",
    "at the same time",
    "all the same",
    "in my defence",
    "in my defense",
    "to be fair",
    "in fairness",
    "that said",
    "then again",
    "even so",
    "mind you",
    "saying that",
    "still",
    "nevertheless",
    "nonetheless",
    "regardless",
    "anyway",
    "anyhow",
)
# Openers that can also lead on to warmth ("Still, I love you"); they qualify only when they don't.
_SOFT_OPENERS = frozenset(
    {"still", "nevertheless", "nonetheless", "regardless", "anyway", "anyhow", "all the same", "even so"}
    | {"at the same time"}
)
_KIND_VERBS = frozenset(
    {"love", "hope", "wish", "miss", "will", "would", "care", "regret", "apologise", "owe", "should", "want"}
    | {"understand", "respect", "promise", "accept"}
)
_KIND_STATES = frozenset(
    {"sorry", "here", "ashamed", "grateful", "so", "truly", "deeply", "willing", "ready", "listening"}
    | {"trying", "committed", "working", "proud", "glad", "learning", "still", "always"}
)
_WRITER_AS_AGENT = frozenset({"me", "my", "myself", "us", "our", "what"})
_KIND_OF_DETERMINERS = frozenset({"that", "this", "the", "what", "a", "any", "some", "every", "no", "which"})
_HOPE_WORDS = frozenset({"someday", "maybe", "perhaps", "whenever", "eventually", "hopefully"})
_IMPERATIVE_OPENERS = frozenset({"please", "just", "now", "so", "then", "and", "pls"})


@dataclass(frozen=True)
class Finding:
    """A flaw on tokens ``start``..``end`` (exclusive); ``placement`` places it against the apology."""

    code: str
    start: int
    end: int
    placement: str = ""


def find_flaws(doc: Doc) -> list[Finding]:
    """Every confirmed flaw in the draft, one Finding per code and span, in order of appearance."""
    findings = _matcher_findings(doc) + _conditional_findings(doc) + _qualifier_findings(doc)
    return _merge_same_code(findings)


def is_apology_word(token: Token) -> bool:
    """True for the writer's own "sorry", "apologise", "apology", "regret" or "forgive me"."""
    doc = token.doc
    if token.lemma_ == "forgive":
        is_apology = token.i + 1 < len(doc) and doc[token.i + 1].norm_ == "me"
    else:
        is_apology = token.lemma_ in APOLOGY_LEMMAS or token.norm_ == "sorry"
    if not is_apology:
        return False
    before = [doc[i].norm_ for i in range(max(token.sent.start, token.i - 3), token.i)]
    said_by_other = ("you" in before or "your" in before) and "i" not in before and token.lemma_ != "forgive"
    negated = bool(NEGATORS.intersection(before[-2:]))
    return not (said_by_other or negated)


def apology_words(sentence: Span) -> list[int]:
    """Token indices of the writer's apology words in a sentence."""
    return [token.i for token in sentence if is_apology_word(token)]


def negated_before(doc: Doc, start: int, window: int = 6) -> bool:
    """True when a negation precedes token ``start`` within its clause ("I won't say it was only a joke")."""
    sentence_start = doc[start].sent.start
    for index in range(start - 1, max(sentence_start, start - window) - 1, -1):
        norm = doc[index].norm_
        if norm in _CLAUSE_STOPS:
            return False
        if norm in NEGATORS:
            return True
    return False


def owns_it(tokens: Span | list[Token]) -> bool:
    """True when a stretch of text disowns an excuse or takes responsibility ("but that is no excuse")."""
    return _contains_phrase(tokens, _OWNING_PHRASES)


def _contains_phrase(tokens, phrases) -> bool:
    text = " " + " ".join(token.norm_ for token in tokens) + " "
    return any(f" {phrase} " in text for phrase in phrases)


# --- matcher-based codes ---


def _matcher_findings(doc: Doc) -> list[Finding]:
    findings = []
    vocab = doc.vocab
    for match_id, start, end in flaw_matcher()(doc):
        code, _, check = vocab.strings[match_id].partition(":")
        if _confirmed(doc, code, check, start, end):
            if code == "deflection":
                end = _clause_end_after(doc, end)
            findings.append(Finding(code, start, end, "match"))
    return findings


def _confirmed(doc: Doc, code: str, check: str, start: int, end: int) -> bool:
    sentence = doc[start].sent
    if code in {"minimizing", "justification", "blame_shift", "demand"} and negated_before(doc, start):
        return False
    if code in {"minimizing", "justification"} and _excuse_disclaimed(sentence):
        return False
    if code in {"minimizing", "blame_shift", "justification"} and _reported_as_the_act(doc, start):
        return False
    if code == "minimizing" and (_seen_from_both_sides(doc, end) or _minimizing_disowned(doc, start)):
        return False
    if code == "deflection":
        return is_apology_word(doc[start]) and (check != "state" or not _own_act_follows(doc, end))
    if code == "blame_shift" and doc[end - 1].norm_ == "either":
        return _ends_clause(doc, end) and any(doc[i].norm_ in NEGATORS for i in range(start, end))
    if check == "softener":
        return _softens_a_description(doc, start, end)
    if check == "softenable":
        return not _hoped_for(doc, start)
    if check == "imperative":
        return _clause_initial(doc, start)
    if check == "not_followed_by_on":
        return end >= len(doc) or doc[end].norm_ != "on"
    if check == "ends_clause":
        return _ends_clause(doc, end)
    if check == "fault":
        return not _fault_denied_or_reported(doc, start, end)
    if check == "agentless":
        return _agentless(doc, start, end)
    if check == "unless_owned":
        return not _owned_or_allowed(doc, start)
    return True


def _minimizing_disowned(doc: Doc, start: int) -> bool:
    """ "More than just a joke", "I told myself it was only teasing": the writer rejects the small word."""
    sentence_start = doc[start].sent.start
    before = [doc[i].norm_ for i in range(max(sentence_start, start - 6), start)]
    if before[-1:] in (["than"], ["even"]):
        return True
    return _contains_phrase(doc[max(sentence_start, start - 6) : start], _DISOWNING_PHRASES)


def _agentless(doc: Doc, start: int, end: int) -> bool:
    """Harm with no doer: not "my marriage fell apart" (the writer's own loss), not "... by me"."""
    if start > 0 and doc[start - 1].norm_ in {"my", "i"}:
        return False
    if doc[end - 1].norm_ == "made" and doc[start].norm_ not in _MADE_SUBJECTS:
        return False
    following = [doc[i].norm_ for i in range(end, min(end + 3, len(doc)))]
    if following[:1] == ["on"] and doc[end - 1].norm_ == "lost":
        return False
    if following[:1] == ["by"] and following[1:2] and following[1] in _WRITER_AS_AGENT:
        return False
    return not _own_act_follows(doc, end)


def _owned_or_allowed(doc: Doc, start: int) -> bool:
    """ "I thought it was best, and I was wrong", "I let work get in the way": the writer owns the reason."""
    sentence = doc[start].sent
    before = [doc[i].norm_ for i in range(max(sentence.start, start - 3), start)]
    if {"let", "allowed", "letting"}.intersection(before):
        return True
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    if owns_it(doc[start : sentence.end]):
        return True
    if following is None:
        return False
    opening = [token.norm_ for token in following[:3]]
    return opening in (["it", "was", "not"], ["it", "is", "not"]) or owns_it(following)


_FAULT_DENIALS_BEFORE = frozenset({"none", "neither"})
_BELIEF_OR_REPORT = frozenset(
    {"told", "tell", "said", "say", "think", "thinking", "thought", "believe", "believing", "believed", "feel",
     "feeling", "felt", "blamed", "convinced", "insisted", "accused", "made"}
)


def _fault_denied_or_reported(doc: Doc, start: int, end: int) -> bool:
    """ "None of it was your fault", "...your fault, and it never was", "I told you it was your fault":
    the writer denies the blame, or names it as the harm they did, rather than placing it."""
    sentence = doc[start].sent
    clause_start = start
    while clause_start > sentence.start and doc[clause_start - 1].norm_ not in _CLAUSE_STOPS:
        clause_start -= 1
    before = [token.norm_ for token in doc[clause_start:start]]  # "..., but it's your fault" stays a shift
    if _FAULT_DENIALS_BEFORE & set(before):
        return True
    after = [token.norm_ for token in doc[end : sentence.end]]
    if any(norm in NEGATORS for norm in after[:6]):
        return True  # "...it was your fault and it never was"
    return any(norm in _BELIEF_OR_REPORT for norm in before)


def _reported_as_the_act(doc: Doc, start: int) -> bool:
    """ "I'm sorry I called you too sensitive": the flawed words are what the writer apologises for saying."""
    sentence = doc[start].sent
    anchors = [index for index in apology_words(sentence) if index < start]
    if not anchors:
        return False
    norms = [token.norm_ for token in doc[anchors[-1] : start]]
    reporting = {
        "said",
        "called",
        "told",
        "accused",
        "treated",
        "labelled",
        "labeled",
        "implied",
        "insisted",
        "claimed",
        "suggested",
        "acted",
    }
    said_at = [
        i
        for i, (a, b) in enumerate(zip(norms, norms[1:], strict=False))
        if a in {"i", "ever"} and b in reporting
    ]
    if not said_at:
        return False
    between = norms[said_at[-1] :]
    return not any(norm in {",", ";", "but", "because", "and", "though", "although", "."} for norm in between)


def _seen_from_both_sides(doc: Doc, end: int) -> bool:
    """ "It was a small thing to me and a big thing to you": the writer names the gap, not the size."""
    norms = [doc[i].norm_ for i in range(end, min(end + 2, len(doc)))]
    return norms in (["to", "me"], ["for", "me"])


def _clause_end_after(doc: Doc, end: int) -> int:
    """Extend a span to the end of its clause: "sorry you feel" -> "sorry you feel that way"."""
    sentence_end = doc[end - 1].sent.end
    while (
        end < sentence_end and not doc[end].is_punct and doc[end].norm_ not in QUALIFIERS | {"and", "because"}
    ):
        end += 1
    return end


def _excuse_disclaimed(sentence: Span) -> bool:
    """An excuse followed by "that is no excuse" (here or in the next sentence) is owned, not offered."""
    doc = sentence.doc
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    return _contains_phrase(sentence, _EXCUSE_DISCLAIMERS) or (
        following is not None and _contains_phrase(following, _EXCUSE_DISCLAIMERS)
    )


def _own_act_follows(doc: Doc, end: int) -> bool:
    """ "Sorry you felt alone when I left" names the writer's act: it acknowledges impact."""
    clause = []
    for token in doc[end : doc[end - 1].sent.end]:
        if token.norm_ in {".", ";", "but"}:
            break
        clause.append(token)
    return _contains_phrase(
        clause,
        (
            "when i",
            "because i",
            "after i",
            "by what i",
            "that i",
            "because of me",
            "because of what i",
            "i caused",
            "by my",
            "what i did",
            "what i said",
        ),
    )


def _ends_clause(doc: Doc, end: int) -> bool:
    return end >= len(doc) or doc[end].is_punct


def _softens_a_description(doc: Doc, start: int, end: int) -> bool:
    """ "A little harsh", "kind of ignored": a softener in front of a word describing the act."""
    if end >= len(doc) or not doc[end].is_alpha:
        return False
    following = doc[end].norm_
    first = doc[start].norm_
    if start > 0 and doc[start - 1].norm_ in {"even", "than"}:
        return False
    if first == "a":
        return following not in _SOFTENER_NOUNS
    if first in {"kind", "sort"}:
        before = doc[start - 1].norm_ if start > doc[start].sent.start else ""
        return before not in _KIND_OF_DETERMINERS and following not in _KIND_OF_DETERMINERS | {"my", "your"}
    return True


def _hoped_for(doc: Doc, start: int) -> bool:
    """A wish for forgiveness or reconnection voiced as a hope ("I hope one day ...") puts no pressure."""
    sentence = doc[start].sent
    for token in doc[sentence.start : start]:
        if token.lemma_ in {"hope", "wish"} or token.norm_ in _HOPE_WORDS:
            return True
        if token.norm_ == "one" and token.i + 1 < len(doc) and doc[token.i + 1].norm_ == "day":
            return True
    return False


def _clause_initial(doc: Doc, start: int) -> bool:
    """An order opens its clause: "Call me back", "..., so please call me"."""
    if start == doc[start].sent.start:
        return True
    previous = doc[start - 1]
    return previous.is_punct or previous.norm_ in _IMPERATIVE_OPENERS


# --- conditional ---


def _conditional_findings(doc: Doc) -> list[Finding]:
    findings = []
    for sentence in doc.sents:
        anchors = apology_words(sentence)
        if not anchors:
            continue
        for token in sentence:
            width = _condition_word_width(doc, token.i)
            if not width:
                continue
            clause_end = _condition_clause_end(doc, token.i + width, sentence)
            if _condition_is_not_about_the_apology(doc, token.i, width, clause_end):
                continue
            placement = _condition_placement(doc, token.i, clause_end, anchors, sentence)
            if placement:
                findings.append(Finding("conditional", token.i, clause_end, placement))
    return findings


def _condition_word_width(doc: Doc, index: int) -> int:
    """How many tokens the condition word at ``index`` spans: "if" is 1, "to the extent" 3, 0 for none."""
    norms = [doc[i].norm_ for i in range(index, min(index + 3, len(doc)))]
    if norms[:1] == ["if"]:
        return 1
    if norms[:3] == ["to", "the", "extent"]:
        return 3
    if norms[:2] in (["insofar", "as"], ["in", "case"]):
        return 2
    return 0


def _condition_is_not_about_the_apology(doc: Doc, index: int, width: int, clause_end: int) -> bool:
    """ "Even if", "as if", invitations ("if you ever want to talk") and blame ("if you hadn't")."""
    sentence = doc[index].sent
    previous = doc[index - 1].norm_ if index > sentence.start else ""
    if previous in {"even", "as", "only", "what"}:
        return True
    after = [doc[i] for i in range(index + width, min(index + width + 6, clause_end))]
    norms = [token.norm_ for token in after]
    would_like = any(a == "would" and b == "like" for a, b in zip(norms, norms[1:], strict=False))
    invites = any(token.lemma_ in _INVITATION_LEMMAS or token.norm_ in _INVITATION_LEMMAS for token in after)
    if norms[:2] == ["and", "when"] or would_like or invites:
        return True
    if norms[:1] == ["you"] and len(norms) > 1:
        counterfactual = norms[1] in {"had", "would"} or (norms[1] in {"were", "was"} and "not" in norms[2:4])
        return counterfactual
    return False


def _condition_clause_end(doc: Doc, index: int, sentence: Span) -> int:
    """The token index just past the "if" clause: the next comma, clause break or end of sentence."""
    for i in range(index, sentence.end):
        token = doc[i]
        if (
            token.norm_ in {",", ";", ":", "—", "–", "but", "because"}
            or token.is_punct
            and token.norm_ != "'"
        ):
            return i
        if token.norm_ == "and" and i + 1 < sentence.end and doc[i + 1].norm_ in SUBJECTS:
            return i
    return sentence.end


def _condition_placement(doc: Doc, index: int, clause_end: int, anchors: list[int], sentence: Span) -> str:
    """ "after_apology" for "sorry if ...", "before_apology" for "If I hurt you, I'm sorry", else ""."""
    earlier = [anchor for anchor in anchors if anchor < index]
    if earlier:
        anchor = earlier[-1]
        between = doc[anchor + 1 : index]
        if index - anchor <= 14 and not any(token.norm_ in _CONDITION_BREAKS for token in between):
            return "after_apology"
    opens_clause = index == sentence.start or doc[index - 1].is_punct or doc[index - 1].norm_ in {"and", "so"}
    if opens_clause and clause_end < sentence.end and doc[clause_end].norm_ == ",":
        following = [anchor for anchor in anchors if clause_end < anchor <= clause_end + 5]
        if following:
            return "before_apology"
    return ""


# --- qualifier ---


def _qualifier_findings(doc: Doc) -> list[Finding]:
    findings = []
    sentences = list(doc.sents)
    for position, sentence in enumerate(sentences):
        anchors = apology_words(sentence)
        if not anchors:
            continue
        for token in sentence:
            if token.norm_ not in QUALIFIERS:
                continue
            if token.i > anchors[0] and _undoes_what_came_before(doc, token.i, sentence):
                findings.append(Finding("qualifier", token.i, token.i + 1, "after_apology"))
            elif token.i < anchors[0] and _undoes_what_follows(doc, token.i, anchors[0], sentence):
                findings.append(Finding("qualifier", token.i, token.i + 1, "before_apology"))
        if position + 1 < len(sentences):
            opener = _qualifying_opener(sentences[position + 1])
            if opener:
                findings.append(Finding("qualifier", opener[0], opener[1], "next_sentence"))
    return findings


def _undoes_what_came_before(doc: Doc, index: int, sentence: Span) -> bool:
    """A qualifier after the apology: "I'm sorry, but ...", "I regret it, yet ..."."""
    word = doc[index].norm_
    previous = doc[index - 1].norm_
    following = [doc[i] for i in range(index + 1, min(index + 4, sentence.end))]
    next_norms = [token.norm_ for token in following]
    if not next_norms or doc[index + 1].is_punct and next_norms[0] != ",":
        return False
    if owns_it(doc[index + 1 : sentence.end]):
        return False
    if word == "but":
        return _but_turns_against(doc, index, sentence, previous, next_norms)
    if word == "yet":
        return (previous == "," or next_norms[0] in SUBJECTS) and previous not in NEGATORS | {"have", "has"}
    if word in {"though", "although"}:
        return previous not in {"even", "as"}
    if word == "except":
        return not (
            next_norms[0] in {"you", "your", "yours"} or next_norms[:2] in (["for", "you"], ["for", "your"])
        )
    return next_norms[0] not in {"much", "long", "many", "you", "hard", "little", "far"}


def _but_turns_against(doc: Doc, index: int, sentence: Span, previous: str, next_norms: list[str]) -> bool:
    if previous in {"nothing", "all", "anything", "everything", "last"}:
        return False
    if next_norms[0] in {"also", "for", "rather", "instead", "then", "never"}:
        return False
    opening = [token.norm_ for token in doc[sentence.start : index]]
    if any(
        a == "not" and b in {"only", "just", "merely", "simply"}
        for a, b in zip(opening, opening[1:], strict=False)
    ):
        return False
    return not _continues_the_act(next_norms)


def _continues_the_act(norms: list[str]) -> bool:
    """ "... promised to come but didn't", "... but I never called": the "but" still describes the act."""
    if norms[0] == "i":
        norms = norms[1:]
    if not norms:
        return False
    if norms[0] in {
        "never",
        "failed",
        "forgot",
        "broke",
        "ignored",
        "chose",
        "left",
        "stayed",
        "went",
        "kept",
        "missed",
        "lied",
        "let",
    }:
        return True
    return norms[0] in {"did", "was", "could", "would"} and len(norms) > 1 and norms[1] == "not"


def _undoes_what_follows(doc: Doc, index: int, anchor: int, sentence: Span) -> bool:
    """A qualifier before the apology: "Although I still think I was right, I'm sorry", "..., but sorry"."""
    word = doc[index].norm_
    previous = doc[index - 1].norm_ if index > sentence.start else ""
    if word in {"though", "although"}:
        opens_clause = index == sentence.start or doc[index - 1].is_punct
        concession = list(doc[index:anchor])
        humble = owns_it(concession) or _concedes_limits(concession)
        return opens_clause and previous not in {"even", "as"} and not humble
    if word in {"but", "however", "yet"} and anchor - index <= 6:
        before = list(doc[sentence.start : index])
        if index == sentence.start and sentence.start > 0:
            before = list(doc[sentence.start - 1].sent)
        return not (owns_it(before) or _concedes_limits(before))
    return False


def _concedes_limits(tokens: list[Token]) -> bool:
    """ "I know words aren't enough, but I'm sorry": humility before the apology, not an excuse."""
    return _contains_phrase(
        tokens,
        (
            "not enough",
            "can not undo",
            "can not change",
            "can not take",
            "too late",
            "no excuse",
            "no right",
            "not fix",
            "not undo",
            "not change",
            "late",
            "make up for",
            "never make up",
            "can not repair",
            "can not give",
        ),
    )


def _qualifying_opener(sentence: Span) -> tuple[int, int] | None:
    """Token range of a "But" / "However," / "Still," / "That said," opening the sentence after an apology."""
    doc = sentence.doc
    start = sentence.start
    norms = [token.norm_ for token in doc[start : min(start + 5, sentence.end)]]
    width = _opener_width(norms)
    if not width or owns_it(sentence) or _concedes_limits(list(sentence)):
        return None
    if " ".join(norms[:width]) in _SOFT_OPENERS and _carries_on_kindly(norms[width:]):
        return None
    return start, start + width


def _opener_width(norms: list[str]) -> int:
    """How many tokens of ``norms`` form a qualifying opener, 0 for none."""
    if norms and norms[0] in QUALIFIERS - {"except"}:
        return 1
    for phrase in _OPENERS:
        words = phrase.split()
        if norms[: len(words)] == words:
            # "Still" and "Anyway" only qualify as a comma-marked opener ("Still, ..."), not "Still hurting".
            needs_comma = phrase in _SOFT_OPENERS and len(words) == 1
            if needs_comma and norms[len(words) : len(words) + 1] != [","]:
                continue
            return len(words)
    return 0


def _carries_on_kindly(norms: list[str]) -> bool:
    """ "Still, I love you", "All the same, I hope ...": the opener leads to warmth, not to taking it back."""
    words = [norm for norm in norms if norm != ","]
    if words[:1] != ["i"] or len(words) < 2:
        return False
    if words[1] == "am":
        return words[2:3] and words[2] in _KIND_STATES
    return words[1] in _KIND_VERBS


# --- merging ---


def _merge_same_code(findings: list[Finding]) -> list[Finding]:
    """Overlapping catches of one code become one finding spanning them all."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.code, f.start, -f.end)):
        last = merged[-1] if merged else None
        if last and last.code == finding.code and finding.start < last.end:
            merged[-1] = Finding(last.code, last.start, max(last.end, finding.end), last.placement)
        else:
            merged.append(finding)
    return sorted(merged, key=lambda f: (f.start, f.end, f.code))
