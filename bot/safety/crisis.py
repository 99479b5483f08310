"""The reply to a crisis: a short acknowledgement, the lines that fit, the emergency number, a check-in.

Wording lives in ``crisis_messages.yml`` so a clinician can edit it without touching Python;
the lines come from ``hotlines.yml`` through ``hotlines.lines_for``.

``sos_reply`` serves ``/sos`` and "help now": it gives the lines at once, with no question
before them. Its category is "sos" (not one of the risk categories) so that the channel and
the logs can tell an explicit request for help from a detected risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content import load_content
from bot.safety.detector import CATEGORIES
from bot.safety.hotlines import Hotline, lines_for

MESSAGES_FILE = Path(__file__).with_name("crisis_messages.yml")
SOS = "sos"


@dataclass(frozen=True)
class CrisisReply:
    """Chat messages to send in order, the lines they name, and the risk category they answer."""

    messages: list[str]
    hotlines: list[Hotline]
    category: str

    def payload(self) -> dict:
        """Structured data for channels that show buttons or cards: category, each line's name and contact."""
        return {
            "safety": {
                "level": "crisis",
                "category": self.category,
                "hotlines": [{"name": hotline.name, "contact": hotline.contact} for hotline in self.hotlines],
            }
        }


def _content() -> dict:
    return load_content(MESSAGES_FILE)


def _line(hotline: Hotline) -> str:
    content = _content()
    template = content["line_with_note_format"] if hotline.note else content["line_format"]
    return template.format(name=hotline.name, contact=hotline.contact, note=hotline.note)


def _lines_message(intro: str, hotlines: list[Hotline]) -> str:
    """One message listing every line except the emergency number, which gets its own sentence."""
    listed = [_line(hotline) for hotline in hotlines if hotline.kind != "emergency"]
    return "\n".join([intro, *listed])


def _reply(
    acknowledgement: str, intro: str, question: str, category: str, hotlines: list[Hotline]
) -> CrisisReply:
    content = _content()
    emergency = hotlines[-1]  # lines_for always ends with the emergency entry
    emergency_text = f"{emergency.contact} ({emergency.note})" if emergency.note else emergency.contact
    messages = [
        acknowledgement,
        _lines_message(intro, hotlines),
        content["emergency"].format(emergency=emergency_text),
        question,
    ]
    return CrisisReply(messages=messages, hotlines=hotlines, category=category)


def _lines(country: str | None, category: str, *, country_hint: str | None, young: bool) -> list[Hotline]:
    """The lines for the person's country; until it is known, the hinted country's lines first,
    then the international ones, then the hinted country's emergency number."""
    if country or not country_hint:
        return lines_for(country, category, young=young)
    hinted = lines_for(country_hint, category, young=young)
    international = [line for line in lines_for(None, category) if line.kind != "emergency"]
    return hinted[:-1] + [line for line in international if line not in hinted] + hinted[-1:]


def crisis_reply(
    category: str, country: str | None, *, about_someone_else: bool = False, young: bool = False,
    country_hint: str | None = None,
) -> CrisisReply:
    """The reply to a detected risk of ``category`` in ``country`` (ISO alpha-2, None if unknown).

    An unknown category is answered as "suicide", whose lines are the broadest; the reply
    never quotes the person's message. ``young``: the writer may be a child, so lines for young
    people come first. ``country_hint`` (from a browser's or Telegram's language tag) is used
    only while the person has not said where they are.
    """
    if category not in CATEGORIES:
        category = "suicide"
    content = _content()
    whose = "someone_else" if about_someone_else else "self"
    acknowledgement = content["someone_else" if about_someone_else else "acknowledgement"][category]
    return _reply(
        acknowledgement,
        content["lines_intro"][whose],
        content["question"][whose],
        category,
        _lines(country, category, country_hint=country_hint, young=young),
    )


def sos_reply(country: str | None, *, country_hint: str | None = None) -> CrisisReply:
    """The reply to ``/sos`` or "help now": every line for the country at once, then the check-in.

    ``country_hint`` (from a browser's or Telegram's language tag) is used only while the person
    has not said where they are: that country's lines come first, the international ones after
    them, and that country's emergency number last.
    """
    content = _content()
    hotlines = _lines(country, SOS, country_hint=country_hint, young=False)
    return _reply(
        content["acknowledgement"][SOS],
        content["lines_intro"][SOS],
        content["question"]["self"],
        SOS,
        hotlines,
    )
