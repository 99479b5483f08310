"""The apology workshop through the really trained model and the real action server."""

from __future__ import annotations

from tests.chat import Chat, button_payloads
from tests.conversation.test_onboarding import export, kept_besides_the_conversation, run_data

FLAWED = "I'm sorry if you felt hurt when I missed your graduation, but I was working."
REVISED = "I'm sorry I missed your graduation. It was my choice and it hurt you. I want to show up for you from now on."


def test_the_whole_workshop_flags_the_draft_then_keeps_the_revision(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    responses = chat.send("help me write an apology")
    assert chat.slot("exercise") == "apology"
    assert "my son" in button_payloads(responses)
    assert "what is it for" in chat.say("my son")
    assert "write the apology" in chat.say("missing his graduation")
    assert "done" in chat.say(FLAWED)
    reply = chat.say("done")
    assert "if you felt hurt" in reply and "One way to say it" in reply
    reply = chat.say("next")
    assert "but" in reply.lower()
    assert "new version" in chat.say("revise")
    chat.send(REVISED)
    reply = chat.say("done")
    assert "What's already strong" in reply and "usual things" in reply
    reply = chat.say("keep this version")
    assert "asks for nothing back" in reply and "saved" in reply
    assert chat.slot("exercise") is None
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "apology"
    assert entry["answers"]["final_version"] == REVISED
    assert entry["answers"]["flags"] == [] and entry["answers"]["revisions"] == 1
    assert REVISED in chat.say("show my last apology")


def test_an_adult_child_is_offered_parents_and_can_stop_and_resume(onboarded_chat: Chat) -> None:
    chat = onboarded_chat
    chat.send("change my role")
    chat.send("adult child who stepped back")
    responses = chat.send("I want to apologise to my mother")
    assert "my mother" in button_payloads(responses)
    assert "Nobody owes an apology for keeping themselves safe" in responses[0]["text"]
    chat.send("my mother")
    assert "paused" in chat.say("stop")
    assert "what is it for" in chat.say("resume")
    assert chat.slot("exercise") == "apology"


def test_a_crisis_inside_the_draft_is_answered_first_and_not_kept_as_the_apology(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("apology workshop")
    chat.send("my daughter")
    chat.send("skip")
    responses = chat.send("sorry for everything, you'll be better off without me soon")
    assert responses[0]["custom"]["safety"]["hotlines"]
    assert run_data(servers, chat.sender, "paused")["parts"] == []
    assert "better off" not in str(kept_besides_the_conversation(servers, chat.sender))
