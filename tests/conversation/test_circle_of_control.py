"""The Circle of Control, walked through the really trained model and the real action server."""

from __future__ import annotations

from tests.chat import Chat, button_payloads
from tests.conversation.test_onboarding import export, kept_besides_the_conversation, run_data


def test_the_whole_circle_with_typed_and_button_answers_is_stored(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    reply = chat.say("I want to do the circle of control")
    assert "circle" in reply.lower() and "done" in reply
    assert chat.slot("exercise") == "circle_of_control"
    assert "Anything else" in chat.say("whether my daughter will ever call me")
    chat.say("writing her a birthday card\nwhat my sister tells the family")
    responses = chat.send("done")
    assert "whether my daughter will ever call me" in responses[-1]["text"]
    assert "yes, that fits" in button_payloads(responses)
    chat.send("yes, that fits")
    chat.send("control")
    reply = chat.say("influence")
    assert "Within your influence:" in reply and "what my sister tells the family" in reply
    assert "one small step" in chat.say("I'll try to hold it more loosely")
    reply = chat.say("post the birthday card on Friday")
    assert "post the birthday card on Friday" in reply
    assert "saved" in reply
    assert chat.slot("exercise") is None
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "circle_of_control"
    assert [item["circle"] for item in entry["answers"]["placed"]][1:] == ["control", "influence"]
    assert entry["answers"]["weekly_step"] == "post the birthday card on Friday"
    assert "whether my daughter will ever call me" in chat.say("show my last circle")


def test_a_worry_can_be_moved_to_another_circle(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("what he thinks of me")
    chat.send("done")
    assert "Moved to your circle of control" in chat.say("it's mine to control actually")
    chat.send("skip")
    chat.send("skip")
    placed = export(servers, chat.sender)["entries"][-1]["answers"]["placed"]
    assert placed[0]["circle"] == "control"


def test_stop_pauses_and_resume_continues_where_it_stopped(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("whether my son will come to the wedding")
    assert "paused" in chat.say("stop")
    assert chat.slot("exercise") is None
    menu = chat.send("menu")
    assert "resume" in button_payloads(menu)
    reply = chat.say("resume")
    assert "Welcome back to it" in reply and "Anything else" in reply
    assert chat.slot("exercise") == "circle_of_control"
    assert run_data(servers, chat.sender)["worries"] == ["whether my son will come to the wedding"]


def test_starting_again_offers_to_resume_or_start_fresh(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("my mother getting older")
    chat.send("stop")
    responses = chat.send("circle of control")
    assert "start fresh" in button_payloads(responses)
    chat.send("start fresh")
    assert run_data(servers, chat.sender)["worries"] == []


def test_go_back_and_start_over_work_inside_the_exercise(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("whether she reads my letters")
    chat.send("done")
    assert "back" in chat.say("go back")
    assert run_data(servers, chat.sender)["step"] == "collect"
    assert "start again" in chat.say("start over")
    assert run_data(servers, chat.sender)["worries"] == []


def test_a_crisis_mid_exercise_escalates_and_is_never_stored_as_a_worry(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("whether my daughter calls")
    responses = chat.send("honestly i just want to die, there's no point anymore")
    assert responses[0]["custom"]["safety"]["hotlines"]
    assert "116 123" in "\n".join(item.get("text", "") for item in responses)
    assert chat.slot("exercise") is None
    assert run_data(servers, chat.sender, "paused")["worries"] == ["whether my daughter calls"]
    stored = str(kept_besides_the_conversation(servers, chat.sender))
    assert "want to die" not in stored
    assert "Welcome back to it" in chat.say("go back to my exercise")
    assert chat.slot("exercise") == "circle_of_control"
