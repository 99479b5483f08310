"""Fixtures for the Telegram bridge: a fake Bot API server and the real Application polling it."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import pytest
from telegram import Bot
from telegram.ext import Application

from bot.channels.telegram import build_application, content
from bot.config import Settings, settings
from tests.servers import BotServers, free_port
from tests.telegram.fake_bot_api import FakeBotApi

# The variables the action server and Rasa run with that decide which database and key the bridge uses.
SHARED_ENVIRONMENT = ("BOT_VAR_DIR", "DATABASE_URL", "TRACKER_DIALECT", "TRACKER_DB", "TRACKER_HOST", "BOT_SECRET_KEY")


def dead_rasa_url() -> str:
    """A URL where no Rasa listens."""
    return f"http://127.0.0.1:{free_port()}"


def bridge_settings(fake: FakeBotApi, rasa_url: str, **overrides: object) -> Settings:
    """This process's settings, pointed at the fake Bot API and at ``rasa_url``."""
    return dataclasses.replace(
        settings(),
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        telegram_webhook_url="",
        telegram_webhook_secret="",
        rasa_url=rasa_url,
        **overrides,
    )


@asynccontextmanager
async def polling(application: Application) -> AsyncIterator[Application]:
    """Run the application as run_polling() does (post_init included), inside the test's event loop."""
    async with application:
        await application.post_init(application)
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=dt.timedelta(seconds=2))
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
            await application.post_shutdown(application)


@pytest.fixture(scope="module")
async def fake_api() -> AsyncIterator[FakeBotApi]:
    """A fake Telegram Bot API for this test module."""
    fake = await FakeBotApi().start()
    yield fake
    await fake.stop()


@pytest.fixture(scope="module")
async def offline_bot(fake_api: FakeBotApi) -> AsyncIterator[Application]:
    """The bridge polling the fake Bot API, with no Rasa behind it (a dead port)."""
    async with polling(build_application(bridge_settings(fake_api, dead_rasa_url()))) as application:
        yield application


@pytest.fixture
def migrated_database() -> None:
    """This test's own database, at the newest schema (safety events are recorded in it)."""
    from bot.storage import upgrade_schema

    upgrade_schema()


@pytest.fixture
def servers_database(servers: BotServers, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make this process use the servers' database, tracker store and pseudonym key."""
    for key in SHARED_ENVIRONMENT:
        if servers.environment.get(key) is not None:
            monkeypatch.setenv(key, servers.environment[key])
        else:
            monkeypatch.delenv(key, raising=False)
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture(scope="module")
async def rasa_bot(fake_api: FakeBotApi, servers: BotServers) -> AsyncIterator[Application]:
    """The bridge polling the fake Bot API, talking to the really trained assistant."""
    async with polling(build_application(bridge_settings(fake_api, servers.rasa_url))) as application:
        yield application


@pytest.fixture
def check_backs_due_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check-backs fall due as soon as they are planned."""
    from bot.config import settings

    monkeypatch.setenv("CHECK_BACK_AFTER_SECONDS", "0")
    settings.cache_clear()


async def sent_check_backs(bot: Bot, fake_api: FakeBotApi, user: int, *, tries: int = 100) -> list[str]:
    """Run the sender until one check-back goes out (or ``tries`` rounds pass); the ones the person got."""
    from bot.channels.telegram import check_backs

    for _ in range(tries):  # the bridge plans the check-back just after its last message goes out
        if await check_backs.send_due(bot):
            break
        await asyncio.sleep(0.05)
    for _ in range(2):
        await check_backs.send_due(bot)
    return [text for text in fake_api.texts(user) if text.startswith(content.say("check_back"))]
