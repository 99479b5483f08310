"""What every action needs: who is speaking, on which channel, and how to say replies."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from bot.exercises import Context, Reply
from bot.exercises.runs import ExerciseRuns, RunTurn
from bot.homework import crisis_lines_shown
from bot.storage import session_scope
from bot.storage.repositories import record_safety_event


def channel_of(tracker: Tracker) -> str:
    """The input channel of the latest message ("rest", "socketio", "telegram", ...)."""
    return tracker.get_latest_input_channel() or "unknown"


def latest_intent(tracker: Tracker) -> str | None:
    """The intent of the latest message, as classified (the SDK's helper needs an intent ranking)."""
    return (tracker.latest_message.get("intent") or {}).get("name")


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
    """Record that the safety path ran (category, layer and channel, never the text), and that crisis
    lines were shown on any homework the person agreed to share about."""
    with session_scope() as session:
        record_safety_event(
            session=session, sender_id=tracker.sender_id, channel=channel_of(tracker), category=category, layer=layer
        )
        if layer != "ask":  # the direct question alone shows no lines
            crisis_lines_shown(session, sender_id=tracker.sender_id)


def exercise_runs(tracker: Tracker, session: Session) -> ExerciseRuns:
    """The run service for the person behind this conversation, on the caller's database session."""
    return ExerciseRuns(session=session, sender_id=tracker.sender_id, channel=channel_of(tracker))


def slot_events_for_run(turn: RunTurn) -> list[dict[str, Any]]:
    """Slots that say ``turn``'s run is the one running: its name and id, nothing of its answers."""
    return [SlotSet("exercise", turn.exercise), SlotSet("exercise_run", turn.run_id), SlotSet("exercise_reply", None)]


def slot_events_for_clear_exercise() -> list[dict[str, Any]]:
    """Slots that say no exercise is running."""
    return [SlotSet("exercise", None), SlotSet("exercise_run", None), SlotSet("exercise_reply", None)]


# Set as the exercise reply when there is nothing to run, so that exercise_form closes at once.
NOTHING_TO_RUN = "nothing to run"


def pause_running_exercise(tracker: Tracker) -> list[dict[str, Any]]:
    """Set the running exercise aside where it stopped; slot events that say nothing runs."""
    with session_scope() as session:
        exercise_runs(tracker, session).pause_running()
    return slot_events_for_clear_exercise() if tracker.get_slot("exercise_run") else []


def resume_paused_exercise(tracker: Tracker) -> list[dict[str, Any]] | None:
    """Slot events that make the most recently paused exercise run again, or None if none is paused."""
    with session_scope() as session:
        turn = exercise_runs(tracker, session).resume_latest()
    return None if turn is None else slot_events_for_run(turn)


def has_paused_exercise(tracker: Tracker) -> bool:
    """Whether the person has an exercise set aside to go back to."""
    with session_scope() as session:
        return bool(exercise_runs(tracker, session).paused_exercises())
