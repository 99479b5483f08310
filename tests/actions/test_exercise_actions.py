"""The exercise actions with the real engine and database."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.exercises import ActionFinishExercise, ActionStartExercise, ValidateExerciseForm
from bot.exercises import exercise_by_name
from bot.exercises.engine import Context, handle_reply, new_state
from bot.privacy import export_person
from tests.actions.conftest import make_tracker


def slot_values(events) -> dict:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


async def test_starting_the_circle_sets_the_exercise_slot(dispatcher) -> None:
    tracker = make_tracker(text="circle of control", intent="request_circle_of_control")
    events = await ActionStartExercise().run(dispatcher, tracker, {})
    slots = slot_values(events)
    assert slots["exercise"] == "circle_of_control"
    assert slots["exercise_state"]["status"] == "running"


async def test_a_risky_answer_is_never_taken_as_an_exercise_answer(dispatcher) -> None:
    state = new_state(exercise_by_name("circle_of_control"), Context(role="parent"))
    tracker = make_tracker(
        text="I want to kill myself",
        intent="share_feelings",
        slots={"exercise": "circle_of_control", "exercise_state": state},
        active_loop="exercise_form",
    )
    result = ValidateExerciseForm().validate_exercise_reply("I want to kill myself", dispatcher, tracker, {})
    assert result["exercise_state"]["data"]["worries"] == []
    assert result["exercise_state"]["status"] == "paused"
    assert dispatcher.messages[0]["custom"]["safety"]["hotlines"]


async def test_a_worry_moves_the_exercise_on(dispatcher) -> None:
    state = new_state(exercise_by_name("circle_of_control"), Context(role="parent"))
    tracker = make_tracker(
        slots={"exercise": "circle_of_control", "exercise_state": state}, active_loop="exercise_form"
    )
    result = ValidateExerciseForm().validate_exercise_reply("whether she will ever call me", dispatcher, tracker, {})
    assert result["exercise_reply"] is None
    assert result["exercise_state"]["data"]["worries"] == ["whether she will ever call me"]


def finished_circle_state() -> dict:
    exercise, context = exercise_by_name("circle_of_control"), Context(role="parent")
    state = new_state(exercise, context)
    for message in ["whether she will ever call me", "done", "yes", "skip", "write her a birthday card"]:
        state = handle_reply(exercise, state, message, context).state
    assert state["status"] == "finished"
    return state


async def test_a_finished_exercise_is_stored_only_with_consent(dispatcher) -> None:
    state = finished_circle_state()
    for sender, consent in (("consenting-person", True), ("private-person", False)):
        tracker = make_tracker(
            sender=sender, slots={"exercise": "circle_of_control", "exercise_state": state, "consent": consent}
        )
        events = await ActionFinishExercise().run(dispatcher, tracker, {})
        assert SlotSet("exercise", None) in events
        entries = export_person(sender)["entries"]
        assert len(entries) == (1 if consent else 0)
    stored = export_person("consenting-person")["entries"][0]
    assert stored["answers"]["weekly_step"] == "write her a birthday card"


async def test_a_paused_exercise_is_set_aside_to_resume(dispatcher) -> None:
    state = {**finished_circle_state(), "status": "paused"}
    tracker = make_tracker(slots={"exercise": "circle_of_control", "exercise_state": state})
    slots = slot_values(await ActionFinishExercise().run(dispatcher, tracker, {}))
    assert slots["exercise"] is None
    assert slots["paused_exercise"]["circle_of_control"]["status"] == "paused"
