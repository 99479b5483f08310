"""Exercise intents on a held-out set nobody trained on, asked of the served model's parse endpoint.

The set (tests/data/nlu/) was written by an author who saw neither the project nor its NLU
training data. The floor below guards the figure the README states; it is not a claim.
"""

from __future__ import annotations

from pathlib import Path

from tests.nlu_sets import examples, f1_by_intent, served_parses
from tests.servers import BotServers

HELD_OUT = Path(__file__).resolve().parent.parent / "data" / "nlu" / "exercise_intents_round2.yml"
# Measured when the set arrived (105 messages, 15 per intent): macro F1 0.95, every intent 0.90 or more.
# With the questions people ask in the model: 0.91 first, then 0.93 (every intent 0.89 or more) once
# two questions were folded into their exercises and 154 requests by a new author joined training.
MACRO_F1_AT_LEAST = 0.93
EACH_INTENT_F1_AT_LEAST = 0.85


def test_exercise_intents_are_recognised_on_the_held_out_set(servers: BotServers) -> None:
    held_out = examples(HELD_OUT)
    parsed = served_parses(servers, [text for _, text in held_out])
    pairs = [(expected, result["intent"]["name"]) for (expected, _), result in zip(held_out, parsed, strict=True)]
    scores = f1_by_intent(pairs)
    macro = sum(scores.values()) / len(scores)
    assert macro >= MACRO_F1_AT_LEAST, scores
    assert min(scores.values()) >= EACH_INTENT_F1_AT_LEAST, scores
