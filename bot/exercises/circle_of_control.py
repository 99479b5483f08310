"""The Circle of Control, Influence and Concern, as a guided exercise.

Steps: list worries (several per message allowed, at most eight), then one by one the
bot suggests a circle and the person confirms or moves it, then a summary with a
reflection on the concern circle, then one concrete step from the control circle.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.answers import normalise_answer
from bot.circles import CIRCLES, explanation, split_worries, suggest_circle
from bot.exercises.engine import Button, Context, Exercise, Reply, StepResult

MAX_WORRIES = 8
COLLECT, SORT, REFLECT, STEP = "collect", "sort", "reflect", "step"

_DONE = re.compile(
    r"^(done|that's (all|it|everything)|that is (all|it)|nothing else|no(pe)?|finished|i'm done|all done)\b"
)
_FITS = re.compile(r"^(yes|yeah|yep|y|ok|okay|sure|right|fits|it fits|that fits|correct|agreed?|true)\b")
_MOVES = (
    ("control", re.compile(r"\b(control|mine|my own|up to me)\b")),
    ("influence", re.compile(r"\b(influence|affect|partly|can ask)\b")),
    ("concern", re.compile(r"\b(concern|out of my hands|can't change|cannot change|not mine)\b")),
)


class CircleOfControl(Exercise):
    """Sorting worries into what is mine to control, to influence, or only to care about."""

    name = "circle_of_control"
    intent = "request_circle_of_control"
    content_file = Path(__file__).with_name("circle_of_control.yml")
    menu_payload = "circle of control"

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"step": COLLECT, "worries": [], "placed": [], "reflection": None, "weekly_step": None}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        step = data["step"]
        if step == COLLECT:
            if not data["worries"]:
                return [Reply(line) for line in explanation(context.role)] + [Reply(words["ask_worries"])]
            return [Reply(words["ask_more"], (Button(words["done_button"], "done"),))]
        if step == SORT:
            worry = data["worries"][len(data["placed"])]
            suggestion = suggest_circle(worry, context.role)
            return [
                Reply(
                    words["suggest"].format(worry=worry, reason=suggestion.reason),
                    (
                        Button(words["fits_button"], "yes, that fits"),
                        Button(words["move_control"], "control"),
                        Button(words["move_influence"], "influence"),
                        Button(words["move_concern"], "concern"),
                    ),
                )
            ]
        if step == REFLECT:
            circles = {item["circle"] for item in data["placed"]}
            summary = Reply(self._summary(data["placed"]))
            question = words["ask_reflection"] if "concern" in circles else words["ask_reflection_no_concern"]
            return [summary, Reply(question)]
        circles = {item["circle"] for item in data["placed"]}
        return [Reply(words["ask_step"] if "control" in circles else words["ask_step_no_control"])]

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        step = data["step"]
        if step == COLLECT:
            return self._collect(data, text)
        if step == SORT:
            return self._sort(data, text, context)
        if step == REFLECT:
            return StepResult([], {**data, "reflection": text.strip(), "step": STEP})
        return self._finish({**data, "weekly_step": text.strip()})

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        step = data["step"]
        if step == COLLECT:
            return None if not data["worries"] else StepResult([], {**data, "step": SORT})
        if step == SORT:
            worry = data["worries"][len(data["placed"])]
            return self._place(data, worry, suggest_circle(worry, context.role).circle, suggested=None)
        if step == REFLECT:
            return StepResult([], {**data, "step": STEP})
        return self._finish(data)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"placed": data["placed"], "reflection": data["reflection"], "weekly_step": data["weekly_step"]}

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        replies = [Reply(self._summary(answers.get("placed", [])))]
        if answers.get("weekly_step"):
            replies.append(Reply(self.words()["entry_step"].format(step=answers["weekly_step"])))
        return replies

    def _collect(self, data: dict[str, Any], text: str) -> StepResult:
        words = self.words()
        if _DONE.match(normalise_answer(text)):
            if not data["worries"]:
                return StepResult([Reply(words["need_one"])], data)
            return StepResult([], {**data, "step": SORT})
        new_worries = split_worries(text)
        worries = (data["worries"] + new_worries)[:MAX_WORRIES]
        if len(worries) >= MAX_WORRIES:
            return StepResult([Reply(words["enough_worries"])], {**data, "worries": worries, "step": SORT})
        noted = words["noted_several"].format(count=len(new_worries)) if len(new_worries) > 1 else words["noted"]
        return StepResult([Reply(noted)], {**data, "worries": worries})

    def _sort(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        words = self.words()
        worry = data["worries"][len(data["placed"])]
        suggested = suggest_circle(worry, context.role).circle
        answer = normalise_answer(text)
        moved_to = next((circle for circle, pattern in _MOVES if pattern.search(answer)), None)
        if moved_to is None and _FITS.match(answer):
            return self._place(data, worry, suggested, suggested)
        if moved_to is None:
            return StepResult([Reply(words["sort_unclear"])], data)
        result = self._place(data, worry, moved_to, suggested)
        if moved_to != suggested:
            result.replies.insert(0, Reply(words["moved"].format(circle=words["circle_names"][moved_to])))
        return result

    def _place(self, data: dict[str, Any], worry: str, circle: str, suggested: str | None) -> StepResult:
        placed = data["placed"] + [{"worry": worry, "circle": circle, "suggested": suggested}]
        next_step = REFLECT if len(placed) == len(data["worries"]) else SORT
        return StepResult([], {**data, "placed": placed, "step": next_step})

    def _finish(self, data: dict[str, Any]) -> StepResult:
        words = self.words()
        closing = (
            words["finished"].format(step=data["weekly_step"]) if data.get("weekly_step") else words["finished_no_step"]
        )
        return StepResult([Reply(closing)], data, finished=True)

    def _summary(self, placed: list[dict[str, Any]]) -> str:
        words = self.words()
        lines = [words["summary_title"]]
        for circle in CIRCLES:
            items = [item["worry"] for item in placed if item["circle"] == circle]
            if items:
                lines.append(words["summary_headings"][circle])
                lines.extend(f"• {item}" for item in items)
        return "\n".join(lines)
