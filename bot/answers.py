"""The one normaliser for typed and tapped answers.

Every place that reads a short answer (onboarding, exercise controls, the crisis mode's
"are you safe?", a safety plan's "keep") compares against the same normal form, so a
curly apostrophe from a phone keyboard or a stray capital never changes the meaning.
"""

from __future__ import annotations

import re
import unicodedata

_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise_answer(text: str) -> str:
    """``text`` in NFC, lower-cased, with straight quotes, single spaces and no outer whitespace."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHIC)
    return re.sub(r"\s+", " ", text).strip().lower()


def without_end_punctuation(text: str) -> str:
    """A normalised answer without the full stops or exclamation marks people end short answers with."""
    return re.sub(r"[.!]+$", "", normalise_answer(text)).strip()
