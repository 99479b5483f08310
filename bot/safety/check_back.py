"""The check-back: one short message the next day, sent only because the person asked for it.

Nothing is sent unasked. After a hard moment the person is offered it ("Message me tomorrow")
on a channel that can write first (Telegram); they can also ask at any time. A person has at
most one pending check-back, every message they send pushes it later (they are not quiet),
it is deleted once sent, and they can cancel it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.content import load_content
from bot.storage.models import CheckBack, utc_now
from bot.storage.repositories import find_user, get_or_create_user

DEFAULT_QUIET = timedelta(hours=20)
# Channels that can send a message the person did not just ask a question for.
CHANNELS_THAT_WRITE_FIRST = frozenset({"telegram"})


def words() -> dict[str, Any]:
    """What the assistant says when offering and planning a check-back."""
    return load_content(Path(__file__).with_name("check_back.yml"))


def can_check_back(channel: str | None) -> bool:
    """Whether the channel can deliver a message the next day."""
    return channel in CHANNELS_THAT_WRITE_FIRST


@dataclass(frozen=True)
class DueCheckBack:
    """A check-back to send now."""

    id: int
    channel: str
    chat_id: str
    country: str | None


def schedule(
    *, session: Session, sender_id: str, channel: str, chat_id: str, country: str | None,
    now: datetime | None = None, quiet: timedelta = DEFAULT_QUIET,
) -> None:
    """Plan the check-back the person asked for (one at most: asking again moves it)."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    due = (now or utc_now()) + quiet
    pending = session.scalars(select(CheckBack).where(CheckBack.user_id == user.id)).first()
    if pending is None:
        session.add(CheckBack(user=user, channel=channel, chat_id=chat_id, country=country, due_at=due))
    else:
        pending.due_at, pending.country, pending.chat_id = due, country, chat_id


def note_activity(*, session: Session, sender_id: str, now: datetime | None = None,
                  quiet: timedelta = DEFAULT_QUIET) -> None:
    """The person wrote: they are not quiet, so a pending check-back moves later."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return
    pending = session.scalars(select(CheckBack).where(CheckBack.user_id == user.id)).first()
    if pending is not None:
        pending.due_at = (now or utc_now()) + quiet


def take_due(*, session: Session, channel: str, now: datetime | None = None) -> list[DueCheckBack]:
    """Remove and return the check-backs due now; each is returned once, ever."""
    moment = now or utc_now()
    rows = session.scalars(
        select(CheckBack).where(CheckBack.channel == channel, CheckBack.due_at <= moment).with_for_update()
    ).all()
    due = [DueCheckBack(row.id, row.channel, row.chat_id, row.country) for row in rows]
    for row in rows:
        session.delete(row)
    return due


def cancel(*, session: Session, sender_id: str) -> bool:
    """Cancel the person's pending check-back; False if there was none."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return False
    pending = session.scalars(select(CheckBack).where(CheckBack.user_id == user.id)).all()
    for row in pending:
        session.delete(row)
    return bool(pending)
