"""What the bridge does on its own, with Rasa unreachable: /sos, fallbacks, non-text, groups, limits, webhook.

The real python-telegram-bot Application talks to a fake Bot API server; RASA_URL is a dead port.
"""

from __future__ import annotations

import itertools
import logging

import aiohttp
import pytest
from telegram.ext import Application

from bot.channels import guard
from bot.channels.telegram import build_application, content
from bot.channels.telegram.delivery import deliver
from bot.exercises.safety_plan import no_plan_text
from bot.safety import crisis_reply, detect_risk, sos_reply
from tests.safety_samples import a_message_the_risk_layers_are_unsure_about
from tests.servers import free_port
from tests.telegram.conftest import bridge_settings, dead_rasa_url, polling, sent_check_backs
from tests.telegram.fake_bot_api import (
    FakeBotApi,
    callback_update,
    message_update,
    sticker_update,
    text_update,
)

pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.usefixtures("migrated_database")]

RISKY = "I have the pills ready and I want to die tonight."
_people = itertools.count(910_001)


def someone() -> int:
    """A new Telegram user (their private chat has the same id)."""
    return next(_people)


async def test_the_command_menu_is_registered(offline_bot: Application, fake_api: FakeBotApi) -> None:
    (call,) = fake_api.calls_to("setMyCommands")
    assert [command["command"] for command in call.params["commands"]] == [
        "start", "menu", "help", "sos", "plan", "mydata", "delete", "checkback"
    ]


async def test_sos_gets_the_crisis_lines_even_when_the_assistant_is_down(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/sos"))
    expected = sos_reply(None).messages
    await fake_api.wait_for(lambda: len(fake_api.texts(user)) >= len(expected))
    assert fake_api.texts(user) == list(expected)
    assert all("parse_mode" not in call.params for call in fake_api.calls_to("sendMessage", user))


async def test_plan_is_answered_by_the_bridge_without_the_assistant(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/plan"))
    await fake_api.wait_for_text(user, no_plan_text())
    assert guard.TROUBLE not in fake_api.texts(user)


async def test_when_the_assistant_is_down_a_person_hears_so_instead_of_silence(
    offline_bot: Application, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    user = someone()
    await fake_api.push(text_update(user, "my daughter hasn't called in two years"))
    await fake_api.wait_for_text(user, guard.TROUBLE)
    assert "could not be reached" in caplog.text and "two years" not in caplog.text
    assert fake_api.calls_to("sendChatAction", user)[0].params["action"] == "typing"


async def test_a_risky_message_gets_the_crisis_reply_from_the_bridge_when_the_assistant_is_down(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, RISKY))
    risk = detect_risk(RISKY)
    expected = list(crisis_reply(risk.category, None, about_someone_else=risk.about_someone_else).messages)
    await fake_api.wait_for(lambda: len(fake_api.texts(user)) >= len(expected))
    assert fake_api.texts(user) == expected
    assert guard.TROUBLE not in fake_api.texts(user)


async def test_when_the_assistant_cannot_ask_an_unsure_message_gets_the_crisis_reply_not_silence(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, a_message_the_risk_layers_are_unsure_about()))
    await fake_api.wait_for(lambda: any("safe" in text for text in fake_api.texts(user)))
    texts = fake_api.texts(user)
    assert any("findahelpline" in text for text in texts) and guard.TROUBLE not in texts


async def test_a_sticker_gets_a_kind_explanation(offline_bot: Application, fake_api: FakeBotApi) -> None:
    user = someone()
    await fake_api.push(sticker_update(user))
    await fake_api.wait_for_text(user, content.say("non_text"))
    assert fake_api.texts(user) == [content.say("non_text")]


async def test_a_photo_with_a_risky_caption_gets_the_crisis_lines_and_the_explanation(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    photo = [{"file_id": "p1", "file_unique_id": "pu1", "width": 90, "height": 90}]
    await fake_api.push(message_update(user, photo=photo, caption=RISKY))
    await fake_api.wait_for_text(user, content.say("non_text"))
    texts = fake_api.texts(user)
    assert len(texts) > 1 and texts[-1] == content.say("non_text")


async def test_an_unknown_command_is_not_forwarded_and_gets_the_help(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/restart"))
    await fake_api.wait_for_text(user, content.say("help"))
    assert fake_api.texts(user) == [content.say("unknown_command"), content.say("help")]


async def test_edited_messages_are_ignored(offline_bot: Application, fake_api: FakeBotApi) -> None:
    user = someone()
    await fake_api.push(text_update(user, "I changed my mind", kind="edited_message"))
    await fake_api.push(sticker_update(user))
    await fake_api.wait_for_text(user, content.say("non_text"))
    assert fake_api.texts(user) == [content.say("non_text")]


async def test_a_group_chat_is_declined_once_and_left(offline_bot: Application, fake_api: FakeBotApi) -> None:
    user, group_id = someone(), -100_000_000_000 - someone()
    group = {"id": group_id, "type": "supergroup", "title": "Family"}
    await fake_api.push(text_update(user, "/start", chat=group))
    await fake_api.push(text_update(user, "hello?", chat=group))
    await fake_api.wait_for(lambda: fake_api.calls_to("leaveChat", group_id))
    await fake_api.push(sticker_update(user))  # a private marker: once answered, the group updates are done
    await fake_api.wait_for_text(user, content.say("non_text"))
    assert fake_api.texts(group_id) == [content.say("group_decline")]
    assert len(fake_api.calls_to("leaveChat", group_id)) == 1


async def test_long_answers_are_split_buttons_keyed_and_images_sent_as_photos(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    paragraph = ("Estrangement is a loss without a funeral, and grief needs room. " * 15).strip()
    long_text = "\n\n".join([paragraph] * 10)
    long_payload = "I would like to write the unsent letter to my mother about last Christmas"
    responses = [
        {"text": long_text, "buttons": [{"title": "Write it", "payload": long_payload},
                                        {"title": "Not now", "payload": "not now"}]},
        {"image": "https://example.org/circle-of-control.png"},
    ]
    await deliver(offline_bot.bot, user, responses, offline_bot.chat_data[user])
    sent = fake_api.calls_to("sendMessage", user)
    assert len(long_text) > 9000 and len(sent) == 3
    assert all(len(call.params["text"]) <= 4096 for call in sent)
    assert "".join(call.params["text"] for call in sent).replace("\n", "") == long_text.replace("\n", "")
    assert [call.params.get("reply_markup") is not None for call in sent] == [False, False, True]
    keyboard = sent[-1].params["reply_markup"]["inline_keyboard"]
    data = [row[0]["callback_data"] for row in keyboard]
    assert data[1] == "not now" and len(data[0].encode()) <= 64 and data[0] != long_payload
    assert fake_api.calls_to("sendPhoto", user)[0].params["photo"] == "https://example.org/circle-of-control.png"

    await fake_api.push(callback_update(user, sent[-1].result, data[0]))
    await fake_api.wait_for_text(user, guard.TROUBLE)  # the payload went to the (unreachable) assistant
    assert fake_api.calls_to("answerCallbackQuery")[-1].params["callback_query_id"].startswith(f"cq-{user}-")
    (edit,) = fake_api.calls_to("editMessageReplyMarkup", user)
    assert edit.params["message_id"] == sent[-1].result["message_id"]


async def test_a_button_from_before_a_restart_asks_to_type_instead(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    old_message = {"message_id": 5, "date": 0, "chat": {"id": user, "type": "private"}, "text": "Shall we?"}
    await fake_api.push(callback_update(user, old_message, "~k:0123456789abcdef01234567"))
    await fake_api.wait_for_text(user, content.say("button_expired"))
    assert fake_api.calls_to("answerCallbackQuery")


async def test_a_flood_is_slowed_kindly_but_sos_and_risk_always_get_through() -> None:
    limited_api = await FakeBotApi().start()
    user = someone()
    try:
        settings = bridge_settings(limited_api, dead_rasa_url(), telegram_rate_limit_per_minute=3)
        async with polling(build_application(settings)):
            for number in range(6):
                await limited_api.push(text_update(user, f"message number {number}"))
            await limited_api.wait_for(lambda: limited_api.texts(user).count(guard.TROUBLE) == 3)
            await limited_api.wait_for_text(user, content.say("rate_limited"))
            await limited_api.push(text_update(user, "/sos"))
            await limited_api.push(text_update(user, RISKY))
            await limited_api.wait_for_text(user, sos_reply(None).messages[-1])
            risk = detect_risk(RISKY)
            crisis = crisis_reply(risk.category, None, about_someone_else=risk.about_someone_else).messages
            await limited_api.wait_for_text(user, crisis[-1])
            texts = limited_api.texts(user)
            assert texts.count(guard.TROUBLE) == 3 and texts.count(content.say("rate_limited")) == 1
    finally:
        await limited_api.stop()


async def test_the_webhook_refuses_updates_without_the_secret() -> None:
    webhook_api = await FakeBotApi().start()
    port, secret, user = free_port(), "a-long-webhook-secret_42", someone()
    application = build_application(bridge_settings(webhook_api, dead_rasa_url()))
    url = f"http://127.0.0.1:{port}/telegram-updates"
    try:
        async with application:
            await application.start()
            await application.updater.start_webhook(
                listen="127.0.0.1", port=port, url_path="telegram-updates",
                webhook_url="https://companion.example.org/telegram-updates", secret_token=secret,
            )
            try:
                await _post_updates_with_and_without_the_secret(url, secret, user)
                await webhook_api.wait_for_text(user, sos_reply(None).messages[-1])
            finally:
                await application.updater.stop()
                await application.stop()
        (set_webhook,) = webhook_api.calls_to("setWebhook")
        assert set_webhook.params["secret_token"] == secret
        assert content.say("non_text") not in webhook_api.texts(user)
    finally:
        await webhook_api.stop()


async def _post_updates_with_and_without_the_secret(url: str, secret: str, user: int) -> None:
    """A sticker without the secret header, one with a wrong secret, then /sos with the right one."""
    sticker = {"update_id": 1, **sticker_update(user)}
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json=sticker) as reply:
            assert reply.status == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "guessed"}
        async with http.post(url, json={**sticker, "update_id": 2}, headers=wrong) as reply:
            assert reply.status == 403
        right = {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with http.post(url, json={"update_id": 3, **text_update(user, "/sos")}, headers=right) as reply:
            assert reply.status == 200


async def test_sos_puts_the_lines_of_telegrams_language_region_first_until_the_country_is_known(
    offline_bot: Application, fake_api: FakeBotApi
) -> None:
    user = someone()
    await fake_api.push(text_update(user, "/sos", language_code="en-GB"))
    expected = sos_reply(None, country_hint="GB").messages
    await fake_api.wait_for_text(user, expected[1])
    lines = expected[1]
    assert lines.index("Samaritans") < lines.index("findahelpline")


async def test_no_check_back_is_sent_unasked_after_a_crisis(
    offline_bot: Application, fake_api: FakeBotApi, check_backs_due_at_once: None
) -> None:
    user = someone()
    await fake_api.push(text_update(user, RISKY))
    await fake_api.wait_for(lambda: any("safe" in text for text in fake_api.texts(user)))
    assert await sent_check_backs(offline_bot.bot, fake_api, user, tries=20) == []


async def test_checkback_sends_one_neutral_message_and_checkback_off_cancels_it(
    offline_bot: Application, fake_api: FakeBotApi, check_backs_due_at_once: None
) -> None:
    from bot.safety import check_back

    user = someone()
    await fake_api.push(text_update(user, "/checkback"))
    await fake_api.wait_for_text(user, check_back.words()["planned"])
    (message,) = await sent_check_backs(offline_bot.bot, fake_api, user)
    # Whoever holds the phone may read the notification: nothing in it speaks of a crisis.
    assert "/sos" in message
    assert not any(word in message.lower() for word in ("crisis", "suicid", "yesterday", "safe", "116", "112"))
    assert len(await sent_check_backs(offline_bot.bot, fake_api, user, tries=5)) == 1

    await fake_api.push(text_update(user, "/checkback"))
    await fake_api.wait_for(lambda: fake_api.texts(user).count(check_back.words()["planned"]) == 2)
    await fake_api.push(text_update(user, "/checkback off"))
    await fake_api.wait_for_text(user, content.say("check_back_cancelled"))
    assert len(await sent_check_backs(offline_bot.bot, fake_api, user, tries=5)) == 1
    await fake_api.push(text_update(user, "/checkback off"))
    await fake_api.wait_for_text(user, content.say("check_back_none"))
