"""Crisis safety: risk detection, hotlines and crisis replies, testable without Rasa."""

from bot.safety.crisis import CrisisReply, crisis_reply, sos_reply
from bot.safety.detector import (
    CATEGORIES,
    Risk,
    detect_risk,
    discloses_past_abuse,
    guess_category,
    speaks_of_the_past_only,
)

__all__ = [
    "CATEGORIES",
    "CrisisReply",
    "Risk",
    "crisis_reply",
    "detect_risk",
    "discloses_past_abuse",
    "guess_category",
    "sos_reply",
    "speaks_of_the_past_only",
]
