"""Validation practice and a first message as plain Python, through the shared engine."""

from __future__ import annotations

from bot.exercises.engine import FINISHED, Context, current_prompt
from bot.exercises.first_message import FirstMessage
from bot.exercises.validation import ValidationPractice
from bot.roles import PARENT, STEPPED_BACK
from tests.exercise_steps import walk


def said(exercise, state, context) -> str:
    return "\n".join(reply.text for reply in current_prompt(exercise, state, context))


def test_a_validating_statement_with_a_but_is_caught_and_the_part_before_it_offered() -> None:
    context = Context(role=PARENT)
    state, _ = walk(ValidationPractice(), context, "the wedding", "they felt hurt", "they needed to be heard",
                    "It makes sense that you felt hurt, but I had to work")
    review = said(ValidationPractice(), state, context)
    assert "One way to say it: \"It makes sense that you felt hurt.\"" in review


def test_telling_someone_how_to_feel_is_caught() -> None:
    context = Context(role=STEPPED_BACK)
    state, _ = walk(ValidationPractice(), context, "skip", "skip", "skip", "You shouldn't feel that way about it")
    assert "tells them how they should feel" in said(ValidationPractice(), state, context)


def test_a_clear_statement_finishes_with_what_validation_is_and_is_not() -> None:
    state, turn = walk(ValidationPractice(), Context(), "skip", "angry", "skip",
                       "It makes sense that you were angry, because I left without saying goodbye")
    assert turn.status == FINISHED and "doesn't mean you agree" in turn.replies[-1].text
    assert ValidationPractice().entry(state["data"])["flags"] == []


def test_no_contact_or_a_court_order_is_respected_and_nothing_is_drafted_or_kept() -> None:
    for answer in ("yes", "not sure"):
        state, turn = walk(FirstMessage(), Context(role=PARENT), answer)
        assert turn.status == FINISHED and "unsent letter" in turn.replies[-1].text
        assert not FirstMessage().worth_keeping(state["data"])


def test_a_long_first_message_with_a_demand_is_flagged() -> None:
    context = Context(role=PARENT)
    draft = "Please call me. " + "I have been thinking about everything that happened between us. " * 10
    state, _ = walk(FirstMessage(), context, "no", "my son", draft)
    review = said(FirstMessage(), state, context)
    assert "asks something of them" in review and "quite long" in review
