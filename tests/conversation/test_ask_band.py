"""The "ask" band through the real servers: when the risk layers are unsure, one direct question.

The message is picked at run time from the development set by asking the served model's
parse endpoint which messages it is unsure about, so the test follows the model rather than
a wording fixed here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from tests.chat import Chat, button_payloads
from tests.servers import BotServers

DEV = Path(__file__).resolve().parents[1] / "data" / "safety" / "dev.jsonl"


@pytest.fixture(scope="module")
def unsure_message(servers: BotServers) -> str:
    """A development-set message the served pipeline answers with the direct question."""
    with requests.Session() as http:
        for line in DEV.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            parsed = http.post(
                f"{servers.rasa_url}/model/parse", params={"token": servers.api_token}, json={"text": text}, timeout=30
            ).json()
            if (parsed.get("risk") or {}).get("level") == "ask":
                return text
    pytest.fail("no development-set message falls in the ask band: check the thresholds in classifier.yml")


def ask(chat: Chat, text: str) -> list[dict]:
    responses = chat.send(text)
    safety = responses[0]["custom"]["safety"]
    assert safety["level"] == "ask" and "hotlines" not in safety
    assert {"yes", "no, I'm safe", "help now"} <= set(button_payloads(responses))
    return responses


def test_no_to_the_question_returns_to_the_exercise_where_it_was(onboarded_chat: Chat, unsure_message: str) -> None:
    chat = onboarded_chat
    chat.send("circle of control")
    chat.send("whether my son reads my letters")
    ask(chat, unsure_message)
    reply = chat.say("no, I'm safe")
    assert "carry on" in reply and "Anything else" in reply
    assert chat.slot("exercise") == "circle_of_control"
    assert "whether my son reads my letters" in chat.say("done")


def test_yes_to_the_question_gives_the_crisis_reply(onboarded_chat: Chat, unsure_message: str) -> None:
    chat = onboarded_chat
    ask(chat, unsure_message)
    responses = chat.send("yes")
    safety = responses[0]["custom"]["safety"]
    assert safety["level"] == "crisis" and safety["hotlines"]
    assert "116 123" in "\n".join(item.get("text", "") for item in responses)


def test_more_risk_after_the_question_gives_the_crisis_reply(onboarded_chat: Chat, unsure_message: str) -> None:
    chat = onboarded_chat
    ask(chat, unsure_message)
    responses = chat.send("I want to kill myself")
    assert responses[0]["custom"]["safety"]["level"] == "crisis"
    assert responses[0]["custom"]["safety"]["hotlines"]
