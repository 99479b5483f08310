"""Homework reminders on Telegram, sent from the loop that sends check-backs.

Which reminders are due, and the once-only rule, live in bot.homework_reminders; this module
remembers the chat of someone who agreed to homework, and sends what is due with a button that
opens the homework again. The words are neutral: a lock screen may be read by someone else.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot import homework_reminders
from bot.channels.telegram import content
from bot.config import settings
from bot.storage import session_scope

logger = logging.getLogger(__name__)


def after_reply(sender: str, chat_id: int) -> None:
    """Remember this chat for the person's agreed, open homework (a no-op when there is none)."""
    with session_scope() as session:
        homework_reminders.note_chat(session, sender_id=sender, chat_id=str(chat_id))


def _take_due() -> list[homework_reminders.DueReminder]:
    now = datetime.now(timezone.utc)
    if now.hour < settings().homework_reminder_hour:
        return []  # not before the hour of the day reminders go out
    with session_scope() as session:
        return homework_reminders.take_due(session, on=now.date())


async def send_due(bot: Bot) -> int:
    """Send every homework reminder due now; each is marked sent before it is sent."""
    due = await asyncio.to_thread(_take_due)
    for item in due:
        # The button sends the code, which opens the homework; the code says nothing on its own.
        button = InlineKeyboardButton(content.say("homework_reminder_button"), callback_data=f"my code is {item.code}")
        try:
            await bot.send_message(
                int(item.chat_id), content.say("homework_reminder"), reply_markup=InlineKeyboardMarkup([[button]])
            )
        except Exception:  # noqa: BLE001 - one blocked chat must not stop the others
            logger.warning("A homework reminder could not be delivered.")
    return len(due)
