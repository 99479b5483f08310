"""Engines, sessions and schema upgrades (Alembic), keyed by ``DATABASE_URL``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import PROJECT_ROOT, settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@cache
def engine_for(database_url: str) -> Engine:
    """One engine per database URL per process (engines pool connections)."""
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    # Foreign keys make erasure cascade; WAL lets the action server and the CLI share the file.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@cache
def _session_factory(database_url: str) -> sessionmaker:
    return sessionmaker(bind=engine_for(database_url), future=True, expire_on_commit=False)


@contextmanager
def session_scope(database_url: str | None = None) -> Iterator[Session]:
    """A session inside one transaction: committed on success, rolled back on error."""
    factory = _session_factory(database_url or settings().database_url)
    with factory() as session, session.begin():
        yield session


def upgrade_schema(database_url: str | None = None) -> None:
    """Bring the database to the newest Alembic revision (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser treats "%" as interpolation; URLs may contain escaped characters.
    config.set_main_option("sqlalchemy.url", (database_url or settings().database_url).replace("%", "%%"))
    command.upgrade(config, "head")
