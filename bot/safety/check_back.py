"""The gentle check-back after a crisis reply: one message, the next day, if the person went quiet.

Never more than one per crisis: a person has at most one pending check-back, every message
they send pushes it back (they are not quiet), and it is deleted once sent. A person can
turn check-backs off; then none is ever scheduled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import CheckBack, Profile, utc_now
from bot.storage.repositories import find_user, get_or_create_user

DEFAULT_QUIET = timedelta(hours=20)


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
) -> bool:
    """Plan a check-back after a crisis reply; False if the person turned them off."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    if user.profile is not None and not user.profile.check_backs_enabled:
        return False
    due = (now or utc_now()) + quiet
    pending = session.scalars(select(CheckBack).where(CheckBack.user_id == user.id)).first()
    if pending is None:
        session.add(CheckBack(user=user, channel=channel, chat_id=chat_id, country=country, due_at=due))
    else:
        pending.due_at, pending.country = due, country
    return True


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


def set_enabled(*, session: Session, sender_id: str, channel: str, enabled: bool) -> None:
    """Turn check-backs on or off for a person; turning them off cancels a pending one."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    if user.profile is None:
        user.profile = Profile(consent_to_save=False)
    user.profile.check_backs_enabled = enabled
    if not enabled:
        for row in session.scalars(select(CheckBack).where(CheckBack.user_id == user.id)).all():
            session.delete(row)
