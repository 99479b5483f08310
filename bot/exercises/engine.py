"""The one mechanism every exercise shares.

An exercise is a declaration of its own steps and logic (:class:`Exercise`); this module
gives all of them the same life: start, answer, skip, go back, start over, stop and help.
The whole working state is a JSON-ready dict that the run service (``runs.py``) keeps in
its own table between turns; "go back" is simply the previous snapshot of the data.
"""

from __future__ import annotations

import copy
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answers import normalise_answer, without_end_punctuation
from bot.content import load_content
from bot.replies import Button, Reply

RUNNING, FINISHED, PAUSED, ABANDONED = "running", "finished", "paused", "abandoned"
MAX_HISTORY = 30

__all__ = ["Button", "Context", "Exercise", "Reply", "StepResult", "Turn"]


@dataclass(frozen=True)
class Context:
    """What an exercise may know about the person, to fit its words to them."""

    role: str | None = None
    country: str | None = None
    consent_to_save: bool = False


@dataclass
class StepResult:
    """What an exercise's step made of an answer."""

    replies: list[Reply]
    data: dict[str, Any]
    finished: bool = False


@dataclass
class Turn:
    """What the engine made of one message: what to say, and the new state."""

    replies: list[Reply]
    state: dict[str, Any]
    status: str = RUNNING
    notes: list[str] = field(default_factory=list)


class Exercise(ABC):
    """An exercise: its name, how it starts, what it asks, and what it makes of answers."""

    name: str
    menu_payload: str
    intent: str
    # The YAML file beside the exercise that holds its words, "menu_title" and "entry_names" among them.
    content_file: Path
    # An editable exercise starts from the person's last saved entry (a safety plan, say).
    editable: bool = False
    # An exercise that compares with the last time (a check-in) starts from the last saved
    # entry's answers, with its date under "date".
    compares_with_last: bool = False

    def words(self) -> dict[str, Any]:
        """This exercise's words, from its content file."""
        return load_content(self.content_file)

    @property
    def menu_title(self) -> str:
        """How the menu offers this exercise."""
        return self.words()["menu_title"]

    @property
    def entry_names(self) -> tuple[str, ...]:
        """Words people use for this exercise's saved entries ("my circles", "my apology")."""
        return tuple(self.words().get("entry_names", ()))

    @abstractmethod
    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a fresh run; ``previous`` is the last saved entry of an editable exercise."""

    @abstractmethod
    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        """What to ask now; a pure function of the data."""

    @abstractmethod
    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        """Take the person's answer to the current step."""

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        """Move past the current step without an answer; None when the step cannot be skipped."""
        return None

    def worth_keeping(self, data: dict[str, Any]) -> bool:
        """Whether a finished run is kept as an entry (with consent). Grounding never is; a first
        message only when there is a draft (not when the person was asked to respect no contact)."""
        return True

    @abstractmethod
    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        """What is stored (with consent) when the exercise is finished."""

    @abstractmethod
    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        """A stored entry said back to the person."""


def words() -> dict[str, str]:
    """The engine's own words."""
    return load_content(Path(__file__).with_name("content.yml"))


STOP, SKIP, BACK, RESTART, HELP = "stop", "skip", "back", "restart", "help"

_CONTROLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        STOP,
        re.compile(
            r"^(stop|pause|quit|exit|cancel|leave|enough|menu|main menu|not now|later|"
            r"(i want to |i'd like to |can we |let's |let me )?(stop|pause|end|quit|leave|exit)"
            r"( this| it| now| here| the exercise| this exercise| for now| for today)*"
            r"|that's enough( for now| for today)?)$"
        ),
    ),
    (
        SKIP,
        re.compile(
            r"^(skip|skip (this|it|this one|this step|this question)|pass|next|next question|i'd rather not say)$"
        ),
    ),
    (BACK, re.compile(r"^(back|go back|previous|undo|one step back|back one( step)?|go back one step|step back)$")),
    (
        RESTART,
        re.compile(
            r"^(start over|restart|start again|start from the beginning|from the beginning|start fresh|begin again)$"
        ),
    ),
    (HELP, re.compile(r"^(help|\?|what do i do|what do i do now|how does this work|i don't understand)$")),
)


def parse_control(text: str) -> str | None:
    """Recognise "stop", "skip", "go back", "start over" and "help" when they are the whole message.

    Only short messages count, so that an answer such as "I can't stop thinking about
    her" is never mistaken for a request to stop.
    """
    normalised = without_end_punctuation(text)
    if len(normalised.split()) > 7:
        return None
    for control, pattern in _CONTROLS:
        if pattern.match(normalised):
            return control
    return None


def new_state(exercise: Exercise, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The working state of a fresh run of ``exercise``."""
    return {
        "exercise": exercise.name,
        "data": exercise.start(context, previous),
        "history": [],
        "previous_entry": previous,
    }


def current_prompt(exercise: Exercise, state: dict[str, Any], context: Context) -> list[Reply]:
    """What to ask the person now (first whether to resume, when a paused run is offered again)."""
    if state.get("offer_resume"):
        return [
            Reply(
                words()["offer_resume"],
                (
                    Button(words()["resume_button"], "pick up where I left off"),
                    Button(words()["fresh_button"], "start fresh"),
                ),
            )
        ]
    return exercise.prompt(state["data"], context)


def handle_reply(exercise: Exercise, state: dict[str, Any], text: str, context: Context) -> Turn:
    """Apply one message to a running exercise.

    The caller has already passed ``text`` through the risk detector: a risky message
    never reaches an exercise.
    """
    control = parse_control(text)
    if control == STOP:
        return Turn([Reply(words()["paused"])], copy.deepcopy(state), PAUSED)
    if control == HELP:
        return Turn([Reply(words()["help"])], copy.deepcopy(state))
    if control == BACK:
        return go_back(state)
    if control == RESTART:
        return start_over(exercise, state, context)
    if control == SKIP:
        return skip_step(exercise, state, context)
    return _advance(state, exercise.answer(state["data"], text, context))


def go_back(state: dict[str, Any]) -> Turn:
    """One step back: the data as it was before the last answer."""
    state = copy.deepcopy(state)
    if not state["history"]:
        return Turn([Reply(words()["at_first_step"])], state)
    state["data"] = state["history"].pop()
    return Turn([Reply(words()["back"])], state)


def skip_step(exercise: Exercise, state: dict[str, Any], context: Context) -> Turn:
    """Past the current step without an answer, where the exercise allows it."""
    result = exercise.skip(state["data"], context)
    if result is None:
        return Turn([Reply(words()["cannot_skip"])], copy.deepcopy(state))
    return _advance(state, result)


def start_over(exercise: Exercise, state: dict[str, Any], context: Context) -> Turn:
    """The same run from its first step, everything answered so far forgotten."""
    state = {**copy.deepcopy(state), "data": exercise.start(context, state.get("previous_entry")), "history": []}
    return Turn([Reply(words()["restarted"])], state)


def _advance(state: dict[str, Any], result: StepResult) -> Turn:
    state = copy.deepcopy(state)
    if result.data != state["data"]:
        state["history"] = (state["history"] + [state["data"]])[-MAX_HISTORY:]
    state["data"] = result.data
    return Turn(result.replies, state, FINISHED if result.finished else RUNNING)


RESUME, FRESH = "resume", "fresh"
_RESUME = re.compile(r"\b(pick up|resume|continue|carry on|left off|where i was|yes)\b")
_FRESH = re.compile(r"\b(fresh|new|start over|restart|again|from scratch|beginning|no)\b")


def read_resume_answer(text: str) -> str | None:
    """What someone answered to "pick up where you left off, or start fresh?": RESUME, FRESH, STOP or None."""
    answer = normalise_answer(text)
    if _FRESH.search(answer):
        return FRESH
    if _RESUME.search(answer):
        return RESUME
    if parse_control(text) == STOP:
        return STOP
    return None
