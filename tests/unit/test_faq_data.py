"""The questions people ask: every question has examples, an answer for everyone, and one next step."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.exercises import available_exercises
from bot.roles import LEGACY_ADULT_CHILD, ROLES

ROOT = Path(__file__).resolve().parents[2]


def questions() -> dict[str, list[str]]:
    data = yaml.safe_load((ROOT / "data" / "nlu" / "faq.yml").read_text())["nlu"]
    return {
        item["intent"].split("/", 1)[1]: [line[2:] for line in item["examples"].splitlines() if line.startswith("- ")]
        for item in data
    }


def answers() -> dict[str, list[dict]]:
    responses = yaml.safe_load((ROOT / "domain.yml").read_text())["responses"]
    return {
        name.split("/", 1)[1]: variations for name, variations in responses.items() if name.startswith("utter_faq/")
    }


def test_at_least_thirty_questions_each_with_examples_and_an_answer() -> None:
    asked, answered = questions(), answers()
    assert len(asked) >= 30
    assert set(asked) == set(answered)
    for key, examples in asked.items():
        assert len(set(examples)) >= 10, key
    every_example = [example.lower() for examples in asked.values() for example in examples]
    assert len(every_example) == len(set(every_example)), "an example belongs to one question only"


def test_every_answer_has_a_version_for_everyone_and_ends_with_one_real_next_step() -> None:
    next_steps = {exercise.menu_payload for exercise in available_exercises()} | {"menu"}
    roles = set(ROLES) | {LEGACY_ADULT_CHILD}
    for key, variations in answers().items():
        assert any("condition" not in variation for variation in variations), f"{key} has no answer for everyone"
        for variation in variations:
            for condition in variation.get("condition", []):
                assert condition["name"] == "role" and condition["value"] in roles, key
            assert [button["payload"] for button in variation["buttons"]] in [[step] for step in next_steps], key
            assert len(variation["text"].split()) <= 80, key


def test_no_answer_promises_an_outcome_or_claims_to_be_a_therapist() -> None:
    for key, variations in answers().items():
        for variation in variations:
            text = variation["text"].lower()
            promises = ("they will come back", "will reconcile", "i am a therapist", "i'm a therapist", "guarantee")
            for promise in promises:
                assert promise not in text, key
