"""Onboarding against the really trained model, through the real REST channel and action server."""

from __future__ import annotations

import json
import subprocess

from tests.chat import Chat, button_payloads
from tests.servers import BIN, PROJECT_ROOT


def export(servers, sender: str) -> dict:
    result = subprocess.run(
        [str(BIN / "python"), "-m", "bot", "export", "--sender", sender],
        env=servers.environment, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def kept_besides_the_conversation(servers, sender: str) -> dict:
    """The export without the conversation itself, which holds every message (sealed) until erased:
    what the bot kept of its own accord (entries, runs, safety events)."""
    exported = export(servers, sender)
    assert "conversation" in exported
    return {key: value for key, value in exported.items() if key != "conversation"}


def run_data(servers, sender: str, status: str = "running") -> dict:
    """The working data of the person's newest exercise run with ``status``, as the run table holds it."""
    runs = [run for run in export(servers, sender)["exercise_runs"] if run["status"] == status]
    return runs[-1]["state"]["data"]


def test_first_contact_says_what_this_is_and_is_not_then_asks_consent(chat: Chat) -> None:
    responses = chat.send("hi")
    text = "\n".join(item["text"] for item in responses)
    assert "estrangement" in text
    assert "not a therapist" in text and "not an emergency service" in text
    assert "keep your reflections" in text
    assert button_payloads(responses) == ["yes, keep them", "no, don't save"]
    assert chat.slot("requested_slot") == "consent"


def test_onboarding_with_buttons_stores_the_profile_and_shows_the_menu(chat: Chat, servers) -> None:
    chat.send("hello")
    assert "Which side" in chat.say("yes, keep them")
    assert "Which country" in chat.say("parent")
    responses = chat.send("United Kingdom")
    text = "\n".join(item.get("text", "") for item in responses)
    assert "a parent in United Kingdom" in text
    assert "circle of control" in button_payloads(responses)
    assert chat.slot("onboarded") is True
    stored = export(servers, chat.sender)
    assert stored["profile"] == {**stored["profile"], "role": "parent", "country": "GB", "consent_to_save": True}


def test_onboarding_with_typed_answers(chat: Chat, servers) -> None:
    chat.send("hey there")
    assert "won't save" in chat.say("I'd rather you didn't keep anything")
    chat.say("I'm the daughter, I stopped speaking to my mum")
    assert "an adult child who stepped back in Ireland" in chat.say("ireland")
    stored = export(servers, chat.sender)
    assert stored["profile"]["role"] == "adult_child_stepped_back"
    assert stored["profile"]["country"] == "IE"
    assert stored["profile"]["consent_to_save"] is False


def test_unclear_onboarding_answers_get_a_kind_reask(chat: Chat) -> None:
    chat.send("hi")
    reply = chat.say("purple elephants")
    assert "didn't catch that" in reply and "keep your reflections" in reply
    chat.send("yes")
    responses = chat.send("banana")
    assert "not sure I understood" in "\n".join(item.get("text", "") for item in responses)
    assert "I'd rather not say" in button_payloads(responses)
    chat.send("therapist")
    reply = chat.say("Narnia")
    assert "don't recognise" in reply and "Which country" in reply
    assert "in Germany" in chat.say("Germany")


def test_roles_are_read_by_meaning_in_the_words_people_use(servers) -> None:
    for answer, role, said in (
        ("I am a daughter whose mother cut me off", "adult_child_cut_off", "whose parent cut contact"),
        ("I am the son, dad left", "adult_child_cut_off", "whose parent cut contact"),
        ("my son hasn't spoken to me in three years", "parent", "a parent"),
        ("I'd rather not say", "unspecified", "open to either side"),
    ):
        chat = servers.chat()
        chat.send("hi")
        chat.send("no")
        assert "Which country" in chat.say(answer), answer
        assert said in chat.say("United Kingdom"), answer
        assert export(servers, chat.sender)["profile"]["role"] == role, answer


def test_an_adult_child_who_does_not_say_which_way_is_asked_just_that(chat: Chat, servers) -> None:
    chat.send("hi")
    chat.send("no")
    responses = chat.send("adult child")
    assert "did you step back" in "\n".join(item.get("text", "") for item in responses)
    assert button_payloads(responses) == ["adult child who stepped back", "adult child who was cut off"]
    assert "Which country" in chat.say("I stepped back")
    chat.send("Ireland")
    assert export(servers, chat.sender)["profile"]["role"] == "adult_child_stepped_back"


def test_somewhere_else_is_accepted_as_a_country(chat: Chat) -> None:
    chat.send("hi")
    chat.send("no")
    chat.send("relative")
    reply = chat.say("somewhere else")
    assert "another relative" in reply
    assert chat.slot("country") == "other"


def test_unclear_input_after_onboarding_gets_a_kind_answer_not_silence(onboarded_chat: Chat) -> None:
    for gibberish in ("asdkjh qwpoeiru zzxv", "???", "🙂"):
        responses = onboarded_chat.send(gibberish)
        assert responses, gibberish
        assert all(item.get("text") for item in responses)


def test_a_person_can_change_their_country(onboarded_chat: Chat, servers) -> None:
    assert "Which country" in onboarded_chat.say("change my country")
    assert "updated" in onboarded_chat.say("Canada")
    assert export(servers, onboarded_chat.sender)["profile"]["country"] == "CA"


def test_a_person_is_remembered_across_a_restart_of_the_servers(chat: Chat, servers) -> None:
    chat.onboard(role="adult child who was cut off", country="Australia")
    servers.stop("rasa")
    servers.stop("actions")
    servers.start_actions()
    servers.start_rasa()
    reply = chat.say("hello")
    assert "Welcome back" in reply or "Hello again" in reply
    assert "keep your reflections" not in reply
    assert chat.slot("country") == "AU"
