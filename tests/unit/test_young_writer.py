"""The cue that a writer may be a child or a teenager, which puts lines for young people first."""

from __future__ import annotations

import pytest

from bot.safety.verdict import assess
from bot.safety.young import writer_may_be_young


@pytest.mark.parametrize(
    "text",
    [
        "im 14 and my stepdad comes into my room at night",
        "I am 15 years old and I want to die",
        "i'm only 13",
        "16 yo, parents kicked me out",
        "im in year 9 and nobody at home talks to me",
        "my teacher saw the marks on my arm",
        "my mum hits me when she's drunk",
        "my mom's boyfriend touches me",
    ],
)
def test_cues_that_the_writer_may_be_young(text: str) -> None:
    assert writer_may_be_young(text)


@pytest.mark.parametrize(
    "text",
    [
        "my 15 year old son won't talk to me",
        "I'm 16 minutes late again",
        "I was 14 when he started hitting me",
        "I'm 45 and my mother still controls my money",
        "my daughter's school called about her",
        "my granddaughter is 12 now and I've never met her",
        "",
    ],
)
def test_adults_talking_about_children_or_their_own_past_are_not_taken_for_children(text: str) -> None:
    assert not writer_may_be_young(text)


def test_the_verdict_carries_the_cue_to_the_crisis_reply() -> None:
    verdict = assess("im 13 and my dad beats me every night")
    assert verdict.level == "crisis" and verdict.risk is not None
    assert verdict.risk.young and verdict.young
    assert not assess("my dad beat me at chess").young
