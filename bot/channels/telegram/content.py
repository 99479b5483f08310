"""The words the Telegram bridge says itself, from bot/channels/telegram_content.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.content import load_content

CONTENT_FILE = Path(__file__).resolve().parent.parent / "telegram_content.yml"


def _content() -> dict[str, Any]:
    return load_content(CONTENT_FILE)


def say(key: str) -> str:
    """The text for ``key``."""
    return _content()[key]


def command_descriptions() -> dict[str, str]:
    """Command name → the description shown in Telegram's command menu, in menu order."""
    return dict(_content()["commands"])
