"""Questions people ask, on a held-out set nobody trained on, asked of the served model's parse endpoint.

The set (tests/data/nlu/faq_round2.yml, four messages for each of the 42 questions) was written by
an author who saw neither the project nor its training data. A message counts as answered right
only when the intent is ``faq`` and the ResponseSelector picks its question; anything else (an
exercise, the fallback, the risk question) counts as wrong. The floors guard the figures the README
states; they are not claims.
"""

from __future__ import annotations

from pathlib import Path

from tests.nlu_sets import examples, f1_by_intent, served_parses
from tests.servers import BotServers

HELD_OUT = Path(__file__).resolve().parent.parent / "data" / "nlu" / "faq_round2.yml"
# Two questions of the set ("how do I apologise well?", "what do I say in a first message?") were
# folded into their exercises after the set was scored: the person is now taken straight into the
# apology workshop or the first message, which is what the answer pointed to. Their messages count
# as right when they start that exercise.
FOLDED_INTO = {"faq/how_to_apologise": "request_apology_help", "faq/first_message": "request_first_message"}
# Measured when the set arrived (168 messages, 42 questions): 133 right (79.2%), macro F1 0.84.
# After the two questions were folded in and 154 exercise requests by a new author joined the
# training data: 151 right (89.9%), macro F1 0.92 (the README says why).
ACCURACY_AT_LEAST = 0.88
MACRO_F1_AT_LEAST = 0.90


def answered_as(parsed: dict) -> str:
    """The question the served model answers, or the intent it took the message for instead."""
    if parsed["intent"]["name"] != "faq":
        return parsed["intent"]["name"]
    return parsed["response_selector"]["faq"]["response"]["intent_response_key"]


def test_questions_people_ask_are_answered_on_the_held_out_set(servers: BotServers) -> None:
    held_out = [(FOLDED_INTO.get(expected, expected), text) for expected, text in examples(HELD_OUT)]
    parsed = served_parses(servers, [text for _, text in held_out])
    pairs = [(expected, answered_as(result)) for (expected, _), result in zip(held_out, parsed, strict=True)]
    assert len(pairs) == 168
    accuracy = sum(expected == got for expected, got in pairs) / len(pairs)
    scores = f1_by_intent(pairs)
    macro = sum(scores.values()) / len(scores)
    assert accuracy >= ACCURACY_AT_LEAST, [pair for pair in pairs if pair[0] != pair[1]]
    assert macro >= MACRO_F1_AT_LEAST, scores
