"""Rasa input channels that put bot.channels.guard in front of the assistant.

They replace Rasa's REST and Socket.IO channels (same URLs, same names) so that every
message is length-capped, /sos is answered without the model or the action server, and
a risky message gets the crisis reply first even if the action server is down.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import guard

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BufferingOutputChannel(OutputChannel):
    """Holds the assistant's responses so that a missing crisis reply can be put first."""

    def __init__(self) -> None:
        self.responses: list[dict[str, Any]] = []

    @classmethod
    def name(cls) -> str:
        return "buffer"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.responses.append(dict(message))


class OneObjectPerResponseChannel(CollectingOutputChannel):
    """Like Rasa's collector, but a response's text, buttons and custom payload stay one JSON object."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        fields = ("text", "buttons", "image", "custom", "attachment")
        self.messages.append(
            {"recipient_id": recipient_id, **{key: message[key] for key in fields if message.get(key)}}
        )


def guarded(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wrap Rasa's message handler with the channel guard."""

    async def handle(message: UserMessage) -> None:
        output, sender, channel = message.output_channel, message.sender_id, message.input_channel or "unknown"
        screening = guard.screen(message.text)
        responses: list[dict[str, Any]] = []
        if screening.kind == "empty":
            responses = [{"text": guard.EMPTY}]
        elif screening.kind == "sos":
            responses = guard.sos_responses(sender, channel)
        elif screening.kind == "show_plan":
            responses = guard.plan_responses(sender)
        elif screening.kind == "too_long":
            if screening.risk is not None:
                responses = guard.crisis_responses(sender, channel, screening.risk)
            responses.append({"text": guard.too_long_text()})
        else:
            buffer = BufferingOutputChannel()
            message.output_channel = buffer
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - a person must never be met with silence
                logger.exception("The assistant failed on a message (text withheld).")
            responses = buffer.responses
            if screening.risk is not None and not guard.has_safety_payload(responses):
                responses = guard.crisis_responses(sender, channel, screening.risk) + responses
            if not responses:
                responses = [{"text": guard.TROUBLE}]
        for item in responses:
            await output.send_response(sender, item)

    return handle


class SafeRestInput(RestInput):
    """``POST /webhooks/rest/webhook`` with {"sender", "message", "metadata"?, "input_channel"?}."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        handle = guarded(on_new_message)
        webhook = Blueprint("safe_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - Sanic raises several kinds for bad JSON
                body = None
            if not isinstance(body, dict):
                return response.json({"error": "The body must be a JSON object."}, status=400)
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > 128:
                return response.json({"error": "'sender' must be a non-empty string of at most 128 characters."}, 400)
            if not isinstance(text, str):
                return response.json({"error": "'message' must be a string."}, status=400)
            metadata = body.get("metadata")
            if metadata is not None and not isinstance(metadata, dict):
                return response.json({"error": "'metadata' must be a JSON object."}, status=400)
            channel = body.get("input_channel") if isinstance(body.get("input_channel"), str) else self.name()
            collector = OneObjectPerResponseChannel()
            await handle(UserMessage(text, collector, sender, input_channel=channel, metadata=metadata))
            return response.json(collector.messages)

        return webhook


class SafeSocketIOInput(SocketIOInput):
    """Rasa's Socket.IO channel (used by the web chat widget), behind the channel guard."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(guarded(on_new_message))
