"""The shared exercise mechanism, with a tiny exercise declared here (no Rasa)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.exercises.engine import (
    FINISHED,
    FRESH,
    PAUSED,
    RESUME,
    RUNNING,
    STOP,
    Context,
    Exercise,
    Reply,
    StepResult,
    current_prompt,
    handle_reply,
    new_state,
    parse_control,
    read_resume_answer,
)


class TwoQuestions(Exercise):
    name = "two_questions"
    intent = "request_two_questions"
    menu_title = "Two questions"
    menu_payload = "two questions"

    def start(self, context: Context, previous: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"answers": []}

    def prompt(self, data: dict[str, Any], context: Context) -> list[Reply]:
        return [Reply(f"question {len(data['answers']) + 1}")]

    def answer(self, data: dict[str, Any], text: str, context: Context) -> StepResult:
        answers = data["answers"] + [text]
        return StepResult([Reply("noted")], {"answers": answers}, finished=len(answers) == 2)

    def skip(self, data: dict[str, Any], context: Context) -> StepResult | None:
        return None if not data["answers"] else self.answer(data, "", context)

    def entry(self, data: dict[str, Any]) -> dict[str, Any]:
        return data

    def describe_entry(self, answers: dict[str, Any]) -> list[Reply]:
        return [Reply(", ".join(answers["answers"]))]


EXERCISE, CONTEXT = TwoQuestions(), Context()


def run(state: dict[str, Any], *messages: str):
    turn = None
    for message in messages:
        turn = handle_reply(EXERCISE, state, message, CONTEXT)
        state = turn.state
    return turn


@pytest.mark.parametrize(
    ("text", "control"),
    [
        ("stop", "stop"),
        ("Stop.", "stop"),
        ("I want to end this exercise", "stop"),
        ("pause for now", "stop"),
        ("skip", "skip"),
        ("skip this one", "skip"),
        ("go back", "back"),
        ("start over", "restart"),
        ("help", "help"),
        ("I can't stop thinking about whether she will call", None),
        ("my mother went back to her old town", None),
        ("skipping her wedding still hurts", None),
    ],
)
def test_controls_are_only_whole_short_messages(text: str, control: str | None) -> None:
    assert parse_control(text) == control


def test_answers_move_the_exercise_on_and_finish_it() -> None:
    state = new_state(EXERCISE, CONTEXT)
    assert current_prompt(EXERCISE, state, CONTEXT)[0].text == "question 1"
    turn = run(state, "first")
    assert turn.status == RUNNING and current_prompt(EXERCISE, turn.state, CONTEXT)[0].text == "question 2"
    turn = run(turn.state, "second")
    assert turn.status == FINISHED and turn.state["data"]["answers"] == ["first", "second"]


def test_go_back_returns_to_the_previous_step_and_forgets_its_answer() -> None:
    turn = run(new_state(EXERCISE, CONTEXT), "first", "go back")
    assert turn.state["data"]["answers"] == []
    assert "back" in turn.replies[0].text


def test_go_back_at_the_first_step_says_so() -> None:
    turn = run(new_state(EXERCISE, CONTEXT), "back")
    assert "first step" in turn.replies[0].text and turn.status == RUNNING


def test_start_over_clears_everything() -> None:
    turn = run(new_state(EXERCISE, CONTEXT), "first", "start over")
    assert turn.state["data"] == {"answers": []} and turn.state["history"] == []


def test_a_step_that_cannot_be_skipped_says_so_kindly() -> None:
    turn = run(new_state(EXERCISE, CONTEXT), "skip")
    assert "can't be skipped" in turn.replies[0].text and turn.state["data"]["answers"] == []


def test_stop_pauses_where_it_stopped() -> None:
    paused = run(new_state(EXERCISE, CONTEXT), "first", "stop")
    assert paused.status == PAUSED and paused.state["data"]["answers"] == ["first"]


def test_a_run_offered_back_asks_first_whether_to_resume() -> None:
    state = {**run(new_state(EXERCISE, CONTEXT), "first").state, "offer_resume": True}
    assert "pick up where you left off" in current_prompt(EXERCISE, state, CONTEXT)[0].text


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("pick up where I left off", RESUME),
        ("Yes, continue", RESUME),
        ("start fresh", FRESH),
        ("no, a new one", FRESH),
        ("stop", STOP),
        ("what?", None),
    ],
)
def test_answers_to_the_resume_offer_are_read_typed_or_tapped(text: str, answer: str | None) -> None:
    assert read_resume_answer(text) == answer


def test_the_state_stays_json_ready() -> None:
    import json

    turn = run(new_state(EXERCISE, CONTEXT), "first", "stop")
    assert json.loads(json.dumps(turn.state)) == turn.state
