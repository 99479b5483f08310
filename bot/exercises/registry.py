"""Which exercises exist. The menu offers exactly these, so no item leads to a dead end."""

from __future__ import annotations

from functools import lru_cache

from bot.exercises.engine import Exercise


@lru_cache(maxsize=1)
def available_exercises() -> tuple[Exercise, ...]:
    """Every exercise that is built, in menu order."""
    from bot.exercises.apology import ApologyWorkshop
    from bot.exercises.circle_of_control import CircleOfControl
    from bot.safety.plan import SafetyPlan

    return (CircleOfControl(), ApologyWorkshop(), SafetyPlan())


def exercise_by_name(name: str | None) -> Exercise | None:
    """The exercise called ``name`` (the value of the ``exercise`` slot)."""
    return next((exercise for exercise in available_exercises() if exercise.name == name), None)


def exercise_by_intent(intent: str | None) -> Exercise | None:
    """The exercise a request intent such as ``request_circle_of_control`` asks for."""
    return next((exercise for exercise in available_exercises() if exercise.intent == intent), None)
