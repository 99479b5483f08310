"""Held-out NLU sets (tests/data/nlu/): reading them, and F1 per expected label."""

from __future__ import annotations

from pathlib import Path

import requests
import yaml

from tests.servers import BotServers


def examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) for every example of a Rasa NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        (block["intent"], line[2:].strip())
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


def f1_by_intent(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """F1 of each expected label over (expected, got) pairs."""
    intents = {expected for expected, _ in pairs}
    scores = {}
    for intent in intents:
        true_positive = sum(1 for expected, got in pairs if expected == intent and got == intent)
        predicted = sum(1 for _, got in pairs if got == intent)
        actual = sum(1 for expected, _ in pairs if expected == intent)
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / actual if actual else 0.0
        scores[intent] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return scores


def served_parses(servers: BotServers, texts: list[str]) -> list[dict]:
    """What the running Rasa server's parse endpoint makes of each text."""
    parsed = []
    with requests.Session() as http:
        for text in texts:
            answer = http.post(
                f"{servers.rasa_url}/model/parse", params={"token": servers.api_token}, json={"text": text}, timeout=30
            )
            answer.raise_for_status()
            parsed.append(answer.json())
    return parsed
