"""Check-backs on a real database: one at most, pushed back by activity, can be cancelled."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.safety import check_back
from bot.storage import session_scope, upgrade_schema

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def schedule(sender: str = "tg-person", now: datetime = NOW) -> None:
    with session_scope() as session:
        check_back.schedule(session=session, sender_id=sender, channel="telegram", chat_id="42",
                                   country="GB", now=now)


def take(now: datetime) -> list:
    with session_scope() as session:
        return check_back.take_due(session=session, channel="telegram", now=now)


def test_a_check_back_is_due_the_next_day_and_sent_once() -> None:
    upgrade_schema()
    schedule()
    assert take(NOW + timedelta(hours=1)) == []
    due = take(NOW + timedelta(days=1))
    assert [(item.chat_id, item.country) for item in due] == [("42", "GB")]
    assert take(NOW + timedelta(days=2)) == []


def test_asking_twice_still_gives_one_check_back() -> None:
    upgrade_schema()
    schedule()
    schedule(now=NOW + timedelta(minutes=5))
    assert len(take(NOW + timedelta(days=2))) == 1


def test_writing_again_pushes_the_check_back_later() -> None:
    upgrade_schema()
    schedule()
    with session_scope() as session:
        check_back.note_activity(session=session, sender_id="tg-person", now=NOW + timedelta(hours=19))
    assert take(NOW + timedelta(hours=21)) == []
    assert len(take(NOW + timedelta(hours=40))) == 1


def test_a_person_can_cancel_the_check_back_they_asked_for() -> None:
    upgrade_schema()
    schedule()
    with session_scope() as session:
        assert check_back.cancel(session=session, sender_id="tg-person") is True
    assert take(NOW + timedelta(days=2)) == []
    with session_scope() as session:
        assert check_back.cancel(session=session, sender_id="tg-person") is False


def test_only_a_channel_that_can_write_first_offers_a_check_back() -> None:
    assert check_back.can_check_back("telegram")
    assert not check_back.can_check_back("rest")
    assert not check_back.can_check_back("socketio")
    assert not check_back.can_check_back(None)
