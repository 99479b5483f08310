"""Dates as the bot says them: "3 Nov", with the year only when it is not this year's."""

from __future__ import annotations

from datetime import datetime, timezone


def day_label(when: datetime, today: datetime | None = None) -> str:
    """A short, unambiguous day: "3 Nov", or "3 Nov 2025" for another year."""
    today = today or datetime.now(timezone.utc)
    label = f"{when.day} {when:%b}"
    return label if when.year == today.year else f"{label} {when.year}"
