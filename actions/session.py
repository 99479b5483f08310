"""Session start: carry slots over and load the stored profile, so people are remembered.

A new session starts with no form running, so an exercise that was running is set aside
where it stopped ("resume" picks it up) rather than left half-open in the slots.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.exercises.runs import ExerciseRuns
from bot.storage import session_scope
from bot.storage.repositories import load_profile

_NOT_CARRIED = {"requested_slot", "exercise_reply", "exercise", "exercise_run"}


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Start a session with the person's slots and their stored profile."""
        events: list[EventType] = [SessionStarted()]
        events += [
            SlotSet(name, value)
            for name, value in tracker.slots.items()
            if value is not None and name not in _NOT_CARRIED
        ]
        with session_scope() as session:
            profile = load_profile(session=session, sender_id=tracker.sender_id)
            ExerciseRuns(session=session, sender_id=tracker.sender_id).pause_running()
        if profile is not None and profile.onboarded:
            events += [
                SlotSet("onboarded", True),
                SlotSet("role", profile.role),
                SlotSet("country", profile.country),
                SlotSet("consent", profile.consent_to_save),
            ]
        events.append(ActionExecuted("action_listen"))
        return events
