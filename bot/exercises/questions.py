"""A base for exercises that are a plain list of questions (a safety plan, grounding, check-ins).

A new one is a declaration: its name, its questions' keys in order, and a content file
with the words (``steps`` and ``headings`` per key, ``intro``, ``skip_button``, and for an
editable list ``keep_button`` and ``current``). Every question can be skipped; an editable
list starts from the last saved entry and "keep" keeps an answer.

A question may also list ``choices`` (``[[title, value], ...]`` under its key): they become
buttons, a tapped or typed title or value is stored as the value, and any other answer is
asked again kindly (``choice_unclear``), so a scored questionnaire is a declaration too.
``quick_answers`` are buttons that only save typing: any answer is taken. A question's words
may be written per role (a mapping; ``bot.roles.for_role`` picks one).
"""

from __future__ import annotations

import re
from typing import Any

from bot.answers import without_end_punctuation
from bot.exercises.engine import Context, Exercise, StepResult
from bot.replies import Button, Reply
from bot.roles import for_role

_KEEP = re.compile(r"^(keep|keep it|keep that|same|no change|that's still right|leave it)\b")


class QuestionList(Exercise):
    """Ask ``questions`` in order, keep each answer under its key, then close."""

    questions: tuple[str, ...]

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"position": 0, "answers": {}, "previous": dict(previous or {})}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        key = self.questions[data["position"]]
        intro = words.get("intro")
        if isinstance(intro, dict):
            intro = for_role(intro, context.role)
        replies = [Reply(intro)] if data["position"] == 0 and intro else []
        replies += self.before_question(key, context)
        question = words["steps"][key]
        if isinstance(question, dict):
            question = for_role(question, context.role)
        quick = words.get("quick_answers", {}).get(key, [])
        choices = tuple(Button(title, value) for title, value in [*self._choices(key), *quick])
        previous = data["previous"].get(key)
        if previous:
            buttons = (*choices, Button(words["keep_button"], "keep"), Button(words["skip_button"], "skip"))
            replies.append(Reply(f"{question}\n{words['current'].format(answer=previous)}", buttons))
        else:
            replies.append(Reply(question, (*choices, Button(words["skip_button"], "skip"))))
        return replies

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        key = self.questions[data["position"]]
        previous = data["previous"].get(key)
        answer = without_end_punctuation(text)
        if previous and _KEEP.match(answer):
            value = previous
        elif self._choices(key):
            value = next(
                (value for title, value in self._choices(key) if answer in (without_end_punctuation(title), value)),
                None,
            )
            if value is None:
                return StepResult([Reply(self.words()["choice_unclear"])], data)
        else:
            value = text.strip()
        return self._advance({**data, "answers": {**data["answers"], key: value}}, context)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        return self._advance(data, context)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {key: data["answers"].get(key) for key in self.questions}

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        headings = self.words()["headings"]
        lines = []
        for key in self.questions:
            if answers.get(key):
                lines += [f"{headings[key]}:", f"  {answers[key]}"]
        return [Reply("\n".join(lines))] if lines else []

    def _choices(self, key: str) -> list[tuple[str, str]]:
        return [(str(title), str(value)) for title, value in self.words().get("choices", {}).get(key, [])]

    def before_question(self, key: str, context: Context) -> list[Reply]:
        """Anything to say just before the question ``key`` (nothing, unless an exercise adds it)."""
        return []

    def closing(self, answers: dict[str, Any], context: Context) -> list[Reply]:
        """What to say when the last question is answered."""
        words = self.words()
        return [Reply(words["done"] if context.consent_to_save else words["done_not_saved"])]

    def _advance(self, data: dict[str, Any], context: Context) -> StepResult:
        position = data["position"] + 1
        if position < len(self.questions):
            return StepResult([], {**data, "position": position})
        return StepResult(self.closing(self.entry(data), context), data, finished=True)
