"""Homework: what a therapist can assign, the codes clients redeem, and each assignment's status.

Plain Python over the database session. A therapist only ever reaches their own assignments:
every lookup here is by therapist and id together, so another therapist's id is simply not found.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.exercises.catalogue import exercise_titles
from bot.storage.models import Assignment, AssignmentEvent, Therapist, as_utc

# Codes are typed by hand from a note or read out in a session: no 0/O, 1/I/L to confuse.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
RECURRENCES: dict[str, str] = {"none": "Once", "daily": "Every day", "weekly": "Every week"}
OPEN_STATUSES = ("sent", "opened", "consented", "started")
STATUS_LABELS: dict[str, str] = {
    "sent": "Sent",
    "opened": "Opened",
    "consented": "Agreed to share",
    "started": "Started",
    "completed": "Completed",
    "declined": "Declined to share",
    "revoked": "Revoked",
    "overdue": "Overdue",
    "crisis_lines": "Crisis lines shown",
    "reopened": "Open again (repeats)",
    "reminded": "Reminder sent",
}
STEPS: dict[str, timedelta] = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
MAX_LABEL_CHARS = 80
MAX_NOTE_CHARS = 500


class FieldError(ValueError):
    """One field of an assignment request is wrong; ``field`` names it, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AssignmentRequest:
    """What a therapist asks for, checked by ``checked``."""

    exercise: str
    client_label: str
    note: str = ""
    due: date | None = None
    recurrence: str = "none"
    until: date | None = None

    def checked(self, today: date) -> AssignmentRequest:
        """This request with its text trimmed; raises FieldError naming the first wrong field."""
        if self.exercise not in assignable_exercises():
            raise FieldError("exercise", "Please choose one of the exercises listed.")
        label = " ".join((self.client_label or "").split())
        if not label:
            raise FieldError("client_label", "Please give a label you will recognise (no real name needed).")
        if len(label) > MAX_LABEL_CHARS:
            raise FieldError("client_label", f"Please keep the label to {MAX_LABEL_CHARS} characters.")
        note = (self.note or "").strip()
        if len(note) > MAX_NOTE_CHARS:
            raise FieldError("note", f"Please keep the note to {MAX_NOTE_CHARS} characters.")
        if self.due is not None and self.due < today:
            raise FieldError("due", "The due date is in the past.")
        if self.recurrence not in RECURRENCES:
            raise FieldError("recurrence", "Please choose once, every day or every week.")
        if self.recurrence == "none" and self.until is not None:
            raise FieldError("until", "An end date only applies to homework that repeats.")
        if self.recurrence != "none" and self.until is None:
            raise FieldError("until", "Please say until when the homework repeats.")
        if self.until is not None and self.until < (self.due or today):
            raise FieldError("until", "The end date is before the homework starts.")
        return AssignmentRequest(self.exercise, label, note, self.due, self.recurrence, self.until)


def assignable_exercises() -> dict[str, str]:
    """Every exercise the bot offers, by name, with the title the portal shows."""
    return exercise_titles()


def new_code() -> str:
    """A random code with at least one digit, so it is read even when typed on its own.

    A bare eight-letter message is taken for a word, not a code (bot.homework.code_in); about one
    code in eleven drawn from the whole alphabet has no digit, and its client's reply would be lost.
    """
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if any(character.isdigit() for character in code):
            return code


def create_assignment(session: Session, therapist: Therapist, request: AssignmentRequest) -> Assignment:
    """A new assignment with a fresh code, status ``sent``; ``request`` must be checked first."""
    code = new_code()
    while session.scalars(select(Assignment.id).where(Assignment.code == code)).first() is not None:
        code = new_code()  # 31^8 codes make a second draw all but impossible
    assignment = Assignment(
        therapist_id=therapist.id,
        code=code,
        exercise=request.exercise,
        client_label=request.client_label,
        note=request.note or None,
        due_on=request.due,
        recurrence=request.recurrence,
        recurrence_until=request.until,
        status="sent",
    )
    assignment.events.append(AssignmentEvent(kind="sent"))
    session.add(assignment)
    session.flush()
    return assignment


def assignments_of(session: Session, therapist_id: int) -> list[Assignment]:
    """The therapist's assignments, newest first."""
    query = select(Assignment).where(Assignment.therapist_id == therapist_id).order_by(Assignment.id.desc())
    return list(session.scalars(query))


def assignment_of(session: Session, therapist_id: int, assignment_id: int) -> Assignment | None:
    """One of the therapist's assignments, or None (also when it is another therapist's)."""
    query = select(Assignment).where(Assignment.therapist_id == therapist_id, Assignment.id == assignment_id)
    return session.scalars(query).first()


def revocable(assignment: Assignment) -> bool:
    """Open homework, or recurring homework between its days, can be revoked; ended homework cannot."""
    return assignment.status in OPEN_STATUSES or (assignment.status == "completed" and repeats(assignment))


def revoke(session: Session, assignment: Assignment) -> bool:
    """Revoke an assignment; False when it had already ended (completed, declined, revoked)."""
    if not revocable(assignment):
        return False
    assignment.status = "revoked"
    assignment.reminder_chat_id = None
    assignment.events.append(AssignmentEvent(kind="revoked"))
    return True


def today() -> date:
    """Today's date in UTC, the one day every due date is compared with."""
    return datetime.now(timezone.utc).date()


def repeats(assignment: Assignment) -> bool:
    return assignment.recurrence in STEPS


def first_day(assignment: Assignment) -> date:
    """The day homework starts: its due date, or the day it was assigned."""
    return assignment.due_on or as_utc(assignment.created_at).date()


def occurrence_on(assignment: Assignment, on: date) -> date | None:
    """The latest day recurring homework came round on or before ``on`` (within its end date), or None."""
    if not repeats(assignment) or on < first_day(assignment):
        return None
    if assignment.recurrence_until is not None and on > assignment.recurrence_until:
        on = assignment.recurrence_until
    step = STEPS[assignment.recurrence].days
    return first_day(assignment) + timedelta(days=(on - first_day(assignment)).days // step * step)


def next_occurrence(assignment: Assignment, on: date) -> date | None:
    """The next day recurring homework comes round after ``on``, or None when it has ended."""
    if not repeats(assignment):
        return None
    latest = occurrence_on(assignment, on)
    upcoming = first_day(assignment) if latest is None else latest + STEPS[assignment.recurrence]
    if assignment.recurrence_until is not None and upcoming > assignment.recurrence_until:
        return None
    return upcoming


def _last_completed(assignment: Assignment) -> date | None:
    return max((result.completed_on for result in assignment.results), default=None)


def due_to_reopen(assignment: Assignment, on: date) -> bool:
    """Whether completed recurring homework has come round again since it was last done."""
    if assignment.status != "completed" or not repeats(assignment):
        return False
    latest, done = occurrence_on(assignment, on), _last_completed(assignment)
    return latest is not None and (done is None or latest > done)


def reopen_if_due(assignment: Assignment, on: date) -> bool:
    """Open completed recurring homework again on its next day; the client's consent still holds."""
    if not due_to_reopen(assignment, on):
        return False
    assignment.status = "consented"
    assignment.events.append(AssignmentEvent(kind="reopened"))
    return True


def shown_status(assignment: Assignment, on: date | None = None) -> str:
    """The status a therapist sees: an open one-off assignment past its due date is ``overdue``,
    and recurring homework done last time shows as waiting again once its next day has come."""
    on = on or today()
    if due_to_reopen(assignment, on):
        return "consented"
    if (
        assignment.status in OPEN_STATUSES
        and not repeats(assignment)
        and assignment.due_on is not None
        and assignment.due_on < on
    ):
        return "overdue"
    return assignment.status


@dataclass(frozen=True)
class Links:
    """Where a client redeems a code."""

    telegram: str | None
    web: str
    code: str


def links_for(code: str, config: Settings) -> Links:
    """The Telegram deep link (when the bot's username is known), the web chat link and the code."""
    telegram = f"https://t.me/{config.telegram_bot_username}?start={code}" if config.telegram_bot_username else None
    return Links(telegram, f"{config.webchat_public_url}/?code={code}", code)


def message_to_client(links: Links) -> str:
    """A message the therapist can copy to the client: neutral, no exercise topic, no diagnosis."""
    ways = [f"on Telegram: {links.telegram}"] if links.telegram else []
    ways.append(f"in your browser: {links.web}")
    return (
        "Here is the practice we talked about, to do between our sessions. Open it "
        + " or ".join(ways)
        + f". If you are asked for a code, it is {links.code}. It will tell you exactly what I will see "
        "and ask before sharing anything."
    )
