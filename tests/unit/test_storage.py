"""Storage on a real SQLite database, migrated with Alembic."""

from __future__ import annotations

import sqlite3

from bot.config import settings
from bot.storage import session_scope, upgrade_schema
from bot.storage.repositories import (
    add_entry,
    erase_user,
    export_user,
    latest_entry,
    load_profile,
    pseudonym,
    record_safety_event,
    save_profile,
)


def test_migrations_create_every_table_and_are_idempotent() -> None:
    upgrade_schema()
    upgrade_schema()
    path = settings().database_url.removeprefix("sqlite:///")
    tables = {row[0] for row in sqlite3.connect(path).execute("select name from sqlite_master where type='table'")}
    assert {"users", "profiles", "exercise_entries", "safety_events", "alembic_version"} <= tables


def test_the_raw_sender_id_is_never_stored() -> None:
    upgrade_schema()
    with session_scope() as session:
        save_profile(
            session=session,
            sender_id="telegram-424242",
            channel="telegram",
            role="parent",
            country="GB",
            consent_to_save=True,
        )
    dump = "\n".join(sqlite3.connect(settings().database_url.removeprefix("sqlite:///")).iterdump())
    assert "424242" not in dump
    assert pseudonym("telegram-424242") in dump


def test_a_profile_round_trips_and_marks_the_person_onboarded() -> None:
    upgrade_schema()
    with session_scope() as session:
        assert load_profile(session=session, sender_id="someone") is None
        save_profile(
            session=session,
            sender_id="someone",
            channel="rest",
            role="adult_child",
            country="IE",
            consent_to_save=False,
        )
    with session_scope() as session:
        profile = load_profile(session=session, sender_id="someone")
    assert (profile.role, profile.country, profile.consent_to_save, profile.onboarded) == (
        "adult_child",
        "IE",
        False,
        True,
    )


def test_entries_export_and_erasure() -> None:
    upgrade_schema()
    with session_scope() as session:
        save_profile(session=session, sender_id="p", channel="rest", role="parent", country="US", consent_to_save=True)
        add_entry(session=session, sender_id="p", channel="rest", kind="circle_of_control", answers={"a": 1})
        add_entry(session=session, sender_id="p", channel="rest", kind="circle_of_control", answers={"a": 2})
        record_safety_event(session=session, sender_id="p", channel="rest", category="suicide", layer="patterns")
    with session_scope() as session:
        assert latest_entry(session=session, sender_id="p", kind="circle_of_control").answers == {"a": 2}
        exported = export_user(session=session, sender_id="p")
    assert [entry["answers"] for entry in exported["entries"]] == [{"a": 1}, {"a": 2}]
    assert exported["safety_events"][0]["category"] == "suicide"
    assert "text" not in exported["safety_events"][0]
    with session_scope() as session:
        assert erase_user(session=session, sender_id="p") is True
    with session_scope() as session:
        assert export_user(session=session, sender_id="p")["found"] is False
    connection = sqlite3.connect(settings().database_url.removeprefix("sqlite:///"))
    assert connection.execute("select count(*) from exercise_entries").fetchone()[0] == 0
    assert connection.execute("select count(*) from safety_events").fetchone()[0] == 0


def test_secrets_generated_by_many_threads_at_once_are_one_and_the_same(tmp_path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.config import _secret

    with ThreadPoolExecutor(max_workers=16) as pool:
        values = set(pool.map(lambda _: _secret("UNSET_TEST_SECRET", tmp_path, "racy.key"), range(64)))
    assert len(values) == 1 and len(next(iter(values))) == 64
    assert oct((tmp_path / "racy.key").stat().st_mode & 0o777) == "0o600"
    assert [path.name for path in tmp_path.iterdir()] == ["racy.key"], "no drafts left behind"
