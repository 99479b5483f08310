"""Command-line interface: data export and erasure, analyzers on stdin, evaluations, schema upgrades.

Run ``python -m bot`` to list the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TextIO

COMMANDS: dict[str, str] = {
    "export": "print a person's stored data as JSON (--sender SENDER_ID)",
    "erase": "delete everything stored about a person (--sender SENDER_ID)",
    "safety-check": "read one message per line on stdin, print one risk verdict (JSON, with level) per line",
    "train-risk": "fit the learned risk classifier on data/safety/corpus/ into models/ (run by make train)",
    "apology-check": "read one apology draft per line on stdin, print its analysis (JSON) per line",
    "evaluate-safety": "recall and false positives of the risk detector on a labelled set",
    "evaluate-apology": "per-code precision and recall of the apology analyzer on a labelled set",
    "evaluate-circles": "agreement of the circle suggestions with a labelled set",
    "migrate": "bring the database to the newest schema (Alembic); creates the data key on first start",
    "purge-old": "delete conversation history older than RETENTION_DAYS (or --days N); for a daily cron",
    "rotate-key": "re-seal everything stored under a new data key while the bot keeps running",
    "telegram": "run the Telegram bridge (long polling, or a webhook if TELEGRAM_WEBHOOK_URL is set)",
    "webchat": "serve the web chat (demo page, widget, /api/) on WEBCHAT_PORT",
    "serve": "start 'rasa' (channels and the token-protected API), 'actions' or a terminal 'shell' [--model PATH]",
    "portal": "serve the therapist portal on PORTAL_PORT",
    "therapist": "therapist accounts: create EMAIL [--name NAME] --password-stdin | token EMAIL | revoke-tokens EMAIL",
}


def _usage(out: TextIO) -> None:
    out.write("usage: python -m bot COMMAND [options]\n\ncommands:\n")
    width = max(len(name) for name in COMMANDS)
    for name, summary in COMMANDS.items():
        out.write(f"  {name.ljust(width)}  {summary}\n")


def _sender_argument(command: str, argv: list[str]) -> str:
    parser = argparse.ArgumentParser(prog=f"python -m bot {command}")
    parser.add_argument("--sender", required=True, help="the sender id the channel uses for the person")
    return parser.parse_args(argv).sender


def _export(argv: list[str]) -> int:
    from bot.privacy import export_person
    from bot.storage import upgrade_schema

    sender = _sender_argument("export", argv)
    upgrade_schema()
    # The same export as every channel's: our rows and the conversation in the tracker store.
    data = export_person(sender)
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _erase(argv: list[str]) -> int:
    from bot.privacy import erase_person
    from bot.storage import upgrade_schema

    sender = _sender_argument("erase", argv)
    upgrade_schema()
    # The same erasure as every channel's: our rows and the conversation in the tracker store.
    print(json.dumps({"erased": erase_person(sender)}))
    return 0


def _each_line(analyse: Callable[[str], dict]) -> int:
    for line in sys.stdin:
        print(json.dumps(analyse(line.rstrip("\n")), ensure_ascii=False), flush=True)
    return 0


def _safety_check(argv: list[str]) -> int:
    from bot.safety.verdict import CRISIS, assess

    def verdict(text: str) -> dict:
        assessed = assess(text)
        return {"risk": assessed.level == CRISIS, "level": assessed.level, "category": assessed.category}

    return _each_line(verdict)


def _apology_check(argv: list[str]) -> int:
    from bot.apology import analyze_apology

    return _each_line(lambda text: analyze_apology(text).to_contract())


def _evaluate(module: str) -> Callable[[list[str]], int]:
    def run(argv: list[str]) -> int:
        import importlib

        return int(importlib.import_module(module).main(argv) or 0)

    return run


def _migrate(argv: list[str]) -> int:
    from bot.storage import upgrade_schema
    from bot.storage.sealing import sealer

    upgrade_schema()
    print("database schema is up to date")
    sealer().ring()  # creates var/data.key (0600) on first start
    key_path = sealer().key_path
    if key_path is None:
        print("what people write is sealed with the key in BOT_DATA_KEY")
    else:
        print(f"what people write is sealed with the data key in {key_path} (back it up apart from the database)")
    return 0


def _purge_old(argv: list[str]) -> int:
    from bot.config import settings
    from bot.privacy import purge_old_conversations

    parser = argparse.ArgumentParser(prog="python -m bot purge-old")
    parser.add_argument("--days", type=int, default=settings().retention_days, help="default: RETENTION_DAYS")
    days = parser.parse_args(argv).days
    if days <= 0:
        print("retention is off (RETENTION_DAYS is not set): nothing purged")
        return 0
    print(f"purged {purge_old_conversations(days)} conversation events older than {days} days")
    return 0


def _rotate_key(argv: list[str]) -> int:
    from bot.config import settings
    from bot.storage import upgrade_schema
    from bot.storage.rotation import rotate_key
    from bot.storage.sealing import sealer

    argparse.ArgumentParser(prog="python -m bot rotate-key").parse_args(argv)
    upgrade_schema()
    current = settings()
    done = rotate_key(current.database_url, current.tracker_store_url, sealer())
    if done.left_under_old_keys:
        left = done.left_under_old_keys
        print(f"re-sealed {done.rows} values; {left} still under an old key, which stays in the ring: run it again")
        return 1
    where = sealer().key_path or "BOT_DATA_KEY (remove the old key from it now)"
    print(f"re-sealed {done.rows} values under the new key in {where}")
    return 0


def _entry_point(module: str) -> Callable[[list[str]], int]:
    def run(argv: list[str]) -> int:
        import importlib

        return int(importlib.import_module(module).main() or 0)

    return run


def _serve(argv: list[str]) -> int:
    from pathlib import Path

    from bot import serve

    parser = argparse.ArgumentParser(prog="python -m bot serve")
    parser.add_argument("process", choices=("rasa", "actions", "shell"))
    parser.add_argument("--model", type=Path, default=serve.DEFAULT_MODEL, help="the trained model (.tar.gz)")
    arguments = parser.parse_args(argv)
    if arguments.process == "actions":
        return serve.serve_actions()
    if arguments.process == "shell":
        return serve.serve_shell(arguments.model)
    return serve.serve_rasa(arguments.model)


def _therapist(argv: list[str]) -> int:
    from bot.portal.accounts import (
        AccountError,
        create_therapist,
        issue_api_token,
        revoke_api_tokens,
        therapist_by_email,
    )
    from bot.storage import session_scope, upgrade_schema

    parser = argparse.ArgumentParser(prog="python -m bot therapist")
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a portal account")
    create.add_argument("email")
    create.add_argument("--name", default="", help='how clients see you named, e.g. "Ann Smith (Harbour Counselling)"')
    create.add_argument(
        "--password-stdin", action="store_true", required=True,
        help="read the password from the first line of stdin (never from the command line, where ps shows it)",
    )
    actions.add_parser("token", help="print a new personal access token for the JSON API").add_argument("email")
    actions.add_parser("revoke-tokens", help="revoke every API token of an account").add_argument("email")
    arguments = parser.parse_args(argv)
    upgrade_schema()
    if arguments.action == "create":
        password = sys.stdin.readline().rstrip("\r\n")
        try:
            with session_scope() as session:
                email = create_therapist(session, arguments.email, password, arguments.name).email
        except AccountError as error:
            sys.stderr.write(f"{error}\n")
            return 1
        print(f"created the portal account {email}")
        return 0
    with session_scope() as session:
        therapist = therapist_by_email(session, arguments.email)
        if therapist is None:
            sys.stderr.write("There is no portal account with that email.\n")
            return 1
        if arguments.action == "token":
            # Printed once and never stored: only its hash is kept.
            print(issue_api_token(session, therapist))
        else:
            print(f"revoked {revoke_api_tokens(session, therapist)} token(s)")
    return 0


HANDLERS: dict[str, Callable[[list[str]], int]] = {
    "export": _export,
    "erase": _erase,
    "safety-check": _safety_check,
    "apology-check": _apology_check,
    "evaluate-safety": _evaluate("bot.safety.evaluate"),
    "train-risk": _evaluate("bot.safety.classifier"),
    "evaluate-apology": _evaluate("bot.apology.evaluate"),
    "evaluate-circles": _evaluate("bot.circles.evaluate"),
    "migrate": _migrate,
    "telegram": _entry_point("bot.channels.telegram"),
    "webchat": _entry_point("bot.channels.webchat.server"),
    "serve": _serve,
    "portal": _entry_point("bot.portal.app"),
    "therapist": _therapist,
    "rotate-key": _rotate_key,
    "purge-old": _purge_old,
}


def main(argv: list[str]) -> int:
    """Run one command; with no command, list them."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        _usage(sys.stdout)
        return 0
    handler = HANDLERS.get(argv[0])
    if handler is None:
        sys.stderr.write(f"unknown command: {argv[0]}\n")
        _usage(sys.stderr)
        return 2
    return handler(argv[1:])
