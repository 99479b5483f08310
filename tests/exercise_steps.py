"""Walking an exercise through the shared engine as plain Python, for the exercises' unit tests."""

from __future__ import annotations

from bot.exercises.engine import Context, Exercise, Turn, handle_reply, new_state


def walk(exercise: Exercise, context: Context, *messages: str) -> tuple[dict, Turn | None]:
    """The state after each message in turn, and the last turn."""
    state, turn = new_state(exercise, context), None
    for message in messages:
        turn = handle_reply(exercise, state, message, context)
        state = turn.state
    return state, turn
