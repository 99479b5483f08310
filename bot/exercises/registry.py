"""Which exercises exist. The menu offers exactly these, so no item leads to a dead end."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answers import normalise_answer
from bot.exercises.engine import Exercise


@lru_cache(maxsize=1)
def available_exercises() -> tuple[Exercise, ...]:
    """Every exercise that is built, in menu order."""
    from bot.exercises.apology import ApologyWorkshop
    from bot.exercises.checkin import CheckIn
    from bot.exercises.circle_of_control import CircleOfControl
    from bot.exercises.first_message import FirstMessage
    from bot.exercises.grounding import Grounding
    from bot.exercises.letting_go import LettingGo
    from bot.exercises.safety_plan import SafetyPlan
    from bot.exercises.validation import ValidationPractice

    return (
        CircleOfControl(), ApologyWorkshop(), ValidationPractice(), FirstMessage(), LettingGo(), Grounding(),
        CheckIn(), SafetyPlan(),
    )


@lru_cache(maxsize=1)
def homework_measures() -> tuple[Exercise, ...]:
    """The scored questionnaires a therapist can assign; the menu does not offer them."""
    from bot.exercises.gad7 import Gad7
    from bot.exercises.phq9 import Phq9

    return (Phq9(), Gad7())


def exercise_by_name(name: str | None) -> Exercise | None:
    """The exercise or measure called ``name`` (the value of the ``exercise`` slot)."""
    everything = (*available_exercises(), *homework_measures())
    return next((exercise for exercise in everything if exercise.name == name), None)


def exercise_by_intent(intent: str | None) -> Exercise | None:
    """The exercise a request intent such as ``request_circle_of_control`` asks for."""
    return next((exercise for exercise in available_exercises() if exercise.intent == intent), None)


def exercise_named_in(text: str) -> Exercise | None:
    """The exercise whose entry a message names ("show my last apology"), or None if it names none.

    Whole words only, and the longest name wins, so "my safety plan" is never read as
    another exercise's "plan".
    """
    answer = normalise_answer(text)
    named = [
        (len(name), exercise)
        for exercise in (*available_exercises(), *homework_measures())
        for name in exercise.entry_names
        if re.search(rf"\b{re.escape(name)}\b", answer)
    ]
    return max(named, key=lambda pair: pair[0])[1] if named else None
