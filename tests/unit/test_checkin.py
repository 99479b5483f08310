"""The check-in (WHO-5 and the relationship rating), walked as plain Python and on a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.exercises import Context
from bot.exercises.checkin import CheckIn, is_low, read_frequency, read_rating, who5_score
from bot.exercises.engine import FINISHED, RUNNING, current_prompt, new_state
from bot.exercises.runs import ExerciseRuns
from bot.progress.reminders import take_checkin_suggestion
from bot.progress.scores import checkins_of
from bot.roles import CUT_OFF, PARENT
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import ExerciseEntry, utc_now
from bot.storage.repositories import find_user, save_profile
from tests.exercise_steps import walk

SAVING = Context(role=PARENT, country="GB", consent_to_save=True)


def text_of(replies) -> str:
    return "\n".join(reply.text for reply in replies)


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("All of the time", 5), ("5", 5), ("always", 5), ("every day", 5),
        ("Most of the time", 4), ("most days", 4), ("4", 4), ("mostly", 4),
        ("More than half of the time", 3), ("more than half", 3),
        ("Less than half of the time", 2), ("less than half", 2), ("not often", 2),
        ("Some of the time", 1), ("sometimes", 1), ("rarely", 1),
        ("At no time", 0), ("never", 0), ("not at all", 0), ("0", 0), ("zero", 0),
    ],
)
def test_a_who5_answer_is_read_from_buttons_numbers_and_words(answer: str, value: int) -> None:
    assert read_frequency(answer) == value


@pytest.mark.parametrize("answer", ["6", "banana", "", "2 or 3", "I don't know"])
def test_an_unclear_who5_answer_is_not_guessed(answer: str) -> None:
    assert read_frequency(answer) is None


@pytest.mark.parametrize(
    ("answer", "value"), [("7", 7), ("7/10", 7), ("seven", 7), ("about a 3", 3), ("0", 0), ("10", 10)]
)
def test_a_relationship_rating_is_read_from_numbers_and_words(answer: str, value: int) -> None:
    assert read_rating(answer) == value


@pytest.mark.parametrize("answer", ["11", "-", "good", "3 or 4"])
def test_an_unclear_rating_is_not_guessed(answer: str) -> None:
    assert read_rating(answer) is None


def test_the_who5_score_is_the_raw_sum_times_four_and_none_when_an_item_is_skipped() -> None:
    answers = {"cheerful": 3, "calm": 2, "active": 4, "rested": 1, "interested": 5}
    assert who5_score(answers) == 60
    assert who5_score({**answers, "calm": None}) is None


def test_a_low_score_or_a_drop_of_ten_calls_for_the_kind_note() -> None:
    assert is_low(28, None) and not is_low(32, None)
    assert is_low(50, 60) and not is_low(52, 60) and not is_low(None, 80)


def test_a_full_check_in_asks_six_questions_with_buttons_and_scores_it() -> None:
    checkin = CheckIn()
    first = current_prompt(checkin, new_state(checkin, SAVING), SAVING)
    assert "two weeks" in text_of(first)
    assert [button.payload for button in first[-1].buttons] == ["5", "4", "3", "2", "1", "0", "skip"]
    state, turn = walk(checkin, SAVING, "most of the time", "3", "sometimes", "never", "All of the time")
    assert turn.status == RUNNING
    rating = current_prompt(checkin, state, SAVING)[-1]
    assert "your child" in rating.text
    assert [button.payload for button in rating.buttons][:11] == [str(n) for n in range(11)]
    state, turn = walk(checkin, SAVING, "most of the time", "3", "sometimes", "never", "All of the time", "6")
    assert turn.status == FINISHED
    assert "52 out of 100" in text_of(turn.replies) and "6 out of 10" in text_of(turn.replies)
    assert checkin.entry(state["data"]) == {
        "items": {"cheerful": 4, "calm": 3, "active": 1, "rested": 0, "interested": 5}, "score": 52, "relationship": 6
    }
    assert "hard" not in text_of(turn.replies)  # 52 is not low


def test_an_unclear_answer_is_asked_again_kindly_and_the_role_shapes_the_last_question() -> None:
    _, turn = walk(CheckIn(), SAVING, "blue")
    assert turn.status == RUNNING and "at no time" in text_of(turn.replies)
    context = Context(role=CUT_OFF)
    state, _ = walk(CheckIn(), context, *["2"] * 5)
    assert "your parent" in current_prompt(CheckIn(), state, context)[-1].text


def test_a_low_score_gets_a_kind_note_and_ways_to_look_after_oneself_never_a_diagnosis() -> None:
    _, turn = walk(CheckIn(), SAVING, "never", "some of the time", "never", "1", "never", "1")
    text = text_of(turn.replies)
    assert "8 out of 100" in text and "isn't a diagnosis" in text
    payloads = [button.payload for button in turn.replies[-1].buttons]
    assert payloads == ["grounding", "make a safety plan", "how do I find a therapist", "help now"]
    for word in ("depress", "disorder", "you have", "you are ill"):
        assert word not in text.lower()


def test_a_skipped_item_means_no_score_but_the_check_in_still_counts() -> None:
    state, turn = walk(CheckIn(), SAVING, "skip", "2", "2", "2", "2", "5")
    assert "no well-being score this time" in text_of(walk(CheckIn(), SAVING, "skip")[1].replies)
    assert turn.status == FINISHED and CheckIn().entry(state["data"])["score"] is None
    assert CheckIn().worth_keeping(state["data"])
    nothing, _ = walk(CheckIn(), SAVING, *["skip"] * 6)
    assert not CheckIn().worth_keeping(nothing["data"])


def test_without_saving_the_check_in_says_it_is_not_kept() -> None:
    _, turn = walk(CheckIn(), Context(role=PARENT), *["3"] * 5, "4")
    assert "isn't kept" in text_of(turn.replies)


@pytest.fixture
def migrated() -> None:
    upgrade_schema()


def check_in(sender: str, *answers: str, context: Context = SAVING):
    with session_scope() as session:
        runs = ExerciseRuns(session=session, sender_id=sender, channel="rest")
        run_id = runs.start(CheckIn(), context).run_id
        turn = None
        for answer in answers:
            turn = runs.reply(run_id, answer, context)
    return turn


def test_a_check_in_names_the_change_since_the_last_one_and_a_drop_of_ten_gets_the_note(migrated) -> None:
    first = check_in("person-1", *["4"] * 5, "5")
    assert "80 out of 100" in text_of(first.replies) and "last check-in" not in text_of(first.replies)
    second = check_in("person-1", *["3"] * 4, "4", "5")
    text = text_of(second.replies)
    assert "64 out of 100" in text and "16 points lower than your last check-in on" in text
    assert "really hard" in text  # a drop of 16
    with session_scope() as session:
        assert [point.score for point in checkins_of(session=session, sender_id="person-1")] == [80, 64]


def test_check_ins_without_consent_are_not_stored(migrated) -> None:
    check_in("person-2", *["4"] * 5, "5", context=Context(role=PARENT))
    with session_scope() as session:
        assert checkins_of(session=session, sender_id="person-2") == []


def test_the_two_weekly_suggestion_comes_once_when_the_last_check_in_is_two_weeks_old(migrated) -> None:
    with session_scope() as session:
        save_profile(session=session, sender_id="p3", channel="rest", role=PARENT, country="GB", consent_to_save=True)
        assert not take_checkin_suggestion(session=session, sender_id="p3")  # no check-in yet
    check_in("p3", *["3"] * 5, "5")
    now = utc_now()
    with session_scope() as session:
        assert not take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=13))
        assert take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=15))
    with session_scope() as session:
        assert not take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=16))
        assert not take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=40))
        user = find_user(session=session, sender_id="p3")
        later = now + timedelta(days=41)
        session.add(ExerciseEntry(user=user, kind="checkin", answers={"score": 50}, created_at=later))
    with session_scope() as session:  # a new check-in starts a new two weeks
        assert not take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=50))
        assert take_checkin_suggestion(session=session, sender_id="p3", now=now + timedelta(days=56))
