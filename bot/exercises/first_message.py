"""A first message after a long silence: short, no pressure, an open door.

Before any drafting the person is asked whether the other asked for no contact or a court order
applies; if so, the bot helps them respect it (and points to an unsent letter) instead of
drafting. The draft is checked for demands, blame, going over the past, qualifiers, excuses and
length (``bot.exercises.drafting``); the person revises as often as they like, and the final
version is kept with consent. Nothing is ever sent by the bot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.answers import without_end_punctuation
from bot.exercises.drafting import find_problems, read_decision, review
from bot.exercises.engine import Context, Exercise, Reply, StepResult
from bot.replies import buttons_from
from bot.roles import for_role

BOUNDARY, FOR_WHOM, DRAFT, DECIDE = "boundary", "for_whom", "draft", "decide"
CODES = ("demand", "blame_shift", "relitigating", "qualifier", "justification", "conditional", "minimizing")
LONGEST = 90  # words; a first message after years of silence is easier to take in when short
_YES = {"yes", "yeah", "yep", "they have", "there is", "there's an order", "yes there is"}
_NO = {"no", "nope", "no they haven't", "neither", "no order", "nothing like that"}
_NOT_SURE = {"not sure", "i'm not sure", "i don't know", "don't know", "maybe", "unsure", "idk"}


class FirstMessage(Exercise):
    """Planning a first contact that asks for nothing, where contact is welcome at all."""

    name = "first_message"
    intent = "request_first_message"
    content_file = Path(__file__).with_name("first_message.yml")
    menu_payload = "first message"

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"step": BOUNDARY, "boundary": None, "for_whom": None, "draft": None, "problems": [], "revisions": 0}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        step = data["step"]
        if step == BOUNDARY:
            return [Reply(words["intro"]), Reply(words["ask_boundary"], buttons_from(words["boundary_answers"]))]
        if step == FOR_WHOM:
            return [Reply(words["ask_for_whom"], buttons_from(for_role(words["for_whom_buttons"], context.role)))]
        if step == DRAFT:
            return [Reply(words["ask_draft"])]
        return review(data["problems"], words)

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        words, step, answer = self.words(), data["step"], text.strip()
        if step == BOUNDARY:
            said = without_end_punctuation(answer)
            if said in _YES:
                return StepResult([Reply(words["respect"])], {**data, "boundary": "yes"}, finished=True)
            if said in _NOT_SURE:
                return StepResult([Reply(words["not_sure"])], {**data, "boundary": "not sure"}, finished=True)
            if said in _NO:
                return StepResult([], {**data, "boundary": "no", "step": FOR_WHOM})
            return StepResult([Reply(words["boundary_unclear"])], data)
        if step == FOR_WHOM:
            return StepResult([], {**data, "for_whom": answer, "step": DRAFT})
        if step == DRAFT:
            return self._check(data, answer)
        decision = read_decision(answer)
        if decision == "revise":
            return StepResult([], {**data, "step": DRAFT, "revisions": data["revisions"] + 1})
        if decision == "keep":
            return StepResult([Reply(words["guidance"])], data, finished=True)
        return StepResult([Reply(words["review_unclear"])], data)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        return StepResult([], {**data, "step": DRAFT}) if data["step"] == FOR_WHOM else None

    def _check(self, data: dict[str, Any], draft: str) -> StepResult:
        words = self.words()
        if not draft:
            return StepResult([Reply(words["need_draft"])], data)
        problems = find_problems(draft, CODES, words["own_cues"])
        if len(draft.split()) > LONGEST:
            problems.append({"code": "long", "text": " ".join(draft.split()[:6]) + "..."})
        data = {**data, "draft": draft, "problems": problems}
        if problems:
            return StepResult([], {**data, "step": DECIDE})
        return StepResult([Reply(words["clear"]), Reply(words["guidance"])], data, finished=True)

    def worth_keeping(self, data: dict[str, Any]) -> bool:
        return data["draft"] is not None

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "boundary": data["boundary"],
            "for_whom": data["for_whom"],
            "final_version": data["draft"],
            "flags": sorted({problem["code"] for problem in data["problems"]}),
            "revisions": data["revisions"],
        }

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        if not answers.get("final_version"):
            return [Reply(self.words()["respect"])]
        title = self.words()["entry_title"].format(for_whom=answers.get("for_whom") or "them")
        return [Reply(title), Reply(answers["final_version"])]
