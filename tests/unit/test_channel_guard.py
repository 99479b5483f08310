"""The guard every channel runs first: length cap, /sos, risk."""

from __future__ import annotations

import pytest

from bot.channels import guard
from bot.config import settings
from bot.storage import session_scope, upgrade_schema
from bot.storage.repositories import export_user, save_profile
from tests.safety_samples import a_message_the_risk_layers_are_unsure_about


@pytest.mark.parametrize(
    "text", ["/sos", "/SOS", "sos", "help now", "Help now!", "/sos@CompanionBot", " get help now "]
)
def test_sos_is_recognised(text: str) -> None:
    assert guard.screen(text).kind == "sos"


@pytest.mark.parametrize("text", ["I don't need help now", "sos is a song", "help me now with my apology"])
def test_sos_is_only_the_command_itself(text: str) -> None:
    assert guard.screen(text).kind != "sos"


def test_empty_messages_are_answered_not_passed_on() -> None:
    assert guard.screen("   ").kind == "empty"
    assert guard.screen(None).kind == "empty"


def test_over_long_messages_are_refused_but_still_screened_for_risk() -> None:
    filler = "My daughter and I have not spoken for years. " * 80
    screening = guard.screen(filler + "I have the pills ready and I want to die tonight. " + filler)
    assert screening.kind == "too_long"
    assert screening.risk is not None and screening.risk.category == "suicide"
    assert str(settings().max_message_chars) in guard.too_long_text()


def test_a_risky_message_is_flagged_before_the_assistant_sees_it() -> None:
    screening = guard.screen("i just want to kms")
    assert screening.kind == "ok" and screening.risk is not None


def test_everyday_estrangement_talk_passes() -> None:
    assert guard.screen("this silence is killing me").risk is None


def test_sos_uses_the_persons_country_and_records_no_text() -> None:
    upgrade_schema()
    with session_scope() as session:
        save_profile(
            session=session, sender_id="uk-person", channel="rest", role="parent", country="GB", consent_to_save=False
        )
    responses = guard.sos_responses("uk-person", "rest")
    assert "116 123" in "\n".join(r["text"] for r in responses)
    assert responses[0]["custom"]["safety"]["hotlines"]
    with session_scope() as session:
        events = export_user(session=session, sender_id="uk-person")["safety_events"]
    assert events == [{**events[0], "category": "sos", "layer": "command", "channel": "rest"}]


def test_the_crisis_reply_of_a_stranger_falls_back_to_international_lines() -> None:
    upgrade_schema()
    risk = guard.screen("I want to end my life").risk
    responses = guard.crisis_responses("never-seen-before", "rest", risk)
    assert guard.has_safety_payload(responses)
    assert responses[0]["custom"]["safety"]["category"] == "suicide"


def test_an_unsure_message_carries_a_risk_for_the_channel_to_answer_if_the_assistant_cannot_ask() -> None:
    screening = guard.screen(a_message_the_risk_layers_are_unsure_about())
    assert screening.risk is None
    assert screening.lines_if_unanswered is not None and screening.lines_if_unanswered.category
    assert guard.screen("my daughter hasn't called in two years").lines_if_unanswered is None
