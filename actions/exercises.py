"""Exercises in Rasa: one form (``exercise_form``) runs every exercise through bot.exercises.engine.

The form keeps asking for ``exercise_reply``; the validation action hands each reply to
the engine and clears the slot until the exercise is finished or paused. The slot mapping
excludes the ``crisis`` and ``sos`` intents, so a risky message is never taken as an
answer: the form rejects it and the safety rules answer instead.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    NOTHING_TO_RUN,
    channel_of,
    context_of,
    latest_intent,
    resume_paused_exercise,
    say_replies,
    slot_events_for_clear_exercise,
)
from actions.menu import say_menu
from actions.safety import say_crisis_reply
from bot.content import say
from bot.exercises import available_exercises, exercise_by_intent, exercise_by_name
from bot.exercises.engine import FINISHED, PAUSED, current_prompt, handle_reply, new_state, words
from bot.safety import crisis_reply, detect_risk
from bot.safety.plan import describe_plan, no_plan_text
from bot.storage import session_scope
from bot.storage.repositories import add_entry, latest_entry


def _paused(tracker: Tracker) -> dict[str, Any]:
    return dict(tracker.get_slot("paused_exercise") or {})


def _last_entry_answers(tracker: Tracker, kind: str) -> dict[str, Any] | None:
    """The answers of the person's newest saved entry of ``kind`` (only kept with consent)."""
    if not tracker.get_slot("consent"):
        return None
    with session_scope() as session:
        entry = latest_entry(session=session, sender_id=tracker.sender_id, kind=kind)
        return dict(entry.answers) if entry is not None else None


class ActionStartExercise(Action):
    def name(self) -> str:
        return "action_start_exercise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Start the exercise the person asked for (offering to resume a paused run of it)."""
        exercise = exercise_by_intent(latest_intent(tracker))
        if exercise is None:
            return [SlotSet("exercise_reply", NOTHING_TO_RUN)]
        paused = _paused(tracker)
        previous = _last_entry_answers(tracker, exercise.name) if exercise.editable else None
        state = new_state(exercise, context_of(tracker), paused.pop(exercise.name, None), previous)
        return [
            SlotSet("exercise", exercise.name),
            SlotSet("exercise_state", state),
            SlotSet("exercise_reply", None),
            SlotSet("paused_exercise", paused),
        ]


class ActionResumeExercise(Action):
    def name(self) -> str:
        return "action_resume_exercise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Resume the most recently paused exercise where it stopped."""
        events = resume_paused_exercise(tracker)
        if events is None:
            dispatcher.utter_message(text=words()["nothing_to_resume"])
            say_menu(dispatcher, tracker)
            return [SlotSet("exercise_reply", NOTHING_TO_RUN)]
        dispatcher.utter_message(text=words()["resumed"])
        return events


class ActionAskExerciseReply(Action):
    def name(self) -> str:
        return "action_ask_exercise_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Ask the running exercise's current question."""
        exercise = exercise_by_name(tracker.get_slot("exercise"))
        state = tracker.get_slot("exercise_state")
        if exercise is not None and state:
            say_replies(dispatcher, current_prompt(exercise, state, context_of(tracker)))
        return []


class ValidateExerciseForm(FormValidationAction):
    def name(self) -> str:
        return "validate_exercise_form"

    def validate_exercise_reply(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Hand one reply to the engine; keep asking until the exercise is finished or paused."""
        exercise = exercise_by_name(tracker.get_slot("exercise"))
        state = tracker.get_slot("exercise_state")
        if exercise is None or not state:
            return {"exercise_reply": value}
        if value is None:
            # Rasa validates the cleared slot when the form starts: that is no answer yet.
            return {"exercise_reply": None}
        text = str(value)
        risk = detect_risk(text)
        if risk is not None:
            # The NLU risk layer normally stops such a message before it gets here; if it
            # ever does not, the answer is still not stored and the crisis reply comes first.
            say_crisis_reply(dispatcher, crisis_reply(risk.category, tracker.get_slot("country")))
            return {"exercise_reply": PAUSED, "exercise_state": {**state, "status": PAUSED}}
        turn = handle_reply(exercise, state, text, context_of(tracker))
        say_replies(dispatcher, turn.replies)
        if turn.status in (FINISHED, PAUSED):
            return {"exercise_reply": turn.status, "exercise_state": turn.state}
        return {"exercise_reply": None, "exercise_state": turn.state}


class ActionFinishExercise(Action):
    def name(self) -> str:
        return "action_finish_exercise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Store a finished exercise (with consent) or set a paused one aside; then nothing is running."""
        exercise = exercise_by_name(tracker.get_slot("exercise"))
        state = tracker.get_slot("exercise_state") or {}
        events: list[EventType] = slot_events_for_clear_exercise()
        if exercise is None:
            return events
        if state.get("status") == PAUSED:
            paused = _paused(tracker)
            paused[exercise.name] = state
            return events + [SlotSet("paused_exercise", paused)]
        if state.get("status") == FINISHED:
            if tracker.get_slot("consent"):
                with session_scope() as session:
                    add_entry(
                        session=session,
                        sender_id=tracker.sender_id,
                        channel=channel_of(tracker),
                        kind=exercise.name,
                        answers=exercise.entry(state["data"]),
                    )
                dispatcher.utter_message(text=say("saved"))
            else:
                dispatcher.utter_message(text=say("not_saved"))
            say_menu(dispatcher, tracker)
        return events


class ActionShowLastEntry(Action):
    def name(self) -> str:
        return "action_show_last_entry"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Show the newest saved entry, of the exercise the person named if they named one."""
        if not tracker.get_slot("consent"):
            dispatcher.utter_message(text=say("no_saving_chosen"))
            return []
        text = (tracker.latest_message.get("text") or "").lower()
        kind = next(
            (
                exercise.name
                for exercise in available_exercises()
                if re.search(rf"\b{exercise.name.split('_')[0]}", text)
            ),
            None,
        )
        with session_scope() as session:
            entry = latest_entry(session=session, sender_id=tracker.sender_id, kind=kind)
            found = None if entry is None else (entry.kind, entry.answers)
        exercise = exercise_by_name(found[0]) if found else None
        if exercise is None:
            dispatcher.utter_message(text=say("nothing_saved_yet"))
            return []
        say_replies(dispatcher, exercise.describe_entry(found[1]))
        return []


class ActionShowSafetyPlan(Action):
    def name(self) -> str:
        return "action_show_safety_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Show the saved safety plan at once, with the crisis lines for the person's country."""
        answers = _last_entry_answers(tracker, "safety_plan")
        if answers is None:
            dispatcher.utter_message(text=no_plan_text())
            return []
        say_replies(dispatcher, describe_plan(answers, tracker.get_slot("country")))
        return []
