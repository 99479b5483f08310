"""A person's check-ins, oldest first, read from their saved entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import ExerciseEntry, User
from bot.storage.repositories import find_user

CHECKIN = "checkin"


@dataclass(frozen=True)
class CheckInPoint:
    """One check-in: when, the WHO-5 score (0–100, None if an item was skipped), the rating (0–10)."""

    when: datetime
    score: int | None
    relationship: int | None


def checkins_of_user(*, session: Session, user: User) -> list[CheckInPoint]:
    """Every saved check-in of ``user``, oldest first."""
    entries = session.scalars(
        select(ExerciseEntry)
        .where(ExerciseEntry.user_id == user.id, ExerciseEntry.kind == CHECKIN)
        .order_by(ExerciseEntry.created_at, ExerciseEntry.id)
    )
    return [
        CheckInPoint(entry.created_at, _number(entry.answers.get("score")), _number(entry.answers.get("relationship")))
        for entry in entries
    ]


def checkins_of(*, session: Session, sender_id: str) -> list[CheckInPoint]:
    """Every saved check-in of the person behind ``sender_id``, oldest first."""
    user = find_user(session=session, sender_id=sender_id)
    return [] if user is None else checkins_of_user(session=session, user=user)


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
