"""The next-day check-back on Telegram, after a crisis reply, if the person went quiet.

Scheduling and the once-only rule live in bot.safety.check_back; this module notices crisis
replies on their way out, pushes a pending check-back later whenever the person writes,
and sends the ones that are due from a loop that runs beside the bot.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

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


def _crisis_category(responses: list[dict[str, Any]]) -> str | None:
    """The category of a crisis reply among the responses, or None if there is none.

    Neither the /sos lines the person asked for nor the direct question of the "ask" band is a
    crisis reply (the question becomes one only when the person says yes).
    """
    safety = [item["custom"].get("safety") or {} for item in responses if isinstance(item.get("custom"), dict)]
    replies = [entry for entry in safety if entry.get("category") not in (None, "sos") and entry.get("level") != "ask"]
    return replies[0]["category"] if replies else None


def after_reply(sender: str, chat_id: int, responses: list[dict[str, Any]]) -> None:
    """Record the person's activity, and plan a check-back if they were just given a crisis reply.

    Never after an abuse disclosure: a message arriving on a phone someone else may check could
    put the person in danger.
    """
    with session_scope() as session:
        check_back.note_activity(session=session, sender_id=sender, quiet=_quiet())
        category = _crisis_category(responses)
        if category is not None and category != "abuse":
            check_back.schedule(
                session=session, sender_id=sender, channel=CHANNEL, chat_id=str(chat_id),
                country=guard.country_of(sender), quiet=_quiet(),
            )


def set_enabled(sender: str, enabled: bool) -> None:
    """Turn the person's check-backs on or off."""
    with session_scope() as session:
        check_back.set_enabled(session=session, sender_id=sender, channel=CHANNEL, enabled=enabled)


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


async def run_forever(bot: Bot) -> None:
    """Look for due check-backs every CHECK_BACK_SWEEP_SECONDS until cancelled."""
    while True:
        try:
            await send_due(bot)
        except Exception:  # noqa: BLE001 - the loop must survive a database hiccup
            logger.exception("Sending check-backs failed; trying again later.")
        await asyncio.sleep(settings().check_back_sweep_seconds)
