"""Start Rasa, the action server or a terminal chat with this deployment's secrets and address.

Rasa's HTTP API answers only with ``RASA_API_TOKEN``; the action server answers only to
Rasa, which sends ``ACTION_SERVER_TOKEN`` as a bearer token (``endpoints.yml``); both
listen on ``BIND_ADDRESS`` (loopback by default). Tokens are generated under ``var/`` on
first start when they are not set, and never appear on a command line, so other users of
the machine cannot read them from the process list.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT, Settings, settings, tracker_database

logger = logging.getLogger(__name__)

DEFAULT_MODEL = PROJECT_ROOT / "models" / "companion.tar.gz"
# Liveness needs no token: it says only that the process answers.
OPEN_PATHS = frozenset({"/health"})
LOCK_STORE_DEFAULTS = {
    "LOCK_STORE_TYPE": "in_memory",
    "LOCK_STORE_HOST": "127.0.0.1",
    "LOCK_STORE_PORT": "6379",
    "LOCK_STORE_DB": "1",
}


def _export_endpoint_variables(config: Settings) -> None:
    # endpoints.yml expands ${ACTION_SERVER_TOKEN} and the tracker store's variables when Rasa reads it;
    # by default the tracker store is a SQLite file beside the bot's database, in BOT_VAR_DIR.
    os.environ["ACTION_SERVER_TOKEN"] = config.action_server_token
    os.environ.setdefault("TRACKER_DIALECT", "sqlite")
    os.environ.setdefault("TRACKER_HOST", "")
    if not os.environ.get("TRACKER_DB"):
        os.environ["TRACKER_DB"] = str(tracker_database(config.var_dir))
    # One server locks conversations in memory; replicas share Redis (endpoints.yml, README "Scale").
    for variable, default in LOCK_STORE_DEFAULTS.items():
        os.environ.setdefault(variable, default)


def _run_rasa_cli(arguments: list[str]) -> int:
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *arguments]
    rasa_main()
    return 0


def serve_rasa(model: Path = DEFAULT_MODEL) -> int:
    """Rasa's server: the channels, and the HTTP API behind the token, on BIND_ADDRESS:RASA_PORT."""
    from bot.safety.classifier import MODEL_FILE, is_available

    if not is_available():
        # Without the learned layer only the patterns would screen messages: refuse, loudly.
        sys.stderr.write(f"The risk classifier {MODEL_FILE} is missing: run `make train` first.\n")
        return 1
    config = settings()
    _export_endpoint_variables(config)
    print(f"Rasa: http://{config.bind_address}:{config.rasa_port} (HTTP API needs RASA_API_TOKEN)", flush=True)
    return _run_rasa_cli(
        [
            "run",
            "--enable-api",
            "--auth-token",
            config.rasa_api_token,
            "--interface",
            config.bind_address,
            "--port",
            str(config.rasa_port),
            "--credentials",
            str(PROJECT_ROOT / "credentials.yml"),
            "--endpoints",
            str(PROJECT_ROOT / "endpoints.yml"),
            "--model",
            str(model),
        ]
    )


def serve_shell(model: Path = DEFAULT_MODEL) -> int:
    """A conversation in this terminal (``rasa shell``), with the action server's token."""
    _export_endpoint_variables(settings())
    return _run_rasa_cli(["shell", "--model", str(model), "--endpoints", str(PROJECT_ROOT / "endpoints.yml")])


def token_is_valid(authorization: str | None, expected: str) -> bool:
    """Whether an Authorization header carries ``expected`` as its bearer token (constant time)."""
    scheme, _, supplied = (authorization or "").partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and hmac.compare_digest(supplied.encode(), expected.encode())


def build_action_app(config: Settings):
    """rasa_sdk's action server, answering only requests that carry the action server token."""
    from rasa_sdk.endpoint import create_app
    from sanic import response

    # No browser has any business here, so no cross-origin access at all.
    app = create_app("actions", cors_origins="")

    @app.middleware("request")
    async def require_token(request):
        if request.path in OPEN_PATHS:
            return None
        if not token_is_valid(request.headers.get("Authorization"), config.action_server_token):
            return response.json({"error": "A valid action server token is required."}, status=401)
        return None

    @app.exception(Exception)
    async def failed(request, exception: Exception):
        # rasa_sdk's own handler sends the exception text and the whole tracker back;
        # the operator gets the trace in the log, the caller only that it failed.
        logger.error("An action failed.", exc_info=exception)
        return response.json({"error": "The action failed."}, status=500)

    return app


def serve_actions() -> int:
    """The action server on BIND_ADDRESS:ACTION_PORT."""
    from rasa_sdk import utils

    config = settings()
    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    app = build_action_app(config)
    print(f"Action server: http://{config.bind_address}:{config.action_port}/webhook", flush=True)
    app.run(config.bind_address, config.action_port, workers=1, access_log=False)
    return 0
