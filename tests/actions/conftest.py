"""Action tests: real actions, a Tracker built directly, a CollectingDispatcher, a real SQLite database."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.storage import upgrade_schema

SLOTS: dict[str, Any] = {
    "onboarded": True,
    "consent": True,
    "role": "parent",
    "country": "GB",
    "exercise": None,
    "exercise_run": None,
    "exercise_reply": None,
    "requested_slot": None,
}


def make_tracker(
    *, text: str = "hi", intent: str = "greet", slots: dict[str, Any] | None = None, active_loop: str | None = None,
    risk: dict[str, Any] | None = None, sender: str = "action-test-person",
) -> Tracker:
    """A tracker whose latest message is ``text``, classified as ``intent``."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    if risk is not None:
        latest["risk"] = risk
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": "rest"}]
    return Tracker(
        sender, {**SLOTS, **(slots or {})}, latest, events, False, None,
        {"name": active_loop} if active_loop else {}, "action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(autouse=True)
def database() -> None:
    upgrade_schema()
