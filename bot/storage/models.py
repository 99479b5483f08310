"""The tables. Users are pseudonymous: a keyed hash of the channel's sender id, never the raw id."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


def utc_now() -> datetime:
    """Timezone-aware now, so that timestamps mean the same on every database."""
    return datetime.now(timezone.utc)


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

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, channel={self.channel!r})"


class Profile(Base):
    __tablename__ = "profiles"

    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role = Column(String(32))
    country = Column(String(8))
    consent_to_save = Column(Boolean, nullable=False, default=False)
    check_backs_enabled = Column(Boolean, nullable=False, default=True)
    onboarded_at = Column(DateTime(timezone=True))
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)

    user = relationship("User", back_populates="profile")

    def __repr__(self) -> str:
        return f"Profile(user_id={self.user_id!r}, role={self.role!r}, country={self.country!r})"


class ExerciseEntry(Base):
    __tablename__ = "exercise_entries"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    answers = Column(JSON, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utc_now)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utc_now, onupdate=utc_now)

    user = relationship("User", back_populates="entries")

    def __repr__(self) -> str:
        return f"ExerciseEntry(id={self.id!r}, kind={self.kind!r})"


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
