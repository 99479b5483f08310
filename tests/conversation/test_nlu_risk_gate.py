"""Both risk layers together, as the trained model applies them to every message.

The pattern layer alone is gated in tests/unit/test_safety_gate.py (100% recall, at most
3% false positives on the dev set). Here the NLU model's crisis intent joins it, which
raises recall on the held-out set and costs false positives on hard everyday negatives
("this silence is killing me"). The levels below were measured, then set just under
(recall) or just over (false positives) what was measured: they guard against a change
to the data or the layer making either worse, and the README states the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from tests.servers import BotServers

# Measured with model_crisis_threshold 0.9 on the held-out set written by a separate author:
# recall 60/90 (66.7%, the patterns alone 53.3%) with 4/90 false positives (4.4%); dev recall
# 100% with 32/520 false positives (6.2%).
HOLDOUT_RECALL_AT_LEAST = 0.64
HOLDOUT_FALSE_POSITIVES_AT_MOST = 0.07
DEV_FALSE_POSITIVES_AT_MOST = 0.08

SAFETY_DATA = Path(__file__).resolve().parent.parent / "data" / "safety"


@pytest.fixture(scope="module")
def crisis_verdicts(servers: BotServers) -> dict[str, list[tuple[bool, bool]]]:
    """(labelled risk, classified as crisis) for every message of both labelled sets.

    Asked of the running Rasa server's own parse endpoint, so the verdicts are those of the
    trained pipeline exactly as it serves every message, risk layer included.
    """
    verdicts = {}
    with requests.Session() as http:
        for name in ("dev", "holdout"):
            lines = (SAFETY_DATA / f"{name}.jsonl").read_text().splitlines()
            rows = [json.loads(line) for line in lines if line.strip()]
            verdicts[name] = [(row["risk"], is_crisis(http, servers, row["text"])) for row in rows]
    return verdicts


def is_crisis(http: requests.Session, servers: BotServers, text: str) -> bool:
    answer = http.post(
        f"{servers.rasa_url}/model/parse", params={"token": servers.api_token}, json={"text": text}, timeout=30
    )
    answer.raise_for_status()
    return answer.json()["intent"]["name"] == "crisis"


def rates(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    risky = [flag for risk, flag in pairs if risk]
    everyday = [flag for risk, flag in pairs if not risk]
    return sum(risky) / len(risky), sum(everyday) / len(everyday)


def test_no_risk_message_of_the_dev_set_is_missed_by_the_combined_layers(crisis_verdicts) -> None:
    recall, _ = rates(crisis_verdicts["dev"])
    assert recall == 1.0


def test_the_combined_layers_on_the_held_out_set(crisis_verdicts) -> None:
    recall, false_positives = rates(crisis_verdicts["holdout"])
    assert recall >= HOLDOUT_RECALL_AT_LEAST, recall
    assert false_positives <= HOLDOUT_FALSE_POSITIVES_AT_MOST, false_positives


def test_the_combined_layers_false_positives_on_everyday_talk(crisis_verdicts) -> None:
    _, false_positives = rates(crisis_verdicts["dev"])
    assert false_positives <= DEV_FALSE_POSITIVES_AT_MOST, false_positives
