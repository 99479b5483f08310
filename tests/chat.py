"""A person talking to the bot through the REST channel, as a test sees it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import requests


@dataclass
class Chat:
    """One conversation: a sender id and the bot's answers to each message."""

    rasa_url: str
    # Rasa's HTTP API token, to read the tracker; the REST channel itself needs none.
    api_token: str = ""
    sender: str = field(default_factory=lambda: f"test-{uuid.uuid4().hex[:12]}")
    input_channel: str = "rest"

    def send(self, text: str, metadata: dict | None = None) -> list[dict]:
        """Send a message (with the channel's ``metadata``, if any) and return the bot's responses."""
        body = {"sender": self.sender, "message": text, "input_channel": self.input_channel}
        if metadata is not None:
            body["metadata"] = metadata
        reply = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
        reply.raise_for_status()
        return reply.json()

    def say(self, text: str) -> str:
        """Send a message and return the bot's texts joined, for reading assertions."""
        return "\n".join(item.get("text", "") for item in self.send(text))

    def tracker(self) -> dict:
        reply = requests.get(
            f"{self.rasa_url}/conversations/{self.sender}/tracker", params={"token": self.api_token}, timeout=30
        )
        reply.raise_for_status()
        return reply.json()

    def slot(self, name: str):
        return self.tracker()["slots"].get(name)

    def onboard(
        self, *, consent: str = "yes, keep them", role: str = "parent", country: str = "United Kingdom"
    ) -> None:
        """Walk the onboarding with button payloads."""
        self.send("hi")
        self.send(consent)
        self.send(role)
        self.send(country)


def button_payloads(responses: list[dict]) -> list[str]:
    return [button["payload"] for item in responses for button in item.get("buttons") or []]
