"""The apology workshop: who it is for, what it is for, a draft, honest feedback, revisions.

The feedback comes from :func:`bot.apology.analyze_apology`: first what is already strong,
then each problem with its suggested rewrite, one at a time; the person may revise as
often as they like, and the final version is kept (with consent).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.answers import normalise_answer
from bot.apology import analyze_apology
from bot.exercises.drafting import REVISE as _REVISE
from bot.exercises.engine import Button, Context, Exercise, Reply, StepResult
from bot.replies import buttons_from
from bot.roles import for_role

FOR_WHOM, ABOUT, DRAFT, REVIEW, DECIDE = "for_whom", "about", "draft", "review", "decide"

_DONE = re.compile(r"^(done|that's (all|it|everything)|that is (all|it)|finished|that's the whole apology)\b")
_NEXT = re.compile(r"^(next|ok|okay|got it|go on|yes|yeah|right|fine|continue)\b")
_KEEP = re.compile(r"\b(keep|happy with it|that's fine|finish|save it|this version|leave it)\b")


class ApologyWorkshop(Exercise):
    """Writing an apology that takes responsibility without conditions, for either side."""

    name = "apology"
    intent = "request_apology_help"
    content_file = Path(__file__).with_name("apology.yml")
    menu_payload = "apology workshop"

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"step": FOR_WHOM, "for_whom": None, "about": None, "parts": [], "draft": None,
                "problems": [], "position": 0, "revisions": 0}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        step = data["step"]
        if step == FOR_WHOM:
            buttons = buttons_from(for_role(words["for_whom_buttons"], context.role))
            return [Reply(for_role(words["intro"], context.role)), Reply(words["ask_for_whom"], buttons)]
        if step == ABOUT:
            return [Reply(words["ask_about"])]
        if step == DRAFT:
            if data["parts"]:
                return [Reply(words["ask_more_draft"], (Button(words["done_button"], "done"),))]
            return [Reply(words["ask_revision"] if data["revisions"] else words["ask_draft"])]
        if step == REVIEW:
            problem = data["problems"][data["position"]]
            text = words["problem"].format(span=problem["text"], explanation=problem["explanation"],
                                           rewrite=problem["rewrite"])
            return [Reply(text, (Button(words["next_button"], "next"), Button(words["revise_button"], "revise")))]
        closing = words["all_seen"] if data["problems"] else words["looks_clear"]
        buttons = (Button(words["revise_button"], "revise"), Button(words["keep_button"], "keep this version"))
        return [Reply(closing, buttons)]

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        step = data["step"]
        if step == FOR_WHOM:
            return StepResult([], {**data, "for_whom": text.strip(), "step": ABOUT})
        if step == ABOUT:
            return StepResult([], {**data, "about": text.strip(), "step": DRAFT})
        if step == DRAFT:
            return self._draft(data, text)
        if step == REVIEW:
            return self._review(data, text)
        return self._decide(data, text)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        step = data["step"]
        if step == FOR_WHOM:
            return StepResult([], {**data, "step": ABOUT})
        if step == ABOUT:
            return StepResult([], {**data, "step": DRAFT})
        if step == REVIEW:
            return self._review(data, "next")
        return None

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "for_whom": data["for_whom"],
            "about": data["about"],
            "final_version": data["draft"],
            "flags": sorted({problem["code"] for problem in data["problems"]}),
            "revisions": data["revisions"],
        }

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        title = self.words()["entry_title"].format(for_whom=answers.get("for_whom") or "them")
        return [Reply(title), Reply(answers.get("final_version") or "")]

    def _draft(self, data: dict[str, Any], text: str) -> StepResult:
        words = self.words()
        if not _DONE.match(normalise_answer(text)):
            return StepResult([], {**data, "parts": data["parts"] + [text.strip()]})
        if not data["parts"]:
            return StepResult([Reply(words["need_draft"])], data)
        draft = "\n".join(data["parts"])
        analysis = analyze_apology(draft)
        problems = [
            {"code": p.code, "text": p.text, "explanation": p.explanation, "rewrite": p.rewrite}
            for p in analysis.problems
        ]
        replies = [Reply(self._strengths(analysis.elements))]
        if len(problems) == 1:
            replies.append(Reply(words["problem_count_one"]))
        elif problems:
            replies.append(Reply(words["problem_count"].format(count=len(problems))))
        next_step = REVIEW if problems else DECIDE
        return StepResult(replies, {**data, "draft": draft, "parts": [], "problems": problems, "position": 0,
                                    "step": next_step})

    def _review(self, data: dict[str, Any], text: str) -> StepResult:
        answer = normalise_answer(text)
        if _REVISE.search(answer):
            return StepResult([], {**data, "step": DRAFT, "revisions": data["revisions"] + 1})
        if _KEEP.search(answer):
            return self._finish(data)
        if not _NEXT.match(answer):
            return StepResult([Reply(self.words()["review_unclear"])], data)
        position = data["position"] + 1
        if position >= len(data["problems"]):
            return StepResult([], {**data, "position": position, "step": DECIDE})
        return StepResult([], {**data, "position": position})

    def _decide(self, data: dict[str, Any], text: str) -> StepResult:
        answer = normalise_answer(text)
        if _REVISE.search(answer):
            return StepResult([], {**data, "step": DRAFT, "revisions": data["revisions"] + 1})
        if _KEEP.search(answer) or _NEXT.match(answer):
            return self._finish(data)
        return StepResult([Reply(self.words()["review_unclear"])], data)

    def _finish(self, data: dict[str, Any]) -> StepResult:
        return StepResult([Reply(self.words()["guidance"])], data, finished=True)

    def _strengths(self, elements: list[str]) -> str:
        words = self.words()
        found = [words["strengths"][element] for element in elements if element in words["strengths"]]
        if not found:
            return words["no_strengths"]
        return f"{words['strengths_intro']} " + "; ".join(found) + "."
