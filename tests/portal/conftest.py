"""The therapist portal served for real (``python -m bot portal``) on temporary storage."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.servers import BIN, PROJECT_ROOT, free_port, wait_until_up

PASSWORD = "a long enough passphrase"


@dataclass
class Portal:
    """A running portal and the environment its CLI commands share."""

    url: str
    environment: dict[str, str]
    process: subprocess.Popen
    work_dir: Path
    accounts: int = field(default=0)

    @property
    def database_url(self) -> str:
        return self.environment["DATABASE_URL"]

    def create_therapist(self, email: str | None = None, password: str = PASSWORD) -> str:
        """A new account in the portal's database (the command line is tested on its own); its email."""
        from bot.portal.accounts import create_therapist
        from bot.storage import session_scope

        self.accounts += 1
        email = email or f"therapist{self.accounts}@example.org"
        with session_scope(self.database_url) as session:
            create_therapist(session, email, password)
        return email

    def api_token(self, email: str) -> str:
        """A new personal access token for the account (the command line is tested on its own)."""
        from bot.portal.accounts import issue_api_token, therapist_by_email
        from bot.storage import session_scope

        with session_scope(self.database_url) as session:
            return issue_api_token(session, therapist_by_email(session, email))

    def answer_as_client(self, code: str, answers: list[str], *, sender: str | None = None) -> None:
        """A client redeems ``code``, agrees and gives ``answers``, through the run service on this
        portal's database (the conversation itself is tested with the real bot elsewhere)."""
        from bot.config import settings
        from bot.exercises import Context

        sender = sender or f"client-{code}"
        context = Context(role="adult_child", country="GB")
        # The portal's settings, so that what the client writes is sealed with the portal's data key.
        with pytest.MonkeyPatch.context() as patch:
            for key in ("BOT_VAR_DIR", "DATABASE_URL"):
                patch.setenv(key, self.environment[key])
            settings.cache_clear()
            try:
                self._answer(code, answers, sender, context)
            finally:
                settings.cache_clear()

    def _answer(self, code: str, answers: list[str], sender: str, context) -> None:
        from bot.exercises import exercise_by_name
        from bot.exercises.runs import ExerciseRuns
        from bot.homework import exercise_of, open_code
        from bot.storage import session_scope

        with session_scope(self.database_url) as session:
            opened = open_code(session, sender_id=sender, channel="rest", code=code)
            exercise = exercise_by_name(exercise_of(session, opened.assignment_id))
            runs = ExerciseRuns(session=session, sender_id=sender, channel="rest")
            turn = runs.start_homework(exercise, context, assignment_id=opened.assignment_id)
            for text in ["Yes, that's OK", *answers]:
                turn = runs.reply(turn.run_id, text, context)

    def cli(self, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "python"), "-m", "bot", *arguments],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.environment,
            cwd=PROJECT_ROOT,
            timeout=120,
        )

    def browser(self) -> requests.Session:
        """A fresh browser: its own cookies."""
        return requests.Session()

    def csrf_token(self, browser: requests.Session, path: str) -> str:
        page = browser.get(self.url + path, timeout=10)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def log_in(self, browser: requests.Session, email: str, password: str = PASSWORD) -> requests.Response:
        token = self.csrf_token(browser, "/login")
        return browser.post(
            self.url + "/login",
            data={"email": email, "password": password, "csrf_token": token},
            allow_redirects=False,
            timeout=30,
        )


def start_portal(work_dir: Path) -> Portal:
    port = free_port()
    environment = {
        **os.environ,
        "BOT_VAR_DIR": str(work_dir),
        "DATABASE_URL": f"sqlite:///{work_dir / 'bot.db'}",
        "BIND_ADDRESS": "127.0.0.1",
        "PORTAL_PORT": str(port),
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    log = open(work_dir / "portal.log", "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "bot", "portal"], cwd=PROJECT_ROOT, env=environment, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/health", process, seconds=60)
    return Portal(url, environment, process, work_dir)


def stop_portal(portal: Portal) -> None:
    portal.process.terminate()
    try:
        portal.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        portal.process.kill()
        portal.process.wait()


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    running = start_portal(tmp_path_factory.mktemp("portal"))
    yield running
    stop_portal(running)


@pytest.fixture
def own_portal(tmp_path: Path) -> Iterator[Portal]:
    """A portal of the test's own, for tests that use up the address's log-in attempts."""
    running = start_portal(tmp_path)
    yield running
    stop_portal(running)
