"""A fake Telegram Bot API server: the HTTP contract of ``/bot<token>/<method>``, on 127.0.0.1.

Telegram itself is unreachable from tests, so the remote protocol is faked and the real
python-telegram-bot Application talks to it. Tests push updates into a queue (served by
``getUpdates`` with long-poll semantics) and assert on every recorded call.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {"id": 700000001, "is_bot": True, "first_name": "Companion", "username": "companion_test_bot"}

# Parameters that python-telegram-bot sends as plain strings; everything else is JSON-encoded.
STRING_PARAMETERS = {"text", "caption", "callback_query_id", "secret_token", "url", "action", "photo", "document"}


@dataclass
class Call:
    """One request the bot made: the Bot API method and its decoded parameters."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int) else None


def _decode(name: str, value: str) -> Any:
    if name in STRING_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeBotApi:
    """The server, its recorded calls and the queue of updates waiting to be fetched."""

    def __init__(self, token: str = "123456:TEST-TOKEN") -> None:
        self.token = token
        self.calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._changed = asyncio.Condition()
        self._chats: dict[int, dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL is set to."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeBotApi:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what tests do -------------------------------------------------------------------

    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for ``getUpdates`` (its update_id is assigned here)."""
        update = {"update_id": next(self._update_ids), **update}
        for chat in _chats_in(update):
            self._chats[chat["id"]] = chat
        async with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        """The recorded calls of one method, optionally only those for one chat."""
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    def texts(self, chat_id: int) -> list[str]:
        """The texts of the messages sent to a chat, in order."""
        return [c.params["text"] for c in self.calls_to("sendMessage", chat_id)]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 60) -> Any:
        """Wait until ``condition()`` is truthy (re-checked whenever a call is recorded)."""
        async def satisfied() -> Any:
            async with self._changed:
                while not (result := condition()):
                    await self._changed.wait()
                return result

        try:
            return await asyncio.wait_for(satisfied(), timeout)
        except asyncio.TimeoutError:
            methods = [(c.method, c.params.get("chat_id")) for c in self.calls[-20:]]
            raise AssertionError(f"condition not met within {timeout} s; last calls: {methods}") from None

    async def wait_for_text(self, chat_id: int, fragment: str, timeout: float = 60) -> Call:
        """Wait for a message to ``chat_id`` containing ``fragment`` and return its call."""
        def found() -> Call | None:
            return next((c for c in self.calls_to("sendMessage", chat_id) if fragment in c.params["text"]), None)

        return await self.wait_for(found, timeout)

    # -- the Bot API ---------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params, files = await _parameters(request)
        if method.lower() == "getupdates":
            return web.json_response({"ok": True, "result": await self._get_updates(params)})
        handler = getattr(self, f"_{method}", None)
        call = Call(method, params, files, handler(params) if handler else None)
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        return web.json_response({"ok": True, "result": call.result})

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset, timeout = int(params.get("offset") or 0), float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        async with self._changed:
            # An offset confirms every update before it: Telegram forgets them.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates)), timeout)
                except asyncio.TimeoutError:
                    pass
            return self._updates[:limit]

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = params["chat_id"]
        chat = self._chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Someone"})
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": BOT_USER}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return {**message, **content}

    def _getMe(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802 - Bot API method names
        return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    def _sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return self._message(params, text=params["text"])

    def _sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        photo = {"file_id": "photo-1", "file_unique_id": "photo-u1", "width": 640, "height": 480}
        return self._message(params, photo=[photo], **_caption(params))

    def _sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        document = {"file_id": "document-1", "file_unique_id": "document-u1", "file_name": "data.json"}
        return self._message(params, document=document, **_caption(params))

    def _editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return {**self._message(params, text="(edited)"), "message_id": params["message_id"]}

    def _sendChatAction(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _answerCallbackQuery(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _setMyCommands(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _deleteWebhook(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _setWebhook(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _leaveChat(self, params: dict[str, Any]) -> bool:  # noqa: N802
        return True

    def _getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}


async def _parameters(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Decode a Bot API request: JSON body, query string, url-encoded or multipart form."""
    params: dict[str, Any] = {name: _decode(name, value) for name, value in request.query.items()}
    files: dict[str, bytes] = {}
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[name] = value.file.read()
                params[name] = f"attach://{name}"
            else:
                params[name] = _decode(name, value)
    return params, files


def _caption(params: dict[str, Any]) -> dict[str, Any]:
    return {"caption": params["caption"]} if "caption" in params else {}


def _chats_in(update: dict[str, Any]) -> list[dict[str, Any]]:
    chats = []
    for value in update.values():
        if isinstance(value, dict):
            if isinstance(value.get("chat"), dict):
                chats.append(value["chat"])
            if isinstance(value.get("message"), dict):
                chats.append(value["message"]["chat"])
    return chats


# -- updates as Telegram sends them -------------------------------------------------------

_update_message_ids = itertools.count(1)


def person(user_id: int, first_name: str = "Sam", language_code: str = "en") -> dict[str, Any]:
    """A Telegram user object for a person."""
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}


def private_chat(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "type": "private", "first_name": "Sam"}


def message_update(user_id: int, chat: dict[str, Any] | None = None, *, kind: str = "message",
                   language_code: str = "en", **content: Any) -> dict[str, Any]:
    """An update carrying a message (``kind`` may be "edited_message") with the given content."""
    message = {
        "message_id": next(_update_message_ids),
        "date": int(time.time()),
        "chat": chat or private_chat(user_id),
        "from": person(user_id, language_code=language_code),
        **content,
    }
    if kind == "edited_message":
        message["edit_date"] = int(time.time())
    return {kind: message}


def text_update(user_id: int, text: str, chat: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    """A typed message; a leading /command gets its bot_command entity, as Telegram sends it."""
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message_update(user_id, chat, **content, **options)


def sticker_update(user_id: int) -> dict[str, Any]:
    sticker = {"file_id": "sticker-1", "file_unique_id": "sticker-u1", "width": 512, "height": 512,
               "is_animated": False, "is_video": False, "type": "regular", "emoji": "🙂"}
    return message_update(user_id, sticker=sticker)


def callback_update(user_id: int, message: dict[str, Any], data: str) -> dict[str, Any]:
    """A press on an inline button of ``message`` (a Message object the fake returned)."""
    return {
        "callback_query": {
            "id": f"cq-{user_id}-{message['message_id']}-{abs(hash(data)) % 10_000}",
            "from": person(user_id),
            "chat_instance": f"ci-{user_id}",
            "message": message,
            "data": data,
        }
    }
