"""Exercise runs live in their own table: they outlast a server restart and a new session,
a crisis pauses them where they were, and the conversation's slots never hold an answer."""

from __future__ import annotations

import json

import requests

from tests.chat import Chat
from tests.conversation.test_onboarding import export, run_data
from tests.servers import BotServers

WORRY = "whether my nephew tells my son about the letter"


def slot_events(chat: Chat) -> list[dict]:
    return [event for event in chat.tracker()["events"] if event["event"] == "slot"]


def test_a_run_survives_restarting_rasa_and_the_action_server(onboarded_chat: Chat, servers: BotServers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send(WORRY)
    servers.stop("rasa")
    servers.stop("actions")
    servers.start_actions()
    servers.start_rasa()
    reply = chat.say("done")
    assert WORRY in reply
    assert run_data(servers, chat.sender)["worries"] == [WORRY]


def test_a_run_survives_a_new_session_and_is_resumed_where_it_stopped(
    onboarded_chat: Chat, servers: BotServers
) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send(WORRY)
    started = requests.post(
        f"{servers.rasa_url}/conversations/{chat.sender}/execute",
        params={"token": servers.api_token},
        json={"name": "action_session_start"},
        timeout=60,
    )
    assert started.status_code == 200
    assert chat.slot("exercise") is None and chat.slot("exercise_run") is None
    assert run_data(servers, chat.sender, "paused")["worries"] == [WORRY]
    reply = chat.say("resume")
    assert "Welcome back to it" in reply and "Anything else" in reply
    assert WORRY in chat.say("done")


def test_a_run_paused_by_a_crisis_is_resumed_with_its_answers(onboarded_chat: Chat, servers: BotServers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    run_id = chat.slot("exercise_run")
    chat.send(WORRY)
    responses = chat.send("I can't go on, I want to end my life")
    assert responses[0]["custom"]["safety"]["hotlines"]
    assert chat.slot("exercise_run") is None
    assert "Welcome back to it" in chat.say("go back to my exercise")
    assert chat.slot("exercise_run") == run_id
    assert WORRY in chat.say("done")


def test_the_tracker_holds_no_exercise_answers(onboarded_chat: Chat, servers: BotServers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send(WORRY)
    chat.send("stop")
    chat.send("make a safety plan")
    chat.send("counting the days since she last wrote")
    # exercise_reply mirrors each message for a moment, as the user event itself does; no
    # other slot may hold what was written, or the state it builds up.
    others = [event for event in slot_events(chat) if event["name"] != "exercise_reply"]
    written = json.dumps(others)
    assert WORRY not in written and "counting the days" not in written
    assert {event["name"] for event in others} >= {"exercise", "exercise_run"}
    assert "exercise_state" not in chat.tracker()["slots"] and "paused_exercise" not in chat.tracker()["slots"]
    assert run_data(servers, chat.sender)["answers"] == {"warning_signs": "counting the days since she last wrote"}
    assert any(run["status"] == "paused" for run in export(servers, chat.sender)["exercise_runs"])
