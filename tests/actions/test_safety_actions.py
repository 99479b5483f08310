"""The crisis reply as an action: lines first, the exercise paused, an event without text."""

from __future__ import annotations

from actions.safety import ActionCrisisResponse, ActionSos, ValidateCrisisForm
from bot.exercises import exercise_by_name
from bot.exercises.engine import Context
from bot.exercises.runs import ExerciseRuns
from bot.privacy import export_person
from bot.storage import session_scope
from bot.storage.models import ExerciseRun
from tests.actions.conftest import make_tracker

RISK = {"category": "suicide", "layer": "patterns", "rule": "test", "about_someone_else": False}


async def test_the_first_message_of_the_crisis_reply_carries_the_lines(dispatcher) -> None:
    tracker = make_tracker(text="I want to die", intent="crisis", risk=RISK, sender="crisis-person")
    await ActionCrisisResponse().run(dispatcher, tracker, {})
    first = dispatcher.messages[0]
    assert first["text"]
    safety = first["custom"]["safety"]
    assert safety["category"] == "suicide"
    assert any("116 123" in line["contact"] for line in safety["hotlines"])


async def test_a_crisis_pauses_the_running_exercise_where_it_was(dispatcher) -> None:
    with session_scope() as session:
        runs = ExerciseRuns(session=session, sender_id="crisis-person")
        run_id = runs.start(exercise_by_name("circle_of_control"), Context()).run_id
        runs.reply(run_id, "whether he calls", Context())
    tracker = make_tracker(
        text="I want to die", intent="crisis", risk=RISK, active_loop="exercise_form", sender="crisis-person",
        slots={"exercise": "circle_of_control", "exercise_run": run_id},
    )
    events = await ActionCrisisResponse().run(dispatcher, tracker, {})
    slots = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    assert slots["exercise"] is None and slots["exercise_run"] is None
    with session_scope() as session:
        run = session.get(ExerciseRun, run_id)
        assert run.status == "paused" and run.state["data"]["worries"] == ["whether he calls"]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


async def test_a_safety_event_is_recorded_without_the_message(dispatcher) -> None:
    tracker = make_tracker(text="he hits me every night", intent="crisis", sender="event-person",
                           risk={**RISK, "category": "abuse"})
    await ActionCrisisResponse().run(dispatcher, tracker, {})
    exported = export_person("event-person")
    assert exported["safety_events"][0]["category"] == "abuse"
    assert "hits" not in str(exported)


async def test_sos_lists_the_lines_and_leaves_the_exercise_running(dispatcher) -> None:
    tracker = make_tracker(text="/sos", intent="sos", slots={"country": "US", "exercise": "circle_of_control"})
    events = await ActionSos().run(dispatcher, tracker, {})
    assert events == []
    assert "988" in "\n".join(message["text"] for message in dispatcher.messages)


ASK = {"level": "ask", "category": "suicide", "layer": "classifier", "rule": "risk_classifier_unsure",
       "about_someone_else": False}


async def test_an_unsure_verdict_asks_one_direct_question_instead_of_the_lines(dispatcher) -> None:
    tracker = make_tracker(text="everything feels pointless lately", intent="crisis", risk=ASK, sender="ask-person")
    events = await ActionCrisisResponse().run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 1
    question = dispatcher.messages[0]
    assert question["custom"] == {"safety": {"level": "ask", "category": "suicide"}}
    assert "ending your life" in question["text"]
    assert [button["payload"] for button in question["buttons"]] == ["yes", "no, I'm safe", "help now"]
    slots = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    assert slots["crisis_state"]["asking"] is True
    assert export_person("ask-person")["safety_events"][0]["layer"] == "ask"


async def test_yes_to_the_question_gives_the_crisis_reply_with_the_lines(dispatcher) -> None:
    tracker = make_tracker(text="yes", intent="affirm", active_loop="crisis_form",
                           slots={"crisis_state": {"category": "suicide", "denied": False, "asking": True, "asked": 1}})
    result = ValidateCrisisForm().validate_safety_reply("yes", dispatcher, tracker, {})
    assert result["safety_reply"] is None
    assert "asking" not in result["crisis_state"]
    safety = dispatcher.messages[0]["custom"]["safety"]
    assert safety["level"] == "crisis" and any("116 123" in line["contact"] for line in safety["hotlines"])


async def test_more_risk_while_already_in_the_mode_gets_the_lines_not_another_question(dispatcher) -> None:
    tracker = make_tracker(text="it's all too much", intent="crisis", risk=ASK, active_loop="crisis_form",
                           slots={"crisis_state": {"category": "suicide", "denied": False}})
    await ActionCrisisResponse().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["custom"]["safety"]["level"] == "crisis"
