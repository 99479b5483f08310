"""The tables. Users are pseudonymous: a keyed hash of the channel's sender id, never the raw id."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.types import TypeDecorator

from bot.storage.sealing import sealer

Base = declarative_base()


def utc_now() -> datetime:
    """Timezone-aware now, so that timestamps mean the same on every database."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite hands timezone-aware columns back naive)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def new_run_id() -> str:
    """A random id: it travels in slots and links, so it must not reveal how many runs exist."""
    return uuid.uuid4().hex


class SealedText(TypeDecorator):
    """Text sealed with the data key (bot.storage.sealing) on the way in, opened on the way out.

    Rows written before sealing existed read as they are. Rasa's tracker store seals its events
    with it too (bot.storage.tracker_store).
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return None if value is None else sealer().seal(value)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        return None if value is None else sealer().open(value)


class SealedJSON(TypeDecorator):
    """JSON kept as sealed text: every column that holds what a person wrote is of this type,
    so no query or repository ever handles the sealed form."""

    impl = SealedText
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect) -> Any:
        return None if value is None else json.loads(value)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("sender_hash", name="uq_users_sender_hash"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    sender_hash = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    profile = relationship("Profile", back_populates="user", uselist=False, cascade="all, delete-orphan")
    entries = relationship("ExerciseEntry", back_populates="user", cascade="all, delete-orphan")
    safety_events = relationship("SafetyEvent", back_populates="user", cascade="all, delete-orphan")
    exercise_runs = relationship("ExerciseRun", back_populates="user", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, channel={self.channel!r})"


class Profile(Base):
    __tablename__ = "profiles"

    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role = Column(String(32))
    country = Column(String(8))
    consent_to_save = Column(Boolean, nullable=False, default=False)
    onboarded_at = Column(DateTime(timezone=True))
    # When the two-weekly check-in suggestion was last made, so it is made once, never repeated.
    checkin_suggested_at = Column(DateTime(timezone=True))
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)

    user = relationship("User", back_populates="profile")

    def __repr__(self) -> str:
        return f"Profile(user_id={self.user_id!r}, role={self.role!r}, country={self.country!r})"


class ExerciseEntry(Base):
    __tablename__ = "exercise_entries"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    answers = Column(SealedJSON, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)

    user = relationship("User", back_populates="entries")

    def __repr__(self) -> str:
        return f"ExerciseEntry(id={self.id!r}, kind={self.kind!r})"


class ExerciseRun(Base):
    """One run of an exercise, from its start to its finish or abandonment.

    ``state`` is the engine's working state (the answers so far and the steps to go back
    to); it is emptied when the run ends, so a finished run keeps only that it happened,
    and what was written survives only as an entry, when the person chose saving.
    """

    __tablename__ = "exercise_runs"
    __table_args__ = (Index("ix_exercise_runs_user_status", "user_id", "status"),)

    id = Column(String(32), primary_key=True, default=new_run_id)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    exercise = Column(String(32), nullable=False)
    # The homework assignment this run answers; the therapist portal fills it in.
    assignment_id = Column(Integer)
    status = Column(String(16), nullable=False)
    state = Column(SealedJSON)
    entry_id = Column(Integer, ForeignKey("exercise_entries.id", ondelete="SET NULL"))
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)
    ended_at = Column(DateTime(timezone=True))

    user = relationship("User", back_populates="exercise_runs")

    def __repr__(self) -> str:
        return f"ExerciseRun(id={self.id!r}, exercise={self.exercise!r}, status={self.status!r})"


class SafetyEvent(Base):
    """That a risk layer fired: category, layer and channel, never the message text."""

    __tablename__ = "safety_events"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    category = Column(String(16), nullable=False)
    layer = Column(String(16), nullable=False)
    channel = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    user = relationship("User", back_populates="safety_events")

    def __repr__(self) -> str:
        return f"SafetyEvent(id={self.id!r}, category={self.category!r}, layer={self.layer!r})"


class CheckBack(Base):
    """One gentle message the day after a crisis reply, if the person went quiet.

    ``chat_id`` is the one raw channel id the bot keeps, because without it the message
    cannot be sent; the row is deleted once it is sent or cancelled.
    """

    __tablename__ = "check_backs"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True)
    channel = Column(String(32), nullable=False)
    chat_id = Column(String(64), nullable=False)
    country = Column(String(8))
    due_at = Column(DateTime(timezone=True), nullable=False, index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    user = relationship("User")

    def __repr__(self) -> str:
        return f"CheckBack(id={self.id!r}, channel={self.channel!r}, due_at={self.due_at!r})"


class Therapist(Base):
    """A therapist's portal account. The email is kept lower-cased; the password only as an argon2 hash."""

    __tablename__ = "therapists"

    id = Column(Integer, primary_key=True)
    email = Column(String(254), nullable=False, unique=True)
    # How clients see the therapist named ("Dr Ann Smith", "Ann from Harbour Counselling").
    name = Column(String(80), nullable=False, default="")
    password_hash = Column(String(255), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    password_changed_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    sessions = relationship("PortalSession", back_populates="therapist", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"Therapist(id={self.id!r})"


class PortalSession(Base):
    """A logged-in browser. Only a hash of the cookie's token is kept, so a copy of the table logs no one in."""

    __tablename__ = "portal_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    therapist_id = Column(Integer, ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    expires_at = Column(DateTime(timezone=True), nullable=False)

    therapist = relationship("Therapist", back_populates="sessions")

    def __repr__(self) -> str:
        return f"PortalSession(id={self.id!r}, therapist_id={self.therapist_id!r})"


class LoginFailure(Base):
    """One failed log-in, counted per account and per address to slow down password guessing.

    ``key`` is a keyed hash of the email or the address, so the table names neither.
    """

    __tablename__ = "login_failures"

    id = Column(Integer, primary_key=True)
    key = Column(String(64), nullable=False, index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, index=True)

    def __repr__(self) -> str:
        return f"LoginFailure(id={self.id!r})"


class Assignment(Base):
    """Homework a therapist gave a client: an exercise, a label the therapist recognises, a code.

    ``user_id`` is set when a client redeems the code; the therapist sees only what the client
    agreed to share (``shared``), never the conversation.
    """

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("code", name="uq_assignments_code"),)

    id = Column(Integer, primary_key=True)
    therapist_id = Column(Integer, ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False, index=True)
    code = Column(String(16), nullable=False)
    exercise = Column(String(32), nullable=False)
    client_label = Column(String(80), nullable=False)
    # Written by the therapist about a client: sealed like everything else a person writes.
    note = Column(SealedJSON)
    due_on = Column(Date)
    recurrence = Column(String(8), nullable=False, default="none")
    recurrence_until = Column(Date)
    status = Column(String(16), nullable=False, default="sent")
    user_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"), index=True)
    shared = Column(SealedJSON)
    crisis_shown = Column(Boolean, nullable=False, default=False)
    # What a finished exercise would share, kept only until the client chooses what to share.
    pending_share = Column(SealedJSON)
    # Where a Telegram reminder goes: the one raw channel id kept, only while reminders may be sent
    # (set when the client agrees on Telegram, emptied when the homework ends).
    reminder_chat_id = Column(String(64))
    # The day the last reminder was for (a due date or a recurrence), so that each is sent once.
    reminded_for = Column(Date)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)

    therapist = relationship("Therapist")
    events = relationship(
        "AssignmentEvent", back_populates="assignment", cascade="all, delete-orphan", order_by="AssignmentEvent.id"
    )
    results = relationship(
        "AssignmentResult", back_populates="assignment", cascade="all, delete-orphan", order_by="AssignmentResult.id"
    )

    def __repr__(self) -> str:
        return f"Assignment(id={self.id!r}, exercise={self.exercise!r}, status={self.status!r})"


class AssignmentEvent(Base):
    """One step of an assignment's life (sent, opened, consented, ..., revoked), with its time."""

    __tablename__ = "assignment_events"

    id = Column(Integer, primary_key=True)
    assignment_id = Column(Integer, ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(16), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    assignment = relationship("Assignment", back_populates="events")

    def __repr__(self) -> str:
        return f"AssignmentEvent(id={self.id!r}, kind={self.kind!r})"


class AssignmentResult(Base):
    """What one completion of an assignment shared: the answers or only that it was done, or a
    measure's item answers and total, with ``flagged`` when an answer called for the crisis path.

    Recurring homework has one row per completion, so the therapist sees the trend.
    """

    __tablename__ = "assignment_results"

    id = Column(Integer, primary_key=True)
    assignment_id = Column(Integer, ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False, index=True)
    completed_on = Column(Date, nullable=False)
    measure = Column(String(16))
    score = Column(Integer)
    flagged = Column(Boolean, nullable=False, default=False)
    shared = Column(SealedJSON)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)

    assignment = relationship("Assignment", back_populates="results")

    def __repr__(self) -> str:
        return f"AssignmentResult(id={self.id!r}, measure={self.measure!r}, score={self.score!r})"


class ApiToken(Base):
    """A therapist's personal access token for the JSON API; only its SHA-256 hash is kept."""

    __tablename__ = "api_tokens"

    id = Column(Integer, primary_key=True)
    therapist_id = Column(Integer, ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False, index=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    revoked_at = Column(DateTime(timezone=True))

    def __repr__(self) -> str:
        return f"ApiToken(id={self.id!r}, therapist_id={self.therapist_id!r})"
