"""The same storage on SQLite and on PostgreSQL: migrations with data, sealing, the tracker store.

Each test runs twice (the ``database_url`` fixture): on a SQLite file, and on a database of a
real PostgreSQL server this test session started for itself (tests/postgres.py).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from alembic import command
from alembic.config import Config
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import inspect, select, text

from bot.config import PROJECT_ROOT, settings
from bot.privacy import erase_person, export_person
from bot.storage import engine_for, session_scope
from bot.storage.database import MIGRATIONS
from bot.storage.models import Assignment, ExerciseEntry, ExerciseRun, Profile
from bot.storage.repositories import add_entry, pseudonym
from bot.storage.rotation import rotate_key
from bot.storage.sealing import is_sealed, sealer
from bot.storage.tracker_store import SealedSQLTrackerStore
from tests.postgres import Postgres

SENTENCE = "the blue kettle my son left behind"
WHEN = "2026-01-01 00:00:00"


def alembic(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def execute(url: str, statement: str, **values: object) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(text(statement), values)


def raw(url: str, statement: str) -> list:
    with engine_for(url).connect() as connection:
        return [row[0] for row in connection.execute(text(statement))]


def test_data_written_at_earlier_revisions_survives_upgrading_to_head_and_a_step_down(database_url: str) -> None:
    config = alembic(database_url)
    person = pseudonym("migrating-person")
    command.upgrade(config, "0001")
    execute(database_url, "INSERT INTO users (id, channel, sender_hash, created_at) VALUES (1, 'rest', :hash, :at)",
            hash=person, at=WHEN)  # fmt: skip
    execute(database_url, "INSERT INTO profiles (user_id, role, country, consent_to_save, updated_at) "
            "VALUES (1, 'parent', 'GB', true, :at)", at=WHEN)  # fmt: skip
    execute(database_url, "INSERT INTO exercise_entries (id, user_id, kind, answers, created_at, updated_at) "
            "VALUES (1, 1, 'letting_go', :answers, :at, :at)",
            answers=json.dumps({"letter": SENTENCE}), at=WHEN)  # fmt: skip
    command.upgrade(config, "0003")
    execute(database_url, "INSERT INTO exercise_runs (id, user_id, exercise, status, state, created_at, updated_at) "
            "VALUES ('run1', 1, 'circle_of_control', 'paused', :state, :at, :at)",
            state=json.dumps({"data": {"worries": [SENTENCE]}}), at=WHEN)  # fmt: skip
    command.upgrade(config, "0007")
    execute(database_url, "INSERT INTO therapists (id, email, password_hash, created_at, password_changed_at) "
            "VALUES (1, 'ann@example.org', 'x', :at, :at)", at=WHEN)  # fmt: skip
    execute(database_url, "INSERT INTO assignments (id, therapist_id, code, exercise, client_label, note, recurrence, "
            "status, user_id, shared, crisis_shown, created_at, updated_at) VALUES (1, 1, 'AB3D5F7H', 'checkin', "
            "'J.', :note, 'none', 'completed', 1, :shared, false, :at, :at)",
            note=json.dumps("Once this week."), shared=json.dumps({"answers": [SENTENCE]}), at=WHEN)  # fmt: skip

    command.upgrade(config, "head")
    for statement in ("SELECT answers FROM exercise_entries", "SELECT state FROM exercise_runs",
                      "SELECT note FROM assignments", "SELECT shared FROM assignments"):  # fmt: skip
        assert all(is_sealed(value) for value in raw(database_url, statement)), statement
    with session_scope() as session:
        assert session.get(Profile, 1).country == "GB"
        assert session.scalars(select(ExerciseEntry)).one().answers == {"letter": SENTENCE}
        assert session.get(ExerciseRun, "run1").state == {"data": {"worries": [SENTENCE]}}
        assignment = session.get(Assignment, 1)
        assert assignment.note == "Once this week." and assignment.shared == {"answers": [SENTENCE]}

    command.downgrade(config, "-1")
    (opened,) = raw(database_url, "SELECT answers FROM exercise_entries")  # JSON again (PostgreSQL hands it parsed)
    assert (opened if isinstance(opened, dict) else json.loads(opened)) == {"letter": SENTENCE}
    command.upgrade(config, "head")
    with session_scope() as session:
        assert session.scalars(select(ExerciseEntry)).one().answers == {"letter": SENTENCE}


def test_the_conversation_and_answers_are_sealed_exported_rotated_and_erased(
    database_url: str, tmp_path: Path, monkeypatch
) -> None:
    tracker_url = database_url if database_url.startswith("postgresql") else f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_HOST", tracker_url)
    settings.cache_clear()
    command.upgrade(alembic(database_url), "head")
    store = SealedSQLTrackerStore(domain=Domain.empty(), host=tracker_url)
    tracker = DialogueStateTracker("person-1", [])
    tracker.update(UserUttered(SENTENCE, {"name": "share_feelings", "confidence": 0.9}))
    asyncio.run(store.save(tracker))
    with session_scope() as session:
        add_entry(session=session, sender_id="person-1", channel="rest", kind="letting_go",
                  answers={"letter": SENTENCE})  # fmt: skip

    assert all(is_sealed(value) for value in raw(tracker_url, "SELECT data FROM events"))
    exported = export_person("person-1")
    assert exported["entries"][0]["answers"] == {"letter": SENTENCE}
    assert [(line["from"], line["text"]) for line in exported["conversation"]] == [("you", SENTENCE)]

    old_key = sealer().ring().primary
    done = rotate_key(database_url, tracker_url, sealer())
    assert done.rows == 2 and done.left_under_old_keys == 0 and sealer().ring().keys[0] != old_key
    assert asyncio.run(store.retrieve("person-1")).latest_message.text == SENTENCE

    assert erase_person("person-1") is True
    assert raw(tracker_url, "SELECT count(*) FROM events") == [0]
    # Nothing about the person is left in any table: not their pseudonym, not a row of theirs.
    with engine_for(database_url).connect() as connection:
        tables = [name for name in inspect(connection).get_table_names() if name != "alembic_version"]
        rows = {name: connection.execute(text(f"SELECT * FROM {name}")).all() for name in tables}  # noqa: S608
    assert {name: found for name, found in rows.items() if found} == {}
    assert pseudonym("person-1") not in str(rows)
    store.engine.dispose()


def test_nothing_written_reaches_postgresqls_files_in_the_clear(postgres: Postgres, monkeypatch) -> None:
    url = postgres.create_database("plaintext_check")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_HOST", url)
    settings.cache_clear()
    marker = "kettle-of-sunday-7731"
    command.upgrade(alembic(url), "head")
    store = SealedSQLTrackerStore(domain=Domain.empty(), host=url)
    tracker = DialogueStateTracker("person-2", [])
    tracker.update(UserUttered(f"I still have the {marker}", {"name": "share_feelings", "confidence": 0.9}))
    asyncio.run(store.save(tracker))
    with session_scope() as session:
        add_entry(session=session, sender_id="person-2", channel="rest", kind="checkin", answers={"note": marker})
    execute(url, "CHECKPOINT")  # every page on disk, not only in the write-ahead log
    files = b"".join(path.read_bytes() for path in postgres.data_dir.rglob("*") if path.is_file())
    assert b"kettle-of-sunday" not in files and len(files) > 1_000_000
    store.engine.dispose()
