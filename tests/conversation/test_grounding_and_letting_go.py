"""Grounding and letting go through the really trained bot, for more than one role."""

from __future__ import annotations

from tests.chat import Chat, button_payloads
from tests.conversation.test_onboarding import export, kept_besides_the_conversation, run_data


def test_saying_you_are_overwhelmed_starts_grounding_at_once_and_nothing_is_kept(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    responses = chat.send("I'm overwhelmed right now")
    assert "slow breaths" in "\n".join(item.get("text", "") for item in responses)
    assert chat.slot("exercise") == "grounding" and "done" in button_payloads(responses)
    for answer in ("done", "a mug, the window, my shoes, a lamp, the door", "my feet on the floor", "rain", "skip"):
        chat.send(answer)
    assert "paused" in chat.say("stop")
    assert "Here's where we were" in chat.say("resume")
    chat.send("tea")
    responses = chat.send("A bit calmer")
    text = "\n".join(item.get("text", "") for item in responses)
    assert "glad" in text and "saved" not in text
    assert chat.slot("exercise") is None
    assert not [entry for entry in export(servers, chat.sender)["entries"] if entry["kind"] == "grounding"]


def test_a_risk_message_during_grounding_gets_the_crisis_reply_first(servers) -> None:
    chat = servers.chat()
    chat.onboard(role="adult child who was cut off", country="Ireland")
    chat.send("grounding")
    chat.send("done")
    responses = chat.send("I can't do this, I want to end my life")
    assert responses[0]["custom"]["safety"]["category"] == "suicide"
    assert "end my life" not in str(run_data(servers, chat.sender, "paused"))


def test_letting_go_for_a_parent_keeps_the_unsent_letter_with_consent(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    reply = chat.say("help me let go")
    assert "Letting go isn't forgetting" in reply and "your child" in reply
    for answer in ("Sunday lunches with the grandchildren", "her voice", "love and hurt", "Dear Anna, I miss you"):
        chat.send(answer)
    chat.send("my walking group")
    responses = chat.send("that they did their best")
    assert "saved" in "\n".join(item.get("text", "") for item in responses)
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "letting_go" and entry["answers"]["letter"] == "Dear Anna, I miss you"


def test_letting_go_for_an_adult_child_who_stepped_back_names_relief_and_guilt(servers) -> None:
    chat = servers.chat()
    chat.onboard(consent="no, don't save", role="adult child who stepped back", country="Canada")
    assert "your parent" in chat.say("letting go")
    chat.send("a dad who listened")
    assert "relief and guilt" in chat.say("the idea of him")
    assert "paused" in chat.say("stop")
    assert "Here's where we were" in chat.say("resume")
    for answer in ("both, honestly", "skip", "my partner", "it's okay to choose peace"):
        chat.send(answer)
    assert chat.slot("exercise") is None
    assert not [entry for entry in export(servers, chat.sender)["entries"] if entry["kind"] == "letting_go"]


def test_a_risk_message_in_the_unsent_letter_gets_the_crisis_reply_and_is_not_kept(
    onboarded_chat: Chat, servers
) -> None:
    chat = onboarded_chat
    chat.send("letting go")
    for answer in ("a family that ate together", "the noise at Christmas", "tired"):
        chat.send(answer)
    responses = chat.send("Dear son, by the time you read this I'll be gone, I've made my plans")
    assert responses[0]["custom"]["safety"]["category"] == "suicide"
    assert "made my plans" not in str(run_data(servers, chat.sender, "paused"))
    assert "made my plans" not in str(kept_besides_the_conversation(servers, chat.sender))
