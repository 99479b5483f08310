"""Validation practice: a moment seen from the other person's side, and a statement that says so.

The person describes a moment as the other might tell it, names what they may have felt and
needed, and writes a validating statement ("It makes sense that you felt ... because ...").
The statement is checked for what undoes validation: a "but", correcting their feelings,
blame, making it smaller, explaining oneself (``bot.exercises.drafting``, on the apology
analyzer's codes and a few cues of its own); the person revises as often as they like, and
the final version is kept with consent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.exercises.drafting import find_problems, read_decision, review
from bot.exercises.engine import Button, Context, Exercise, Reply, StepResult
from bot.replies import buttons_from
from bot.roles import for_role

MOMENT, FELT, NEEDED, STATEMENT, DECIDE = "moment", "felt", "needed", "statement", "decide"
_THEY = re.compile(r"^(they|he|she|my \w+) (might have |may have |probably )?(felt|needed)\s+", re.IGNORECASE)
CODES = ("qualifier", "correcting", "blame_shift", "minimizing", "justification", "deflection", "conditional")


class ValidationPractice(Exercise):
    """Seeing a moment from their side, and saying so without taking it back."""

    name = "validation"
    intent = "request_validation_practice"
    content_file = Path(__file__).with_name("validation.yml")
    menu_payload = "validation practice"

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"step": MOMENT, "moment": None, "felt": None, "needed": None, "statement": None, "problems": [],
                "revisions": 0}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        step = data["step"]
        skip = Button(words["skip_button"], "skip")
        if step == MOMENT:
            return [Reply(words["intro"]), Reply(for_role(words["ask_moment"], context.role), (skip,))]
        if step == FELT:
            return [Reply(words["ask_felt"], (*buttons_from(words["felt_answers"]), skip))]
        if step == NEEDED:
            return [Reply(words["ask_needed"], (*buttons_from(words["needed_answers"]), skip))]
        if step == STATEMENT:
            felt = data["felt"]
            return [Reply(words["ask_statement"].format(felt=felt) if felt else words["ask_statement_no_feeling"])]
        replies = review(data["problems"], words)
        suggestion = _suggestion(data["statement"] or "", data["problems"], data["felt"], words["own_cues"])
        return [Reply(words["suggestion"].format(suggestion=suggestion)), *replies] if suggestion else replies

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        step, answer = data["step"], text.strip()
        if step in (MOMENT, FELT, NEEDED):
            following = {MOMENT: FELT, FELT: NEEDED, NEEDED: STATEMENT}[step]
            if step != MOMENT:  # "they felt hurt" is kept as "hurt", to fit "It makes sense that you felt ..."
                answer = _THEY.sub("", answer) or answer
            return StepResult([], {**data, step: answer, "step": following})
        if step == STATEMENT:
            return self._check(data, answer)
        decision = read_decision(answer)
        if decision == "revise":
            return StepResult([], {**data, "step": STATEMENT, "revisions": data["revisions"] + 1})
        if decision == "keep":
            return StepResult([Reply(self.words()["closing"])], data, finished=True)
        return StepResult([Reply(self.words()["review_unclear"])], data)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        following = {MOMENT: FELT, FELT: NEEDED, NEEDED: STATEMENT}.get(data["step"])
        return StepResult([], {**data, "step": following}) if following else None

    def _check(self, data: dict[str, Any], statement: str) -> StepResult:
        words = self.words()
        if not statement:
            return StepResult([Reply(words["need_statement"])], data)
        problems = find_problems(statement, CODES, words["own_cues"])
        data = {**data, "statement": statement, "problems": problems}
        if problems:
            return StepResult([], {**data, "step": DECIDE})
        return StepResult([Reply(words["clear"]), Reply(words["closing"])], data, finished=True)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "moment": data["moment"],
            "felt": data["felt"],
            "needed": data["needed"],
            "statement": data["statement"],
            "flags": sorted({problem["code"] for problem in data["problems"]}),
            "revisions": data["revisions"],
        }

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        words = self.words()
        lines = [f"{words['headings'][key]}: {answers[key]}" for key in (MOMENT, FELT, NEEDED) if answers.get(key)]
        return [Reply("\n".join([*lines, words["entry_title"], answers.get("statement") or ""]))]


def _suggestion(statement: str, problems: list[dict[str, str]], felt: str | None, own_cues: dict[str, str]) -> str:
    """One way to say it: the statement cut before its "but" when what comes before is sound,
    otherwise the plain pattern with their feeling in it."""
    cut = re.split(r"[,;]?\s+\b(?:but|however|although|though)\b", statement, maxsplit=1, flags=re.IGNORECASE)[0]
    cut = cut.strip().rstrip(".,;")
    qualified = any(problem["code"] == "qualifier" for problem in problems)
    if qualified and cut and cut != statement.strip() and not find_problems(cut, CODES, own_cues):
        return cut + "."
    return f"It makes sense that you felt {felt or '...'}, because [what happened, from their side]."
