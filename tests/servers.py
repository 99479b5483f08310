"""Start the real servers for conversation tests: the action server and Rasa, on free ports."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.chat import Chat

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN = PROJECT_ROOT / ".venv" / "bin"
# TEST_MODEL runs the model tests against another trained model (a configuration being tried);
# otherwise the project's own, trained through the Makefile when its data changed.
MODEL = Path(os.environ.get("TEST_MODEL") or PROJECT_ROOT / "models" / "companion.tar.gz")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_trained_model() -> Path:
    """Train through the Makefile, which retrains only when the training data changed."""
    if not os.environ.get("TEST_MODEL"):
        subprocess.run(["make", "--no-print-directory", "train"], cwd=PROJECT_ROOT, check=True)
    return MODEL


def ensure_risk_classifier() -> None:
    """Fit the risk classifier through the Makefile, which refits only when its corpus changed."""
    subprocess.run(["make", "--no-print-directory", "models/risk_classifier.joblib"], cwd=PROJECT_ROOT, check=True)


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 300) -> None:
    """Poll ``url`` until it answers 200, failing fast if the process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with code {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up within {seconds} s")


@dataclass
class BotServers:
    """A running action server and Rasa server sharing one temporary database."""

    work_dir: Path
    environment: dict[str, str] = field(default_factory=dict)
    rasa_port: int = 0
    action_port: int = 0
    # The web chat server the actions' chart links point at (started on demand: start_webchat).
    webchat_port: int = 0
    api_token: str = field(default_factory=lambda: secrets.token_hex(16))
    action_token: str = field(default_factory=lambda: secrets.token_hex(16))
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    # Variables that replace the defaults below (another database, say: DATABASE_URL, TRACKER_HOST).
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def webchat_url(self) -> str:
        return f"http://127.0.0.1:{self.webchat_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def chat(self) -> Chat:
        """A new person talking to these servers, able to read their own tracker through the API."""
        return Chat(self.rasa_url, api_token=self.api_token)

    def start(self) -> BotServers:
        self.rasa_port, self.action_port, self.webchat_port = free_port(), free_port(), free_port()
        self.environment = {
            **os.environ,
            "BOT_VAR_DIR": str(self.work_dir),
            "DATABASE_URL": f"sqlite:///{self.work_dir / 'bot.db'}",
            "ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "BIND_ADDRESS": "127.0.0.1",
            "RASA_PORT": str(self.rasa_port),
            "ACTION_PORT": str(self.action_port),
            "RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
            "WEBCHAT_PORT": str(self.webchat_port),
            "WEBCHAT_PUBLIC_URL": f"http://127.0.0.1:{self.webchat_port}",
            "RASA_API_TOKEN": self.api_token,
            "ACTION_SERVER_TOKEN": self.action_token,
            "TRACKER_DIALECT": "sqlite",
            "TRACKER_DB": str(self.work_dir / "tracker.db"),
            "TRACKER_HOST": "",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "RASA_TELEMETRY_ENABLED": "false",
            **self.overrides,
        }
        subprocess.run(
            [str(BIN / "python"), "-m", "bot", "migrate"], env=self.environment, check=True, cwd=PROJECT_ROOT
        )
        self.start_actions()
        self.start_rasa()
        return self

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.work_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.environment, stdout=log, stderr=log)
        self.processes[name] = process
        return process

    def start_actions(self) -> None:
        process = self._spawn("actions", [str(BIN / "python"), "-m", "bot", "serve", "actions"])
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", process)

    def start_rasa(self) -> None:
        process = self._spawn("rasa", [str(BIN / "python"), "-m", "bot", "serve", "rasa", "--model", str(MODEL)])
        wait_until_up(f"{self.rasa_url}/status?token={self.api_token}", process)

    def start_webchat(self) -> str:
        """The web chat server on the port the chart links name (once); its URL."""
        if "webchat" not in self.processes:
            command = [str(BIN / "python"), "-m", "bot.channels.webchat.server"]
            process = self._spawn("webchat", command)
            wait_until_up(f"{self.webchat_url}/health", process, seconds=60)
        return self.webchat_url

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def log(self, name: str) -> str:
        return (self.work_dir / f"{name}.log").read_text(errors="replace")
