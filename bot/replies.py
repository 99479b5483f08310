"""What the bot says, independent of any channel: a text and optional quick replies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """A quick reply; the payload is sent back as if typed, so typing it works too."""

    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One chat message from the bot."""

    text: str
    buttons: tuple[Button, ...] = ()


def buttons_from(pairs: list[list[str]] | list[tuple[str, str]]) -> tuple[Button, ...]:
    """Quick replies from [title, payload] pairs, as the content files list them."""
    return tuple(Button(title, payload) for title, payload in pairs)
