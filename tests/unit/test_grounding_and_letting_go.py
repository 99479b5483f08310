"""Grounding and letting go, walked through the shared exercise engine as plain Python."""

from __future__ import annotations

from bot.exercises.engine import FINISHED, RUNNING, Context, current_prompt, new_state
from bot.exercises.grounding import Grounding
from bot.exercises.letting_go import LettingGo
from bot.roles import CUT_OFF, PARENT, STEPPED_BACK
from tests.exercise_steps import walk


def text_of(replies) -> str:
    return "\n".join(reply.text for reply in replies)


def test_grounding_breathes_then_walks_the_five_senses_and_closes_by_how_the_person_feels() -> None:
    context = Context(consent_to_save=True)
    first = current_prompt(Grounding(), new_state(Grounding(), context), context)
    assert "breath" in text_of(first) and [b.payload for b in first[-1].buttons] == ["done", "skip"]
    _, turn = walk(Grounding(), context, "done", "cup, window, lamp, door, plant", "feet", "traffic", "coffee", "mint")
    assert turn.status == RUNNING
    assert [b.payload for b in current_prompt(Grounding(), turn.state, context)[-1].buttons][:3] == [
        "calmer", "the same", "worse"
    ]
    _, calmer = walk(Grounding(), context, *["ok"] * 6, "A bit calmer")
    assert calmer.status == FINISHED and "glad" in text_of(calmer.replies)
    _, worse = walk(Grounding(), context, *["skip"] * 6, "worse")
    assert worse.status == FINISHED and "Get help now" in text_of(worse.replies)


def test_grounding_keeps_nothing_and_letting_go_keeps_its_entry_with_consent() -> None:
    assert not Grounding().worth_keeping({})
    assert LettingGo().worth_keeping({})


def test_letting_go_speaks_to_each_side_and_never_sends_the_letter() -> None:
    for role, cue in ((PARENT, "your child"), (STEPPED_BACK, "your parent"), (CUT_OFF, "your parent")):
        context = Context(role=role)
        assert cue in text_of(current_prompt(LettingGo(), new_state(LettingGo(), context), context)), role
    context = Context(role=STEPPED_BACK, consent_to_save=False)
    state, turn = walk(LettingGo(), context, "a close one", "her laugh")
    assert "relief and guilt" in text_of(current_prompt(LettingGo(), state, context))
    state, turn = walk(LettingGo(), context, "a close one", "her laugh", "both", "Mum, I wish", "my friends", "be kind")
    assert turn.status == FINISHED and "haven't kept any of it" in text_of(turn.replies)
    assert LettingGo().entry(state["data"])["letter"] == "Mum, I wish"


def test_grounding_answers_can_be_said_back_for_a_client_to_share_with_their_therapist() -> None:
    # Never kept as an entry, but homework from a therapist can share them when the client chooses.
    from bot.exercises import exercise_by_name

    [described] = exercise_by_name("grounding").describe_entry({"see": "a cup, a lamp", "after": "calmer"})
    assert "Five things I could see:\n  a cup, a lamp" in described.text and "calmer" in described.text
