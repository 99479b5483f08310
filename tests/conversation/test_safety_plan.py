"""The safety plan: built, partly skipped, shown at once, and edited, through the real bot."""

from __future__ import annotations

from tests.chat import Chat
from tests.conversation.test_onboarding import export

ANSWERS = ["I stop sleeping", "skip", "the allotment", "Sam, 07700 900123", "skip", "stay at Sam's", "my dog, Bess"]


def test_building_a_plan_with_skipped_steps_stores_it_and_shows_it(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    reply = chat.say("make a safety plan")
    assert "safety plan" in reply and "hard moment" in reply
    assert chat.slot("exercise") == "safety_plan"
    replies = [chat.say(answer) for answer in ANSWERS]
    assert "116 123" in replies[3], "the professionals step shows the crisis lines for the person's country"
    assert "Sam, 07700 900123" in replies[-1] and "My reasons for living" in replies[-1]
    stored = export(servers, chat.sender)["entries"][-1]
    assert stored["kind"] == "safety_plan"
    assert stored["answers"]["coping_alone"] is None and stored["answers"]["reasons"] == "my dog, Bess"
    shown = chat.say("show my safety plan")
    assert "my dog, Bess" in shown and "Samaritans" in shown


def test_a_plan_is_edited_step_by_step(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("make a safety plan")
    for answer in ANSWERS:
        chat.send(answer)
    reply = chat.say("edit my safety plan")
    assert "I stop sleeping" in reply
    chat.send("keep")
    chat.send("a hot bath")
    for _ in ANSWERS[2:]:
        chat.send("keep")
    answers = export(servers, chat.sender)["entries"][-1]["answers"]
    assert answers["warning_signs"] == "I stop sleeping" and answers["coping_alone"] == "a hot bath"


def test_without_consent_the_plan_is_shown_but_not_stored(chat: Chat, servers) -> None:
    chat.onboard(consent="no, don't save", role="adult child who was cut off", country="United States")
    chat.send("make a safety plan")
    replies = [chat.say("skip") for _ in ANSWERS]
    assert "keep a copy" in replies[-1] and "988" in replies[-1]
    assert export(servers, chat.sender)["entries"] == []
