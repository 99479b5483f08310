"""Which exercise a message names, by the words people use for its entries."""

from __future__ import annotations

import pytest

from bot.exercises import exercise_named_in


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("show my last circle", "circle_of_control"),
        ("open my saved circle of control", "circle_of_control"),
        ("show me my last apology", "apology"),
        ("what did I write for the apology workshop", "apology"),
        ("show my safety plan", "safety_plan"),
        ("Show my Safety Plan please", "safety_plan"),
        ("what did I write last time", None),
        ("show my last entry", None),
        # "safety" alone names nothing; the old first-word match took it for the safety plan.
        ("is my data safety assured", None),
        ("show my worries", "circle_of_control"),
        ("a circular argument", None),
    ],
)
def test_entries_are_found_by_whole_names_the_longest_first(text: str, exercise: str | None) -> None:
    found = exercise_named_in(text)
    assert (found.name if found else None) == exercise


def test_the_light_catalogue_names_exactly_the_registrys_exercises_in_menu_order() -> None:
    from bot.exercises import available_exercises
    from bot.exercises.catalogue import exercise_titles
    from bot.exercises.registry import homework_measures

    everything = (*available_exercises(), *homework_measures())
    assert exercise_titles() == {exercise.name: exercise.menu_title for exercise in everything}
