"""Reminders for homework on Telegram: the day before a due date, and each time it comes round.

Only for homework the person agreed to, while it is open: never after it is completed (unless
it repeats and has come round again), declined or revoked. The chat id, the one raw channel id
this needs, is kept on the assignment only from the person's agreement until the homework ends.
Each reminder is for one day (a due date or a recurrence) and is sent once. The words are the
channel's and never name therapy or the exercise (``bot/channels/telegram_content.yml``).
Plain Python over the database session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.homework import AGREED
from bot.portal.assignments import first_day, occurrence_on, reopen_if_due, repeats
from bot.storage.models import Assignment, AssignmentEvent
from bot.storage.repositories import find_user


@dataclass(frozen=True)
class DueReminder:
    """One reminder to send now: where, and the code that opens the homework again."""

    chat_id: str
    code: str


def note_chat(session: Session, *, sender_id: str, chat_id: str) -> None:
    """Remember where to remind the person about homework they have agreed to and that is open."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return
    query = select(Assignment).where(
        Assignment.user_id == user.id, Assignment.status.in_(AGREED), Assignment.reminder_chat_id.is_(None)
    )
    for assignment in session.scalars(query):
        assignment.reminder_chat_id = chat_id


def reminder_day(assignment: Assignment, on: date) -> date | None:
    """The day a reminder sent on ``on`` would be for, or None when none is due.

    One-off homework: its due date, from the day before (or on the day, if the day before was
    missed). Recurring homework: each day it comes round after its first.
    """
    if repeats(assignment):
        latest = occurrence_on(assignment, on)
        return latest if latest is not None and latest > first_day(assignment) else None
    due = assignment.due_on
    if due is not None and due - timedelta(days=1) <= on <= due:
        return due
    return None


def take_due(session: Session, *, on: date) -> list[DueReminder]:
    """The reminders due on ``on``, each marked as sent before it is handed out."""
    due: list[DueReminder] = []
    # Locked while marked: two bridges sweeping at once (replicas, a restart overlapping) send each once.
    query = select(Assignment).where(Assignment.reminder_chat_id.is_not(None)).with_for_update()
    for assignment in session.scalars(query):
        reopen_if_due(assignment, on)
        if assignment.status not in AGREED:
            if assignment.status != "completed" or not repeats(assignment):
                assignment.reminder_chat_id = None  # ended: the chat id is no longer needed
            continue
        day = reminder_day(assignment, on)
        if day is None or (assignment.reminded_for is not None and assignment.reminded_for >= day):
            continue
        assignment.reminded_for = day
        assignment.events.append(AssignmentEvent(kind="reminded"))
        due.append(DueReminder(assignment.reminder_chat_id, assignment.code))
    return due
