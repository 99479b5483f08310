"""The gentle two-weekly check-in suggestion: made once when a check-in is two weeks old, never repeated.

Only people who keep their check-ins (consent) have a last check-in to count from; nobody is
ever messaged out of the blue: the suggestion is a line shown when the person opens the menu.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

from bot.progress.scores import CHECKIN
from bot.storage.models import as_utc
from bot.storage.repositories import find_user, latest_entry

SUGGEST_AFTER = timedelta(days=14)



def take_checkin_suggestion(*, session: Session, sender_id: str, now: datetime | None = None) -> bool:
    """Whether to suggest a check-in now; when it is due, it is marked as made, so it comes once."""
    now = now or datetime.now(timezone.utc)
    user = find_user(session=session, sender_id=sender_id)
    last = latest_entry(session=session, sender_id=sender_id, kind=CHECKIN) if user else None
    if user is None or user.profile is None or last is None:
        return False
    last_at = as_utc(last.created_at)
    suggested = user.profile.checkin_suggested_at
    if now - last_at < SUGGEST_AFTER or (suggested is not None and as_utc(suggested) >= last_at):
        return False
    user.profile.checkin_suggested_at = now
    return True
