"""\"How have I been doing?\": the person's check-ins as a chart, with the figures in words too."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.content import buttons, say
from bot.progress import chart_url, checkins_of
from bot.progress.dates import day_label
from bot.storage import session_scope


class ActionShowProgress(Action):
    def name(self) -> str:
        return "action_show_progress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Send the progress chart (an image link only this person can open) and say what it shows."""
        check_in_now = [{"title": say("progress_checkin_button"), "payload": "check in"}]
        if not tracker.get_slot("consent"):
            dispatcher.utter_message(text=say("progress_not_saved"), buttons=check_in_now)
            return []
        with session_scope() as session:
            points = checkins_of(session=session, sender_id=tracker.sender_id)
        if not points:
            dispatcher.utter_message(text=say("progress_none"), buttons=check_in_now)
            return []
        if len(points) == 1:
            only = points[0]
            score = "skipped" if only.score is None else f"{only.score} out of 100"
            text = say("progress_one", day=day_label(only.when), score=score)
            dispatcher.utter_message(text=text, buttons=check_in_now)
            return []
        scored = [point.score for point in points if point.score is not None]
        span = {"count": len(points), "first": day_label(points[0].when), "last": day_label(points[-1].when)}
        summary = (
            say("progress_summary", first_score=scored[0], last_score=scored[-1], **span)
            if len(scored) >= 2
            else say("progress_summary_unscored", **span)
        )
        dispatcher.utter_message(text=summary)
        dispatcher.utter_message(image=chart_url(tracker.sender_id), alt=say("progress_chart_alt"))
        dispatcher.utter_message(text=say("progress_link_note"), buttons=check_in_now + buttons("back_to_menu_buttons"))
        return []
