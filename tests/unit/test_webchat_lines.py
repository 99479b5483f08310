"""The web chat server's fallback lines (GET /api/lines) come from the hotline data, and main() binds where told.

The expectations are read from hotlines.yml directly, not through bot.safety.hotlines, so a
mistake in how the server or the hotline module reads the file shows up here.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.webchat import server
from bot.config import settings
from bot.safety.hotlines import HOTLINES_FILE, emergency_numbers


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


# In each test's own loop (async fixtures default to the session's loop in pyproject.toml).
@pytest_asyncio.fixture(loop_scope="function")
async def client() -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(server.build_app(settings()))) as running:
        yield running


def test_emergency_numbers_lists_every_country_of_the_data_file_and_the_eu() -> None:
    numbers = emergency_numbers()
    assert {code: number for code, number in numbers.items() if code != "EU"} == _emergency_by_country()
    assert numbers["EU"] == str(_data()["emergency_only"]["number"])
    assert "your local emergency number" not in numbers.values()


async def test_the_lines_name_every_emergency_number_with_its_places(client: TestClient) -> None:
    reply = await client.get("/api/lines")
    assert reply.status == 200
    body = await reply.json()
    places_by_number = {item["number"]: item["places"] for item in body["emergency_numbers"]}
    assert places_by_number["911"] == ["United States", "Canada"], "one number, all its countries, in file order"
    assert places_by_number["999"] == ["United Kingdom"]
    assert places_by_number[str(_data()["emergency_only"]["number"])] == ["European Union"]
    listed = [(item["number"], place) for item in body["emergency_numbers"] for place in item["places"]]
    assert len(listed) == len(set(listed)) == len(_data()["countries"]) + 1
    for code, number in _emergency_by_country().items():
        assert number in places_by_number, f"{code}'s emergency number {number} is missing"
        assert all(isinstance(place, str) and place and len(place) < 40 for place in places_by_number[number])


async def test_the_lines_include_the_international_lines_and_the_emergency_note(client: TestClient) -> None:
    body = await (await client.get("/api/lines")).json()
    international = _data()["international"]
    expected = [(line["name"], line["contact"], line["url"]) for line in international if line["kind"] != "emergency"]
    assert [(line["name"], line["contact"], line["url"]) for line in body["lines"]] == expected
    assert all(line["url"].startswith("https://") for line in body["lines"])
    emergency = next(line for line in international if line["kind"] == "emergency")
    assert body["emergency_note"] == emergency.get("note", "")
    assert "emergency_note" in body and set(body) == {"emergency_numbers", "lines", "emergency_note"}


async def test_the_lines_allow_any_origin_and_are_cacheable_for_a_while(client: TestClient) -> None:
    reply = await client.get("/api/lines", headers={"Origin": "https://counselling.example"})
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Content-Type"].startswith("application/json")
    assert "max-age=" in reply.headers["Cache-Control"]
    preflight = await client.options("/api/lines", headers={"Origin": "https://counselling.example"})
    assert preflight.status == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert (await client.post("/api/lines", data=b"{}")).status == 405


async def test_broken_hotline_data_gives_503_with_a_reason(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> dict[str, str]:
        raise KeyError("emergency_only")

    monkeypatch.setattr(server, "emergency_numbers", broken)
    reply = await client.get("/api/lines")
    assert reply.status == 503
    assert (await reply.json())["error"]
    assert "Cache-Control" not in reply.headers, "a failure must not be cached in place of the lines"


async def test_the_other_endpoints_keep_their_rules(client: TestClient) -> None:
    reply = await client.get("/api/sos?session_id=short")
    assert reply.status == 400 and "session_id" in (await reply.json())["error"]
    too_big = await client.post("/api/erase", data=b"x" * (server.MAX_REQUEST_BYTES + 1))
    assert too_big.status == 413
    page = await client.get("/")
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
