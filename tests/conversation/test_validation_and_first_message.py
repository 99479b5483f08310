"""Validation practice and a first message through the really trained bot, for more than one role."""

from __future__ import annotations

from tests.chat import Chat, button_payloads
from tests.conversation.test_onboarding import export, run_data


def texts(responses: list[dict]) -> str:
    return "\n".join(item.get("text", "") for item in responses)


def test_validation_for_a_parent_catches_the_but_and_keeps_the_revised_statement(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    responses = chat.send("validation practice")
    assert "your son or daughter" in texts(responses)
    assert chat.slot("exercise") == "validation"
    chat.send("I missed her graduation because of work")
    assert "they needed to be heard" in button_payloads(chat.send("they felt hurt"))
    chat.send("they needed to be heard")
    review = texts(chat.send("It makes sense that you felt hurt, but I had no choice"))
    assert "\"but\"" in review and "One way to say it" in review
    chat.send("try again")
    finished = texts(chat.send("It makes sense that you felt hurt, because I wasn't there on a day that mattered"))
    assert "reads as validating" in finished and "saved" in finished
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "validation" and entry["answers"]["flags"] == []


def test_validation_for_an_adult_child_can_stop_resume_and_meet_a_crisis(servers) -> None:
    chat = servers.chat()
    chat.onboard(consent="no, don't save", role="adult child who was cut off", country="United States")
    assert "your parent" in chat.say("practise validating")
    chat.send("mum says I shut her out")
    assert "paused" in chat.say("stop")
    assert "Here's where we were" in chat.say("resume")
    responses = chat.send("honestly I just want to die, nothing I do is ever enough")
    assert responses[0]["custom"]["safety"]["category"] == "suicide"
    assert "want to die" not in str(run_data(servers, chat.sender, "paused"))


def test_a_first_message_is_not_drafted_where_no_contact_was_asked_for(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    responses = chat.send("help me write a first message")
    assert "asked you not to contact them" in texts(responses)
    assert button_payloads(responses) == ["yes", "no", "not sure"]
    reply = chat.say("yes")
    assert "respect that" in reply and "saved" not in reply
    assert chat.slot("exercise") is None
    assert not [entry for entry in export(servers, chat.sender)["entries"] if entry["kind"] == "first_message"]


def test_a_first_message_for_an_adult_child_flags_demands_and_the_past(servers) -> None:
    chat = servers.chat()
    chat.onboard(role="adult child who stepped back", country="United Kingdom")
    chat.send("first message")
    assert "my mother" in button_payloads(chat.send("no"))
    chat.send("my mother")
    review = chat.say("Mum, why did you never call me back? Please reply this time.")
    assert "goes over the past" in review and "asks something of them" in review
    chat.send("revise")
    finished = chat.say("Hi Mum, I think of you often. No need to reply.")
    # Some warm drafts are asked about by the risk layers (see the README's known limits); this
    # one is an ordinary first message, and the exercise's own feedback is what is tested here.
    assert "Are you thinking about" not in finished, "the risk layers asked about an ordinary first message"
    assert "open door" in finished and "no reply" in finished
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "first_message" and entry["answers"]["revisions"] == 1


def test_a_first_message_can_stop_resume_and_meet_a_crisis(servers) -> None:
    chat = servers.chat()
    chat.onboard(role="adult child who was cut off", country="Australia")
    chat.send("first message")
    chat.send("no")
    assert "paused" in chat.say("stop")
    assert "Who is the message for" in chat.say("resume")
    chat.send("my father")
    responses = chat.send("dad if you don't answer this time I'm going to kill myself")
    assert responses[0]["custom"]["safety"]["category"] == "suicide"
    assert "kill myself" not in str(run_data(servers, chat.sender, "paused"))
