"""The exercise actions with the real run service and database."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.exercises import ActionFinishExercise, ActionStartExercise, ValidateExerciseForm
from bot.content import say
from bot.exercises import exercise_by_name
from bot.exercises.engine import Context
from bot.exercises.runs import ExerciseRuns
from bot.privacy import export_person
from bot.storage import session_scope
from bot.storage.models import ExerciseRun
from tests.actions.conftest import make_tracker

PERSON = "action-test-person"


def slot_values(events) -> dict:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


def started_circle(sender: str = PERSON, consent: bool = True) -> str:
    with session_scope() as session:
        runs = ExerciseRuns(session=session, sender_id=sender, channel="rest")
        return runs.start(exercise_by_name("circle_of_control"), Context(role="parent", consent_to_save=consent)).run_id


def stored_run(run_id: str) -> ExerciseRun:
    with session_scope() as session:
        return session.get(ExerciseRun, run_id)


async def test_starting_the_circle_sets_only_the_name_and_the_run_id(dispatcher) -> None:
    tracker = make_tracker(text="circle of control", intent="request_circle_of_control")
    slots = slot_values(await ActionStartExercise().run(dispatcher, tracker, {}))
    assert slots["exercise"] == "circle_of_control"
    assert stored_run(slots["exercise_run"]).status == "running"
    assert set(slots) == {"exercise", "exercise_run", "exercise_reply"}


async def test_a_risky_answer_is_never_taken_as_an_exercise_answer(dispatcher) -> None:
    run_id = started_circle()
    tracker = make_tracker(
        text="I want to kill myself",
        intent="share_feelings",
        slots={"exercise": "circle_of_control", "exercise_run": run_id},
        active_loop="exercise_form",
    )
    result = ValidateExerciseForm().validate_exercise_reply("I want to kill myself", dispatcher, tracker, {})
    assert result == {"exercise_reply": "paused"}
    run = stored_run(run_id)
    assert run.status == "paused" and run.state["data"]["worries"] == []
    assert dispatcher.messages[0]["custom"]["safety"]["hotlines"]


async def test_a_worry_moves_the_exercise_on_in_the_run_not_the_slots(dispatcher) -> None:
    run_id = started_circle()
    tracker = make_tracker(slots={"exercise": "circle_of_control", "exercise_run": run_id}, active_loop="exercise_form")
    result = ValidateExerciseForm().validate_exercise_reply("whether she will ever call me", dispatcher, tracker, {})
    assert result == {"exercise_reply": None, "exercise_run": run_id}
    assert stored_run(run_id).state["data"]["worries"] == ["whether she will ever call me"]


def finish_circle(sender: str, consent: bool, said: list[str] | None = None) -> str:
    """Walk a Circle of Control to its end; what its last turn said goes into ``said``."""
    run_id = started_circle(sender, consent)
    context = Context(role="parent", consent_to_save=consent)
    for message in ["whether she will ever call me", "done", "yes", "skip", "write her a birthday card"]:
        with session_scope() as session:
            turn = ExerciseRuns(session=session, sender_id=sender).reply(run_id, message, context)
    assert turn.status == "finished"
    if said is not None:
        said.extend(reply.text for reply in turn.replies)
    return run_id


async def test_a_finished_exercise_is_stored_only_with_consent(dispatcher) -> None:
    for sender, consent in (("consenting-person", True), ("private-person", False)):
        finishing: list[str] = []
        run_id = finish_circle(sender, consent, finishing)
        assert say("saved" if consent else "not_saved") in finishing
        tracker = make_tracker(
            sender=sender, slots={"exercise": "circle_of_control", "exercise_run": run_id, "consent": consent}
        )
        events = await ActionFinishExercise().run(dispatcher, tracker, {})
        assert SlotSet("exercise", None) in events and SlotSet("exercise_run", None) in events
        assert len(export_person(sender)["entries"]) == (1 if consent else 0)
    assert any(message.get("buttons") for message in dispatcher.messages), "the menu follows"
    stored = export_person("consenting-person")["entries"][0]
    assert stored["answers"]["weekly_step"] == "write her a birthday card"


async def test_a_paused_exercise_stays_in_its_table_and_the_slots_are_cleared(dispatcher) -> None:
    run_id = started_circle()
    with session_scope() as session:
        ExerciseRuns(session=session, sender_id=PERSON).pause(run_id)
    tracker = make_tracker(slots={"exercise": "circle_of_control", "exercise_run": run_id})
    slots = slot_values(await ActionFinishExercise().run(dispatcher, tracker, {}))
    assert slots["exercise"] is None and slots["exercise_run"] is None
    assert stored_run(run_id).status == "paused"
