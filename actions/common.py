"""What every action needs: who is speaking, on which channel, and how to say replies."""

from __future__ import annotations

from typing import Any, Iterable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.exercises import Context, Reply
from bot.storage import session_scope
from bot.storage.repositories import record_safety_event


def channel_of(tracker: Tracker) -> str:
    """The input channel of the latest message ("rest", "socketio", "telegram", ...)."""
    return tracker.get_latest_input_channel() or "unknown"


def context_of(tracker: Tracker) -> Context:
    """The person's role, country and saving choice, as the exercises see them."""
    return Context(
        role=tracker.get_slot("role"),
        country=tracker.get_slot("country"),
        consent_to_save=bool(tracker.get_slot("consent")),
    )


def say_replies(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    """Send exercise replies, with their buttons."""
    for reply in replies:
        buttons = [{"title": button.title, "payload": button.payload} for button in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons)


def record_safety(tracker: Tracker, *, category: str, layer: str) -> None:
    """Record that the safety path ran: category, layer and channel, never the text."""
    with session_scope() as session:
        record_safety_event(
            session=session, sender_id=tracker.sender_id, channel=channel_of(tracker), category=category, layer=layer
        )


def slot_events_for_clear_exercise() -> list[dict[str, Any]]:
    """Slots that say no exercise is running."""
    from rasa_sdk.events import SlotSet

    return [SlotSet("exercise", None), SlotSet("exercise_state", None), SlotSet("exercise_reply", None)]
