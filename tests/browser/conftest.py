"""Browser tests: the real widget in headless Chromium (Debian's), against the real running bot.

Nothing here is skipped: without /usr/bin/chromium the tests fail and say how to install it.
"""

from __future__ import annotations

import socket
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.chat import Chat
from tests.servers import BIN, PROJECT_ROOT, BotServers, free_port, wait_until_up

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class WebChat:
    """A running web chat server (demo page, widget files, /api/...)."""

    url: str
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_webchat(environment: dict[str, str], rasa_url: str, log_dir: Path) -> WebChat:
    """Start ``python -m bot.channels.webchat.server`` on a free port, talking to ``rasa_url``."""
    port = free_port()
    log = open(log_dir / f"webchat-{port}.log", "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "bot.channels.webchat.server"],
        cwd=PROJECT_ROOT,
        env={**environment, "RASA_URL": rasa_url, "WEBCHAT_PORT": str(port)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/health", process, seconds=60)
    return WebChat(url, process)


class TcpForwarder(socketserver.ThreadingTCPServer):
    """Forwards a port to another one: a Rasa that "comes back" on the port the widget retries."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, listen_port: int, target_port: int) -> None:
        self.target_port = target_port
        super().__init__(("127.0.0.1", listen_port), _Pipe)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class _Pipe(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.server.target_port))
        back = threading.Thread(target=_pump, args=(upstream, self.request), daemon=True)
        back.start()
        _pump(self.request, upstream)
        back.join(timeout=5)


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


@pytest.fixture(scope="session")
def build_widget() -> None:
    """The vendored socket.io client (npm ci only when the lock changed)."""
    script = PROJECT_ROOT / "scripts" / "build_webchat.sh"
    result = subprocess.run([str(script)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"scripts/build_webchat.sh failed:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_chromium.sh (as root) to install it.", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def webchat(servers: BotServers, build_widget: None) -> Iterator[WebChat]:
    """The web chat server, pointed at the running bot, with the bot's environment."""
    # The bot's first answer loads its language pipeline (tens of seconds): not on a test's clock.
    Chat(servers.rasa_url).send("hi")
    # The servers' own web chat: the one their chart links point at.
    url = servers.start_webchat()
    yield WebChat(url, servers.processes["webchat"])


@pytest.fixture
def new_page(browser: Browser) -> Iterator:
    """Open pages in fresh browser contexts (empty storage); fail on any script error in them."""
    contexts, errors = [], []

    def open_page(viewport: dict[str, int] = DESKTOP, locale: str | None = None) -> Page:
        context = browser.new_context(viewport=viewport, **({"locale": locale} if locale else {}))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
        page.on("console", lambda message: _console_error(message, errors))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, "\n".join(errors)


def _console_error(message: ConsoleMessage, errors: list[str]) -> None:
    # Expected: a refused WebSocket while the bot is down, and requests a test aborts on purpose.
    expected = ("WebSocket connection", "ERR_CONNECTION_REFUSED", "net::ERR_FAILED")
    if message.type == "error" and not any(marker in message.text for marker in expected):
        errors.append(f"console error: {message.text}")


@pytest.fixture
def page(new_page) -> Page:
    """A desktop-sized page."""
    return new_page(DESKTOP)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
