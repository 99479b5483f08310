"""When someone shares how they feel: heard first, then the menu.

A disclosure of abuse long past, given as the reason for the distance, is believed and answered
with survivor services; the menu after it does not offer the apology workshop, so that nothing
reads as "so apologise".
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.menu import say_menu
from bot.content import say
from bot.safety import discloses_past_abuse
from bot.safety.hotlines import lines_for


class ActionHearYou(Action):
    def name(self) -> str:
        return "action_hear_you"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Acknowledge what the person shared and offer the menu."""
        if not discloses_past_abuse(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(text=say("hear_you"))
            say_menu(dispatcher, tracker)
            return []
        dispatcher.utter_message(text=say("past_abuse_believed"))
        dispatcher.utter_message(text=say("past_abuse_no_contact_owed"))
        services = [line for line in lines_for(tracker.get_slot("country"), "abuse") if line.kind != "emergency"]
        listed = "\n".join(f"• {line.name}: {line.contact}" for line in services)
        dispatcher.utter_message(text=f"{say('past_abuse_services')}\n{listed}")
        say_menu(dispatcher, tracker, leave_out=("apology",))
        return []
