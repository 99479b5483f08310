"""A person's own data: export it, or erase it everywhere it is kept.

Used by every channel (Telegram's /mydata and /delete, the web chat's "delete my data",
the CLI), so erasure means the same thing wherever it is asked for: our database rows
and the conversation Rasa keeps in its SQL tracker store.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import text

from bot.config import settings
from bot.storage import engine_for, session_scope
from bot.storage.repositories import erase_user, export_user
from bot.storage.sealing import sealer


def export_person(sender_id: str) -> dict[str, Any]:
    """Everything kept about a person, JSON-ready: our database's rows and the conversation."""
    with session_scope() as session:
        data = export_user(session=session, sender_id=sender_id)
    data["conversation"] = conversation_of(sender_id)
    return data


def conversation_of(sender_id: str) -> list[dict[str, Any]]:
    """What the person wrote and what the bot said, oldest first, from the tracker store.

    Read straight from the table (opened with the data key) rather than through Rasa, so that
    every channel can export without loading Rasa; the events' other bookkeeping is left out.
    """
    rows = _on_events("SELECT type_name, timestamp, data FROM events WHERE sender_id = :sender ORDER BY id",
                      sender=sender_id) or []  # fmt: skip
    seal = sealer()
    said: list[dict[str, Any]] = []
    for type_name, timestamp, stored in rows:
        if type_name not in ("user", "bot") or stored is None:
            continue
        event = json.loads(seal.open(stored))
        if not event.get("text"):
            continue
        when = datetime.fromtimestamp(timestamp or 0, tz=timezone.utc).isoformat(timespec="seconds")
        said.append({"at": when, "from": "you" if type_name == "user" else "bot", "text": event["text"]})
    return said


def erase_person(sender_id: str) -> bool:
    """Delete a person's stored data and their conversation; True if anything was there.

    Rasa's HTTP API can only append to a SQL tracker store, never remove from it, so the
    conversation's rows are deleted from the tracker store's database directly.
    """
    with session_scope() as session:
        had_profile = erase_user(session=session, sender_id=sender_id)
    deleted = _on_events("DELETE FROM events WHERE sender_id = :sender", sender=sender_id)
    return had_profile or bool(deleted)


def purge_old_conversations(days: int, now: float | None = None) -> int:
    """Delete conversation history older than ``days`` from the tracker store; the number of events.

    A conversation whose newest event is older goes whole. One still going keeps its latest
    session whole, however long ago it began, because Rasa rebuilds the conversation (the
    person's choices carried over in its first events) from that session alone; only the
    sessions before it, and older than ``days``, go.
    """
    if days <= 0:
        return 0
    cutoff = (now if now is not None else time.time()) - days * 86400
    latest_session = (
        "SELECT MAX(started.timestamp) FROM events AS started "
        "WHERE started.sender_id = events.sender_id AND started.type_name = 'session_started'"
    )
    newest = "SELECT MAX(other.timestamp) FROM events AS other WHERE other.sender_id = events.sender_id"
    deleted = _on_events(
        f"DELETE FROM events WHERE timestamp < :cutoff AND (({newest}) < :cutoff "  # noqa: S608 - no input
        f"OR timestamp < COALESCE(({latest_session}), 0))",
        cutoff=cutoff,
    )
    return deleted or 0


def _on_events(statement: str, **values: Any) -> list[Any] | int | None:
    """Run one statement on Rasa's ``events`` table: a SELECT's rows, or how many rows a DELETE took.

    None when there is nothing to run it on: no SQL tracker store configured, or no conversation
    stored yet (Rasa creates the table on its first start).
    """
    tracker_url = settings().tracker_store_url
    if not tracker_url:
        return None
    with engine_for(tracker_url).begin() as connection:
        if not connection.dialect.has_table(connection, "events"):
            return None
        result = connection.execute(text(statement), values)
        return result.all() if result.returns_rows else result.rowcount
