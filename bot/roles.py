"""Which side of an estrangement a person is on, read from what they say. Plain Python, no Rasa.

An adult child who stepped back and one who was cut off live different estrangements, so they
are different roles; a parent is a parent whichever way the silence began. People rarely answer
"adult child": they write "I'm a daughter whose mother cut me off" or "I am the son, dad left".
The words are tokenised with spaCy and read clause by clause: who the writer says they are
("I'm the dad"), whom they call theirs ("my mum", "my kids"), and who did the cutting off (the
subject of "cut off", "left", "disowned", "stepped back" and their kin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.answers import normalise_answer

PARENT = "parent"
STEPPED_BACK = "adult_child_stepped_back"
CUT_OFF = "adult_child_cut_off"
RELATIVE = "relative"
THERAPIST = "therapist"
UNSPECIFIED = "unspecified"
ROLES: tuple[str, ...] = (PARENT, STEPPED_BACK, CUT_OFF, RELATIVE, THERAPIST, UNSPECIFIED)
# Content is written for a side first (an adult child, whichever way), then for the exact role.
ADULT_CHILD = "adult_child"
# A role the bot stored before the two adult-child roles existed.
LEGACY_ADULT_CHILD = "adult_child"

_LABELS = {
    PARENT: "a parent",
    STEPPED_BACK: "an adult child who stepped back",
    CUT_OFF: "an adult child whose parent cut contact",
    LEGACY_ADULT_CHILD: "an adult child",
    RELATIVE: "another relative",
    THERAPIST: "a therapist",
}

_PARENT_NOUNS = frozenset(
    """parent parents mum mom mam mother mommy mummy dad father daddy stepmum stepmom stepmother stepdad
    stepfather ma pa""".split()
)
_CHILD_NOUNS = frozenset(
    """son sons daughter daughters child children kid kids stepson stepdaughter""".split()
)
_GRANDPARENT_NOUNS = frozenset(
    "grandparent grandparents grandmother grandfather grandma grandpa nan nana gran granny grandad".split()
)
_GRANDCHILD_NOUNS = frozenset("grandchild grandchildren grandkids grandson granddaughter".split())
_RELATIVE_NOUNS = frozenset("relative sibling brother sister aunt auntie uncle cousin niece nephew".split())
_SELF = frozenset({"i", "we"})
_OTHER_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})

_THERAPIST = re.compile(
    r"\b(therapist|counsel+or|psychologist|psychotherapist|social worker|clinician|practitioner|psychiatrist)\b"
)
_UNSPECIFIED = re.compile(
    r"\b(rather not|prefer not|don'?t want to say|won'?t say|not saying|none of your business|pass|skip|"
    r"neither|not telling|keep (that|it) (to myself|private)|private)\b"
)
# The estranging act. Its subject did the cutting off; an object of "me"/"us" was cut off.
_CUTTING = re.compile(
    r"\b(cut (me|us|him|her|them|my \w+|\w+) off|cut off (contact|ties|all contact)?|cut (contact|ties)|"
    r"went no[- ]contact|gone no[- ]contact|go no[- ]contact|"
    r"stopped (talking|speaking|calling|answering)|(won'?t|doesn'?t|don'?t|didn'?t) (talk|speak) to|"
    r"disowned|abandoned|left|walked (out|away)|stepped (back|away)|step(ped)? back|"
    r"distanced|blocked|kicked (me|us) out|threw (me|us) out|shut (me|us) out|turned (his|her|their) backs? on|"
    r"ghosted|pushed (me|us) away|ended (contact|things|the relationship)|walked out on)\b"
)


@dataclass(frozen=True)
class _Reading:
    """What one answer says about the writer's side and about who ended contact."""

    side: str | None  # PARENT, ADULT_CHILD, RELATIVE or None
    writer_ended_it: bool | None  # True: the writer stepped back; False: the other person did


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _words(text: str) -> list[str]:
    return [token.lower_ for token in _tokenizer()(text) if not token.is_punct and not token.is_space]


def parse_role(text: str) -> str | None:
    """One of ROLES for a typed or tapped answer, or None when it cannot be told.

    An adult child whose answer does not say which way the contact ended is not guessed at:
    None, and the caller asks which way it ended (``role_clarify_adult_child`` in the
    conversation's words), then reads the answer with ``parse_adult_child_answer``.
    """
    answer = normalise_answer(text)
    if not answer:
        return None
    if _THERAPIST.search(answer):
        return THERAPIST
    if answer in {"adult child who stepped back", "stepped back"}:
        return STEPPED_BACK
    if answer in {"adult child who was cut off", "cut off"}:
        return CUT_OFF
    reading = _read(answer)
    if reading.side == PARENT:
        return PARENT
    if reading.side == ADULT_CHILD:
        if reading.writer_ended_it is True:
            return STEPPED_BACK
        if reading.writer_ended_it is False:
            return CUT_OFF
        return None
    if reading.side == RELATIVE:
        return RELATIVE
    if _UNSPECIFIED.search(answer):
        return UNSPECIFIED
    return None


def parse_adult_child_answer(text: str) -> str | None:
    """STEPPED_BACK or CUT_OFF for the answer to "did you step back, or did they cut contact?".

    The question already says the writer is an adult child, so "I did", "me", "they did" or
    "my mum cut me off" are enough.
    """
    answer = normalise_answer(text)
    role = parse_role(answer)
    if role in (STEPPED_BACK, CUT_OFF):
        return role
    direction = _writer_ended_it(answer)
    if direction is not None:
        return STEPPED_BACK if direction else CUT_OFF
    words = _words(answer)
    if words[:2] in (["i", "did"], ["me"], ["i"], ["i", "stepped"]) or words == ["me"]:
        return STEPPED_BACK
    if words[:1] in (["they"], ["them"], ["she"], ["he"]) or (words[:1] == ["my"] and len(words) <= 3):
        return CUT_OFF
    return None


def is_adult_child_unsure_which(text: str) -> bool:
    """Whether an answer says the writer is an adult child but not which way contact ended."""
    answer = normalise_answer(text)
    return parse_role(answer) is None and _read(answer).side == ADULT_CHILD


def _read(answer: str) -> _Reading:
    words = _words(answer)
    side = _side(words)
    return _Reading(side, _writer_ended_it(answer) if side else None)


def _side(words: list[str]) -> str | None:
    """The writer's side: what they call themselves first, then whom they call theirs."""
    for index, word in enumerate(words):
        before = words[max(0, index - 3):index]
        # "I'm the son", "I'm her son", "as a mother"; not "I'm worried about my son".
        called_self = any(w in {"'m", "am", "i", "as"} for w in before) and before[-1:] != ["my"] and not any(
            w in {"about", "for", "with", "to", "of"} for w in before
        )
        if called_self and (word in _CHILD_NOUNS or word == "child"):
            return ADULT_CHILD
        if called_self and (word in _PARENT_NOUNS or word in _GRANDPARENT_NOUNS):
            return PARENT
        if called_self and word in _RELATIVE_NOUNS:
            return RELATIVE
    for index, word in enumerate(words):
        owner = words[index - 1] if index else ""
        if owner in {"my", "our"}:
            if word in _CHILD_NOUNS or word in _GRANDCHILD_NOUNS:
                return PARENT
            if word in _PARENT_NOUNS:
                return ADULT_CHILD
    if "adult" in words and ("child" in words or "children" in words):
        return ADULT_CHILD
    # A bare noun. Alone or with an article it names the writer ("parent", "the son"); without
    # one, in a sentence, it names the other person, as people say "Dad" or "Mum" of their own.
    short = len(words) <= 2
    for index, word in enumerate(words):
        article = index > 0 and words[index - 1] in {"a", "an", "the"}
        if word in _PARENT_NOUNS or word in _GRANDPARENT_NOUNS:
            names_writer = short or article
            return PARENT if names_writer else ADULT_CHILD
        if word in _CHILD_NOUNS:
            return ADULT_CHILD if short or article else PARENT
        if word in _RELATIVE_NOUNS:
            return RELATIVE
    return None


def _writer_ended_it(answer: str) -> bool | None:
    """Who did the cutting off, from the subject (and object) of the estranging act.

    "my mother cut me off", "dad left", "they disowned me": the other person; "I cut my mother
    off", "I stepped back", "I went no contact": the writer.
    """
    match = _CUTTING.search(answer)
    if match is None:
        return None
    subject = _subject(_words(answer[: match.start()]))
    cut_the_writer = re.search(r"\b(me|us)\b", match.group(0)) or re.match(r"\s*(me|us)\b", answer[match.end():])
    if cut_the_writer:  # "my mother cut me off", "they disowned me"
        return None if subject == "self" else False
    if subject == "self":
        return True
    if subject == "other":
        return False
    return None


def _subject(words_before: list[str]) -> str | None:
    """Who the clause before the act is about: "self", "other", or None if nobody is named.

    "whose mother cut me off": the mother; "a daughter who stepped back": the daughter, that
    is the writer; "dad left": dad.
    """
    for position in range(len(words_before) - 1, max(-1, len(words_before) - 5), -1):
        word = words_before[position]
        if word in {"who", "that"}:
            named = words_before[position - 1] if position else ""
            if named in _CHILD_NOUNS or named == "child":
                return "self"
            return "other" if named in _PARENT_NOUNS else None
        if word in {"and", "but", "so", "because", "when", "since"}:
            break
        if word in _SELF:
            return "self"
        if word in _PARENT_NOUNS or word in _CHILD_NOUNS or word in _OTHER_PRONOUNS or word in {"family", "everyone"}:
            return "other"
    return None


def role_label(role: str | None) -> str:
    """How a role is said back to a person."""
    return _LABELS.get(role or "", "someone close to an estrangement")


def content_keys(role: str | None) -> tuple[str, ...]:
    """The keys to look words up under, most specific first: the role, its side, then "default"."""
    if role in (STEPPED_BACK, CUT_OFF, LEGACY_ADULT_CHILD):
        return (role, ADULT_CHILD, "default")
    return (role, "default") if role else ("default",)


def is_known(role: str | None) -> bool:
    """Whether a stored role is one the bot understands (None counts: not asked yet)."""
    return role is None or role in ROLES or role == LEGACY_ADULT_CHILD


def for_role(variants: dict[str, Any], role: str | None) -> Any:
    """The variant written for ``role``: its own, else its side's (``adult_child``), else ``default``."""
    return next(variants[key] for key in content_keys(role) if key in variants)
