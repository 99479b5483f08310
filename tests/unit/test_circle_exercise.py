"""The Circle of Control exercise's own logic, driven through the shared engine (no Rasa)."""

from __future__ import annotations

from bot.exercises import exercise_by_name
from bot.exercises.engine import Context, handle_reply, new_state


def replies_to(messages: list[str]) -> list[list[str]]:
    exercise, context = exercise_by_name("circle_of_control"), Context(role="adult_child")
    state, answers = new_state(exercise, context), []
    for message in messages:
        result = handle_reply(exercise, state, message, context)
        state = result.state
        answers.append([reply.text for reply in result.replies])
    return answers


def test_each_worry_is_thanked_for_and_several_in_one_message_are_counted() -> None:
    one, several = replies_to(["whether my dad will call", "what my aunt says; my sleep; his birthday"])
    assert one == ["Thank you, I've noted that."]
    assert several == ["Thank you, I've noted those 3."]
