"""What a stranger on the network can do: Rasa's HTTP API and the action server want their tokens,
every server listens on loopback only, and the channels still work for the people they serve."""

from __future__ import annotations

import pytest
import requests

from tests.servers import BotServers

# Every route of Rasa's HTTP API that reads or changes a conversation or the model.
PROTECTED = [
    ("get", "/status"),
    ("get", "/domain"),
    ("get", "/conversations/someone/tracker"),
    ("get", "/conversations/someone/story"),
    ("post", "/conversations/someone/tracker/events"),
    ("put", "/conversations/someone/tracker/events"),
    ("post", "/conversations/someone/execute"),
    ("post", "/conversations/someone/trigger_intent"),
    ("post", "/conversations/someone/messages"),
    ("post", "/model/parse"),
    ("post", "/model/train"),
    ("put", "/model"),
    ("delete", "/model"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_rasas_api_refuses_requests_without_the_token(servers: BotServers, method: str, path: str) -> None:
    for params in ({}, {"token": "not-the-token"}):
        answer = requests.request(method, f"{servers.rasa_url}{path}", params=params, json={}, timeout=30)
        assert answer.status_code == 401, (path, params, answer.status_code)


def test_rasas_api_answers_with_the_token(servers: BotServers) -> None:
    person = servers.chat()
    person.send("hi")
    tracker = requests.get(
        f"{servers.rasa_url}/conversations/{person.sender}/tracker", params={"token": servers.api_token}, timeout=30
    )
    assert tracker.status_code == 200 and tracker.json()["sender_id"] == person.sender


def test_the_rest_channel_needs_no_token_and_still_screens_for_risk(servers: BotServers) -> None:
    answer = requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook", json={"sender": "rest-person", "message": "/sos"}, timeout=60
    )
    assert answer.status_code == 200
    assert any(item.get("custom", {}).get("safety") for item in answer.json())


def test_the_socketio_channel_needs_no_token(servers: BotServers) -> None:
    handshake = requests.get(f"{servers.rasa_url}/socket.io/", params={"EIO": "4", "transport": "polling"}, timeout=30)
    assert handshake.status_code == 200 and '"sid"' in handshake.text


def test_the_action_server_answers_only_with_its_token(servers: BotServers) -> None:
    call = {"next_action": "action_show_last_entry", "sender_id": "someone", "tracker": {}, "domain": {}}
    for headers in ({}, {"Authorization": "Bearer not-the-token"}, {"Authorization": servers.action_token}):
        answer = requests.post(f"{servers.action_url}/webhook", json=call, headers=headers, timeout=30)
        assert answer.status_code == 401, headers
        assert requests.get(f"{servers.action_url}/actions", headers=headers, timeout=30).status_code == 401
    assert requests.get(f"{servers.action_url}/health", timeout=30).status_code == 200


def test_a_failing_action_call_sends_back_neither_the_error_nor_the_tracker(servers: BotServers) -> None:
    secret_words = "a distinctive sentence nobody else wrote"
    call = {
        "next_action": "action_show_last_entry",
        "sender_id": "someone",
        "tracker": {"latest_message": {"text": secret_words}, "slots": "not a mapping"},
        "domain": {},
    }
    answer = requests.post(
        f"{servers.action_url}/webhook",
        json=call,
        headers={"Authorization": f"Bearer {servers.action_token}"},
        timeout=30,
    )
    assert answer.status_code >= 400
    assert secret_words not in answer.text


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP port is listening on, read from the kernel's socket tables."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            next(rows)
            for row in rows:
                local, state = row.split()[1], row.split()[3]
                address, local_port = local.split(":")
                if state == "0A" and int(local_port, 16) == port:
                    addresses.add(address)
    return addresses


def test_rasa_and_the_action_server_listen_on_loopback_only(servers: BotServers) -> None:
    loopback = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it
    for port in (servers.rasa_port, servers.action_port):
        assert listening_addresses(port) == {loopback}, port


def test_a_lone_surrogate_in_the_json_still_gets_the_crisis_reply(servers: BotServers) -> None:
    # "\ud800" is valid JSON that decodes to a string no encoder takes; the screen once raised on
    # it and the person got no reply at all.
    body = '{"sender": "surrogate-test", "message": "I want to end my life tonight \\ud800"}'
    reply = requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}, timeout=60
    )
    assert reply.status_code == 200
    assert any((item.get("custom") or {}).get("safety", {}).get("level") == "crisis" for item in reply.json())
