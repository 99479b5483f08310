"""The one path every message takes: screened first, then /sos or the rate limit, then in order per chat.

Mirrors bot/channels/rasa_channels.py: the assistant's own guard answers risk when it is up;
when it is not, the bridge gives the crisis reply itself, and nobody is ever met with silence.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.channels import guard
from bot.channels.guard import Screening
from bot.channels.telegram import check_backs, content, reminders
from bot.channels.telegram.assistant import CHANNEL, Assistant, AssistantUnreachableError, sender_id_for
from bot.channels.telegram.delivery import deliver, retire_open_keyboard, typing
from bot.channels.telegram.limits import Admission, ChatLocks, RateLimiter
from bot.countries import country_from_language_tag
from bot.safety import crisis_reply, sos_reply

logger = logging.getLogger(__name__)

BRIDGE = "bridge"  # the key of the Bridge in application.bot_data


@dataclass
class Bridge:
    """What the handlers share: the assistant client, the rate limiter and the per-chat locks."""

    assistant: Assistant
    rate_limiter: RateLimiter
    locks: ChatLocks = field(default_factory=ChatLocks)
    declined_chats: set[int] = field(default_factory=set)


def bridge_of(context: ContextTypes.DEFAULT_TYPE) -> Bridge:
    """The Bridge this application was built with."""
    return context.bot_data[BRIDGE]


def sender_of(update: Update) -> str:
    """The Rasa sender id of the person behind an update."""
    return sender_id_for(update.effective_user.id)


def language_of(update: Update) -> str | None:
    """Telegram's language_code ("en-GB", often just "en"): a hint at the country until it is known."""
    return update.effective_user.language_code if update.effective_user else None


async def send_sos(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Crisis lines at once, without the assistant, never rate-limited."""
    sender = sender_of(update)
    language = language_of(update)
    try:
        responses = await asyncio.to_thread(guard.sos_responses, sender, CHANNEL, language)
    except Exception:  # noqa: BLE001 - the lines must go out even if the database is down
        logger.exception("Could not look up the person's country for /sos; sending the general lines.")
        responses = guard.reply_responses(sos_reply(None))
    await deliver(context.bot, update.effective_chat.id, responses, context.chat_data)


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE, typed: str) -> Screening | None:
    """Screen what the person typed before anything else; None when the message needs nothing more.

    /sos and "help now" are answered here. Risky messages and asking for one's safety plan skip
    the rate limit; anything else over it gets one kind word (once per flood) and goes no further.
    """
    screening = guard.screen(typed)
    if screening.kind == "sos":
        await send_sos(update, context)
        return None
    if screening.lines_if_unanswered is None and screening.kind != "show_plan":
        admission = bridge_of(context).rate_limiter.admit(update.effective_user.id)
        if admission is Admission.REFUSED_TELL:
            await context.bot.send_message(update.effective_chat.id, content.say("rate_limited"))
        if admission is not Admission.ADMITTED:
            return None
    return screening


async def crisis_first(screening: Screening, update: Update) -> list[dict[str, Any]]:
    """The channel's own crisis reply for a risky message (empty for a safe one)."""
    risk = screening.lines_if_unanswered
    if risk is None:
        return []
    try:
        return await asyncio.to_thread(guard.crisis_responses, sender_of(update), CHANNEL, risk, language_of(update))
    except Exception:  # noqa: BLE001 - the lines must go out even if the database is down
        logger.exception("Could not record a safety event; sending the general crisis reply.")
        hint = country_from_language_tag(language_of(update))
        return guard.reply_responses(crisis_reply(
            risk.category, None, about_someone_else=risk.about_someone_else, young=risk.young, country_hint=hint
        ))


async def _assistant_answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, screening: Screening, text: str, metadata: dict | None
) -> list[dict[str, Any]]:
    if screening.kind == "empty":
        return [{"text": guard.EMPTY}]
    if screening.kind == "too_long":
        return [{"text": guard.too_long_text()}]
    if screening.kind == "show_plan":  # the person's saved safety plan, without the model
        return await asyncio.to_thread(guard.plan_responses, sender_of(update))
    async with typing(context.bot, update.effective_chat.id):
        try:
            language = language_of(update)
            metadata = {**(metadata or {}), **({"language": language} if language else {})}
            return await bridge_of(context).assistant.ask(sender_of(update), text, metadata)
        except AssistantUnreachableError as error:
            logger.warning("The assistant could not be reached (%s).", error)
            return []


async def converse(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    screening: Screening,
    *,
    forward: str | None,
    metadata: dict[str, Any] | None = None,
    before: tuple[str, ...] = (),
    after: tuple[str, ...] = (),
) -> None:
    """Answer one screened message; call it holding the chat's lock.

    ``forward`` is what the assistant receives (None: the bridge answers alone with
    ``before``/``after``). A risky message always gets the crisis lines first.
    """
    chat_id = update.effective_chat.id
    await retire_open_keyboard(context.bot, chat_id, context.chat_data)
    responses = [{"text": text} for text in before]
    if forward is not None:
        answer = await _assistant_answer(update, context, screening, forward, metadata)
        # Unreachable: a risky message gets the crisis reply below; any other gets guard.TROUBLE.
        responses += answer or ([] if screening.lines_if_unanswered else [{"text": guard.TROUBLE}])
    responses += [{"text": text} for text in after]
    if screening.lines_if_unanswered is not None and not guard.has_safety_payload(responses):
        responses = await crisis_first(screening, update) + responses
    await deliver(context.bot, chat_id, responses, context.chat_data)
    try:
        await asyncio.to_thread(check_backs.after_reply, sender_of(update), chat_id, responses)
    except Exception:  # noqa: BLE001 - a failed check-back plan must not fail the conversation
        logger.exception("Could not plan a check-back.")
    try:
        await asyncio.to_thread(reminders.after_reply, sender_of(update), chat_id)
    except Exception:  # noqa: BLE001 - nor a failed homework reminder plan
        logger.exception("Could not note where homework reminders go.")
