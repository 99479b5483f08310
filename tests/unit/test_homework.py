"""Homework on the client's side: codes, consent, sharing, crisis lines shown, revoked and unknown codes."""

from __future__ import annotations

from datetime import date

import pytest

from bot.homework import (
    SHARE_ANSWERS,
    SHARE_FINISHED,
    answer_consent,
    choose_share,
    code_in,
    consent_question,
    crisis_lines_shown,
    open_code,
    read_consent,
    read_share,
    run_finished,
    run_started,
    shared_assignment_id,
)
from bot.portal.accounts import create_therapist
from bot.portal.assignments import AssignmentRequest, create_assignment, new_code, revoke
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import Assignment


@pytest.fixture(autouse=True)
def migrated() -> None:
    upgrade_schema()


def assigned(note: str = "", exercise: str = "grounding", name: str = "Ann Smith") -> tuple[int, str]:
    with session_scope() as session:
        therapist = create_therapist(session, f"{exercise}.{note[:5]}@example.org".replace(" ", ""), "x" * 12, name)
        request = AssignmentRequest(exercise, "Client", note).checked(date.today())
        assignment = create_assignment(session, therapist, request)
        return assignment.id, assignment.code


def status_of(assignment_id: int) -> tuple[str, list[str], dict | None, bool]:
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        events = [event.kind for event in assignment.events]
        return assignment.status, events, assignment.shared, assignment.crisis_shown


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my code is AB3D5F7H", "AB3D5F7H"),
        ("code: ab3d5f7h", "AB3D5F7H"),
        ("AB3D5F7H", "AB3D5F7H"),
        ("  ab3d5f7h. ", "AB3D5F7H"),
        ("Here's my homework code AB3D5F7H thanks", "AB3D5F7H"),
        ("stranger", None),
        ("STRANGER", None),
        ("I feel like a stranger", None),
        ("code is 1234", None),
        ("ABCDEFG1 is not a code because of the I", None),
    ],
)
def test_a_code_is_found_where_a_person_would_type_it(text: str, code: str | None) -> None:
    assert code_in(text) == code


def test_every_new_code_is_read_when_typed_on_its_own() -> None:
    codes = [new_code() for _ in range(2000)]
    assert all(code_in(code) == code and code_in(code.lower()) == code for code in codes)
    assert len(set(codes)) == len(codes)


def test_opening_a_code_names_the_therapist_shows_the_note_and_asks(tmp_path) -> None:
    assignment_id, code = assigned(note="Take your time with this.")
    with session_scope() as session:
        opened = open_code(session, sender_id="client-1", channel="rest", code=code.lower())
    texts = " ".join(reply.text for reply in opened.replies)
    assert opened.outcome == "invited" and opened.assignment_id == assignment_id
    assert "Ann Smith has suggested" in texts and "Take your time with this." in texts
    with session_scope() as session:
        question = consent_question(session, assignment_id)
    assert "Ann Smith will see" in question.text and "never see our conversation" in question.text
    assert [button.title for button in question.buttons] == ["Yes, that's OK", "No, keep it private"]
    assert status_of(assignment_id)[:2] == ("opened", ["sent", "opened"])


def test_agreeing_then_finishing_shares_exactly_what_was_chosen() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        open_code(session, sender_id="client-2", channel="rest", code=code)
        answer_consent(session, sender_id="client-2", assignment_id=assignment_id, agreed=True)
        assert shared_assignment_id(session, sender_id="client-2", assignment_id=assignment_id) == assignment_id
        assert shared_assignment_id(session, sender_id="someone-else", assignment_id=assignment_id) is None
        run_started(session, assignment_id)
        run_finished(session, assignment_id, ["I noticed the kettle and the rain."])
        choose_share(session, sender_id="client-2", assignment_id=assignment_id, choice=SHARE_ANSWERS)
    status, events, shared, _ = status_of(assignment_id)
    assert status == "completed" and events == ["sent", "opened", "consented", "started", "completed"]
    assert shared == {"answers": ["I noticed the kettle and the rain."]}


def test_sharing_only_that_it_was_done_keeps_the_answers_back() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        open_code(session, sender_id="client-3", channel="rest", code=code)
        answer_consent(session, sender_id="client-3", assignment_id=assignment_id, agreed=True)
        run_finished(session, assignment_id, ["private words"])
        choose_share(session, sender_id="client-3", assignment_id=assignment_id, choice=SHARE_FINISHED)
        assert session.get(Assignment, assignment_id).pending_share is None
    assert status_of(assignment_id)[2] == {"finished": True}


def test_declining_tells_the_therapist_only_declined_and_keeps_the_run_private() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        open_code(session, sender_id="client-4", channel="rest", code=code)
        replies = answer_consent(session, sender_id="client-4", assignment_id=assignment_id, agreed=False)
        assert "only see that you chose to keep it private" in replies[0].text
        assert shared_assignment_id(session, sender_id="client-4", assignment_id=assignment_id) is None
        run_finished(session, assignment_id, ["words"])
        assert session.get(Assignment, assignment_id).pending_share is None
        crisis_lines_shown(session, sender_id="client-4")
    status, events, shared, crisis = status_of(assignment_id)
    assert (status, shared, crisis) == ("declined", None, False) and events[-1] == "declined"


def test_crisis_lines_are_noted_only_on_agreed_open_homework() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        open_code(session, sender_id="client-5", channel="rest", code=code)
        crisis_lines_shown(session, sender_id="client-5")
        assert session.get(Assignment, assignment_id).crisis_shown is False
        answer_consent(session, sender_id="client-5", assignment_id=assignment_id, agreed=True)
        crisis_lines_shown(session, sender_id="client-5")
        crisis_lines_shown(session, sender_id="client-5")
    _, events, _, crisis = status_of(assignment_id)
    assert crisis is True and events.count("crisis_lines") == 1


def test_unknown_revoked_and_finished_codes_are_answered_kindly() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        assert open_code(session, sender_id="c", channel="rest", code="ZZZZ2222").outcome == "not_found"
        revoke(session, session.get(Assignment, assignment_id))
        revoked = open_code(session, sender_id="c", channel="rest", code=code)
    assert revoked.outcome == "revoked" and "isn't active any more" in revoked.replies[0].text
    finished_id, finished_code = assigned(exercise="checkin")
    with session_scope() as session:
        open_code(session, sender_id="d", channel="rest", code=finished_code)
        answer_consent(session, sender_id="d", assignment_id=finished_id, agreed=False)
        assert open_code(session, sender_id="d", channel="rest", code=finished_code).outcome == "ended"


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        ("Yes, that's OK", True),
        ("yes", True),
        ("ok!", True),
        ("No, keep it private", False),
        ("no", False),
        ("keep it private", False),
        ("what will they see?", None),
    ],
)
def test_consent_answers(text: str, agreed: bool | None) -> None:
    assert read_consent(text) is agreed


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("My answers", SHARE_ANSWERS),
        ("share everything", SHARE_ANSWERS),
        ("Only that I finished", SHARE_FINISHED),
        ("just that I did it", SHARE_FINISHED),
        ("nothing", SHARE_FINISHED),
        ("hmm", None),
    ],
)
def test_share_answers(text: str, choice: str | None) -> None:
    assert read_share(text) == choice


def _runs(sender: str, session):
    from bot.exercises.runs import ExerciseRuns

    return ExerciseRuns(session=session, sender_id=sender, channel="rest")


def _texts(replies) -> str:
    return " ".join(reply.text for reply in replies)


def test_a_homework_run_asks_consent_runs_the_exercise_and_asks_what_to_share() -> None:
    from bot.exercises import Context, exercise_by_name

    assignment_id, code = assigned(exercise="checkin")
    context = Context(role="parent", country="GB", consent_to_save=False)
    with session_scope() as session:
        open_code(session, sender_id="runner", channel="rest", code=code)
        runs = _runs("runner", session)
        turn = runs.start_homework(exercise_by_name("checkin"), context, assignment_id=assignment_id)
        assert "will see whether you started and finished" in _texts(runs.prompt(turn.run_id, context))
        assert "didn't catch that" in _texts(runs.reply(turn.run_id, "what?", context).replies)
        assert "Let's begin" in _texts(runs.reply(turn.run_id, "Yes, that's OK", context).replies)
        for _ in range(5):  # the WHO-5 statements
            runs.reply(turn.run_id, "most of the time", context)
        finished = runs.reply(turn.run_id, "6", context)
        assert finished.status == "running", "the run waits for the choice of what to share"
        assert "What would you like Ann Smith to see?" in _texts(runs.prompt(turn.run_id, context))
        shared = runs.reply(turn.run_id, "Only that I finished", context)
        assert shared.status == "finished" and "nothing of what you wrote" in _texts(shared.replies)
    status, events, shared_data, _ = status_of(assignment_id)
    assert status == "completed" and shared_data == {"finished": True}
    assert events == ["sent", "opened", "consented", "started", "completed"]


def test_declining_homework_can_still_run_privately_or_not_at_all() -> None:
    from bot.exercises import Context, exercise_by_name

    context = Context(role="adult_child", country="GB")
    private_id, private_code = assigned(exercise="grounding", note="private")
    later_id, later_code = assigned(exercise="grounding", note="later")
    with session_scope() as session:
        runs = _runs("decliner", session)
        open_code(session, sender_id="decliner", channel="rest", code=private_code)
        turn = runs.start_homework(exercise_by_name("grounding"), context, assignment_id=private_id)
        runs.reply(turn.run_id, "No, keep it private", context)
        assert "just for yourself" in _texts(runs.prompt(turn.run_id, context))
        assert runs.reply(turn.run_id, "Just for me", context).status == "running"
        assert "just for yourself" not in _texts(runs.prompt(turn.run_id, context))

        open_code(session, sender_id="decliner", channel="rest", code=later_code)
        later = runs.start_homework(exercise_by_name("grounding"), context, assignment_id=later_id)
        runs.reply(later.run_id, "no", context)
        assert runs.reply(later.run_id, "Not now", context).status == "abandoned"
    assert status_of(private_id)[0] == status_of(later_id)[0] == "declined"
    assert status_of(private_id)[2] is None


def test_no_homework_button_reads_as_risk_when_pressed() -> None:
    # A pressed button comes back as a message and is screened like any other: "Do it
    # privately" once got the crisis reply, so every button's words are checked.
    from bot.homework import words
    from bot.safety.verdict import NONE, assess

    titles = [title for key in ("consent_buttons", "declined_buttons", "share_buttons") for title in words()[key]]
    assert {title: assess(title).level for title in titles} == dict.fromkeys(titles, NONE)


def test_erasing_a_client_removes_what_they_shared_and_keeps_the_therapists_record() -> None:
    from bot.storage.repositories import erase_user

    assignment_id, code = assigned(note="erase")
    with session_scope() as session:
        open_code(session, sender_id="leaver", channel="rest", code=code)
        answer_consent(session, sender_id="leaver", assignment_id=assignment_id, agreed=True)
        run_finished(session, assignment_id, ["something personal"])
        choose_share(session, sender_id="leaver", assignment_id=assignment_id, choice=SHARE_ANSWERS)
        assert erase_user(session=session, sender_id="leaver")
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        assert (assignment.shared, assignment.pending_share, assignment.user_id) == (None, None, None)
        assert assignment.status == "completed"


def test_a_measure_declined_and_not_done_says_nothing_was_shared() -> None:
    from bot.exercises import Context, exercise_by_name

    assignment_id, code = assigned(exercise="phq9", note="measure")
    context = Context(role="parent", country="GB")
    with session_scope() as session:
        runs = _runs("measure-decliner", session)
        open_code(session, sender_id="measure-decliner", channel="rest", code=code)
        turn = runs.start_homework(exercise_by_name("phq9"), context, assignment_id=assignment_id)
        assert "answers and the total" in _texts(runs.prompt(turn.run_id, context))
        runs.reply(turn.run_id, "no", context)
        assert "answer it just for yourself" in _texts(runs.prompt(turn.run_id, context))
        assert "Nothing has been shared" in _texts(runs.reply(turn.run_id, "Not now", context).replies)


def test_a_clients_export_shows_their_homework_and_exactly_what_they_shared() -> None:
    from bot.storage.repositories import export_user

    assignment_id, code = assigned(note="export")
    with session_scope() as session:
        open_code(session, sender_id="exporter", channel="rest", code=code)
        answer_consent(session, sender_id="exporter", assignment_id=assignment_id, agreed=True)
        run_finished(session, assignment_id, ["what I wrote"])
        choose_share(session, sender_id="exporter", assignment_id=assignment_id, choice=SHARE_ANSWERS)
        [homework] = export_user(session=session, sender_id="exporter")["homework"]
    assert (homework["therapist"], homework["exercise"], homework["status"]) == ("Ann Smith", "grounding", "completed")
    assert [item["answers"] for item in homework["shared"]] == [["what I wrote"]]
