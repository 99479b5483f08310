"""The crisis reply and /sos. The words and lines come from bot.safety; this only adapts them."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import record_safety, slot_events_for_clear_exercise
from bot.safety import crisis_reply, detect_risk, guess_category, sos_reply
from bot.safety.crisis import CrisisReply


def say_crisis_reply(dispatcher: CollectingDispatcher, reply: CrisisReply) -> None:
    """The first message carries the machine-readable lines, so every channel can show them at once."""
    first, *rest = reply.messages
    dispatcher.utter_message(text=first, json_message=reply.payload())
    for message in rest:
        dispatcher.utter_message(text=message)


def pause_running_exercise(tracker: Tracker) -> list[EventType]:
    """Keep a running exercise's state aside, exactly where it stopped, and stop any form."""
    events: list[EventType] = []
    state = tracker.get_slot("exercise_state")
    if tracker.get_slot("exercise") and state:
        paused = dict(tracker.get_slot("paused_exercise") or {})
        paused[state["exercise"]] = {**state, "status": "paused"}
        events.append(SlotSet("paused_exercise", paused))
        events += slot_events_for_clear_exercise()
    if tracker.active_loop_name:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events


class ActionCrisisResponse(Action):
    def name(self) -> str:
        return "action_crisis_response"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answer risk first: warm words, the lines for the person's country, and a pause of what was running."""
        verdict = tracker.latest_message.get("risk") or {}
        if not verdict:
            risk = detect_risk(tracker.latest_message.get("text") or "")
            verdict = (
                {"category": risk.category, "layer": risk.layer, "about_someone_else": risk.about_someone_else}
                if risk
                else {"category": guess_category(tracker.latest_message.get("text") or ""), "layer": "model"}
            )
        reply = crisis_reply(
            verdict["category"], tracker.get_slot("country"), about_someone_else=bool(verdict.get("about_someone_else"))
        )
        say_crisis_reply(dispatcher, reply)
        record_safety(tracker, category=verdict["category"], layer=verdict.get("layer", "model"))
        return pause_running_exercise(tracker)


class ActionSos(Action):
    def name(self) -> str:
        return "action_sos"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The lines at once, nothing asked first; whatever was running goes on afterwards."""
        say_crisis_reply(dispatcher, sos_reply(tracker.get_slot("country")))
        record_safety(tracker, category="sos", layer="command")
        return []
