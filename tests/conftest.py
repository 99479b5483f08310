"""Shared fixtures. The model trains once per run (only if its data changed); servers start once."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chat import Chat
from tests.postgres import Postgres, start_postgres
from tests.servers import PROJECT_ROOT, BotServers, ensure_risk_classifier, ensure_trained_model

REAL_VAR = PROJECT_ROOT / "var"
_VAR_BEFORE = pytest.StashKey[dict]()


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_VAR_BEFORE] = _snapshot(REAL_VAR)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any test touched the project's own var/ (real people's data lives there)."""
    before = session.config.stash.get(_VAR_BEFORE, None)
    if before is not None and _snapshot(REAL_VAR) != before:
        session.config.get_terminal_writer().line(f"\nThe tests changed {REAL_VAR}: tests must use temporary storage.")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def no_real_storage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Temporary storage for the whole run, under every test's own.

    Background work that outlives a test (the Telegram bridge's check-back sweep, a worker
    thread finishing late) reads the settings after the test has restored the environment;
    it must land here, never in the project's var/.
    """
    session_var = tmp_path_factory.mktemp("session-var")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_VAR_DIR", str(session_var))
        patch.setenv("DATABASE_URL", f"sqlite:///{session_var / 'bot.db'}")
        patch.setenv("TRACKER_DIALECT", "sqlite")
        patch.setenv("TRACKER_DB", str(session_var / "tracker.db"))
        patch.setenv("TRACKER_HOST", "")
        yield


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own var/ directory and database unless it asks for the servers'."""
    from bot.config import settings

    monkeypatch.setenv("BOT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'bot.db'}")
    monkeypatch.setenv("TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "var" / "tracker.db"))
    monkeypatch.setenv("TRACKER_HOST", "")
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A PostgreSQL server of this test session's own (a temporary cluster on loopback)."""
    try:
        server = start_postgres()
    except RuntimeError as problem:
        pytest.fail(str(problem), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new, empty database, on SQLite and then on PostgreSQL, that this process's settings use."""
    from bot.config import settings

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'var' / 'bot.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"test_{uuid.uuid4().hex[:12]}")
    monkeypatch.setenv("DATABASE_URL", url)
    settings.cache_clear()
    return url


@pytest.fixture(scope="session", autouse=True)
def risk_classifier() -> None:
    """The learned risk layer, fitted through the Makefile (only when its corpus changed)."""
    ensure_risk_classifier()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServers]:
    """The real action server and Rasa server with a really trained model."""
    ensure_trained_model()
    running = BotServers(tmp_path_factory.mktemp("servers")).start()
    yield running
    running.stop_all()


@pytest.fixture
def chat(servers: BotServers) -> Chat:
    """A new person talking to the running bot."""
    return servers.chat()


@pytest.fixture
def onboarded_chat(servers: BotServers) -> Chat:
    """A person who has finished onboarding (consented to saving, parent, UK)."""
    person = servers.chat()
    person.onboard()
    return person


@pytest.fixture
def servers_environment(servers: BotServers, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point this process's settings at the servers' database (for export checks)."""
    from bot.config import settings

    for key in ("BOT_VAR_DIR", "DATABASE_URL"):
        monkeypatch.setenv(key, servers.environment[key])
    settings.cache_clear()
    return {key: os.environ[key] for key in ("BOT_VAR_DIR", "DATABASE_URL")}
