"""Encryption at rest on a real SQLite database and Rasa's real SQL tracker store, and key rotation."""

from __future__ import annotations

import asyncio
import json
import stat
import threading
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select, text

from bot.config import settings
from bot.storage import engine_for, session_scope, upgrade_schema
from bot.storage.models import ExerciseEntry
from bot.storage.repositories import add_entry, latest_entry
from bot.storage.rotation import rotate_key
from bot.storage.sealing import KeyRing, Sealer, SealError, is_sealed, parse_keys, sealer, write_key_file
from bot.storage.tracker_store import SealedSQLTrackerStore

SENTENCE = "my mother's blue kettle whistles on Sundays"


def _raw_bytes(*paths: Path) -> bytes:
    """Every byte of a SQLite database, its write-ahead log and shared memory included."""
    found = b""
    for path in paths:
        for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if part.exists():
                found += part.read_bytes()
    return found


def _database_file() -> Path:
    return Path(settings().database_url.removeprefix("sqlite:///"))


def _tracker_store(path: Path) -> SealedSQLTrackerStore:
    return SealedSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))


def _conversation(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, [])
    tracker.update(UserUttered(SENTENCE, {"name": "share_feelings", "confidence": 0.9}))
    tracker.update(BotUttered(f"You said: {SENTENCE}"))
    return tracker


def test_a_sealed_value_opens_to_its_text_and_shows_nothing_of_it(tmp_path: Path) -> None:
    seal = Sealer(tmp_path)
    sealed = seal.seal(SENTENCE)
    assert is_sealed(sealed) and "kettle" not in sealed and seal.open(sealed) == SENTENCE
    assert seal.seal(SENTENCE) != sealed  # a fresh IV every time: equal texts do not look equal
    assert seal.open('{"written": "before sealing"}') == '{"written": "before sealing"}'


def test_the_key_file_is_created_private_on_first_use_and_kept(tmp_path: Path) -> None:
    seal = Sealer(tmp_path)
    sealed = seal.seal(SENTENCE)
    key_path = tmp_path / "data.key"
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert Sealer(tmp_path).open(sealed) == SENTENCE  # another process reads the same key


def test_bot_data_key_is_used_when_set_and_a_wrong_key_fails_loudly(tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    sealed = Sealer(tmp_path, key).seal(SENTENCE)
    assert not (tmp_path / "data.key").exists()
    assert Fernet(key.encode()).decrypt(sealed.encode()).decode() == SENTENCE
    with pytest.raises(SealError):
        Sealer(tmp_path, Fernet.generate_key().decode()).open(sealed)
    with pytest.raises(ValueError):
        parse_keys("not-a-key")


def test_saved_answers_are_sealed_in_the_database_file() -> None:
    upgrade_schema()
    with session_scope() as session:
        add_entry(session=session, sender_id="s-1", channel="rest", kind="checkin", answers={"note": SENTENCE})
    with session_scope() as session:
        assert latest_entry(session=session, sender_id="s-1").answers == {"note": SENTENCE}
    engine_for(settings().database_url).dispose()
    assert b"kettle" not in _raw_bytes(_database_file())


def test_the_conversation_is_sealed_in_rasas_tracker_store(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = _tracker_store(path)
    asyncio.run(store.save(_conversation("s-2")))
    read_back = asyncio.run(_tracker_store(path).retrieve("s-2"))
    assert read_back is not None and read_back.latest_message.text == SENTENCE
    assert [event.text for event in read_back.events if isinstance(event, BotUttered)] == [f"You said: {SENTENCE}"]
    store.engine.dispose()
    assert b"kettle" not in _raw_bytes(path)


def test_values_written_before_sealing_are_sealed_by_the_migration() -> None:
    from alembic import command
    from alembic.config import Config

    from bot.config import PROJECT_ROOT
    from bot.storage.database import MIGRATIONS

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", settings().database_url)
    command.upgrade(config, "0010")
    with engine_for(settings().database_url).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, channel, sender_hash, created_at) "
                "VALUES (1, 'rest', 'h', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO exercise_entries (user_id, kind, answers, created_at, updated_at) "
                "VALUES (1, 'checkin', :answers, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),  # fmt: skip
            {"answers": json.dumps({"note": SENTENCE})},
        )
    command.upgrade(config, "head")
    with engine_for(settings().database_url).connect() as connection:
        stored = connection.execute(text("SELECT answers FROM exercise_entries")).scalar_one()
    assert is_sealed(stored) and "kettle" not in stored
    with session_scope() as session:
        assert session.scalars(select(ExerciseEntry)).one().answers == {"note": SENTENCE}
    command.downgrade(config, "0010")
    with engine_for(settings().database_url).connect() as connection:
        assert SENTENCE in connection.execute(text("SELECT answers FROM exercise_entries")).scalar_one()


def test_rotation_reseals_everything_under_a_new_key_while_readers_keep_reading(tmp_path: Path) -> None:
    upgrade_schema()
    tracker_path = tmp_path / "tracker.db"
    tracker_url = f"sqlite:///{tracker_path}"
    store = _tracker_store(tracker_path)
    for number in range(30):
        asyncio.run(store.save(_conversation(f"s-{number}")))
        with session_scope() as session:
            add_entry(
                session=session, sender_id=f"s-{number}", channel="rest", kind="checkin", answers={"note": SENTENCE}
            )
    old_key = sealer().ring().primary

    # Another process's reader, which loaded the old ring before the rotation began.
    reader = Sealer(settings().var_dir)
    failures: list[BaseException] = []
    stop = threading.Event()

    def read_all_the_time() -> None:
        while not stop.is_set():
            try:
                with engine_for(settings().database_url).connect() as connection:
                    for (stored,) in connection.execute(text("SELECT answers FROM exercise_entries")):
                        assert SENTENCE in reader.open(stored)
            except BaseException as error:  # noqa: BLE001 - any failure of a reader is the finding
                failures.append(error)
                return

    reading = threading.Thread(target=read_all_the_time)
    reading.start()
    done = rotate_key(settings().database_url, tracker_url, sealer())
    stop.set()
    reading.join()

    assert failures == [] and done.left_under_old_keys == 0 and done.rows == 30 + 30 * 2
    ring = sealer().ring()
    assert ring.keys != (old_key,) and len(ring.keys) == 1
    new_only = Fernet(ring.primary)
    with engine_for(settings().database_url).connect() as connection:
        for (stored,) in connection.execute(text("SELECT answers FROM exercise_entries")):
            assert SENTENCE in new_only.decrypt(stored.encode()).decode()
    read_back = asyncio.run(_tracker_store(tracker_path).retrieve("s-7"))
    assert read_back is not None and read_back.latest_message.text == SENTENCE
    with pytest.raises(SealError):  # the old key alone opens nothing any more
        write_key_file(tmp_path / "old" / "data.key", KeyRing((old_key,)))
        with engine_for(settings().database_url).connect() as connection:
            Sealer(tmp_path / "old").open(connection.execute(text("SELECT answers FROM exercise_entries")).first()[0])


def _events_of(store: SealedSQLTrackerStore, sender: str) -> list[str]:
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    return [] if tracker is None else [event.text for event in tracker.events if isinstance(event, UserUttered)]


def test_retention_purges_old_conversations_and_old_sessions_but_never_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.shared.core.events import SessionStarted

    from bot.privacy import purge_old_conversations

    path = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DB", str(path))
    settings.cache_clear()
    store = _tracker_store(path)
    day = 86400.0
    now = 1_800_000_000.0

    def conversation(sender: str, *sessions: tuple[float, str]) -> None:
        events = []
        for started, said in sessions:
            events += [SessionStarted(timestamp=started), UserUttered(said, timestamp=started + 1)]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))

    conversation("gone-quiet", (now - 40 * day, "long ago"))
    conversation("still-here", (now - 60 * day, "an old session"), (now - 35 * day, "a session begun long ago"),)
    conversation("recent", (now - 2 * day, "this week"))
    # The newest event of "still-here" is in its long-running latest session, written today.
    tracker = asyncio.run(store.retrieve("still-here"))
    tracker.update(UserUttered("and today", timestamp=now - 60))
    asyncio.run(store.save(tracker))

    assert purge_old_conversations(30, now=now) == 2 + 2
    assert _events_of(store, "gone-quiet") == []
    assert _events_of(store, "still-here") == ["a session begun long ago", "and today"]
    assert _events_of(store, "recent") == ["this week"]
    assert purge_old_conversations(30, now=now) == 0
