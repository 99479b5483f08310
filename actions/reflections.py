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
from bot.replies import Reply
from bot.safety import crisis_reply
from bot.safety.verdict import assess
from bot.storage import session_scope

FINISHED = "done"


def _view(ids: list[int], open_id: int | None = None, confirming: bool = False) -> dict[str, Any]:
    return {"ids": ids, "open": open_id, "confirming": confirming}


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
            listed = reflections.list_reflections(session=session, sender_id=tracker.sender_id)
        say_replies(dispatcher, reflections.list_replies(listed))
        if not listed:
            return [SlotSet("reflections_reply", FINISHED), SlotSet("reflections_view", None)]
        view = _view([item.entry_id for item in listed])
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
        replies, view = self._respond(tracker.sender_id, view, reflections.read_choice(text))
        say_replies(dispatcher, replies)
        if view is None:
            return {"reflections_reply": FINISHED, "reflections_view": None}
        return {"reflections_reply": None, "reflections_view": view}

    @staticmethod
    def _respond(
        sender_id: str, view: dict[str, Any], choice: reflections.Choice
    ) -> tuple[list[Reply], dict[str, Any] | None]:
        ids, open_id = list(view.get("ids") or []), view.get("open")
        with session_scope() as session:
            if choice.action == reflections.DONE:
                return [], None
            if view.get("confirming"):
                if choice.action in (reflections.YES, reflections.DELETE):
                    reflections.delete_reflection(session=session, sender_id=sender_id, entry_id=open_id)
                    listed = reflections.list_reflections(session=session, sender_id=sender_id)
                    replies = [Reply(say("reflection_deleted")), *reflections.list_replies(listed)]
                    return replies, (_view([item.entry_id for item in listed]) if listed else None)
                if choice.action == reflections.NO:
                    return [Reply(say("reflection_kept"), reflections.entry_buttons())], _view(ids, open_id)
                return [Reply(say("reflection_confirm_delete"), reflections.confirm_buttons())], view
            number = choice.number
            if choice.action == reflections.DELETE and number is None and open_id is not None:
                confirm = Reply(say("reflection_confirm_delete"), reflections.confirm_buttons())
                return [confirm], _view(ids, open_id, True)
            if choice.action in (reflections.OPEN, reflections.DELETE) and number is not None:
                index = len(ids) if number == -1 else number
                if not 1 <= index <= len(ids):
                    return [Reply(say("reflections_no_such_number", number=number))], view
                entry_id = ids[index - 1]
                shown = reflections.open_reflection(session=session, sender_id=sender_id, entry_id=entry_id)
                if shown is None:
                    return [Reply(say("reflection_gone"))], view
                if choice.action == reflections.DELETE:
                    confirm = Reply(say("reflection_confirm_delete"), reflections.confirm_buttons())
                    return [*shown, confirm], _view(ids, entry_id, True)
                return [*shown[:-1], _with_buttons(shown[-1])], _view(ids, entry_id)
            if choice.action == reflections.BACK or (choice.action == reflections.NO and open_id is not None):
                listed = reflections.list_reflections(session=session, sender_id=sender_id)
                return reflections.list_replies(listed), (_view([item.entry_id for item in listed]) if listed else None)
        if view.get("unclear"):  # twice in a row: the person likely wants something else
            return [Reply(say("reflections_closing"))], None
        return [Reply(say("reflections_unclear"))], {**view, "unclear": True}


def _with_buttons(reply: Reply) -> Reply:
    return Reply(reply.text, reflections.entry_buttons())
