"""Recurring homework comes round again; reminders go once per day they are for, only while agreed and open."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.homework import SHARE_FINISHED, answer_consent, choose_share, open_code
from bot.homework_reminders import note_chat, take_due
from bot.portal.accounts import create_therapist
from bot.portal.assignments import next_occurrence, occurrence_on, revoke, shown_status, today
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import Assignment, AssignmentEvent

# Completions are dated by the real clock, so the days here count from the real today.
TODAY = today()


@pytest.fixture(autouse=True)
def migrated() -> None:
    upgrade_schema()


def make(*, due: date | None = None, recurrence: str = "none", until: date | None = None, sender: str) -> int:
    """An assignment stored as the portal would (created today), redeemed and agreed to by ``sender``."""
    with session_scope() as session:
        therapist = create_therapist(session, f"{sender}@example.org", "x" * 12, "Ann")
        assignment = Assignment(
            therapist_id=therapist.id, code=f"CODE{abs(hash(sender)) % 10000:04d}", exercise="grounding",
            client_label="C", due_on=due, recurrence=recurrence, recurrence_until=until, status="sent",
        )  # fmt: skip
        assignment.events.append(AssignmentEvent(kind="sent"))
        session.add(assignment)
        session.flush()
        open_code(session, sender_id=sender, channel="telegram", code=assignment.code)
        answer_consent(session, sender_id=sender, assignment_id=assignment.id, agreed=True)
        note_chat(session, sender_id=sender, chat_id="4242")
        return assignment.id


def due_on(day: date) -> list[str]:
    with session_scope() as session:
        return [reminder.chat_id for reminder in take_due(session, on=day)]


def finish(assignment_id: int, sender: str) -> None:
    with session_scope() as session:
        session.get(Assignment, assignment_id).status = "started"
        choose_share(session, sender_id=sender, assignment_id=assignment_id, choice=SHARE_FINISHED)


def test_occurrences_of_daily_and_weekly_homework_stop_at_the_end_date() -> None:
    daily = Assignment(recurrence="daily", due_on=TODAY, recurrence_until=TODAY + timedelta(days=3))
    assert occurrence_on(daily, TODAY - timedelta(days=1)) is None
    assert occurrence_on(daily, TODAY + timedelta(days=2)) == TODAY + timedelta(days=2)
    assert occurrence_on(daily, TODAY + timedelta(days=9)) == TODAY + timedelta(days=3)
    assert next_occurrence(daily, TODAY + timedelta(days=3)) is None
    weekly = Assignment(recurrence="weekly", due_on=TODAY, recurrence_until=TODAY + timedelta(days=30))
    assert occurrence_on(weekly, TODAY + timedelta(days=10)) == TODAY + timedelta(days=7)
    assert next_occurrence(weekly, TODAY + timedelta(days=10)) == TODAY + timedelta(days=14)


def test_a_due_date_reminder_goes_the_day_before_and_only_once() -> None:
    assignment_id = make(due=TODAY + timedelta(days=2), sender="due-1")
    assert due_on(TODAY) == [], "two days before is too early"
    assert due_on(TODAY + timedelta(days=1)) == ["4242"]
    assert due_on(TODAY + timedelta(days=1)) == [], "sent once"
    assert due_on(TODAY + timedelta(days=2)) == [], "the due day itself: already reminded"
    with session_scope() as session:
        assert [event.kind for event in session.get(Assignment, assignment_id).events].count("reminded") == 1


def test_no_reminder_after_completion_decline_or_revoke() -> None:
    done = make(due=TODAY + timedelta(days=1), sender="done-1")
    finish(done, "done-1")
    declined = make(due=TODAY + timedelta(days=1), sender="declined-1")
    with session_scope() as session:
        answer_consent(session, sender_id="declined-1", assignment_id=declined, agreed=False)
    revoked = make(due=TODAY + timedelta(days=1), sender="revoked-1")
    with session_scope() as session:
        revoke(session, session.get(Assignment, revoked))
    assert due_on(TODAY) == []
    with session_scope() as session:  # the chat id is not kept once the homework has ended
        assert {session.get(Assignment, n).reminder_chat_id for n in (done, declined, revoked)} == {None}


def test_no_reminder_without_agreement() -> None:
    with session_scope() as session:
        therapist = create_therapist(session, "unagreed@example.org", "x" * 12, "Ann")
        assignment = Assignment(
            therapist_id=therapist.id, code="NOAGREE2", exercise="grounding", client_label="C",
            due_on=TODAY + timedelta(days=1), status="sent",
        )  # fmt: skip
        session.add(assignment)
        session.flush()
        open_code(session, sender_id="unagreed", channel="telegram", code="NOAGREE2")
        note_chat(session, sender_id="unagreed", chat_id="77")
        assert assignment.reminder_chat_id is None
    assert due_on(TODAY) == []


def test_recurring_homework_comes_round_again_with_one_reminder_each_time() -> None:
    assignment_id = make(recurrence="daily", until=TODAY + timedelta(days=2), sender="daily-1")
    assert due_on(TODAY) == [], "no reminder on the first day: the person was just given it"
    finish(assignment_id, "daily-1")
    tomorrow = TODAY + timedelta(days=1)
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        assert shown_status(assignment, TODAY) == "completed"
        assert shown_status(assignment, tomorrow) == "consented", "waiting again once its day has come"
    assert due_on(tomorrow) == ["4242"]
    assert due_on(tomorrow) == []
    with session_scope() as session:
        assignment = session.get(Assignment, assignment_id)
        assert assignment.status == "consented" and "reopened" in [event.kind for event in assignment.events]
    assert due_on(TODAY + timedelta(days=2)) == ["4242"], "not done yesterday: still reminded on its next day"
    assert due_on(TODAY + timedelta(days=3)) == [], "past the end date"


def test_revoking_recurring_homework_between_its_days_stops_it() -> None:
    assignment_id = make(recurrence="weekly", until=TODAY + timedelta(days=30), sender="weekly-1")
    finish(assignment_id, "weekly-1")
    with session_scope() as session:
        assert revoke(session, session.get(Assignment, assignment_id))
    assert due_on(TODAY + timedelta(days=7)) == []
    with session_scope() as session:
        assert open_code(session, sender_id="weekly-1", channel="telegram", code=session.get(
            Assignment, assignment_id).code).outcome == "revoked"
