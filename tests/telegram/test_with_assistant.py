"""Telegram conversations with the really trained assistant: the bridge, the fake Bot API, real Rasa.

Nothing of ours is mocked: updates go through python-telegram-bot, the bridge and Rasa's REST
channel to the action server, and /mydata and /delete use the servers' database.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import secrets
from typing import Any

import pytest
import requests
from telegram.ext import Application

from bot.channels.telegram import content, sender_id_for
from bot.channels.telegram.app import QUIET_LOGGERS
from bot.channels.telegram.delivery import deliver
from bot.privacy import export_person
from tests.servers import BotServers
from tests.telegram.conftest import sent_check_backs
from tests.telegram.fake_bot_api import FakeBotApi, callback_update, text_update

pytestmark = [
    pytest.mark.asyncio(loop_scope="session"),
    pytest.mark.conversation,
    pytest.mark.usefixtures("servers_database"),
]

CONSENT_PAYLOADS = ["yes, keep them", "no, don't save"]
_people = itertools.count(920_001)


def someone() -> int:
    """A new Telegram user (their private chat has the same id)."""
    return next(_people)


def callback_data(call: Any) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [button["callback_data"] for row in markup.get("inline_keyboard", []) for button in row]


async def question_with_buttons(fake: FakeBotApi, user: int, payloads: list[str], after: int = 0) -> Any:
    """Wait for the message (after the first ``after`` ones) whose inline keyboard carries ``payloads``."""
    def found() -> Any:
        sent = fake.calls_to("sendMessage", user)[after:]
        return next((call for call in sent if callback_data(call) == payloads), None)

    return await fake.wait_for(found)


def tracker(servers: BotServers, user: int) -> dict:
    reply = requests.get(
        f"{servers.rasa_url}/conversations/{sender_id_for(user)}/tracker",
        params={"token": servers.api_token},
        timeout=30,
    )
    reply.raise_for_status()
    return reply.json()


async def test_onboarding_through_telegram_with_a_button_press_and_typed_answers(
    rasa_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/start"))
    consent = await question_with_buttons(fake_api, user, CONSENT_PAYLOADS)
    assert "estrangement" in "\n".join(fake_api.texts(user))
    assert fake_api.calls_to("sendChatAction", user)[0].params["action"] == "typing"

    await fake_api.push(callback_update(user, consent.result, "yes, keep them"))
    await fake_api.wait_for_text(user, "Which side")
    answered = [c.params["callback_query_id"] for c in fake_api.calls_to("answerCallbackQuery")]
    assert any(query.startswith(f"cq-{user}-{consent.result['message_id']}") for query in answered)
    edits = fake_api.calls_to("editMessageReplyMarkup", user)
    assert [edit.params["message_id"] for edit in edits] == [consent.result["message_id"]]
    assert "reply_markup" not in edits[0].params or not edits[0].params["reply_markup"]

    role_question = next(c for c in fake_api.calls_to("sendMessage", user) if "Which side" in c.params["text"])
    await fake_api.push(text_update(user, "parent"))  # typed, not pressed: the role buttons retire too
    await fake_api.wait_for_text(user, "Which country")
    assert fake_api.calls_to("editMessageReplyMarkup", user)[-1].params["message_id"] == role_question.result[
        "message_id"]
    await fake_api.push(text_update(user, "United Kingdom"))
    await fake_api.wait_for_text(user, "a parent in United Kingdom")

    profile = (await asyncio.to_thread(export_person, sender_id_for(user)))["profile"]
    assert (profile["role"], profile["country"], profile["consent_to_save"]) == ("parent", "GB", True)
    assert all("parse_mode" not in call.params for call in fake_api.calls_to("sendMessage", user))


async def test_a_deep_link_carries_the_homework_code_to_the_assistant(
    rasa_bot: Application, fake_api: FakeBotApi, servers: BotServers
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/start ab3d5f7h"))
    await question_with_buttons(fake_api, user, CONSENT_PAYLOADS)
    state = tracker(servers, user)
    assert state["latest_message"]["text"] == "my code is AB3D5F7H"
    assert state["latest_message"]["intent"]["name"] == "redeem_code"
    assert state["slots"]["homework_code"] == "AB3D5F7H", "kept until onboarding is done"


async def test_a_malformed_deep_link_code_is_not_forwarded(
    rasa_bot: Application, fake_api: FakeBotApi, servers: BotServers
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/start <script>"))
    await question_with_buttons(fake_api, user, CONSENT_PAYLOADS)
    assert fake_api.texts(user)[0] == content.say("homework_code_invalid")
    assert tracker(servers, user)["latest_message"]["text"] == "hi"


async def test_homework_opened_from_a_deep_link_asks_consent_runs_the_exercise_and_is_reminded_once(
    rasa_bot: Application, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import settings

    monkeypatch.setenv("HOMEWORK_REMINDER_HOUR", "0")  # any hour of the day the test runs
    settings.cache_clear()
    from datetime import date

    from bot.portal.accounts import create_therapist
    from bot.portal.assignments import AssignmentRequest, create_assignment
    from bot.storage import session_scope
    from bot.storage.models import Assignment

    def assign() -> tuple[int, str]:
        with session_scope() as session:
            therapist = create_therapist(session, f"t{user}@example.org", "a long enough passphrase", "Ann Smith")
            assignment = create_assignment(
                session, therapist, AssignmentRequest("grounding", "Telegram client").checked(date.today())
            )
            return assignment.id, assignment.code

    def status(assignment_id: int) -> str:
        with session_scope() as session:
            return session.get(Assignment, assignment_id).status

    user = someone()
    assignment_id, code = await asyncio.to_thread(assign)
    await fake_api.push(text_update(user, "/start"))
    consent = await question_with_buttons(fake_api, user, CONSENT_PAYLOADS)
    await fake_api.push(callback_update(user, consent.result, "yes, keep them"))
    await fake_api.wait_for_text(user, "Which side")
    await fake_api.push(text_update(user, "parent"))
    await fake_api.wait_for_text(user, "Which country")
    await fake_api.push(text_update(user, "United Kingdom"))
    await fake_api.wait_for_text(user, "a parent in United Kingdom")

    await fake_api.push(text_update(user, f"/start {code}"))
    await fake_api.wait_for_text(user, "Ann Smith has suggested")
    question = await question_with_buttons(fake_api, user, ["Yes, that's OK", "No, keep it private"])
    assert "never see our conversation" in question.params["text"]
    await fake_api.push(callback_update(user, question.result, "Yes, that's OK"))
    await fake_api.wait_for_text(user, "Let's begin")
    assert await asyncio.to_thread(status, assignment_id) == "started"

    # Due tomorrow: one gentle reminder today, neutral words, once; none after it is done.
    def due_tomorrow() -> str | None:
        from datetime import timedelta

        from bot.portal.assignments import today

        with session_scope() as session:
            assignment = session.get(Assignment, assignment_id)
            assignment.due_on = today() + timedelta(days=1)
            return assignment.reminder_chat_id

    def shared() -> tuple[str, list]:
        from bot.portal.results import views_of

        with session_scope() as session:
            assignment = session.get(Assignment, assignment_id)
            return assignment.status, [result.answers for result in views_of(assignment)]

    from bot.channels.telegram import reminders

    for _ in range(100):  # the bridge notes the chat just after its answer goes out
        noted = await asyncio.to_thread(due_tomorrow)
        if noted:
            break
        await asyncio.sleep(0.1)
    assert noted == str(user), "the chat is noted once the person agreed"
    assert await reminders.send_due(rasa_bot.bot) == 1
    assert await reminders.send_due(rasa_bot.bot) == 0, "sent once"
    [reminder] = [call for call in fake_api.calls_to("sendMessage", user) if "gentle reminder" in call.params["text"]]
    assert "therap" not in reminder.params["text"].lower() and "ground" not in reminder.params["text"].lower()
    assert callback_data(reminder) == [f"my code is {code}"]
    await fake_api.push(callback_update(user, reminder.result, f"my code is {code}"))
    await fake_api.wait_for(lambda: sum("Ann Smith has suggested" in text for text in fake_api.texts(user)) == 2)

    # The exercise done on Telegram, the answers shared: the therapist's results hold them.
    await fake_api.push(text_update(user, "Yes, that's OK"))
    await fake_api.wait_for(lambda: sum("Let's begin" in text for text in fake_api.texts(user)) == 2)
    for answer in ["done", "a cup, a wall, a lamp, a door, a book", "feet, chair, sleeves, air", "rain, a clock, a car",
                   "coffee, soap", "tea"]:  # fmt: skip
        sent = len(fake_api.texts(user))
        await fake_api.push(text_update(user, answer))
        await fake_api.wait_for(lambda sent=sent: len(fake_api.texts(user)) > sent)
    await fake_api.push(text_update(user, "A bit calmer"))
    await fake_api.wait_for_text(user, "What would you like Ann Smith to see?")
    await fake_api.push(text_update(user, "My answers"))
    await fake_api.wait_for_text(user, "can see your answers")
    status_now, answers = await asyncio.to_thread(shared)
    assert status_now == "completed" and any("a cup, a wall" in line for line in answers[0]), answers
    await asyncio.to_thread(due_tomorrow)
    assert await reminders.send_due(rasa_bot.bot) == 0, "never after completion"


async def test_two_people_at_once_are_both_answered_each_in_order(
    rasa_bot: Application, fake_api: FakeBotApi
) -> None:
    first, second = someone(), someone()
    for update in (text_update(first, "/start"), text_update(second, "hello"),
                   text_update(first, "yes, keep them"), text_update(second, "no, don't save")):
        await fake_api.push(update)
    for user in (first, second):
        await fake_api.wait_for_text(user, "Which side")
        texts = fake_api.texts(user)
        asked_consent = next(i for i, text in enumerate(texts) if "keep your reflections" in text)
        asked_role = next(i for i, text in enumerate(texts) if "Which side" in text)
        assert asked_consent < asked_role
    assert any("won't save" in text for text in fake_api.texts(second))


async def test_a_long_button_payload_reaches_the_assistant_whole(
    rasa_bot: Application, fake_api: FakeBotApi, servers: BotServers
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/start"))
    await question_with_buttons(fake_api, user, CONSENT_PAYLOADS)
    long_payload = "I would rather you did not keep anything I write here, thank you very much"
    await deliver(rasa_bot.bot, user, [{"text": "Shall I?", "buttons": [{"title": "No", "payload": long_payload}]}],
                  rasa_bot.chat_data[user])
    question = fake_api.calls_to("sendMessage", user)[-1]
    sent_before = len(fake_api.calls_to("sendMessage", user))
    await fake_api.push(callback_update(user, question.result, callback_data(question)[0]))
    await fake_api.wait_for(lambda: len(fake_api.calls_to("sendMessage", user)) > sent_before)
    assert tracker(servers, user)["latest_message"]["text"] == long_payload


async def test_mydata_exports_a_json_file_and_delete_erases_everything_after_a_yes(
    rasa_bot: Application, fake_api: FakeBotApi, servers: BotServers
) -> None:
    user = someone()
    for text, reply in (("/start", "keep your reflections"), ("yes, keep them", "Which side"),
                        ("adult child who was cut off", "Which country"), ("Ireland", "in Ireland")):
        await fake_api.push(text_update(user, text))
        await fake_api.wait_for_text(user, reply)

    await fake_api.push(text_update(user, "/mydata"))
    (export,) = await fake_api.wait_for(lambda: fake_api.calls_to("sendDocument", user))
    assert export.params["caption"] == content.say("export_caption")
    data = json.loads(export.files["document"])
    assert data["found"] is True and data["profile"]["country"] == "IE"
    said = [(line["from"], line["text"]) for line in data["conversation"]]
    assert ("you", "Ireland") in said and any(who == "bot" and "Ireland" in text for who, text in said)

    await fake_api.push(text_update(user, "/delete"))
    confirm = await question_with_buttons(fake_api, user, ["~delete:yes", "~delete:no"])
    assert confirm.params["text"] == content.say("delete_confirm")
    await fake_api.push(callback_update(user, confirm.result, "~delete:yes"))
    await fake_api.wait_for_text(user, content.say("deleted"))
    assert fake_api.calls_to("editMessageReplyMarkup", user)[-1].params["message_id"] == confirm.result["message_id"]

    await fake_api.push(text_update(user, "/mydata"))
    await fake_api.wait_for(lambda: len(fake_api.calls_to("sendDocument", user)) == 2)
    after = json.loads(fake_api.calls_to("sendDocument", user)[-1].files["document"])
    nothing = {"found": False, "profile": None, "entries": [], "exercise_runs": [], "safety_events": [], "homework": [],
               "conversation": []}
    assert after == nothing
    events = tracker(servers, user)["events"]
    assert not [event for event in events if event.get("event") == "user"]


async def test_after_a_hard_moment_a_message_tomorrow_is_offered_and_sent_only_once_asked(
    rasa_bot: Application, fake_api: FakeBotApi, check_backs_due_at_once: None
) -> None:
    from bot.safety import check_back

    user = someone()
    for text, reply in (("/start", "keep your reflections"), ("no, don't save", "Which side"),
                        ("parent", "Which country"), ("United Kingdom", "in United Kingdom"),
                        ("I have the pills ready and I want to die tonight", "safe right now")):
        await fake_api.push(text_update(user, text))
        await fake_api.wait_for_text(user, reply)
    assert await sent_check_backs(rasa_bot.bot, fake_api, user, tries=10) == []

    await fake_api.push(text_update(user, "yes, I'm safe right now"))
    offers = await fake_api.wait_for(
        lambda: next((c for c in fake_api.calls_to("sendMessage", user) if "message me tomorrow" in callback_data(c)),
                     None)
    )
    await fake_api.push(callback_update(user, offers.result, "message me tomorrow"))
    await fake_api.wait_for_text(user, check_back.words()["planned"])
    assert len(await sent_check_backs(rasa_bot.bot, fake_api, user)) == 1



async def test_how_have_i_been_doing_arrives_as_a_photo_drawn_on_this_machine(
    rasa_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()

    async def say(text: str) -> None:
        """Send ``text`` and wait for the first answer (the bridge answers a chat's updates in turn)."""
        before = len(fake_api.calls_to("sendMessage", user))
        await fake_api.push(text_update(user, text))
        await fake_api.wait_for(lambda: len(fake_api.calls_to("sendMessage", user)) > before)

    for message in ("/start", "yes, keep them", "parent", "United Kingdom"):
        await say(message)
    for number, answers in enumerate((["3"] * 5 + ["4"], ["2"] * 5 + ["3"]), start=1):
        for answer in ["check in", *answers]:
            await say(answer)
        await fake_api.wait_for(lambda n=number: sum("out of 10" in text for text in fake_api.texts(user)) >= n)
    await fake_api.push(text_update(user, "how have I been doing?"))
    photo = await fake_api.wait_for(lambda: fake_api.calls_to("sendPhoto", user))
    uploaded = photo[0].files.get("photo", b"")
    assert uploaded.startswith(b"\x89PNG") and len(uploaded) > 10_000  # the chart itself, not a link
    assert "60 at the start and 40 most recently" in "\n".join(fake_api.texts(user))


async def test_what_someone_writes_on_telegram_is_stored_only_sealed_and_never_logged(
    rasa_bot: Application, fake_api: FakeBotApi, servers: BotServers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything of ours, and the libraries at the levels the bridge runs them
    for name, level in QUIET_LOGGERS.items():
        caplog.set_level(level, logger=name)
    user = 7_300_000_000 + secrets.randbelow(99_999_999)  # a raw id no timestamp or port could spell
    marker = f"kettle{secrets.token_hex(4)}"
    for text, reply in (("/start", "keep your reflections"), ("yes, keep them", "Which side"),
                        ("parent", "Which country"), ("United Kingdom", "in United Kingdom")):
        await fake_api.push(text_update(user, text))
        await fake_api.wait_for_text(user, reply)
    await fake_api.push(text_update(user, f"I keep thinking about the {marker} my daughter gave me"))

    def said() -> list[str]:
        return [event.get("text") or "" for event in tracker(servers, user)["events"] if event.get("event") == "user"]

    for _ in range(300):  # the onboarding's last replies may still be arriving: wait for Rasa itself
        if any(marker in text for text in said()):
            break
        await asyncio.sleep(0.1)
    assert any(marker in text for text in said())  # Rasa reads it back...
    stored = b"".join(path.read_bytes() for path in servers.work_dir.rglob("*") if path.is_file())
    assert marker.encode() not in stored and str(user).encode() not in stored  # ...and no file holds it
    assert marker not in caplog.text and str(user) not in caplog.text
