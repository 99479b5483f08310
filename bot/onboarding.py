"""Understanding the saving choice, typed or tapped (the role is read by bot.roles). Plain Python, no Rasa."""

from __future__ import annotations

import re

from bot.answers import normalise_answer

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


def parse_consent(text: str) -> bool | None:
    """True to keep reflections, False not to, None when the answer is unclear."""
    answer = normalise_answer(text)
    if _NO.search(answer):
        return False
    if _YES.search(answer):
        return True
    return None
