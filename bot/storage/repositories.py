"""Repository functions. The caller owns the session and the transaction."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.config import settings
from bot.storage.models import Assignment, ExerciseEntry, Profile, SafetyEvent, User, utc_now


def pseudonym(sender_id: str) -> str:
    """The keyed hash that stands for a sender id in the database (HMAC-SHA256, hex)."""
    return hmac.new(settings().secret_key, sender_id.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ProfileView:
    """What the conversation needs to know about a person."""

    role: str | None
    country: str | None
    consent_to_save: bool
    onboarded: bool


def find_user(*, session: Session, sender_id: str) -> User | None:
    """The user behind a sender id, or None if they never got as far as being stored."""
    return session.scalars(select(User).where(User.sender_hash == pseudonym(sender_id))).first()


def get_or_create_user(*, session: Session, sender_id: str, channel: str) -> User:
    """The user behind a sender id, created on first contact."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        user = User(channel=channel or "unknown", sender_hash=pseudonym(sender_id))
        session.add(user)
        session.flush()
    return user


def load_profile(*, session: Session, sender_id: str) -> ProfileView | None:
    """The stored profile of a sender, or None for someone new."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None or user.profile is None:
        return None
    profile = user.profile
    return ProfileView(
        role=profile.role,
        country=profile.country,
        consent_to_save=profile.consent_to_save,
        onboarded=profile.onboarded_at is not None,
    )


def save_profile(
    *,
    session: Session,
    sender_id: str,
    channel: str,
    role: str | None,
    country: str | None,
    consent_to_save: bool,
) -> None:
    """Create or update a person's profile and mark them as onboarded."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    if user.profile is None:
        user.profile = Profile(consent_to_save=consent_to_save)
    user.profile.role = role
    user.profile.country = country
    user.profile.consent_to_save = consent_to_save
    if user.profile.onboarded_at is None:
        user.profile.onboarded_at = utc_now()


def add_entry(*, session: Session, sender_id: str, channel: str, kind: str, answers: dict[str, Any]) -> int:
    """Store a finished exercise and return its id. Callers check consent first."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    entry = ExerciseEntry(user=user, kind=kind, answers=answers)
    session.add(entry)
    session.flush()
    return entry.id


def latest_entry(*, session: Session, sender_id: str, kind: str | None = None) -> ExerciseEntry | None:
    """The newest stored entry of a person, of one kind or of any."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return None
    query = select(ExerciseEntry).where(ExerciseEntry.user_id == user.id)
    if kind:
        query = query.where(ExerciseEntry.kind == kind)
    return session.scalars(query.order_by(ExerciseEntry.created_at.desc(), ExerciseEntry.id.desc())).first()


def record_safety_event(*, session: Session, sender_id: str | None, channel: str, category: str, layer: str) -> None:
    """Record that a risk layer fired, without the message text."""
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel) if sender_id else None
    session.add(SafetyEvent(user=user, category=category, layer=layer, channel=channel or "unknown"))


def export_user(*, session: Session, sender_id: str) -> dict[str, Any]:
    """Everything stored about a person, as plain JSON-ready data."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return {
            "found": False, "profile": None, "entries": [], "exercise_runs": [], "safety_events": [], "homework": [],
        }  # fmt: skip
    profile = user.profile
    return {
        "found": True,
        "channel": user.channel,
        "created_at": user.created_at.isoformat(),
        "profile": None
        if profile is None
        else {
            "role": profile.role,
            "country": profile.country,
            "consent_to_save": profile.consent_to_save,
            "onboarded_at": profile.onboarded_at.isoformat() if profile.onboarded_at else None,
        },
        "entries": [
            {"id": e.id, "kind": e.kind, "answers": e.answers, "created_at": e.created_at.isoformat()}
            for e in sorted(user.entries, key=lambda entry: entry.id)
        ],
        "exercise_runs": [
            {
                "exercise": run.exercise,
                "status": run.status,
                "state": run.state,
                "created_at": run.created_at.isoformat(),
                "ended_at": run.ended_at.isoformat() if run.ended_at else None,
            }
            for run in sorted(user.exercise_runs, key=lambda run: run.created_at)
        ],
        "safety_events": [
            {"category": s.category, "layer": s.layer, "channel": s.channel, "created_at": s.created_at.isoformat()}
            for s in sorted(user.safety_events, key=lambda event: event.id)
        ],
        # Homework from a therapist: what the person opened, and exactly what the therapist can see.
        "homework": [
            {
                "therapist": assignment.therapist.name if assignment.therapist else None,
                "exercise": assignment.exercise,
                "status": assignment.status,
                "crisis_lines_shown": assignment.crisis_shown,
                "shared": [
                    {
                        "completed_on": result.completed_on.isoformat(), "score": result.score,
                        "flagged": result.flagged, **(result.shared or {}),
                    }  # fmt: skip
                    for result in assignment.results
                ],
            }
            for assignment in session.scalars(
                select(Assignment).where(Assignment.user_id == user.id).order_by(Assignment.id)
            )
        ],
    }


def erase_user(*, session: Session, sender_id: str) -> bool:
    """Delete a person and everything stored about them; True if there was anything."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return False
    # A therapist keeps the record that homework was given; what the person shared goes with them.
    for assignment in session.scalars(select(Assignment).where(Assignment.user_id == user.id)):
        assignment.shared = None
        assignment.pending_share = None
        assignment.reminder_chat_id = None
        assignment.user_id = None
        assignment.results.clear()
    session.delete(user)
    return True
