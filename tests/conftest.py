"""Shared fixtures. The model trains once per run (only if its data changed); servers start once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chat import Chat
from tests.servers import BotServers, ensure_risk_classifier, ensure_trained_model


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own var/ directory and database unless it asks for the servers'."""
    from bot.config import settings

    monkeypatch.setenv("BOT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'var' / 'bot.db'}")
    settings.cache_clear()
    yield
    settings.cache_clear()


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
