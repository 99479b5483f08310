"""Exercises in Rasa: one form (``exercise_form``) runs every exercise through bot.exercises.runs.

The form keeps asking for ``exercise_reply``; the validation action hands each reply to
the run service and clears the slot until the run is finished or paused. Slots hold only
the exercise's name and the run's id; the run itself lives in the ``exercise_runs`` table.
The slot mapping excludes the ``crisis`` and ``sos`` intents, so a risky message is never
taken as an answer: the form rejects it and the safety rules answer instead.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    NOTHING_TO_RUN,
    context_of,
    exercise_runs,
    latest_intent,
    record_safety,
    resume_paused_exercise,
    say_replies,
    slot_events_for_clear_exercise,
    slot_events_for_run,
)
from actions.menu import say_menu
from actions.safety import say_crisis_reply
from bot.content import say
from bot.exercises import exercise_by_intent, exercise_by_name, exercise_named_in
from bot.exercises.engine import ABANDONED, FINISHED, PAUSED, words
from bot.exercises.runs import RunNotFoundError
from bot.exercises.safety_plan import describe_plan, no_plan_text
from bot.safety import crisis_mode, crisis_reply
from bot.safety.verdict import assess
from bot.storage import session_scope
from bot.storage.repositories import latest_entry

# Set as the exercise reply when an answer started the crisis path, so that the form closes and
# the crisis mode follows.
CRISIS_REPLY = "crisis reply"


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
        with session_scope() as session:
            turn = exercise_runs(tracker, session).start(exercise, context_of(tracker))
        return slot_events_for_run(turn)


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
        run_id = tracker.get_slot("exercise_run")
        if not run_id:
            return []
        try:
            with session_scope() as session:
                replies = exercise_runs(tracker, session).prompt(run_id, context_of(tracker))
        except RunNotFoundError:
            return [SlotSet("exercise_reply", NOTHING_TO_RUN)]
        say_replies(dispatcher, replies)
        return []


class ValidateExerciseForm(FormValidationAction):
    def name(self) -> str:
        return "validate_exercise_form"

    def validate_exercise_reply(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Hand one reply to the run service; keep asking until the run is finished or paused."""
        run_id = tracker.get_slot("exercise_run")
        if not run_id:
            return {"exercise_reply": value}
        if value is None:
            # Rasa validates the cleared slot when the form starts: that is no answer yet.
            return {"exercise_reply": None}
        text = str(value)
        risk = assess(text).risk
        with session_scope() as session:
            runs = exercise_runs(tracker, session)
            if risk is not None:
                # The NLU risk layer normally stops such a message before it gets here; if it
                # ever does not, the answer is still not stored and the crisis reply comes first.
                say_crisis_reply(dispatcher, crisis_reply(risk.category, tracker.get_slot("country"), young=risk.young))
                runs.pause_running()
                return {"exercise_reply": PAUSED}
            try:
                turn = runs.reply(run_id, text, context_of(tracker))
            except RunNotFoundError:
                return {"exercise_reply": NOTHING_TO_RUN}
        if turn.crisis is not None:
            # An answer itself called for help (PHQ-9's ninth item): the crisis path starts now.
            say_crisis_reply(dispatcher, crisis_reply(turn.crisis, tracker.get_slot("country")), ask_if_safe=True)
            record_safety(tracker, category=turn.crisis, layer="measure")
            return {
                "exercise_reply": CRISIS_REPLY,
                "exercise_run": turn.run_id,
                "crisis_state": crisis_mode.start_state(turn.crisis),
                "safety_reply": None,
            }
        say_replies(dispatcher, turn.replies)
        if turn.status in (FINISHED, PAUSED, ABANDONED):
            return {"exercise_reply": turn.status, "exercise_run": turn.run_id}
        return {"exercise_reply": None, "exercise_run": turn.run_id}


class ActionFinishExercise(Action):
    def name(self) -> str:
        return "action_finish_exercise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Offer the menu after a finished or given-up run (the run said whether it was kept); then nothing runs."""
        run_id = tracker.get_slot("exercise_run")
        events: list[EventType] = slot_events_for_clear_exercise()
        if tracker.get_slot("exercise_reply") == CRISIS_REPLY:
            # The crisis reply was said; the crisis mode asks whether the person is safe next.
            return [*events, FollowupAction("crisis_form")]
        if not run_id:
            return events
        try:
            with session_scope() as session:
                turn = exercise_runs(tracker, session).status(run_id)
        except RunNotFoundError:
            return events
        if turn.status in (FINISHED, ABANDONED):
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
        named = exercise_named_in(tracker.latest_message.get("text") or "")
        with session_scope() as session:
            entry = latest_entry(session=session, sender_id=tracker.sender_id, kind=named.name if named else None)
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
