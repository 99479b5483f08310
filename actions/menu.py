"""The menu: built from the exercises that exist, so no item leads to a dead end."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.content import say
from bot.exercises import available_exercises, exercise_by_name
from bot.exercises.runs import ExerciseRuns
from bot.progress.reminders import take_checkin_suggestion
from bot.storage import session_scope


def say_menu(dispatcher: CollectingDispatcher, tracker: Tracker, leave_out: tuple[str, ...] = ()) -> None:
    """Offer every built exercise (but those in ``leave_out``), a paused one to resume, and help."""
    with session_scope() as session:
        paused = ExerciseRuns(session=session, sender_id=tracker.sender_id).paused_exercises()
    buttons = []
    # "resume" picks up the most recently paused exercise, so only that one is offered.
    exercise = exercise_by_name(paused[0]) if paused else None
    if exercise is not None:
        buttons.append({"title": say("menu_resume", title=exercise.menu_title), "payload": "resume"})
    buttons += [
        {"title": exercise.menu_title, "payload": exercise.menu_payload}
        for exercise in available_exercises()
        if exercise.name not in leave_out
    ]
    buttons += [
        {"title": say("menu_help_now"), "payload": "help now"},
        {"title": say("menu_about"), "payload": "what is this"},
    ]
    dispatcher.utter_message(text=say("menu"), buttons=buttons)


class ActionShowMenu(Action):
    def name(self) -> str:
        return "action_show_menu"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Show the menu, after the two-weekly check-in suggestion when one is due (once)."""
        with session_scope() as session:
            suggest = take_checkin_suggestion(session=session, sender_id=tracker.sender_id)
        if suggest:
            dispatcher.utter_message(text=say("checkin_suggestion"))
        say_menu(dispatcher, tracker)
        return []
