"""PHQ-9 and GAD-7: answers read as people give them, scored as published, item 9 reaching the crisis path."""

from __future__ import annotations

from datetime import date

import pytest

from bot.exercises import Context, exercise_by_name
from bot.exercises.measures import SCALE, read_scale
from bot.homework import open_code
from bot.portal.accounts import create_therapist
from bot.portal.assignments import AssignmentRequest, create_assignment
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import Assignment

CONTEXT = Context(role="parent", country="GB", consent_to_save=False)


@pytest.fixture(autouse=True)
def migrated() -> None:
    upgrade_schema()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Not at all", 0),
        ("Several days", 1),
        ("More than half the days", 2),
        ("Nearly every day", 3),
        ("nearly every day.", 3),
        ("0", 0),
        ("3", 3),
        ("two", 2),
        ("never", 0),
        ("no", 0),
        ("a few days", 1),
        ("sometimes", 1),
        ("more than half", 2),
        ("pretty much every day", 3),
        ("every day", 3),
        ("4", None),
        ("not every day", None),
        ("not more than half", None),
        ("I'm not sure", None),
        ("banana", None),
    ],
)
def test_answers_are_read_from_buttons_numbers_and_words(text: str, value: int | None) -> None:
    assert read_scale(text) == value


def run_through(name: str, answers: list[str]) -> tuple[dict, list, bool]:
    """Answer every item of a measure through the exercise itself; its entry, replies and crisis call."""
    measure = exercise_by_name(name)
    data = measure.start(CONTEXT)
    replies = []
    for text in answers:
        result = measure.skip(data, CONTEXT) if text == "skip" else measure.answer(data, text, CONTEXT)
        data, replies = result.data, result.replies
    assert result.finished
    return measure.entry(data), replies, measure.needs_crisis_reply(data)


def test_phq9_is_the_plain_sum_with_its_published_bands() -> None:
    phq9 = exercise_by_name("phq9")
    entry, replies, crisis = run_through("phq9", ["3", "2", "2", "1", "1", "1", "0", "0", "Not at all"])
    assert entry["score"] == 10 and phq9.band(entry["score"]) == "moderate"
    assert not crisis and not entry["flagged"]
    assert [phq9.band(total) for total in (0, 4, 5, 9, 14, 15, 19, 20, 27)] == [
        "minimal", "minimal", "mild", "mild", "moderate", "moderately severe", "moderately severe", "severe", "severe",
    ]  # fmt: skip
    # The person is thanked, never told a band or anything that reads as a diagnosis.
    said = " ".join(reply.text for reply in replies).lower()
    assert "moderate" not in said and "depress" not in said


def test_gad7_is_the_plain_sum_with_its_published_bands() -> None:
    gad7 = exercise_by_name("gad7")
    entry, _, crisis = run_through("gad7", ["Nearly every day"] * 7)
    assert entry["score"] == 21 and gad7.band(21) == "severe" and gad7.band(9) == "mild"
    assert not crisis, "GAD-7 has no item that calls for the crisis path"


def test_a_skipped_item_leaves_no_total_rather_than_a_low_one() -> None:
    entry, _, _ = run_through("gad7", ["3", "3", "skip", "3", "3", "3", "3"])
    assert entry["score"] is None and entry["items"]["item3"] is None
    assert "6 of 7 answered" in exercise_by_name("gad7").describe_entry(entry)[0].text


@pytest.mark.parametrize("answer", SCALE[1:])
def test_any_answer_above_not_at_all_to_phq9_item_9_calls_for_the_crisis_path(answer: str) -> None:
    entry, _, crisis = run_through("phq9", ["0"] * 8 + [answer])
    assert crisis and entry["flagged"]


def test_every_item_is_asked_one_at_a_time_with_the_published_words_and_buttons() -> None:
    phq9 = exercise_by_name("phq9")
    data = phq9.start(CONTEXT)
    first = phq9.prompt(data, CONTEXT)
    assert "Over the last 2 weeks" in first[-1].text and "1 of 9" in first[-1].text
    assert [button.title for button in first[-1].buttons] == [*SCALE, "Skip"]
    data = {**data, "position": 8}
    assert "better off dead" in phq9.prompt(data, CONTEXT)[-1].text


def test_measures_are_homework_only_and_not_offered_on_the_menu() -> None:
    from bot.exercises import available_exercises

    assert {"phq9", "gad7"}.isdisjoint(exercise.name for exercise in available_exercises())


def test_no_answer_button_reads_as_risk_when_pressed() -> None:
    from bot.safety.verdict import NONE, assess

    assert {title: assess(title).level for title in SCALE} == dict.fromkeys(SCALE, NONE)


def _assign(exercise: str, email: str) -> tuple[int, str]:
    with session_scope() as session:
        therapist = create_therapist(session, email, "x" * 12, "Ann Smith")
        assignment = create_assignment(
            session, therapist, AssignmentRequest(exercise, "Client M").checked(date.today())
        )
        return assignment.id, assignment.code


def _answer_homework(sender: str, exercise: str, code: str, assignment_id: int, consent: str, answers: list[str]):
    from bot.exercises.runs import ExerciseRuns

    with session_scope() as session:
        open_code(session, sender_id=sender, channel="rest", code=code)
        runs = ExerciseRuns(session=session, sender_id=sender, channel="rest")
        turn = runs.start_homework(exercise_by_name(exercise), CONTEXT, assignment_id=assignment_id)
        consent_text = " ".join(reply.text for reply in runs.prompt(turn.run_id, CONTEXT))
        runs.reply(turn.run_id, consent, CONTEXT)
        if consent.startswith("No"):
            runs.reply(turn.run_id, "Just for me", CONTEXT)
        for text in answers:
            turn = runs.reply(turn.run_id, text, CONTEXT)
        return consent_text, turn


def test_agreed_measure_shares_answers_and_total_without_asking_again() -> None:
    assignment_id, code = _assign("gad7", "gad@example.org")
    consent_text, turn = _answer_homework("m-1", "gad7", code, assignment_id, "Yes, that's OK", ["2"] * 7)
    assert "your answers and the total" in consent_text
    assert turn.status == "finished" and turn.crisis is None
    assert "Ann Smith can see your answers" in " ".join(reply.text for reply in turn.replies)
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        assert assignment.status == "completed"
        [result] = assignment.results
        assert (result.measure, result.score, result.flagged) == ("gad7", 14, False)
        assert result.shared["items"] == {f"item{n}": 2 for n in range(1, 8)}


def test_phq9_item_9_starts_the_crisis_path_and_flags_agreed_homework() -> None:
    assignment_id, code = _assign("phq9", "phq@example.org")
    _, turn = _answer_homework("m-2", "phq9", code, assignment_id, "yes", ["1"] * 8 + ["Several days"])
    assert turn.crisis == "suicide" and turn.replies == [], "the crisis reply comes first and alone"
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        [result] = assignment.results
        assert (result.score, result.flagged) == (9, True)
        assert assignment.crisis_shown and [event.kind for event in assignment.events][-2:] == [
            "completed", "crisis_lines",
        ]  # fmt: skip


def test_a_declined_measure_still_reaches_the_crisis_path_and_shares_nothing() -> None:
    assignment_id, code = _assign("phq9", "private@example.org")
    _, turn = _answer_homework("m-3", "phq9", code, assignment_id, "No, keep it private", ["0"] * 8 + ["3"])
    assert turn.crisis == "suicide"
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        assert assignment.status == "declined" and assignment.results == [] and assignment.shared is None
