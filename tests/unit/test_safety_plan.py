"""The safety plan exercise on the shared mechanism."""

from __future__ import annotations

from bot.exercises.engine import Context, current_prompt, handle_reply, new_state
from bot.exercises.safety_plan import STEPS, SafetyPlan, describe_plan

PLAN, CONTEXT = SafetyPlan(), Context(country="US", consent_to_save=True)


def run(state, *messages):
    turn = None
    for message in messages:
        turn = handle_reply(PLAN, state, message, CONTEXT)
        state = turn.state
    return turn


def test_every_step_can_be_skipped_and_the_lines_are_prefilled() -> None:
    turn = run(new_state(PLAN, CONTEXT), *["skip"] * len(STEPS))
    assert turn.status == "finished"
    assert "988" in "\n".join(reply.text for reply in turn.replies)


def test_answers_are_kept_in_the_plan() -> None:
    answers = ["not sleeping", "a long walk", "my allotment", "Sam, 07700 900123", "skip", "stay with Sam", "my dog"]
    turn = run(new_state(PLAN, CONTEXT), *answers)
    entry = PLAN.entry(turn.state["data"])
    assert entry["people_to_ask"] == "Sam, 07700 900123"
    assert entry["professionals"] is None
    assert "My reasons for living" in describe_plan(entry, "US")[0].text


def test_editing_keeps_what_the_person_keeps_and_replaces_the_rest() -> None:
    previous = {step: f"old {step}" for step in STEPS}
    state = new_state(PLAN, CONTEXT, previous=previous)
    assert "old warning_signs" in current_prompt(PLAN, state, CONTEXT)[-1].text
    turn = run(state, "keep", "new coping", *["keep"] * (len(STEPS) - 2))
    entry = PLAN.entry(turn.state["data"])
    assert entry["warning_signs"] == "old warning_signs" and entry["coping_alone"] == "new coping"


def test_the_professionals_step_shows_the_lines_for_the_country() -> None:
    state = run(new_state(PLAN, CONTEXT), *["skip"] * 4).state
    assert "988" in "\n".join(reply.text for reply in current_prompt(PLAN, state, CONTEXT))
