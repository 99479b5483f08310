"""The whole bot on PostgreSQL: the app tables and Rasa's tracker store, through a real conversation.

The other conversation tests run on SQLite; this module starts servers of its own with
DATABASE_URL and TRACKER_HOST pointing at the test session's PostgreSQL server, and walks one
person through what matters for storage: onboarding, an exercise whose answers are saved, a
restart of both servers, the export, the files on disk, and erasure.
"""

from __future__ import annotations

import json
import secrets
import subprocess
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.chat import Chat
from tests.postgres import Postgres
from tests.servers import BIN, PROJECT_ROOT, BotServers, ensure_trained_model


@pytest.fixture(scope="module")
def postgres_servers(postgres: Postgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServers]:
    ensure_trained_model()
    url = postgres.create_database("conversation")
    running = BotServers(tmp_path_factory.mktemp("pg-servers"), overrides={"DATABASE_URL": url, "TRACKER_HOST": url})
    running.start()
    yield running
    running.stop_all()


def bot(servers: BotServers, *arguments: str) -> dict:
    result = subprocess.run(
        [str(BIN / "python"), "-m", "bot", *arguments],
        env=servers.environment, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def count(url: str, statement: str, **values: object) -> int:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        found = connection.execute(text(statement), values).scalar_one()
    engine.dispose()
    return found


def test_a_conversation_on_postgresql_is_kept_sealed_survives_a_restart_and_is_erased(
    postgres_servers: BotServers, postgres: Postgres
) -> None:
    servers = postgres_servers
    url = servers.environment["DATABASE_URL"]
    marker = f"kettle{secrets.token_hex(4)}"
    chat: Chat = servers.chat()
    chat.onboard()
    chat.send("help me let go")
    chat.send(f"Sunday lunches by the {marker}")

    servers.stop("rasa")
    servers.stop("actions")
    servers.start_actions()
    servers.start_rasa()
    # The run goes on where it was: Rasa's tracker and the run table both live in PostgreSQL.
    assert chat.slot("exercise") == "letting_go"
    for answer in ("her voice", "love and hurt", "Dear Anna, I miss you", "my walking group", "skip"):
        chat.send(answer)

    exported = bot(servers, "export", "--sender", chat.sender)
    assert exported["entries"][-1]["kind"] == "letting_go" and marker in str(exported["entries"][-1]["answers"])
    said = [(line["from"], line["text"]) for line in exported["conversation"]]
    assert ("you", f"Sunday lunches by the {marker}") in said
    engine = create_engine(url, future=True, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CHECKPOINT"))
    engine.dispose()
    files = b"".join(path.read_bytes() for path in postgres.data_dir.rglob("*") if path.is_file())
    assert marker.encode() not in files

    assert bot(servers, "erase", "--sender", chat.sender) == {"erased": True}
    assert count(url, "SELECT count(*) FROM events WHERE sender_id = :sender", sender=chat.sender) == 0
    assert bot(servers, "export", "--sender", chat.sender)["found"] is False
