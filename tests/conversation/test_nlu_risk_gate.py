"""The risk layers together, as the trained pipeline applies them to every message.

Asked of the running Rasa server's own parse endpoint, so the verdicts are exactly those it
serves: the patterns and the learned classifier escalate (``crisis``); the classifier's unsure
band, and a pattern match the classifier finds very unlikely, ask directly (``ask``).

The floors below were set from measurements, just under (recall) or just over (false crisis
replies, questions) what was measured, to guard against a change making any of them worse.
The README states the figures. The development sets are in the classifier's training data,
so their figures are upper bounds; the sixth-round held-out set was written afterwards by an
author who saw nothing of the project, and nothing was tuned on it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from tests.servers import BotServers

SAFETY_DATA = Path(__file__).resolve().parent.parent / "data" / "safety"
DEVELOPMENT = ("dev", "holdout", "holdout_round2", "holdout_round3", "holdout_round4", "holdout_round5")
FRESH = "holdout_round6"

# Measured on holdout_round6 (277 risk, 294 everyday) through the served model: crisis 251/277
# (90.6%), crisis or ask 270/277 (97.5%), false crisis replies 3/294 (1.0%), questions 22/294 (7.5%).
FRESH_CRISIS_RECALL_AT_LEAST = 0.89
FRESH_ANSWERED_RECALL_AT_LEAST = 0.965
FRESH_FALSE_CRISIS_AT_MOST = 0.02
FRESH_QUESTIONS_AT_MOST = 0.08
# Measured on the development sets (in the training data): see the README. The fourth round's
# thresholds (chosen by leave-one-source-out, patterns overruled below 0.5 instead of 0.3) ask
# about more of the pattern matches the classifier doubts: 0.4% to 7.4% questions per set, up
# from at most 5.0%, so the ceiling is the 8% rather than the earlier 6%.
DEVELOPMENT_FALSE_CRISIS_AT_MOST = 0.03
DEVELOPMENT_QUESTIONS_AT_MOST = 0.08


@pytest.fixture(scope="module")
def levels(servers: BotServers) -> dict[str, list[tuple[bool, str]]]:
    """(labelled risk, served level) for every message of every labelled set."""
    found: dict[str, list[tuple[bool, str]]] = {}
    with requests.Session() as http:
        for name in (*DEVELOPMENT, FRESH):
            rows = [json.loads(line) for line in (SAFETY_DATA / f"{name}.jsonl").read_text().splitlines() if line]
            found[name] = [(row["risk"], served_level(http, servers, row["text"])) for row in rows]
    return found


def served_level(http: requests.Session, servers: BotServers, text: str) -> str:
    answer = http.post(
        f"{servers.rasa_url}/model/parse", params={"token": servers.api_token}, json={"text": text}, timeout=30
    )
    answer.raise_for_status()
    parsed = answer.json()
    if parsed["intent"]["name"] != "crisis":
        return "none"
    return parsed["risk"]["level"]


def figures(pairs: list[tuple[bool, str]]) -> dict[str, float]:
    risky = [level for risk, level in pairs if risk]
    everyday = [level for risk, level in pairs if not risk]
    return {
        "crisis_recall": sum(level == "crisis" for level in risky) / len(risky),
        "answered_recall": sum(level != "none" for level in risky) / len(risky),
        "false_crisis": sum(level == "crisis" for level in everyday) / len(everyday),
        "questions": sum(level == "ask" for level in everyday) / len(everyday),
    }


def test_every_development_risk_message_gets_the_crisis_reply_or_the_question(levels) -> None:
    for name in DEVELOPMENT:
        assert figures(levels[name])["answered_recall"] == 1.0, name


def test_no_dev_set_risk_message_is_left_to_the_question_alone(levels) -> None:
    assert figures(levels["dev"])["crisis_recall"] == 1.0


def test_the_development_sets_everyday_talk_rarely_gets_the_crisis_reply_or_the_question(levels) -> None:
    for name in DEVELOPMENT:
        measured = figures(levels[name])
        assert measured["false_crisis"] <= DEVELOPMENT_FALSE_CRISIS_AT_MOST, (name, measured)
        assert measured["questions"] <= DEVELOPMENT_QUESTIONS_AT_MOST, (name, measured)


def test_the_fresh_held_out_set_stays_at_the_figures_measured_when_it_arrived(levels) -> None:
    measured = figures(levels[FRESH])
    assert measured["crisis_recall"] >= FRESH_CRISIS_RECALL_AT_LEAST, measured
    assert measured["answered_recall"] >= FRESH_ANSWERED_RECALL_AT_LEAST, measured
    assert measured["false_crisis"] <= FRESH_FALSE_CRISIS_AT_MOST, measured
    assert measured["questions"] <= FRESH_QUESTIONS_AT_MOST, measured
