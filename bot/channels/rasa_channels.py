"""Rasa input channels that put bot.channels.guard in front of the assistant.

They replace Rasa's REST and Socket.IO channels (same URLs, same names) so that every
message is length-capped, /sos is answered without the model or the action server, and
a risky message gets the crisis reply first even if the action server is down.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import guard
from bot.countries import language_tag_in

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
        fields = ("text", "buttons", "image", "alt", "custom", "attachment")
        self.messages.append(
            {"recipient_id": recipient_id, **{key: message[key] for key in fields if message.get(key)}}
        )


def guarded(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wrap Rasa's message handler with the channel guard."""

    async def handle(message: UserMessage) -> None:
        output, sender, channel = message.output_channel, message.sender_id, message.input_channel or "unknown"
        # JSON lets "\\ud800" through as a lone surrogate, which no encoder, spaCy or database takes.
        message.text = guard.encodable(message.text)
        screening = guard.screen(message.text)
        language = language_tag_in(message.metadata)  # a hint at the country until it is known
        responses: list[dict[str, Any]] = []
        if screening.kind == "empty":
            responses = [{"text": guard.EMPTY}]
        elif screening.kind == "sos":
            responses = guard.sos_responses(sender, channel, language)
        elif screening.kind == "show_plan":
            responses = guard.plan_responses(sender)
        elif screening.kind == "too_long":  # never reaches the assistant, so unsure counts as risk
            if screening.lines_if_unanswered is not None:
                responses = guard.crisis_responses(sender, channel, screening.lines_if_unanswered, language)
            responses.append({"text": guard.too_long_text()})
        else:
            buffer = BufferingOutputChannel()
            message.output_channel = buffer
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - a person must never be met with silence
                logger.exception("The assistant failed on a message (text withheld).")
            responses = buffer.responses
            risk = screening.lines_if_unanswered
            if risk is not None and not guard.has_safety_payload(responses):
                responses = guard.crisis_responses(sender, channel, risk, language) + responses
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


class SafeSocketIOOutput(SocketIOOutput):
    """Rasa's Socket.IO output, but a custom payload goes out as {"custom": ...}.

    Rasa 3.6 passes the payload's keys to ``emit()`` as keyword arguments, which fails for
    the crisis lines' ``{"safety": ...}`` and would drop every line after the first.
    """

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """An image with its text alternative (``alt``), so the widget can say what a chart shows."""
        payload = {"src": image, **({"alt": kwargs["alt"]} if isinstance(kwargs.get("alt"), str) else {})}
        await self._send_message(recipient_id, {"attachment": {"type": "image", "payload": payload}})


class SafeSocketIOInput(SocketIOInput):
    """Rasa's Socket.IO channel (used by the web chat widget), behind the channel guard."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> OutputChannel | None:
        return SafeSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        handle = guarded(on_new_message)
        webhook = super().blueprint(handle)
        sio = self.sio

        # Registering a handler again replaces Rasa's. Rasa 3.6 forgets to await
        # enter_room with python-socketio 5 (RasaHQ/rasa#13027), so replies never arrive.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            session_id = (data if isinstance(data, dict) else {}).get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            sender = data.get("session_id") if self.session_persistence else sid
            if not isinstance(sender, str) or not sender:
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            output = SafeSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(
                str(data.get("message", "")),
                output,
                sender,
                input_channel=self.name(),
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            await handle(message)

        return webhook
