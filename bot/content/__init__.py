"""Words the bot says, kept in YAML files so they can be edited without Python.

``load_content`` is the one loader for every content file in the project (an exercise's
words, the crisis messages, the hotlines, the channels' texts); ``say`` and ``buttons``
read the conversation's own words in ``conversation.yml`` beside this module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONVERSATION_FILE = Path(__file__).with_name("conversation.yml")


@cache
def load_content(path: Path) -> Any:
    """The parsed YAML file at ``path``, read once per process (callers must not mutate it)."""
    with Path(path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(key: str, **values: Any) -> str:
    """The text for ``key``, with ``{placeholders}`` filled from ``values``."""
    text = load_content(CONVERSATION_FILE)[key]
    return text.format(**values) if values else text


def buttons(key: str) -> list[dict[str, str]]:
    """The quick replies listed under ``key`` as [title, payload] pairs."""
    return [{"title": title, "payload": payload} for title, payload in load_content(CONVERSATION_FILE)[key]]
