"""The apology workshop's own logic, driven through the shared engine (no Rasa)."""

from __future__ import annotations

from bot.exercises import exercise_by_name
from bot.exercises.engine import Context, handle_reply, new_state


def reply_texts_after_the_draft(draft: str) -> list[str]:
    exercise, context = exercise_by_name("apology"), Context(role="parent")
    state = new_state(exercise, context)
    for message in ["my daughter", "I missed her graduation", draft]:
        state = handle_reply(exercise, state, message, context).state
    return [reply.text for reply in handle_reply(exercise, state, "done", context).replies]


def test_one_problem_is_announced_in_the_singular() -> None:
    texts = reply_texts_after_the_draft("I'm sorry if you felt hurt when I missed your graduation.")
    assert "I noticed one thing that might get in the way:" in texts


def test_several_problems_are_counted_in_plain_words() -> None:
    texts = reply_texts_after_the_draft("I am sorry if you felt hurt, but I was busy with work.")
    assert "I noticed 3 things that might get in the way. One at a time:" in texts
    assert not any("(s)" in text for text in texts)
