"""A personal safety plan, as a guided exercise on the shared mechanism.

Steps follow the widely used structure of personal safety plans: warning signs, coping on
one's own, people and places that help, people to ask for help (never contacted by the
bot), professionals and crisis lines (the lines pre-filled for the person's country),
making the moment safer, reasons for living. Every step can be skipped; an existing plan
is edited step by step ("keep" keeps an answer).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.exercises.engine import Context, Exercise, StepResult
from bot.replies import Button, Reply
from bot.safety.hotlines import lines_for

STEPS = ("warning_signs", "coping_alone", "people_places", "people_to_ask", "professionals", "safer", "reasons")
_KEEP = re.compile(r"^(keep|keep it|keep that|same|no change|that's still right|leave it)\b")


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    with Path(__file__).with_name("plan.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def describe_plan(answers: dict[str, Any], country: str | None) -> list[Reply]:
    """A plan said back as one message, with the crisis lines for the person's country."""
    words = _words()
    lines = []
    for step in STEPS:
        answer = answers.get(step)
        if answer:
            lines += [f"{words['headings'][step]}:", f"  {answer}"]
    lines.append(f"{words['crisis_lines_heading']}:")
    lines += [f"  • {line.name}: {line.contact}" for line in lines_for(country, "suicide")]
    return [Reply("\n".join(lines))]


class SafetyPlan(Exercise):
    """Building, or editing, a personal safety plan."""

    name = "safety_plan"
    intent = "request_safety_plan"
    content_file = Path(__file__).with_name("plan.yml")
    menu_payload = "make a safety plan"
    editable = True

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"position": 0, "answers": {}, "previous": dict(previous or {})}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = _words()
        step = STEPS[data["position"]]
        replies = [Reply(words["intro"])] if data["position"] == 0 else []
        if step == "professionals":
            lines = "\n".join(f"• {line.name}: {line.contact}" for line in lines_for(context.country, "suicide"))
            replies.append(Reply(f"{words['lines_note']}\n{lines}"))
        question = words["steps"][step]
        previous = data["previous"].get(step)
        if previous:
            buttons = (Button(words["keep_button"], "keep"), Button(words["skip_button"], "skip"))
            replies.append(Reply(f"{question}\n{words['current'].format(answer=previous)}", buttons))
        else:
            replies.append(Reply(question, (Button(words["skip_button"], "skip"),)))
        return replies

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        step = STEPS[data["position"]]
        keep = _KEEP.match(text.strip().lower()) and data["previous"].get(step)
        value = data["previous"][step] if keep else text.strip()
        return self._advance({**data, "answers": {**data["answers"], step: value}}, context)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        return self._advance(data, context)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {step: data["answers"].get(step) for step in STEPS}

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        return describe_plan(answers, None)

    def _advance(self, data: dict[str, Any], context: Context) -> StepResult:
        position = data["position"] + 1
        if position < len(STEPS):
            return StepResult([], {**data, "position": position})
        words = _words()
        closing = words["done"] if context.consent_to_save else words["done_not_saved"]
        return StepResult([Reply(closing)] + describe_plan(data["answers"], context.country), data, finished=True)


def no_plan_text() -> str:
    """What to say when someone asks for a plan they have not made (or not saved)."""
    return _words()["no_plan"]
