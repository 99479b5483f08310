"""Rasa's SQL tracker store with every event sealed: the conversation is encrypted at rest.

Rasa keeps each event (what the person wrote, what the bot said, every slot value) as JSON in
the ``data`` column of its ``events`` table. This store is Rasa's own SQLTrackerStore with
that one column typed to seal on the way in and open on the way out (bot.storage.sealing);
everything else (sessions, ordering, locking, the schema) is Rasa's, unchanged. The intent
and action names Rasa copies into their own columns are names from the domain, never text.

endpoints.yml names it (``type: bot.storage.tracker_store.SealedSQLTrackerStore``). Rasa
falls back to an in-memory store, with a warning, when a custom store cannot be imported;
the restart tests would catch that, because nothing would be remembered.
"""

from __future__ import annotations

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, _create_sequence
from sqlalchemy.orm import declarative_base

from bot.storage.models import SealedText


class SealedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose ``events.data`` is sealed; the table itself is Rasa's."""

    Base = declarative_base()

    class SQLEvent(Base):  # type: ignore[valid-type, misc]
        __tablename__ = "events"

        id = sa.Column(sa.Integer, _create_sequence(__tablename__), primary_key=True)
        sender_id = sa.Column(sa.String(255), nullable=False, index=True)
        type_name = sa.Column(sa.String(255), nullable=False)
        timestamp = sa.Column(sa.Float)
        intent_name = sa.Column(sa.String(255))
        action_name = sa.Column(sa.String(255))
        data = sa.Column(SealedText)
