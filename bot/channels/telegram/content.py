"""The words the Telegram bridge says itself, from bot/channels/telegram_content.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_FILE = Path(__file__).resolve().parent.parent / "telegram_content.yml"


@lru_cache(maxsize=1)
def _content() -> dict[str, Any]:
    with CONTENT_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(key: str) -> str:
    """The text for ``key``."""
    return _content()[key]


def command_descriptions() -> dict[str, str]:
    """Command name → the description shown in Telegram's command menu, in menu order."""
    return dict(_content()["commands"])
