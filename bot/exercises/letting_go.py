"""Letting go: for when reconnection is not possible, or not safe, now.

Grieving the relationship that was hoped for while the other person is alive, an unsent letter
(kept only with consent, never sent anywhere), and what still gives life meaning; for an adult
child, room for relief alongside guilt. A list of questions on the shared mechanism, worded by
role in ``letting_go.yml``.
"""

from __future__ import annotations

from pathlib import Path

from bot.exercises.questions import QuestionList


class LettingGo(QuestionList):
    """Grief, an unsent letter, and what still gives life meaning."""

    name = "letting_go"
    intent = "request_letting_go"
    content_file = Path(__file__).with_name("letting_go.yml")
    menu_payload = "letting go"
    questions = ("hoped", "grief", "feelings", "letter", "meaning", "kindness")
