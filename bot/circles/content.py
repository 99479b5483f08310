"""The words of the circles exercise, read from ``content.yml`` beside this module.

Writers and clinicians edit the YAML; this module only picks the right lines.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from bot.content import load_content
from bot.roles import ROLES, for_role, is_known

CONTENT_FILE = Path(__file__).with_name("content.yml")


class UnknownRoleError(ValueError):
    """Raised when a role is not one of ``ROLES`` (or None)."""


def _content() -> dict:
    return load_content(CONTENT_FILE)


def check_role(role: str | None) -> None:
    """Raise ``UnknownRoleError`` unless ``role`` is None or one of ``bot.roles.ROLES``."""
    if not is_known(role):
        raise UnknownRoleError(f"unknown role {role!r}; expected one of {ROLES} or None")


def _for_role(lines: list[str] | dict[str, list[str]], role: str | None) -> list[str]:
    """A list serves every role; a mapping has a list per role (or side) and a "default" one."""
    if isinstance(lines, list):
        return lines
    return for_role(lines, role)


def explanation(role: str | None) -> list[str]:
    """Two or three short chat messages explaining the three circles, with examples for ``role``.

    Parents and adult children get examples from their side; relatives, therapists and
    people who have not said get the neutral version.
    """
    check_role(role)
    return list(_for_role(_content()["explanation"], role))


def reason_templates(family: str, role: str | None, *, with_echo: bool) -> list[str]:
    """The reason templates for a cue family: the echo ones if asked for and present, else the plain ones."""
    entry = _content()["reasons"][family]
    if with_echo and "with_echo" in entry:
        return _for_role(entry["with_echo"], role)
    return _for_role(entry["plain"], role)


def pick(templates: list[str], worry: str) -> str:
    """Pick one template, the same one every time for the same worry (tests and users see stable wording)."""
    return templates[zlib.crc32(worry.encode("utf-8")) % len(templates)]
