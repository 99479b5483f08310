"""A personal safety plan, as a list of questions on the shared mechanism.

Steps follow the widely used structure of personal safety plans: warning signs, coping on
one's own, people and places that help, people to ask for help (never contacted by the
bot), professionals and crisis lines (the lines pre-filled for the person's country),
making the moment safer, reasons for living. Every step can be skipped; an existing plan
is edited step by step ("keep" keeps an answer).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.content import load_content
from bot.exercises.engine import Context
from bot.exercises.questions import QuestionList
from bot.replies import Reply
from bot.safety.hotlines import lines_for

CONTENT_FILE = Path(__file__).with_name("safety_plan.yml")
STEPS = ("warning_signs", "coping_alone", "people_places", "people_to_ask", "professionals", "safer", "reasons")


def describe_plan(answers: dict[str, Any], country: str | None) -> list[Reply]:
    """A plan said back as one message, with the crisis lines for the person's country."""
    words = load_content(CONTENT_FILE)
    lines = []
    for step in STEPS:
        answer = answers.get(step)
        if answer:
            lines += [f"{words['headings'][step]}:", f"  {answer}"]
    lines.append(f"{words['crisis_lines_heading']}:")
    lines += [f"  • {line.name}: {line.contact}" for line in lines_for(country, "suicide")]
    return [Reply("\n".join(lines))]


def no_plan_text() -> str:
    """What to say when someone asks for a plan they have not made (or not saved)."""
    return load_content(CONTENT_FILE)["no_plan"]


class SafetyPlan(QuestionList):
    """Building, or editing, a personal safety plan."""

    name = "safety_plan"
    intent = "request_safety_plan"
    content_file = CONTENT_FILE
    menu_payload = "make a safety plan"
    editable = True
    questions = STEPS

    def before_question(self, key: str, context: Context) -> list[Reply]:
        if key != "professionals":
            return []
        lines = "\n".join(f"• {line.name}: {line.contact}" for line in lines_for(context.country, "suicide"))
        return [Reply(f"{self.words()['lines_note']}\n{lines}")]

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        return describe_plan(answers, None)

    def closing(self, answers: dict[str, Any], context: Context) -> list[Reply]:
        return super().closing(answers, context) + describe_plan(answers, context.country)
