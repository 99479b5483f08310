"""What every channel does with a message before the assistant sees it.

Plain Python, shared by the Rasa input channels, the Telegram bridge and the web chat,
so every channel caps length, answers /sos without the model, and runs the risk detector
first, the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.config import settings
from bot.countries import country_from_language_tag, country_or_none
from bot.exercises.safety_plan import describe_plan, no_plan_text
from bot.homework import crisis_lines_shown
from bot.safety import Risk, crisis_reply, sos_reply
from bot.safety.crisis import CrisisReply
from bot.safety.verdict import ASK, assess
from bot.storage import session_scope
from bot.storage.repositories import latest_entry, load_profile, record_safety_event

# Beyond this the detector is not even run: no person types this much into a chat box,
# and the web server refuses larger bodies anyway.
DETECTOR_INPUT_LIMIT = 50_000

_SHOW_PLAN = re.compile(r"^\s*(/plan(@\w+)?|(show )?my safety plan)\s*[.!]*\s*$", re.IGNORECASE)
_SOS = re.compile(r"^\s*(/sos(@\w+)?|sos|help now|get help now|i need help now)\s*[.!]*\s*$", re.IGNORECASE)

TOO_LONG = (
    "That's a lot to take in at once, and I want to read it properly. Could you send it in smaller parts, "
    "up to {limit} characters each? Nothing you wrote is lost: it's still in your message box."
)
EMPTY = "I didn't receive any words. Whenever you're ready, type a message or say \"menu\"."
TROUBLE = (
    "I'm sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment. "
    "If you need help now, type /sos."
)


@dataclass(frozen=True)
class Screening:
    """The verdict on one incoming message."""

    kind: str  # "ok", "sos", "show_plan", "too_long" or "empty"
    risk: Risk | None = None
    # The risk layers are unsure: the assistant asks directly, and if it cannot (it is down),
    # the channel gives the crisis reply for this instead, rather than nothing.
    unsure: Risk | None = None

    @property
    def lines_if_unanswered(self) -> Risk | None:
        """The risk the channel answers with the crisis reply when the assistant gave no safety reply."""
        return self.risk or self.unsure


def encodable(text: str | None) -> str | None:
    """``text`` with any lone UTF-16 surrogate replaced by "?", so every later step can encode it."""
    return text.encode("utf-8", "replace").decode("utf-8") if text else text


def is_sos(text: str) -> bool:
    """True for /sos and "help now", which are answered without the model."""
    return bool(_SOS.match(text or ""))


def screen(text: str | None) -> Screening:
    """Classify a message before anything else happens with it."""
    text = text or ""
    if not text.strip():
        return Screening("empty")
    if is_sos(text):
        return Screening("sos")
    if _SHOW_PLAN.match(text):
        return Screening("show_plan")
    # Both risk layers (the patterns, then the learned classifier); the "ask" band is answered
    # by the assistant, which holds the conversation's state.
    verdict = assess(text[:DETECTOR_INPUT_LIMIT])
    unsure = (
        Risk(verdict.category or "suicide", "classifier", "unsure", about_someone_else=False, young=verdict.young)
        if verdict.level == ASK
        else None
    )
    if len(text) > settings().max_message_chars:
        return Screening("too_long", verdict.risk, unsure)
    return Screening("ok", verdict.risk, unsure)


def country_of(sender_id: str) -> str | None:
    """The country a person chose at onboarding, if they are known."""
    with session_scope() as session:
        profile = load_profile(session=session, sender_id=sender_id)
    return country_or_none(profile.country) if profile else None


def plan_responses(sender_id: str) -> list[dict]:
    """The person's saved safety plan, at once, without the model (/plan, "show my safety plan")."""
    with session_scope() as session:
        profile = load_profile(session=session, sender_id=sender_id)
        entry = latest_entry(session=session, sender_id=sender_id, kind="safety_plan")
        answers = dict(entry.answers) if entry is not None and profile and profile.consent_to_save else None
    if answers is None:
        return [{"text": no_plan_text()}]
    return [{"text": reply.text} for reply in describe_plan(answers, profile.country)]


def record(sender_id: str, channel: str, *, category: str, layer: str) -> None:
    """Record a safety event (no text), and that crisis lines were shown on any homework the person agreed to."""
    with session_scope() as session:
        record_safety_event(session=session, sender_id=sender_id, channel=channel, category=category, layer=layer)
        if sender_id:
            crisis_lines_shown(session, sender_id=sender_id)


def reply_responses(reply: CrisisReply) -> list[dict]:
    """A crisis or /sos reply as channel responses, the lines' payload on the first."""
    first, *rest = reply.messages
    return [{"text": first, "custom": reply.payload()}] + [{"text": message} for message in rest]


def sos_responses(sender_id: str, channel: str, language: str | None = None) -> list[dict]:
    """The /sos answer: the lines for the person's country, at once, and a record of it.

    ``language`` is the browser's or Telegram's language tag ("en-GB"): until the person has
    said their country, its region's lines come first.
    """
    record(sender_id, channel, category="sos", layer="command")
    country = country_of(sender_id)
    hint = None if country else country_from_language_tag(language)
    return reply_responses(sos_reply(country, country_hint=hint))


def crisis_responses(sender_id: str, channel: str, risk: Risk, language: str | None = None) -> list[dict]:
    """The crisis reply given by the channel itself, when the assistant could not give it.

    ``language`` is the browser's or Telegram's language tag, a hint until the country is known.
    """
    record(sender_id, channel, category=risk.category, layer="channel")
    country = country_of(sender_id)
    reply = crisis_reply(
        risk.category, country, about_someone_else=risk.about_someone_else, young=risk.young,
        country_hint=None if country else country_from_language_tag(language),
    )
    return reply_responses(reply)


def has_safety_payload(responses: list[dict]) -> bool:
    """Whether the assistant's responses already carry the crisis lines."""
    return any(isinstance(r.get("custom"), dict) and "safety" in r["custom"] for r in responses)


def too_long_text() -> str:
    """The kind refusal of an over-long message."""
    return TOO_LONG.format(limit=settings().max_message_chars)
