"""Sending the assistant's responses to a Telegram chat: text pieces, inline keyboards, photos.

Text goes out without parse_mode, so nothing a person or the assistant wrote is read as markup.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager, suppress
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatAction, MessageLimit
from telegram.error import TelegramError

from bot.channels.telegram import content
from bot.progress.links import chart_png_for_url

logger = logging.getLogger(__name__)

CALLBACK_DATA_BYTES = 64  # Telegram's limit on an inline button's callback_data
# Callback data that starts with this is the bridge's own; a Rasa payload never goes out raw with it.
INTERNAL = "~"
KEYED = INTERNAL + "k:"
OPEN_KEYBOARD = "open_keyboard"  # chat_data: message id of the last message with live buttons
PAYLOAD_KEYS = "button_payloads"  # chat_data: short key → long payload
_MAX_KEYS_PER_CHAT = 200
SHORT_TITLE_CHARS, SHORT_PER_ROW = 3, 6
# Telegram shows "typing…" for about five seconds; renewed a little sooner while the assistant thinks.
TYPING_RENEW_SECONDS = 4.5


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units, so an emoji may count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """The number of characters of ``text`` whose Telegram length is at most ``limit``."""
    if telegram_length(text[:limit]) <= limit:
        return min(len(text), limit)
    used = 0
    for index, character in enumerate(text):
        used += telegram_length(character)
        if used > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Split ``text`` into pieces Telegram accepts, at a paragraph, else a line, else a word break."""
    pieces: list[str] = []
    rest = text.strip()
    while telegram_length(rest) > limit:
        window = rest[: _fitting_prefix(rest, limit)]
        cut = next((window.rfind(sep) for sep in ("\n\n", "\n", " ") if window.rfind(sep) > 0), len(window))
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def callback_data_for(payload: str, chat_data: MutableMapping[str, Any]) -> str:
    """The payload itself when it fits in 64 bytes, else a short key remembered in chat_data."""
    if not payload.startswith(INTERNAL) and len(payload.encode()) <= CALLBACK_DATA_BYTES:
        return payload
    key = KEYED + hashlib.sha256(payload.encode()).hexdigest()[:24]
    keys: dict[str, str] = chat_data.setdefault(PAYLOAD_KEYS, {})
    keys.pop(key, None)
    keys[key] = payload
    while len(keys) > _MAX_KEYS_PER_CHAT:
        del keys[next(iter(keys))]
    return key


def payload_of(callback_data: str, chat_data: MutableMapping[str, Any]) -> str | None:
    """The payload a button press stands for; None if its key was forgotten (e.g. a restart)."""
    if callback_data.startswith(KEYED):
        return chat_data.get(PAYLOAD_KEYS, {}).get(callback_data)
    return callback_data


def keyboard(buttons: list[dict[str, Any]], chat_data: MutableMapping[str, Any]) -> InlineKeyboardMarkup:
    """Rasa buttons as an inline keyboard: one button a row (titles are often sentences), except a
    scale of short titles ("0" to "10"), which goes six a row so it fits on a phone's screen."""
    keys = [
        InlineKeyboardButton(str(button.get("title") or payload), callback_data=callback_data_for(payload, chat_data))
        for button in buttons
        if isinstance(button, dict) and isinstance(payload := button.get("payload"), str) and payload
    ]
    short = [key for key in keys if len(key.text) <= SHORT_TITLE_CHARS]
    rows = []
    if len(short) > 2:
        rows = [short[start : start + SHORT_PER_ROW] for start in range(0, len(short), SHORT_PER_ROW)]
    rows += [[key] for key in keys if not rows or len(key.text) > SHORT_TITLE_CHARS]
    return InlineKeyboardMarkup(rows)


async def deliver(bot: Bot, chat_id: int, responses: list[dict[str, Any]], chat_data: MutableMapping[str, Any]) -> None:
    """Send responses in order; a response's buttons go under its last text piece."""
    for response in responses:
        buttons = response.get("buttons") or []
        text = response.get("text") or (content.say("buttons_prompt") if buttons else "")
        pieces = split_text(text) if isinstance(text, str) else []
        for number, piece in enumerate(pieces, start=1):
            markup = keyboard(buttons, chat_data) if buttons and number == len(pieces) else None
            sent = await bot.send_message(chat_id, piece, reply_markup=markup)
            if markup is not None and markup.inline_keyboard:
                chat_data[OPEN_KEYBOARD] = sent.message_id
        if isinstance(response.get("image"), str):
            await bot.send_photo(chat_id, await _photo(response["image"]))


async def _photo(url: str) -> str | bytes:
    """Our own progress chart, drawn here and uploaded (Telegram cannot reach this machine); any
    other image by its address."""
    chart = await asyncio.to_thread(chart_png_for_url, url)
    return chart if chart is not None else url


async def retire_keyboard(bot: Bot, chat_id: int, message_id: int | None) -> None:
    """Remove a message's buttons so an answered question cannot be answered twice."""
    if message_id is None:
        return
    try:
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)
    except TelegramError:
        # Already without buttons, or deleted by the person: the conversation goes on regardless.
        logger.debug("Could not remove the buttons of an answered question.")


async def retire_open_keyboard(bot: Bot, chat_id: int, chat_data: MutableMapping[str, Any]) -> None:
    """Retire the buttons of the last question, which the person is now answering."""
    await retire_keyboard(bot, chat_id, chat_data.pop(OPEN_KEYBOARD, None))


@asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" in the chat from the start of the block until its end."""

    async def show() -> None:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError:
            logger.debug("Could not show the typing indicator.")

    async def keep_showing() -> None:
        while True:
            await asyncio.sleep(TYPING_RENEW_SECONDS)
            await show()

    await show()
    renewal = asyncio.create_task(keep_showing())
    try:
        yield
    finally:
        renewal.cancel()
        with suppress(asyncio.CancelledError):
            await renewal
