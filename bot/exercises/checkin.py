"""The check-in: the WHO-5 Well-Being Index and a 0–10 rating of the relationship.

Five statements about the last two weeks, each answered from "at no time" (0) to "all of
the time" (5); the raw sum times four is the score out of 100, as the WHO-5 is scored
everywhere. Answers are buttons, or typed: "most days", "4", "never". A score of 28 or less,
or a drop of 10 points or more since the last check-in, gets a kind note and ways to look
after oneself; a score never gets a diagnosis. Check-ins are kept (with consent) as entries,
so that "how have I been doing?" can draw them (``bot.progress``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.answers import normalise_answer
from bot.exercises.engine import Context, StepResult
from bot.exercises.questions import QuestionList
from bot.replies import Button, Reply, buttons_from
from bot.roles import for_role

ITEMS = ("cheerful", "calm", "active", "rested", "interested")
RELATIONSHIP = "relationship"
LOW_SCORE = 28
NOTABLE_DROP = 10

# Ordered: "not at all" before "all", "more/less than half" before anything else with "half".
_FREQUENCY_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"\b(at no time|no time|never|not at all|not once|none of the time|none|nope|zero)\b")),
    (3, re.compile(r"\b(more than half|over half|more often than not|most days but not all|half or more)\b")),
    (2, re.compile(r"\b(less than half|under half|not often|not very often|not much|a few days|few times)\b")),
    (5, re.compile(r"\b(all (of )?the time|always|every ?day|constantly|all day|every single day)\b")),
    (4, re.compile(r"\b(most (of the )?(time|days)|mostly|usually|often|a lot)\b")),
    (
        1,
        re.compile(
            r"\b(some (of the )?time|sometimes|occasionally|rarely|hardly|seldom|once or twice|a little|now and then)\b"
        ),
    ),
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate("zero one two three four five six seven eight nine ten".split())
}


def read_frequency(text: str) -> int | None:
    """A WHO-5 answer, 0 ("at no time") to 5 ("all of the time"), from a button, a number or words."""
    answer = normalise_answer(text)
    number = _single_number(answer)
    if number is not None:
        return number if 0 <= number <= 5 else None
    for value, pattern in _FREQUENCY_WORDS:
        if pattern.search(answer):
            return value
    return None


def read_rating(text: str) -> int | None:
    """A rating from 0 to 10 ("7", "7/10", "seven", "about a 3"), or None."""
    number = _single_number(normalise_answer(text))
    return number if number is not None and 0 <= number <= 10 else None


def _single_number(answer: str) -> int | None:
    # Three digits at most: an answer is 0 to 10, and int() refuses strings of thousands of digits.
    numbers = re.findall(r"\b\d{1,3}\b", answer.split("/")[0])
    if len(numbers) == 1:
        return int(numbers[0])
    words = [_NUMBER_WORDS[word] for word in re.findall(r"[a-z]+", answer) if word in _NUMBER_WORDS]
    return words[0] if len(words) == 1 and not numbers else None


def who5_score(answers: dict[str, Any]) -> int | None:
    """The WHO-5 score out of 100, or None when an item was skipped."""
    values = [answers.get(item) for item in ITEMS]
    if any(not isinstance(value, int) for value in values):
        return None
    return sum(values) * 4


def is_low(score: int | None, last_score: int | None) -> bool:
    """Whether a score calls for the kind note: 28 or less, or 10 or more below the last one."""
    if score is None:
        return False
    return score <= LOW_SCORE or (last_score is not None and last_score - score >= NOTABLE_DROP)


class CheckIn(QuestionList):
    """The WHO-5 and the relationship rating, compared with the last check-in."""

    name = "checkin"
    intent = "request_checkin"
    content_file = Path(__file__).with_name("checkin.yml")
    menu_payload = "check in"
    questions = (*ITEMS, RELATIONSHIP)
    # The run service hands in the last saved check-in, so that a change can be named.
    compares_with_last = True

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        last = previous or {}
        return {
            "position": 0,
            "answers": {},
            "previous": {},
            "last": {"score": last.get("score"), "date": last.get("date")} if last.get("score") is not None else None,
        }

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        key = self.questions[data["position"]]
        replies = [Reply(words["intro"])] if data["position"] == 0 else []
        if key == RELATIONSHIP:
            buttons = tuple(Button(str(value), str(value)) for value in range(11))
            question = for_role(words["steps"][key], context.role)
        else:
            buttons = buttons_from(words["frequency"])
            question = words["steps"][key]
        return [*replies, Reply(question, (*buttons, Button(words["skip_button"], "skip")))]

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        key = self.questions[data["position"]]
        value = read_rating(text) if key == RELATIONSHIP else read_frequency(text)
        if value is None:
            unclear = "rating_unclear" if key == RELATIONSHIP else "frequency_unclear"
            return StepResult([Reply(self.words()[unclear])], data)
        return self._advance({**data, "answers": {**data["answers"], key: value}}, context)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        key = self.questions[data["position"]]
        result = self._advance(data, context)
        if key in ITEMS and not data.get("told_unscored"):
            note = Reply(self.words()["skipped_item"])
            return StepResult([note, *result.replies], {**result.data, "told_unscored": True}, result.finished)
        return result

    def _advance(self, data: dict[str, Any], context: Context) -> StepResult:
        position = data["position"] + 1
        if position < len(self.questions):
            return StepResult([], {**data, "position": position})
        return StepResult(self._closing(data, context), data, finished=True)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        answers = data["answers"]
        return {
            "items": {item: answers.get(item) for item in ITEMS},
            "score": who5_score(answers),
            RELATIONSHIP: answers.get(RELATIONSHIP),
        }

    def worth_keeping(self, data: dict[str, Any]) -> bool:
        answers = data["answers"]
        return who5_score(answers) is not None or answers.get(RELATIONSHIP) is not None

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        words = self.words()
        lines = []
        if answers.get("score") is not None:
            lines.append(f"{words['headings']['score']}: {answers['score']} out of 100")
        if answers.get(RELATIONSHIP) is not None:
            lines.append(f"{words['headings'][RELATIONSHIP]}: {answers[RELATIONSHIP]} out of 10")
        return [Reply("\n".join(lines))] if lines else []

    def _closing(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        answers = data["answers"]
        score = who5_score(answers)
        last = data.get("last") or {}
        lines = [words["result"].format(score=score) if score is not None else words["result_unscored"]]
        if score is not None and last.get("score") is not None and last.get("date"):
            change = score - last["score"]
            key = "change_up" if change > 0 else "change_down" if change < 0 else "change_same"
            lines.append(words[key].format(change=abs(change), date=last["date"]))
        if answers.get(RELATIONSHIP) is not None:
            lines.append(words["rating_line"].format(rating=answers[RELATIONSHIP]))
        if context.consent_to_save:
            lines.append(words["progress_hint"])
        else:
            lines.append(words["done_not_saved"])
        replies = [Reply(" ".join(lines))]
        if is_low(score, last.get("score")):
            replies.append(Reply(words["low"], buttons_from(words["low_buttons"])))
        return replies
