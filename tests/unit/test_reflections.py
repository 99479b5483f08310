"""Saved reflections: listed, opened and deleted one at a time, each person only ever their own."""

from __future__ import annotations

import pytest

from bot.reflections import (
    BACK,
    DELETE,
    DONE,
    NO,
    OPEN,
    YES,
    delete_reflection,
    list_reflections,
    list_replies,
    open_reflection,
    read_choice,
)
from bot.storage import session_scope, upgrade_schema
from bot.storage.repositories import add_entry


@pytest.fixture(autouse=True)
def migrated() -> None:
    upgrade_schema()


def saved(sender: str, kind: str, answers: dict) -> int:
    with session_scope() as session:
        return add_entry(session=session, sender_id=sender, channel="rest", kind=kind, answers=answers)


@pytest.mark.parametrize(
    ("text", "action", "number"),
    [
        ("2", OPEN, 2), ("open 3", OPEN, 3), ("show me the second one", OPEN, 2), ("the last one", OPEN, -1),
        ("delete", DELETE, None), ("delete 2", DELETE, 2), ("remove the first one", DELETE, 1),
        ("yes", YES, None), ("yes, delete it", YES, None), ("no, keep it", NO, None),
        ("back to the list", BACK, None), ("done", DONE, None), ("menu", DONE, None), ("purple", None, None),
    ],
)
def test_what_a_person_says_while_looking_at_their_reflections(text: str, action: str | None, number) -> None:
    choice = read_choice(text)
    assert (choice.action, choice.number) == (action, number)


def test_the_list_shows_the_exercise_the_day_and_the_first_words_newest_first() -> None:
    saved("p1", "checkin", {"score": 48, "relationship": 3})
    saved("p1", "apology", {"for_whom": "Anna", "final_version": "I am sorry I missed your wedding."})
    listed = list_reflections_of("p1")
    assert [item.title for item in listed] == ["Apology", "Check-in"]
    assert listed[1].first_words.startswith("Well-being: 48 out of 100")
    reply = list_replies(listed)[0]
    assert "1. Apology" in reply.text and [button.payload for button in reply.buttons] == ["1", "2", "done"]


def list_reflections_of(sender: str):
    with session_scope() as session:
        return list_reflections(session=session, sender_id=sender)


def test_an_entry_opens_in_full_and_is_deleted_on_its_own() -> None:
    keep = saved("p1", "checkin", {"score": 48, "relationship": 3})
    drop = saved("p1", "checkin", {"score": 60, "relationship": 5})
    with session_scope() as session:
        shown = open_reflection(session=session, sender_id="p1", entry_id=drop)
        assert "Check-in" in shown[0].text and "60 out of 100" in shown[1].text
        assert delete_reflection(session=session, sender_id="p1", entry_id=drop)
    assert [item.entry_id for item in list_reflections_of("p1")] == [keep]


def test_nobody_opens_or_deletes_someone_elses_reflection() -> None:
    theirs = saved("p1", "checkin", {"score": 48})
    with session_scope() as session:
        assert open_reflection(session=session, sender_id="p2", entry_id=theirs) is None
        assert not delete_reflection(session=session, sender_id="p2", entry_id=theirs)
        assert not delete_reflection(session=session, sender_id="p2", entry_id=999)
    assert len(list_reflections_of("p1")) == 1


def test_with_nothing_saved_the_list_says_so() -> None:
    assert "nothing saved yet" in list_replies([])[0].text
