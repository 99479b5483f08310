"""The next-day check-back on Telegram, planned only when the person asks for it.

Scheduling and the once-only rule live in bot.safety.check_back; this module plans one when
the assistant's reply carries the person's request (``{"check_back": "requested"}``, after
"Message me tomorrow") or the person types /checkback, pushes a pending one later whenever
the person writes, and sends the ones that are due from a loop that runs beside the bot.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session
from telegram import Bot

from bot.channels import guard
from bot.channels.telegram import content
from bot.channels.telegram.assistant import CHANNEL
from bot.config import settings
from bot.safety import check_back
from bot.storage import session_scope

logger = logging.getLogger(__name__)


def _quiet() -> timedelta:
    return timedelta(seconds=settings().check_back_after_seconds)


REQUESTED = "requested"


def _asked_for(responses: list[dict[str, Any]]) -> bool:
    """Whether the assistant's reply carries the person's request for a check-back."""
    return any(
        isinstance(item.get("custom"), dict) and item["custom"].get("check_back") == REQUESTED for item in responses
    )


def after_reply(sender: str, chat_id: int, responses: list[dict[str, Any]]) -> None:
    """Record the person's activity, and plan a check-back if they just asked for one."""
    with session_scope() as session:
        check_back.note_activity(session=session, sender_id=sender, quiet=_quiet())
        if _asked_for(responses):
            _plan(session, sender, chat_id)


def request(sender: str, chat_id: int) -> None:
    """Plan a check-back because the person typed /checkback."""
    with session_scope() as session:
        _plan(session, sender, chat_id)


def _plan(session: Session, sender: str, chat_id: int) -> None:
    check_back.schedule(
        session=session, sender_id=sender, channel=CHANNEL, chat_id=str(chat_id),
        country=guard.country_of(sender), quiet=_quiet(),
    )


def cancel(sender: str) -> bool:
    """Cancel the person's pending check-back; False if there was none."""
    with session_scope() as session:
        return check_back.cancel(session=session, sender_id=sender)


def _take_due() -> list[check_back.DueCheckBack]:
    with session_scope() as session:
        return check_back.take_due(session=session, channel=CHANNEL)


async def send_due(bot: Bot) -> int:
    """Send every check-back that is due now; each is taken from the store before it is sent."""
    due = await asyncio.to_thread(_take_due)
    for item in due:
        try:
            # Neutral words only: the notification may be read by someone else.
            await bot.send_message(int(item.chat_id), content.say("check_back"))
        except Exception:  # noqa: BLE001 - one blocked chat must not stop the others
            logger.warning("A check-back could not be delivered.")
    return len(due)
