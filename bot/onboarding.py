"""Understanding the onboarding answers, typed or tapped. Plain Python, no Rasa."""

from __future__ import annotations

import re

from bot.answers import normalise_answer

ROLES = ("parent", "adult_child", "relative", "therapist")

_YES = re.compile(
    r"^(y|ya|yes|yeah|yep|yup|sure|ok|okay|please|please do|of course|fine|go ahead|do it"
    r"|keep( them| it)?|save( them| it)?)\b"
    r"|\b(keep|save|store|remember)\b(?!.*\b(don'?t|do not|never|no)\b)"
)
_NO = re.compile(
    r"^(n|no|nope|nah|not really|rather not|no thanks?)\b"
    r"|\b(don'?t|do not|never|no need to|not|didn'?t|wouldn'?t|rather not)\b.*\b(keep|save|store|remember)\b"
    r"|\bnothing\b"
)

_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("therapist", re.compile(r"\b(therapist|counsel+or|psychologist|social worker|clinician|practitioner)\b")),
    (
        "adult_child",
        re.compile(
            r"\b(adult child|child|son|daughter|kid)\b(?!.*\b(won'?t|doesn'?t|cut|left|estranged from me)\b)"
            r"|\bmy (parents?|mum|mom|mother|dad|father)\b"
        ),
    ),
    (
        "parent",
        re.compile(
            r"\b(parent|mum|mom|mother|dad|father|stepmum|stepmom|stepdad|grandparent)\b"
            r"|\bmy (son|daughter|child|kids?|children)\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(relative|sibling|brother|sister|aunt|uncle|cousin|grand(son|daughter|child)|family member|other)\b"
        ),
    ),
)


def parse_consent(text: str) -> bool | None:
    """True to keep reflections, False not to, None when the answer is unclear."""
    answer = normalise_answer(text)
    if _NO.search(answer):
        return False
    if _YES.search(answer):
        return True
    return None


def parse_role(text: str) -> str | None:
    """One of ROLES for an answer like "I'm the dad" or "adult child", None when unclear.

    "my son" means the speaker is a parent and "my mum" an adult child, so possessives are
    read before the bare nouns.
    """
    answer = normalise_answer(text)
    if re.search(r"\bmy (son|daughter|child|kids?|children)\b", answer):
        return "parent"
    if re.search(r"\bmy (parents?|mum|mom|mother|dad|father)\b", answer):
        return "adult_child"
    for role, pattern in _ROLE_WORDS:
        if pattern.search(answer):
            return role
    return None


def role_label(role: str | None) -> str:
    """How a role is said back to a person."""
    return {
        "parent": "a parent",
        "adult_child": "an adult child",
        "relative": "another relative",
        "therapist": "a therapist",
    }.get(role or "", "someone close to an estrangement")
