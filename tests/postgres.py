"""A real PostgreSQL server for the tests: Debian's binaries, a temporary cluster, loopback only.

scripts/install_postgres.sh installs the binaries (make test does it); each test session that asks
for PostgreSQL starts its own cluster under a temporary directory on a free port and removes it
afterwards, so no test touches a database anyone else uses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port

INSTALL_HINT = "PostgreSQL is not installed: run scripts/install_postgres.sh (make test does it)."


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda path: int(path.parts[-3]))
    return found[-1].parent if found else None


@dataclass
class Postgres:
    root: Path
    port: int
    bin: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "bot") -> str:
        return f"postgresql://bot@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        # initdb and the server refuse to run as root: as root, they run as Debian's postgres user.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, text=True)

    def create_database(self, name: str) -> str:
        """A new, empty database on this server; its URL."""
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="bot", dbname="postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        return self.url(name)

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> Postgres:
    """A fresh cluster on loopback with a database ``bot`` that the user ``bot`` owns (trust auth)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError(INSTALL_HINT)
    # Not under pytest's temporary directory, which only root may enter.
    root = Path(tempfile.mkdtemp(prefix="companion-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    server = Postgres(root=root, port=free_port(), bin=bin_dir)
    server._run(str(bin_dir / "initdb"), "-D", str(server.data_dir), "-U", "bot", "-A", "trust", "-E", "UTF8",
                "--no-sync")  # fmt: skip
    options = f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    server._run(str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(root / "server.log"),
                "-o", options, "-w", "start")  # fmt: skip
    server.create_database("bot")
    return server
