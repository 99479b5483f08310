"""Words the conversation's custom actions say, kept in YAML so they can be edited without Python."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=1)
def _conversation() -> dict[str, Any]:
    with (Path(__file__).with_name("conversation.yml")).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(key: str, **values: Any) -> str:
    """The text for ``key``, with ``{placeholders}`` filled from ``values``."""
    text = _conversation()[key]
    return text.format(**values) if values else text


def buttons(key: str) -> list[dict[str, str]]:
    """The quick replies listed under ``key`` as [title, payload] pairs."""
    return [{"title": title, "payload": payload} for title, payload in _conversation()[key]]
