"""Scored questionnaires a therapist can assign: PHQ-9 and GAD-7, asked and scored as published.

Each is a list of statements about the last two weeks, answered "not at all" (0) to "nearly
every day" (3), by a button, a number or in words. The total is the plain sum when every item
is answered; with any item skipped there is no total, only the answers, because a partial sum
would read lower than the person's real score. A total is never said to the person as a
diagnosis or a band: the bands are for the therapist (``band``). A measure can name one item
(PHQ-9's ninth, thoughts of being better off dead or of self-harm) whose positive answer starts
the crisis path at once (``needs_crisis_reply``).

Measures are homework only: the menu does not offer them (``homework_only``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.answers import normalise_answer, without_end_punctuation
from bot.exercises.engine import Context, StepResult
from bot.exercises.questions import QuestionList
from bot.replies import Button, Reply

# The published answer scale, 0 to 3, in the order the buttons show it.
SCALE: tuple[str, ...] = ("Not at all", "Several days", "More than half the days", "Nearly every day")

# Ordered: "more than half" before anything else, "not at all" before "all".
_SCALE_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, re.compile(r"\b(more than half|over half|half (of )?the (days|time)|most days but not all)\b")),
    (0, re.compile(r"\b(not at all|never|none|no days|not once|zero|nope|no)\b")),
    (3, re.compile(r"\b((nearly|almost|pretty much) (every|each) ?day|every ?day|all the time|always|constantly)\b")),
    (1, re.compile(r"\b(several days|some days|a few days|a couple of days|sometimes|once or twice|occasionally)\b")),
)
_NEGATED = re.compile(r"\bnot\b|n't\b")
_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3}


def read_scale(text: str) -> int | None:
    """An answer from 0 ("not at all") to 3 ("nearly every day"): a button, a number or words."""
    answer = without_end_punctuation(normalise_answer(text))
    for value, title in enumerate(SCALE):
        if answer == title.lower():
            return value
    numbers = re.findall(r"\b\d{1,3}\b", answer)
    if len(numbers) == 1 and answer.strip() == numbers[0]:
        return int(numbers[0]) if int(numbers[0]) <= 3 else None
    if answer in _NUMBER_WORDS:
        return _NUMBER_WORDS[answer]
    if _NEGATED.search(answer) and not answer.startswith("not at all"):
        return None  # "not every day", "not more than half": asked again rather than guessed
    for value, pattern in _SCALE_WORDS:
        if pattern.search(answer):
            return value
    return None


@dataclass(frozen=True)
class Band:
    """A published severity band, for the therapist: totals from ``low`` to ``high`` inclusive."""

    low: int
    high: int
    label: str


class Measure(QuestionList):
    """A scored questionnaire; a subclass declares its items (``questions``), bands and the item
    that calls for help. Walking the items, skipping and closing are the question list's."""

    bands: tuple[Band, ...]
    short_name: str  # "PHQ-9": how the portal names it
    # The item whose answer above 0 starts the crisis path at once (PHQ-9's ninth), if any.
    crisis_item: str | None = None
    # Its crisis reply: thoughts of being better off dead or of self-harm get the broadest lines.
    crisis_category = "suicide"
    homework_only = True

    @property
    def max_score(self) -> int:
        return 3 * len(self.questions)

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        words = self.words()
        position = data["position"]
        key = self.questions[position]
        replies = [Reply(words["intro"])] if position == 0 else []
        question = words["stem"] if position == 0 else words["stem_again"]
        buttons = (*(Button(title, title) for title in SCALE), Button(words["skip_button"], "skip"))
        counter = words["counter"].format(number=position + 1, total=len(self.questions))
        return [*replies, Reply(f"{counter} {question}\n{words['items'][key]}", buttons)]

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        value = read_scale(text)
        if value is None:
            return StepResult([Reply(self.words()["unclear"])], data)
        key = self.questions[data["position"]]
        return self._advance({**data, "answers": {**data["answers"], key: value}}, context)

    def closing(self, answers: dict[str, Any], context: Context) -> list[Reply]:
        return [Reply(self.words()["done"])]

    def score(self, answers: dict[str, Any]) -> int | None:
        """The total, or None when an item was skipped."""
        values = [answers.get(item) for item in self.questions]
        if any(not isinstance(value, int) for value in values):
            return None
        return sum(values)

    def band(self, score: int | None) -> str | None:
        """The published severity band of a total, for the therapist; never said to the person."""
        if score is None:
            return None
        return next((band.label for band in self.bands if band.low <= score <= band.high), None)

    def needs_crisis_reply(self, data: dict[str, Any]) -> bool:
        """Whether the answers include a positive answer to the item that calls for help."""
        if self.crisis_item is None:
            return False
        value = data.get("answers", {}).get(self.crisis_item)
        return isinstance(value, int) and value > 0

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        answers = data["answers"]
        return {
            "items": {item: answers.get(item) for item in self.questions},
            "score": self.score(answers),
            "flagged": self.needs_crisis_reply(data),
        }

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        words = self.words()
        answered = sum(1 for value in (answers.get("items") or {}).values() if isinstance(value, int))
        if answers.get("score") is not None:
            return [Reply(words["described"].format(score=answers["score"], most=self.max_score))]
        return [Reply(words["described_unscored"].format(answered=answered, total=len(self.questions)))]
