"""A list of questions is a declaration and its words: free answers, choices, skipping, editing."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.exercises.engine import FINISHED, Context, current_prompt, handle_reply, new_state
from bot.exercises.questions import QuestionList

WORDS = {
    "menu_title": "Two questions",
    "intro": "Two short questions.",
    "steps": {"mood": "How are you today?", "note": "Anything to add?"},
    "headings": {"mood": "Mood", "note": "Note"},
    "choices": {"mood": [["Low", "1"], ["Okay", "2"], ["Good", "3"]]},
    "skip_button": "Skip",
    "choice_unclear": "Please pick one of the buttons, or type it.",
    "done": "Saved.",
    "done_not_saved": "Not saved.",
}


def declared(tmp_path: Path) -> QuestionList:
    content = tmp_path / "two_questions.yml"
    content.write_text(yaml.safe_dump(WORDS), encoding="utf-8")

    class TwoQuestions(QuestionList):
        name = "two_questions"
        intent = "request_two_questions"
        menu_payload = "two questions"
        content_file = content
        questions = ("mood", "note")

    return TwoQuestions()


def run(exercise: QuestionList, *messages: str):
    state, turn = new_state(exercise, Context(consent_to_save=True)), None
    for message in messages:
        turn = handle_reply(exercise, state, message, Context(consent_to_save=True))
        state = turn.state
    return turn


def test_choices_are_buttons_and_the_intro_comes_first(tmp_path: Path) -> None:
    exercise = declared(tmp_path)
    replies = current_prompt(exercise, new_state(exercise, Context()), Context())
    assert replies[0].text == "Two short questions."
    assert [button.payload for button in replies[-1].buttons] == ["1", "2", "3", "skip"]


def test_a_typed_title_or_a_tapped_value_is_stored_as_the_value(tmp_path: Path) -> None:
    exercise = declared(tmp_path)
    for answer in ("Okay.", "2", "okay"):
        turn = run(exercise, answer, "a quiet day")
        assert turn.status == FINISHED
        assert exercise.entry(turn.state["data"]) == {"mood": "2", "note": "a quiet day"}


def test_an_answer_that_is_no_choice_is_asked_again_kindly(tmp_path: Path) -> None:
    exercise = declared(tmp_path)
    turn = run(exercise, "somewhere in between")
    assert turn.replies[0].text == WORDS["choice_unclear"]
    assert turn.state["data"]["position"] == 0 and turn.state["data"]["answers"] == {}


def test_every_question_can_be_skipped_and_the_entry_says_only_what_was_answered(tmp_path: Path) -> None:
    exercise = declared(tmp_path)
    turn = run(exercise, "skip", "slept badly")
    entry = exercise.entry(turn.state["data"])
    assert entry == {"mood": None, "note": "slept badly"}
    assert exercise.describe_entry(entry)[0].text == "Note:\n  slept badly"
