"""The web chat server: the demo page, the widget's files, and its JSON endpoints.

- ``GET /`` the demo page of a fictional counselling service, embedding the widget.
- ``GET /static/...`` widget.js, widget.css and the vendored socket.io client.
- ``GET /api/sos?session_id=...&lang=en-GB`` the crisis lines for the person's country, straight
  from the channel guard: no round trip to the model, so it works while Rasa is down. Until the
  person has said their country, the browser's language tag (``lang``) hints at it.
- ``GET /api/lines`` what the widget shows when /api/sos cannot be reached: the emergency
  numbers and international lines from ``bot/safety/hotlines.yml``, for no one in particular.
  The widget fetches it when it loads and keeps it, so it has it even if this server goes down.
- ``POST /api/erase`` {"session_id": ...} deletes everything stored about the person.
- ``POST /api/export`` {"session_id": ...} everything kept about the person, as a JSON file.
- ``GET /charts/progress.png?t=...`` a person's progress chart, drawn now from their check-ins;
  the signed link (``bot.progress.links``) is sent only into their own conversation.
- ``GET /health``.

The conversation itself does not pass through here: the widget talks to Rasa's Socket.IO
channel. The JSON endpoints allow any origin, because the widget is embedded on other
sites; a session id is a random secret only the person's browser knows.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.channels import guard
from bot.config import Settings, settings
from bot.countries import country_name
from bot.privacy import erase_person, export_person
from bot.progress.links import CHART_PATH, chart_png_for_token
from bot.safety.hotlines import emergency_numbers, lines_for

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
LANGUAGE_TAG = re.compile(r"[A-Za-z0-9_-]{2,35}")
SESSION_ID_RULE = "'session_id' must be 8 to 64 letters, digits, '-' or '_'."
CHANNEL = "webchat"
# Requests carry a session id at most; anything bigger is refused before it is read.
MAX_REQUEST_BYTES = 4096
# The fallback lines are the same for everyone and change only when hotlines.yml does.
LINES_MAX_AGE_SECONDS = 3600
# Place names for the codes in emergency_numbers() that are not countries.
PLACE_NAMES = {"EU": "European Union"}

CROSS_ORIGIN_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _valid_session_id(value: object) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


def _content_security_policy(rasa_url: str) -> str:
    """Only our own scripts and styles; connections to ourselves and to Rasa (HTTP and WebSocket)."""
    parts = urlsplit(rasa_url)
    websocket_scheme = "wss" if parts.scheme == "https" else "ws"
    rasa_origins = f"{parts.scheme}://{parts.netloc} {websocket_scheme}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
        f"connect-src 'self' {rasa_origins}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def render_demo_page(config: Settings) -> str:
    """The demo page with this deployment's Rasa URL and message limit filled in."""
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    return template.replace("{{rasa_url}}", html.escape(config.rasa_url, quote=True)).replace(
        "{{max_message_chars}}", str(config.max_message_chars)
    )


@web.middleware
async def cross_origin(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Let the widget call /api/ from whichever site embeds it (and answer the browser's preflight)."""
    if not request.path.startswith("/api/"):
        return await handler(request)
    response = web.Response(status=204) if request.method == "OPTIONS" else await handler(request)
    response.headers.update(CROSS_ORIGIN_HEADERS)
    return response


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")


async def health(request: web.Request) -> web.Response:
    """Liveness: the server answers."""
    return web.json_response({"status": "ok"})


async def demo_page(request: web.Request) -> web.Response:
    """The fictional counselling service's page with the widget."""
    response = web.Response(text=request.app["demo_page"], content_type="text/html")
    response.headers["Content-Security-Policy"] = request.app["content_security_policy"]
    return response


async def sos(request: web.Request) -> web.Response:
    """The crisis lines for the person's country (international ones when it is unknown)."""
    session_id = request.query.get("session_id")
    if not _valid_session_id(session_id):
        return _error(400, SESSION_ID_RULE)
    # The browser's language tag ("en-GB") stands in for the country until the person says it;
    # anything that is not a plausible tag is simply not used.
    language = request.query.get("lang", "")
    language = language if LANGUAGE_TAG.fullmatch(language) else None
    try:
        responses = await asyncio.to_thread(guard.sos_responses, session_id, CHANNEL, language)
    except Exception:  # noqa: BLE001 - the widget falls back to its built-in text on any failure
        logger.exception("Could not look up the crisis lines for a web chat person.")
        return _error(503, "The crisis lines could not be looked up right now.")
    messages = [item["text"] for item in responses if item.get("text")]
    payload = next((item["custom"] for item in responses if isinstance(item.get("custom"), dict)), None)
    return web.json_response({"messages": messages, "payload": payload})


def fallback_lines() -> dict:
    """The widget's fallback when /api/sos is out of reach, from the hotline data.

    ``emergency_numbers``: each number with the places it is for, in the data file's order
    ([{"number": "911", "places": ["United States", "Canada"]}, ...]). ``lines``: the
    international lines, for anywhere (name, contact, url, note). ``emergency_note``: the note
    on the international emergency entry ("" if it has none).
    """
    places_by_number: dict[str, list[str]] = {}
    for code, number in emergency_numbers().items():
        places_by_number.setdefault(number, []).append(PLACE_NAMES.get(code) or country_name(code))
    international = lines_for(None)
    return {
        "emergency_numbers": [{"number": number, "places": places} for number, places in places_by_number.items()],
        "lines": [
            {"name": line.name, "contact": line.contact, "url": line.url, "note": line.note}
            for line in international
            if line.kind != "emergency"
        ],
        "emergency_note": next((line.note for line in international if line.kind == "emergency"), ""),
    }


async def lines(request: web.Request) -> web.Response:
    """The emergency numbers and international lines the widget keeps for when /api/sos fails."""
    try:
        payload = fallback_lines()
    except Exception:  # noqa: BLE001 - the widget keeps its last copy, or its built-in text
        logger.exception("Could not build the web chat's fallback lines from the hotline data.")
        return _error(503, "The crisis lines could not be looked up right now.")
    response = web.json_response(payload)
    response.headers["Cache-Control"] = f"public, max-age={LINES_MAX_AGE_SECONDS}"
    return response


async def _session_of(request: web.Request) -> str | web.Response:
    """The session id a JSON body names, or the 400 that says what is wrong with the body."""
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "The body must be JSON: {\"session_id\": \"...\"}.")
    if not isinstance(body, dict):
        return _error(400, "The body must be a JSON object: {\"session_id\": \"...\"}.")
    if not _valid_session_id(body.get("session_id")):
        return _error(400, SESSION_ID_RULE)
    return body["session_id"]


async def _for_the_person(request: web.Request, job: Callable[[str], Any], failed: str, sorry: str) -> Any:
    """``job`` run on the session the body names, off the event loop; or the 4xx/503 to answer instead.

    The session id is the only key: it is random, kept in the person's browser, and sent in the
    body (never in a URL, where logs and history would keep it).
    """
    session = await _session_of(request)
    if isinstance(session, web.Response):
        return session
    try:
        return await asyncio.to_thread(job, session)
    except Exception:  # noqa: BLE001 - the person is told plainly; the operator gets the trace
        logger.exception(failed)
        return _error(503, sorry)


async def erase(request: web.Request) -> web.Response:
    """Delete the person's stored data and conversation; the widget then starts a new session."""
    erased = await _for_the_person(
        request, erase_person, "Erasing a web chat person's data failed.",
        "Your data could not be deleted right now. Please try again in a moment.",
    )  # fmt: skip
    if isinstance(erased, web.Response):
        return erased
    logger.info("A web chat person's data was erased (found: %s).", erased)
    return web.json_response({"erased": erased})


async def export(request: web.Request) -> web.Response:
    """Everything kept about the person, the conversation included, as a JSON file to download."""
    data = await _for_the_person(
        request, export_person, "Exporting a web chat person's data failed.",
        "Your data could not be gathered right now. Please try again in a moment.",
    )  # fmt: skip
    if isinstance(data, web.Response):
        return data
    response = web.json_response(data, dumps=lambda value: json.dumps(value, ensure_ascii=False, indent=2))
    response.headers["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


async def progress_chart(request: web.Request) -> web.Response:
    """A person's progress chart, for the signed link the bot gave them; never cached."""
    token = request.query.get("t", "")
    try:
        png = await asyncio.to_thread(chart_png_for_token, token)
    except Exception:  # noqa: BLE001 - the person is told plainly; the operator gets the trace
        logger.exception("Drawing a progress chart failed.")
        return _error(503, "The chart could not be drawn right now. Please try again in a moment.")
    if png is None:
        return _error(404, "This chart link has expired or is not valid. Ask \"how have I been doing?\" for a new one.")
    return web.Response(body=png, content_type="image/png", headers={"Cache-Control": "private, no-store"})


def build_app(config: Settings) -> web.Application:
    """The web chat application for ``config`` (its Rasa URL goes into the demo page)."""
    app = web.Application(middlewares=[cross_origin], client_max_size=MAX_REQUEST_BYTES)
    app["demo_page"] = render_demo_page(config)
    app["content_security_policy"] = _content_security_policy(config.rasa_url)
    app.on_response_prepare.append(_security_headers)
    app.router.add_get("/", demo_page)
    app.router.add_get("/health", health)
    app.router.add_get("/api/sos", sos)
    app.router.add_get("/api/lines", lines)
    app.router.add_post("/api/erase", erase)
    app.router.add_post("/api/export", export)
    app.router.add_get(CHART_PATH, progress_chart)
    app.router.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False)
    return app


def main() -> int:
    """Serve the web chat on BIND_ADDRESS and WEBCHAT_PORT until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = settings()
    if not (STATIC_DIR / "vendor" / "socket.io.min.js").exists():
        sys.stderr.write("The widget's vendor files are missing: run scripts/build_webchat.sh first.\n")
        return 1
    print(f"Web chat: http://localhost:{config.webchat_port}/  (talking to Rasa at {config.rasa_url})", flush=True)
    web.run_app(build_app(config), host=config.bind_address, port=config.webchat_port, print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
