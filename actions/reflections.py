"""\"Show my reflections\": list the saved entries, open one, delete one (``reflections_form``).

The list action shows the entries and remembers their ids in ``reflections_view``; the form
then reads each reply ("2", "delete it", "yes", "back", "done") through ``bot.reflections``.
Like every form, its slot mapping leaves out the crisis and sos intents, so a risky message
is never taken as a choice, and each reply is screened again before it is read.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import say_replies
from actions.safety import say_crisis_reply
from bot import reflections
from bot.content import say
from bot.safety import crisis_reply
from bot.safety.verdict import assess
from bot.storage import session_scope

FINISHED = "done"


class ActionListReflections(Action):
    def name(self) -> str:
        return "action_list_reflections"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """List the person's saved reflections; with none, say so and let the form close at once."""
        if not tracker.get_slot("consent"):
            dispatcher.utter_message(text=say("no_saving_chosen"))
            return [SlotSet("reflections_reply", FINISHED), SlotSet("reflections_view", None)]
        with session_scope() as session:
            replies, view = reflections.show_list(session=session, sender_id=tracker.sender_id)
        say_replies(dispatcher, replies)
        if view is None:
            return [SlotSet("reflections_reply", FINISHED), SlotSet("reflections_view", None)]
        return [SlotSet("reflections_reply", None), SlotSet("reflections_view", view)]


class ValidateReflectionsForm(FormValidationAction):
    def name(self) -> str:
        return "validate_reflections_form"

    def validate_reflections_reply(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Open, delete, go back to the list, or finish; anything else is asked again kindly."""
        view = tracker.get_slot("reflections_view")
        if value is None or not isinstance(view, dict):
            return {"reflections_reply": None if value is None else FINISHED}
        text = str(value)
        risk = assess(text).risk
        if risk is not None:  # normally stopped by the NLU risk layer before it gets here
            say_crisis_reply(dispatcher, crisis_reply(risk.category, tracker.get_slot("country"), young=risk.young))
            return {"reflections_reply": FINISHED, "reflections_view": None}
        with session_scope() as session:
            replies, view = reflections.respond(session=session, sender_id=tracker.sender_id, view=view, text=text)
        say_replies(dispatcher, replies)
        if view is None:
            return {"reflections_reply": FINISHED, "reflections_view": None}
        return {"reflections_reply": None, "reflections_view": view}
