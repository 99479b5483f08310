"""Suggest a circle (control, influence or concern) for a worry, with a one-line reason.

The person always confirms or moves the suggestion, so a suggestion is a kind first guess,
never a verdict. How a worry is read is explained in ``bot/circles/rules.py``; the words
of the reasons live in ``bot/circles/content.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.circles.content import check_role, pick, reason_templates
from bot.circles.rules import read_worry
from bot.language import analyse

CIRCLES = ("control", "influence", "concern")

_PRONOUN_FORMS = {
    "she": {"they": "she", "them": "her", "their": "her", "theirs": "hers", "Their": "Her"},
    "he": {"they": "he", "them": "him", "their": "his", "theirs": "his", "Their": "His"},
    "they": {"they": "they", "them": "them", "their": "their", "theirs": "theirs", "Their": "Their"},
}


@dataclass(frozen=True)
class Suggestion:
    """A suggested circle for one worry."""

    circle: str  # one of CIRCLES
    reason: str  # one kind, plain line addressed to the person
    cue: str     # id of the rule that decided (for evaluation and debugging; never shown to users)


def suggest_circle(worry: str, role: str | None = None) -> Suggestion:
    """Suggest the circle of one worry, with a reason worded for ``role``.

    ``role`` is "parent", "adult_child", "relative", "therapist" or None; it may change the
    wording of the reason but never the circle. Any text is accepted: an empty or unreadable
    worry gets the gentle concern fallback. Raises ``UnknownRoleError`` for any other role.
    """
    check_role(role)
    reading = read_worry(worry)
    cue = reading.cue
    templates = reason_templates(cue.family, role, with_echo=reading.echo is not None)
    template = pick(templates, worry)
    reason = template.format(echo=reading.echo or "", **_PRONOUN_FORMS[reading.other_person])
    return Suggestion(circle=cue.circle, reason=reason, cue=cue.kind)


# --- Splitting a message into worries -----------------------------------------------------

# Bullets people type or paste (hyphen, star, the bullet signs, dashes, ">") and "1." / "2)" / "(3)".
_BULLETS = "-*\u2022\u2023\u25e6\u2043\u2219\u00b7\u25aa\u25cf\u2013\u2014>"
_LIST_MARKER = re.compile(rf"^\s*(?:[{_BULLETS}]+|\(?\d{{1,2}}[.)])\s*")
_INLINE_NUMBER = re.compile(r"\s+(?=\(?\d{1,2}[.)]\s)")
_AND_ALSO = re.compile(r"\s+and also\s+", re.IGNORECASE)
_MIN_WORDS_EACH_SIDE_OF_AND_ALSO = 3


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _lines_without_markers(text: str) -> list[str]:
    """Lines with their bullet or number removed; "1. x 2. y" typed on one line counts as two lines.

    A line ending in ":" that is followed by more lines is a heading ("my worries:"), not a worry.
    """
    lines = [line for line in text.splitlines() if _has_words(line)]
    pieces: list[str] = []
    for index, line in enumerate(lines):
        if line.rstrip().endswith(":") and index < len(lines) - 1:
            continue
        numbered_inline = _LIST_MARKER.match(line) and re.match(r"^\s*\(?\d", line)
        parts = _INLINE_NUMBER.split(line) if numbered_inline else [line]
        pieces.extend(_LIST_MARKER.sub("", part, count=1) for part in parts)
    return pieces


def _sentences(text: str) -> list[str]:
    """Sentences as the shared sentencizer sees them, cut from the original text (wording intact)."""
    return [text[sentence.start_char:sentence.end_char] for sentence in analyse(text).sents]


def _split_on_and_also(text: str) -> list[str]:
    """Split on " and also " only when both sides are worries of a few words each."""
    parts = _AND_ALSO.split(text)
    if len(parts) > 1 and all(len(part.split()) >= _MIN_WORDS_EACH_SIDE_OF_AND_ALSO for part in parts):
        return parts
    return [text]


def split_worries(text: str) -> list[str]:
    """Split one message into the worries it holds, each in the person's own words.

    Splits on new lines, bullets and numbered lists (markers removed), ";", sentence ends and,
    carefully, " and also " (only when each side has at least three words). Pieces with no
    letters or digits are dropped, so an empty message gives an empty list; a single worry
    comes back whole.
    """
    worries: list[str] = []
    for line in _lines_without_markers(text):
        for clause in line.split(";"):
            for sentence in _sentences(clause):
                worries.extend(_split_on_and_also(sentence))
    return [worry.strip() for worry in worries if _has_words(worry)]
