"""The web chat server's fallback lines (GET /api/lines) come from the hotline data, and main() binds where told.

The expectations are read from hotlines.yml directly, not through bot.safety.hotlines, so a
mistake in how the server or the hotline module reads the file shows up here.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import yaml
from aiohttp import web

from bot.channels.webchat import server
from bot.config import settings
from bot.safety.hotlines import HOTLINES_FILE, emergency_numbers
from tests.servers import free_port


def _data() -> dict:
    return yaml.safe_load(HOTLINES_FILE.read_text(encoding="utf-8"))


def _emergency_by_country() -> dict[str, str]:
    """Each country's own emergency number, as the data file states it."""
    numbers = {}
    for code, lines in _data()["countries"].items():
        emergency = [line for line in lines if line["kind"] == "emergency"]
        assert len(emergency) == 1, f"{code} must have exactly one emergency entry"
        numbers[code] = str(emergency[0]["contact"])
    return numbers


@pytest.fixture
def client() -> Iterator[str]:
    """The real web chat app on a loopback port, served from its own thread and event loop.

    A thread of its own keeps it apart from any event loop the browser tests leave running.
    """
    loop, port, started = asyncio.new_event_loop(), free_port(), threading.Event()
    runner = web.AppRunner(server.build_app(settings()))

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10), "the web chat app did not start"
    yield f"http://127.0.0.1:{port}"
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def test_emergency_numbers_lists_every_country_of_the_data_file_and_the_eu() -> None:
    numbers = emergency_numbers()
    assert {code: number for code, number in numbers.items() if code != "EU"} == _emergency_by_country()
    assert numbers["EU"] == str(_data()["emergency_only"]["number"])
    assert "your local emergency number" not in numbers.values()


def test_the_lines_name_every_emergency_number_with_its_places(client: str) -> None:
    reply = requests.get(f"{client}/api/lines", timeout=10)
    assert reply.status_code == 200
    body = reply.json()
    places_by_number = {item["number"]: item["places"] for item in body["emergency_numbers"]}
    assert places_by_number["911"] == ["United States", "Canada"], "one number, all its countries, in file order"
    assert places_by_number["999"] == ["United Kingdom"]
    assert places_by_number[str(_data()["emergency_only"]["number"])] == ["European Union"]
    listed = [(item["number"], place) for item in body["emergency_numbers"] for place in item["places"]]
    assert len(listed) == len(set(listed)) == len(_data()["countries"]) + 1
    for code, number in _emergency_by_country().items():
        assert number in places_by_number, f"{code}'s emergency number {number} is missing"
        assert all(isinstance(place, str) and place and len(place) < 40 for place in places_by_number[number])


def test_the_lines_include_the_international_lines_and_the_emergency_note(client: str) -> None:
    body = requests.get(f"{client}/api/lines", timeout=10).json()
    international = _data()["international"]
    expected = [(line["name"], line["contact"], line["url"]) for line in international if line["kind"] != "emergency"]
    assert [(line["name"], line["contact"], line["url"]) for line in body["lines"]] == expected
    assert all(line["url"].startswith("https://") for line in body["lines"])
    emergency = next(line for line in international if line["kind"] == "emergency")
    assert body["emergency_note"] == emergency.get("note", "")
    assert "emergency_note" in body and set(body) == {"emergency_numbers", "lines", "emergency_note"}


def test_the_lines_allow_any_origin_and_are_cacheable_for_a_while(client: str) -> None:
    reply = requests.get(f"{client}/api/lines", headers={"Origin": "https://counselling.example"}, timeout=10)
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Content-Type"].startswith("application/json")
    assert "max-age=" in reply.headers["Cache-Control"]
    preflight = requests.options(
        f"{client}/api/lines", headers={"Origin": "https://counselling.example"}, timeout=10
    )
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert requests.post(f"{client}/api/lines", data=b"{}", timeout=10).status_code == 405


def test_broken_hotline_data_gives_503_with_a_reason(client: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> dict[str, str]:
        raise KeyError("emergency_only")

    monkeypatch.setattr(server, "emergency_numbers", broken)
    reply = requests.get(f"{client}/api/lines", timeout=10)
    assert reply.status_code == 503
    assert reply.json()["error"]
    assert "Cache-Control" not in reply.headers, "a failure must not be cached in place of the lines"


def test_the_other_endpoints_keep_their_rules(client: str) -> None:
    reply = requests.get(f"{client}/api/sos?session_id=short", timeout=10)
    assert reply.status_code == 400 and "session_id" in reply.json()["error"]
    too_big = requests.post(f"{client}/api/erase", data=b"x" * (server.MAX_REQUEST_BYTES + 1), timeout=10)
    assert too_big.status_code == 413
    page = requests.get(f"{client}/", timeout=10)
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


def test_main_binds_to_the_configured_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    static = tmp_path / "static"
    (static / "vendor").mkdir(parents=True)
    (static / "vendor" / "socket.io.min.js").write_text("")
    shutil.copy(server.STATIC_DIR / "index.html", static / "index.html")
    monkeypatch.setattr(server, "STATIC_DIR", static)
    monkeypatch.setenv("BIND_ADDRESS", "192.0.2.7")
    monkeypatch.setenv("WEBCHAT_PORT", "8123")
    settings.cache_clear()
    calls = []
    monkeypatch.setattr(web, "run_app", lambda app, **options: calls.append(options))
    assert server.main() == 0
    assert calls and calls[0]["host"] == "192.0.2.7" and calls[0]["port"] == 8123


def test_sos_puts_the_lines_of_the_browsers_language_region_first(client: str) -> None:
    from bot.storage import upgrade_schema

    upgrade_schema()
    hinted = requests.get(f"{client}/api/sos", params={"session_id": "someone-new-1", "lang": "en-GB"}, timeout=10)
    assert hinted.status_code == 200
    text = "\n".join(hinted.json()["messages"])
    assert "116 123" in text and text.index("116 123") < text.index("findahelpline")
    ignored = requests.get(f"{client}/api/sos", params={"session_id": "someone-new-2", "lang": "<b>"}, timeout=10)
    assert ignored.status_code == 200 and "116 123" not in "\n".join(ignored.json()["messages"])
