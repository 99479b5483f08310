"""The exercise run service on a real, migrated SQLite database (no Rasa)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bot.config import settings
from bot.exercises import Context, exercise_by_name
from bot.exercises.engine import ABANDONED, FINISHED, PAUSED, RUNNING
from bot.exercises.runs import ExerciseRuns, RunNotFoundError
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import ExerciseRun
from bot.storage.repositories import erase_user, latest_entry
from bot.storage.sealing import sealer

SAVING, NOT_SAVING = Context(role="parent", country="GB", consent_to_save=True), Context(role="parent", country="GB")
CIRCLE, PLAN = exercise_by_name("circle_of_control"), exercise_by_name("safety_plan")


@pytest.fixture(autouse=True)
def migrated() -> None:
    upgrade_schema()


def runs_of(session, sender: str = "person-1") -> ExerciseRuns:
    return ExerciseRuns(session=session, sender_id=sender, channel="rest")


def start(exercise, context: Context = SAVING, sender: str = "person-1") -> str:
    with session_scope() as session:
        return runs_of(session, sender).start(exercise, context).run_id


def say(run_id: str, *messages: str, context: Context = SAVING, sender: str = "person-1"):
    turn = None
    for message in messages:
        with session_scope() as session:
            turn = runs_of(session, sender).reply(run_id, message, context)
    return turn


def stored_run(run_id: str) -> ExerciseRun:
    with session_scope() as session:
        return session.get(ExerciseRun, run_id)


def test_a_run_keeps_its_answers_in_its_own_row_between_sessions() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether my son calls me")
    run = stored_run(run_id)
    assert run.status == RUNNING and run.exercise == "circle_of_control"
    assert run.state["data"]["worries"] == ["whether my son calls me"]


def test_a_finished_run_is_saved_with_consent_and_its_working_state_emptied() -> None:
    run_id = start(PLAN)
    turn = say(run_id, "not sleeping", *["skip"] * 6)
    assert turn.status == FINISHED and turn.saved
    run = stored_run(run_id)
    assert run.state is None and run.ended_at is not None and run.entry_id is not None
    with session_scope() as session:
        assert latest_entry(session=session, sender_id="person-1", kind="safety_plan").answers["warning_signs"] == (
            "not sleeping"
        )


def test_without_consent_a_finished_run_keeps_nothing_it_was_told() -> None:
    run_id = start(PLAN, NOT_SAVING)
    turn = say(run_id, "a very particular warning sign", *["skip"] * 6, context=NOT_SAVING)
    assert turn.status == FINISHED and not turn.saved
    assert stored_run(run_id).state is None
    path = settings().database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    assert "a very particular warning sign" not in dump


def test_stop_pauses_and_starting_again_offers_to_resume_where_it_stopped() -> None:
    run_id = start(CIRCLE)
    assert say(run_id, "whether she will call", "stop").status == PAUSED
    with session_scope() as session:
        assert runs_of(session).paused_exercises() == ["circle_of_control"]
        offered = runs_of(session).start(CIRCLE, SAVING)
        assert offered.run_id == run_id
        assert "pick up where you left off" in runs_of(session).prompt(run_id, SAVING)[0].text
    resumed = say(run_id, "pick up where I left off")
    assert resumed.run_id == run_id and "Welcome back" in resumed.replies[0].text
    assert stored_run(run_id).state["data"]["worries"] == ["whether she will call"]


def test_starting_fresh_abandons_the_paused_run_and_forgets_it() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether she will call", "stop")
    start(CIRCLE)
    fresh = say(run_id, "start fresh")
    assert fresh.run_id != run_id and fresh.status == RUNNING
    old = stored_run(run_id)
    assert old.status == ABANDONED and old.state is None
    assert stored_run(fresh.run_id).state["data"]["worries"] == []


def test_a_crisis_pause_and_resume_latest_continue_the_same_run() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether my daughter replies")
    with session_scope() as session:
        assert runs_of(session).pause_running() == ["circle_of_control"]
    with session_scope() as session:
        turn = runs_of(session).resume_latest()
    assert turn.run_id == run_id and turn.status == RUNNING
    assert stored_run(run_id).state["data"]["worries"] == ["whether my daughter replies"]


def test_starting_another_exercise_pauses_the_running_one() -> None:
    circle = start(CIRCLE)
    say(circle, "whether he comes to the wedding")
    plan = start(PLAN)
    assert stored_run(circle).status == PAUSED and stored_run(plan).status == RUNNING


def test_back_and_skip_are_the_services_own_steps() -> None:
    run_id = start(PLAN)
    say(run_id, "not sleeping")
    with session_scope() as session:
        runs_of(session).back(run_id)
    assert stored_run(run_id).state["data"]["position"] == 0
    with session_scope() as session:
        runs_of(session).skip(run_id, SAVING)
    assert stored_run(run_id).state["data"]["position"] == 1


def test_abandon_ends_a_run_and_forgets_what_was_written() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether my mother forgives me")
    with session_scope() as session:
        runs_of(session).abandon(run_id)
    assert stored_run(run_id).status == ABANDONED and stored_run(run_id).state is None


def test_a_run_answers_only_the_person_it_belongs_to() -> None:
    run_id = start(CIRCLE, sender="person-1")
    start(CIRCLE, sender="person-2")
    with session_scope() as session, pytest.raises(RunNotFoundError):
        runs_of(session, "person-2").reply(run_id, "hello", SAVING)


def test_an_ended_run_takes_no_more_answers() -> None:
    run_id = start(CIRCLE)
    say(run_id, "stop")
    with session_scope() as session, pytest.raises(RunNotFoundError):
        runs_of(session).reply(run_id, "whether he calls", SAVING)


def test_an_editable_exercise_starts_from_the_last_saved_entry() -> None:
    run_id = start(PLAN)
    say(run_id, "not sleeping", *["skip"] * 6)
    again = start(PLAN)
    assert "not sleeping" in runs_of_prompt(again)


def runs_of_prompt(run_id: str) -> str:
    with session_scope() as session:
        return "\n".join(reply.text for reply in runs_of(session).prompt(run_id, SAVING))


def test_erasing_a_person_erases_their_runs() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether my son calls me")
    with session_scope() as session:
        assert erase_user(session=session, sender_id="person-1")
    assert stored_run(run_id) is None


def test_the_state_column_is_sealed_json_text() -> None:
    run_id = start(CIRCLE)
    say(run_id, "whether my son calls me")
    path = settings().database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        (raw,) = connection.execute("select state from exercise_runs where id = ?", (run_id,)).fetchone()
    assert "son" not in raw and json.loads(sealer().open(raw))["data"]["worries"] == ["whether my son calls me"]
