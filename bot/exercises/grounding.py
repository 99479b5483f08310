"""Grounding: slow breathing, then the 5-4-3-2-1 senses, in two or three minutes.

For the moment after a painful message, an anniversary, or panic; short enough to offer inline
when someone says they are overwhelmed, and after a crisis reply. A list of questions on the
shared mechanism; nothing is stored, because the answers only matter in the moment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.exercises.engine import Context
from bot.exercises.questions import QuestionList
from bot.replies import Reply


class Grounding(QuestionList):
    """Breathing and the senses, ending with how the person feels now."""

    name = "grounding"
    intent = "request_grounding"
    content_file = Path(__file__).with_name("grounding.yml")
    menu_payload = "grounding"
    questions = ("breathe", "see", "feel", "hear", "smell", "taste", "after")

    def closing(self, answers: dict[str, Any], context: Context) -> list[Reply]:
        closing = self.words()["closing"]
        return [Reply(closing.get(answers.get("after") or "skipped", closing["skipped"]))]

    def worth_keeping(self, data: dict[str, Any]) -> bool:
        return False
