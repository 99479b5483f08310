"""The crisis reply, the crisis mode that follows it, and /sos.

The words, lines and the mode's logic live in bot.safety; these actions only adapt them.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    NOTHING_TO_RUN,
    has_paused_exercise,
    pause_running_exercise,
    record_safety,
    resume_paused_exercise,
    say_replies,
)
from bot.countries import country_from_language_tag, country_or_none, language_tag_in
from bot.exercises.engine import words as exercise_words
from bot.safety import check_back, crisis_mode, crisis_reply, guess_category, sos_reply
from bot.safety.crisis import CrisisReply
from bot.safety.verdict import ASK, assess
from bot.storage import session_scope
from bot.storage.repositories import latest_entry


def say_crisis_reply(dispatcher: CollectingDispatcher, reply: CrisisReply, *, ask_if_safe: bool = False) -> None:
    """The first message carries the machine-readable lines, so every channel can show them at once."""
    first, *rest = reply.messages
    dispatcher.utter_message(text=first, json_message=reply.payload())
    for position, message in enumerate(rest, start=1):
        is_last = position == len(rest)
        buttons = (
            [{"title": b.title, "payload": b.payload} for b in crisis_mode.safety_question_buttons()]
            if ask_if_safe and is_last
            else []
        )
        dispatcher.utter_message(text=message, buttons=buttons)


def _verdict(tracker: Tracker) -> dict[str, Any]:
    verdict = tracker.latest_message.get("risk") or {}
    if verdict:
        return verdict
    text = tracker.latest_message.get("text") or ""
    risk = assess(text).risk
    if risk:
        return {
            "category": risk.category, "layer": risk.layer, "about_someone_else": risk.about_someone_else,
            "young": risk.young,
        }
    return {"category": guess_category(text), "layer": "model", "about_someone_else": False}


def _country_hint(tracker: Tracker) -> str | None:
    """The country the channel's language tag points to, while the person has not said theirs."""
    if country_or_none(tracker.get_slot("country")):
        return None
    return country_from_language_tag(language_tag_in(tracker.latest_message.get("metadata")))


def _crisis_reply(tracker: Tracker, category: str, *, about_someone_else: bool = False, young: bool = False):
    return crisis_reply(
        category, country_or_none(tracker.get_slot("country")), about_someone_else=about_someone_else, young=young,
        country_hint=_country_hint(tracker),
    )


class ActionCrisisResponse(Action):
    def name(self) -> str:
        return "action_crisis_response"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answer risk first: warm words and the lines for the person's country, or, when the
        risk layers are unsure, one direct question; either way what was running is paused."""
        verdict = _verdict(tracker)
        category, young = verdict["category"], bool(verdict.get("young"))
        already_in_the_mode = bool(tracker.get_slot("crisis_state"))
        if verdict.get("level") == ASK and not already_in_the_mode:
            question = crisis_mode.ask_question(category)
            dispatcher.utter_message(
                text=question.text,
                buttons=[{"title": b.title, "payload": b.payload} for b in question.buttons],
                json_message={"safety": {"level": ASK, "category": category}},
            )
            record_safety(tracker, category=category, layer="ask")
            state = crisis_mode.ask_state(category, young=young)
        else:
            reply = _crisis_reply(
                tracker, category, about_someone_else=bool(verdict.get("about_someone_else")), young=young
            )
            say_crisis_reply(dispatcher, reply, ask_if_safe=True)
            record_safety(tracker, category=category, layer=verdict.get("layer", "model"))
            state = crisis_mode.start_state(category, young=young)
        # Always closing the loop keeps the crisis rules identical in every state.
        return pause_running_exercise(tracker) + [
            ActiveLoop(None),
            SlotSet("requested_slot", None),
            SlotSet("crisis_state", state),
            SlotSet("safety_reply", None),
        ]


class ActionAskSafetyReply(Action):
    def name(self) -> str:
        return "action_ask_safety_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Say nothing: the crisis reply and each turn of the mode already end with their question."""
        return []


class ValidateCrisisForm(FormValidationAction):
    def name(self) -> str:
        return "validate_crisis_form"

    def validate_safety_reply(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """One turn of the crisis mode; it stays open until the person is safe, leaves, or after a denial."""
        if value is None:
            return {"safety_reply": None}
        state = tracker.get_slot("crisis_state") or crisis_mode.start_state("suicide")
        with session_scope() as session:
            has_plan = latest_entry(session=session, sender_id=tracker.sender_id, kind="safety_plan") is not None
        turn = crisis_mode.handle(
            state,
            str(value),
            country=tracker.get_slot("country"),
            has_paused_exercise=has_paused_exercise(tracker),
            has_plan=has_plan,
            can_check_back=check_back.can_check_back(tracker.get_latest_input_channel()),
        )
        say_replies(dispatcher, turn.replies)
        if turn.escalate:
            category = turn.state["category"]
            reply = _crisis_reply(tracker, category, young=bool(turn.state.get("young")))
            say_crisis_reply(dispatcher, reply, ask_if_safe=True)
            record_safety(tracker, category=category, layer="asked")
        if turn.closed:
            return {"safety_reply": "resume" if turn.resume else "closed", "crisis_state": None}
        return {"safety_reply": None, "crisis_state": turn.state}


class ActionEndCrisisMode(Action):
    def name(self) -> str:
        return "action_end_crisis_mode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Close the mode; resume the paused exercise only if the person asked to go back to it."""
        events: list[EventType] = [SlotSet("safety_reply", None), SlotSet("crisis_state", None)]
        resumed = resume_paused_exercise(tracker) if tracker.get_slot("safety_reply") == "resume" else None
        if resumed is None:
            return events + [SlotSet("exercise_reply", NOTHING_TO_RUN)]
        dispatcher.utter_message(text=exercise_words()["resumed"])
        return events + resumed


class ActionSos(Action):
    def name(self) -> str:
        return "action_sos"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The lines at once, nothing asked first; whatever was running goes on afterwards."""
        reply = sos_reply(country_or_none(tracker.get_slot("country")), country_hint=_country_hint(tracker))
        say_crisis_reply(dispatcher, reply)
        record_safety(tracker, category="sos", layer="command")
        return []


class ActionCheckBack(Action):
    def name(self) -> str:
        return "action_check_back"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The person asked for a message tomorrow: the channel plans it if it can write first."""
        words = check_back.words()
        if check_back.can_check_back(tracker.get_latest_input_channel()):
            dispatcher.utter_message(text=words["planned"], json_message={"check_back": "requested"})
        else:
            dispatcher.utter_message(text=words["not_here"])
        return []
