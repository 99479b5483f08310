"""Homework from a therapist: open the code, then the exercise form runs it (bot.homework)."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import NOTHING_TO_RUN, channel_of, context_of, exercise_runs, say_replies, slot_events_for_run
from actions.menu import say_menu
from bot.exercises import exercise_by_name
from bot.homework import exercise_of, open_code
from bot.storage import session_scope


class ActionOpenHomework(Action):
    def name(self) -> str:
        return "action_open_homework"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Say who suggested what, and start the run that asks consent; or say kindly why not."""
        code = next(tracker.get_latest_entity_values("homework_code"), None) or tracker.get_slot("homework_code")
        done: list[EventType] = [SlotSet("homework_code", None)]
        with session_scope() as session:
            opened = open_code(session, sender_id=tracker.sender_id, channel=channel_of(tracker), code=code or "")
            exercise = exercise_by_name(exercise_of(session, opened.assignment_id)) if opened.assignment_id else None
            turn = (
                exercise_runs(tracker, session).start_homework(
                    exercise, context_of(tracker), assignment_id=opened.assignment_id
                )
                if exercise is not None
                else None
            )
        say_replies(dispatcher, opened.replies)
        if turn is None:
            say_menu(dispatcher, tracker)
            return [*done, SlotSet("exercise_reply", NOTHING_TO_RUN)]
        return [*done, *slot_events_for_run(turn)]
