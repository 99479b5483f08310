"""The Rasa assistant as the bridge sees it: one HTTP call to the REST channel per message."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from bot.storage.repositories import pseudonym

CHANNEL = "telegram"
# The first message of a conversation can wait for the action server and the database.
TIMEOUT_SECONDS = 60


def sender_id_for(user_id: int) -> str:
    """The Rasa sender id of a Telegram user: a keyed hash, never the raw Telegram id."""
    return "tg-" + pseudonym(f"telegram:{user_id}")[:32]


class AssistantUnreachableError(Exception):
    """Rasa could not be reached or gave no usable answer."""


class Assistant:
    """A client of ``POST {rasa_url}/webhooks/rest/webhook`` sharing one connection pool."""

    def __init__(self, rasa_url: str) -> None:
        self.webhook_url = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
        self._session: aiohttp.ClientSession | None = None

    async def ask(self, sender_id: str, text: str, metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Send one message; return the assistant's responses (each one JSON object)."""
        body = {"sender": sender_id, "message": text, "input_channel": CHANNEL, "metadata": metadata or {}}
        try:
            async with self._client().post(self.webhook_url, json=body) as reply:
                if reply.status != 200:
                    raise AssistantUnreachableError(f"Rasa answered HTTP {reply.status}")
                responses = await reply.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise AssistantUnreachableError(type(error).__name__) from error
        if not isinstance(responses, list):
            raise AssistantUnreachableError("Rasa's answer was not a list")
        return [item for item in responses if isinstance(item, dict)]

    async def close(self) -> None:
        """Close the connection pool (at shutdown)."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        # Created on first use, inside the running event loop the handlers run in.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
        return self._session
