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
    crisis_lines_shown,
    open_code,
    read_consent,
    read_share,
    run_finished,
    run_started,
    shared_assignment_id,
)
from bot.portal.accounts import create_therapist
from bot.portal.assignments import AssignmentRequest, create_assignment, revoke
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


def test_opening_a_code_names_the_therapist_shows_the_note_and_asks(tmp_path) -> None:
    assignment_id, code = assigned(note="Take your time with this.")
    with session_scope() as session:
        opened = open_code(session, sender_id="client-1", channel="rest", code=code.lower())
    texts = " ".join(reply.text for reply in opened.replies)
    assert opened.outcome == "invited" and opened.assignment_id == assignment_id
    assert "Ann Smith has suggested" in texts and "Take your time with this." in texts
    assert "never see our conversation" in texts
    assert [button.title for button in opened.replies[-1].buttons] == ["Yes, that's OK", "No, keep it private"]
    assert status_of(assignment_id)[:2] == ("opened", ["sent", "opened"])


def test_agreeing_then_finishing_shares_exactly_what_was_chosen() -> None:
    assignment_id, code = assigned()
    with session_scope() as session:
        open_code(session, sender_id="client-2", channel="rest", code=code)
        answer_consent(session, sender_id="client-2", assignment_id=assignment_id, agreed=True)
        assert shared_assignment_id(session, sender_id="client-2", assignment_id=assignment_id) == assignment_id
        assert shared_assignment_id(session, sender_id="someone-else", assignment_id=assignment_id) is None
        run_started(session, assignment_id)
        question = run_finished(session, assignment_id, ["I noticed the kettle and the rain."])
        assert [button.title for button in question[0].buttons] == ["My answers", "Only that I finished"]
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
        assert run_finished(session, assignment_id, ["words"]) == []
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
