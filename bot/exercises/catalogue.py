"""The exercises by name and title, read from their content files alone.

For processes that only need to name the exercises (the therapist portal): importing the
exercises themselves loads spaCy, and with it TensorFlow, which takes seconds to tens of
seconds. ``tests/unit/test_exercise_registry.py`` checks this agrees with the registry.
"""

from __future__ import annotations

from pathlib import Path

from bot.content import load_content

HERE = Path(__file__).resolve().parent
# The registry's menu order (bot/exercises/registry.py).
NAMES: tuple[str, ...] = (
    "circle_of_control", "apology", "validation", "first_message", "letting_go", "grounding", "checkin", "safety_plan",
)  # fmt: skip
# The scored questionnaires (bot/exercises/registry.py's homework_measures), assignable but not on the menu.
MEASURES: tuple[str, ...] = ("phq9", "gad7")


def exercise_titles() -> dict[str, str]:
    """Every exercise's name with the title the menu gives it, in menu order, then the measures."""
    return {name: load_content(HERE / f"{name}.yml")["menu_title"] for name in (*NAMES, *MEASURES)}


def is_measure(name: str) -> bool:
    """Whether an assignable exercise is a scored questionnaire."""
    return name in MEASURES
