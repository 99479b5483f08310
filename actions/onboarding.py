"""Onboarding: saving choice, role and country, asked once and changeable later."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, latest_intent
from actions.menu import say_menu
from bot.answers import without_end_punctuation
from bot.content import buttons, say
from bot.countries import NO_COUNTRY, country_name, resolve_country
from bot.onboarding import parse_consent
from bot.roles import UNSPECIFIED, is_adult_child_unsure_which, parse_adult_child_answer, parse_role, role_label
from bot.storage import session_scope
from bot.storage.repositories import save_profile

_NO_COUNTRY_ANSWERS = {"other", "somewhere else", "elsewhere", "prefer not to say", "rather not say", "skip", "none"}


class ValidateOnboardingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_onboarding_form"

    def validate_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Accept a yes or a no, typed or tapped; re-ask kindly otherwise."""
        consent = value if isinstance(value, bool) else parse_consent(str(value))
        if consent is None:
            dispatcher.utter_message(text=say("consent_unclear"))
            return {"consent": None}
        dispatcher.utter_message(text=say("consent_yes" if consent else "consent_no"))
        return {"consent": consent}

    def validate_role(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Accept "parent", "my mother cut me off", "I'd rather not say"...; re-ask kindly otherwise.

        An adult child who did not say which way contact ended is asked just that next.
        """
        clarifying = tracker.get_slot("role_question") == "clarifying"
        role = parse_adult_child_answer(str(value)) if clarifying else None
        role = role or parse_role(str(value))
        if role is not None:
            return {"role": role, "role_question": None}
        return {"role": None, "role_question": "clarify" if is_adult_child_unsure_which(str(value)) else "unclear"}

    def validate_country(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Accept a country's name or code, or "somewhere else" for international lines."""
        answer = without_end_punctuation(str(value))
        if answer in _NO_COUNTRY_ANSWERS:
            return {"country": NO_COUNTRY}
        country = resolve_country(str(value))
        if country is None:
            dispatcher.utter_message(text=say("country_unclear"))
        return {"country": country}


class ActionCompleteOnboarding(Action):
    def name(self) -> str:
        return "action_complete_onboarding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Store the profile; welcome a new person with the menu, or confirm a change."""
        role, country, consent = tracker.get_slot("role"), tracker.get_slot("country"), tracker.get_slot("consent")
        with session_scope() as session:
            save_profile(
                session=session,
                sender_id=tracker.sender_id,
                channel=channel_of(tracker),
                role=role,
                country=country,
                consent_to_save=bool(consent),
            )
        if tracker.get_slot("onboarded"):
            dispatcher.utter_message(text=say("profile_updated"))
            return []
        country_phrase = (
            say("onboarded_country_phrase", country=country_name(country)) if country and country != NO_COUNTRY else ""
        )
        if role == UNSPECIFIED:
            lines_phrase = country_phrase and say("onboarded_lines_phrase", country=country_name(country))
            dispatcher.utter_message(text=say("onboarded_no_role", country_phrase=lines_phrase))
        else:
            dispatcher.utter_message(text=say("onboarded", role=role_label(role), country_phrase=country_phrase))
        code = tracker.get_slot("homework_code")
        if code:  # they came with a therapist's code: that comes first, when they're ready
            button = {"title": say("homework_waiting_button"), "payload": f"my code is {code}"}
            dispatcher.utter_message(text=say("homework_waiting"), buttons=[button])
        else:
            offer = say("offer_first_checkin" if consent else "offer_first_checkin_unsaved")
            dispatcher.utter_message(text=offer, buttons=buttons("offer_first_checkin_buttons"))
        say_menu(dispatcher, tracker)
        return [SlotSet("onboarded", True)]


class ActionReopenProfileQuestion(Action):
    def name(self) -> str:
        return "action_reopen_profile_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Forget the one answer the person wants to change, so onboarding asks it again."""
        slot = {"change_country": "country", "change_role": "role", "change_consent": "consent"}.get(
            latest_intent(tracker) or ""
        )
        return [SlotSet(slot, None)] if slot else []


class ActionAskConsent(Action):
    """Ask one onboarding question, with its quick replies (typed answers work too).

    The role and country questions subclass this one; every Action subclass gets
    registered by rasa_sdk, so there is no abstract base.
    """

    question = "consent"

    def name(self) -> str:
        return f"action_ask_{self.question}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=say(f"ask_{self.question}"), buttons=buttons(f"ask_{self.question}_buttons"))
        return []


class ActionAskRole(Action):
    def name(self) -> str:
        return "action_ask_role"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Ask which side the person is on; after an unclear answer, the narrower question instead."""
        asking = tracker.get_slot("role_question")
        if asking in ("clarify", "clarifying"):
            dispatcher.utter_message(text=say("role_clarify_adult_child"), buttons=buttons("role_clarify_buttons"))
            return [SlotSet("role_question", "clarifying")]
        if asking == "unclear":
            dispatcher.utter_message(text=say("role_unclear"), buttons=buttons("ask_role_buttons"))
        else:
            dispatcher.utter_message(text=say("ask_role"), buttons=buttons("ask_role_buttons"))
        return [SlotSet("role_question", None)]


class ActionAskCountry(ActionAskConsent):
    question = "country"
