"""Questions people ask, answered through the really trained ResponseSelector, by role."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.chat import button_payloads

STORIES = Path(__file__).resolve().parents[1] / "stories" / "test_faq.yml"
DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"


def faq_answers() -> dict[str, list[str]]:
    responses = yaml.safe_load(DOMAIN.read_text())["responses"]
    return {name: [variation["text"] for variation in variations] for name, variations in responses.items()
            if name.startswith("utter_faq/")}


def test_the_answer_fits_the_side_of_the_estrangement_and_ends_with_one_next_step(servers) -> None:
    parent, child = servers.chat(), servers.chat()
    parent.onboard(role="parent")
    child.onboard(role="adult child who stepped back")
    for_parent = parent.send("can we ever be close again after this")
    for_child = child.send("can we ever be close again after this")
    assert "the pace your child sets" in for_parent[0]["text"]
    assert "Nobody owes contact to someone who harmed them" in for_child[0]["text"]
    assert button_payloads(for_parent) == button_payloads(for_child) == ["circle of control"]


def test_what_is_stored_is_answered_honestly(onboarded_chat) -> None:
    text = onboarded_chat.say("who can see my messages")
    assert "show my reflections" in text and "conversation itself is kept" in text


def test_every_question_in_the_test_stories_gets_its_own_answer_through_the_model(servers) -> None:
    chat = servers.chat()
    chat.onboard(role="I'd rather not say")
    answers = faq_answers()
    stories = yaml.safe_load(STORIES.read_text())["stories"]
    wrong = []
    for story in stories:
        user = next(step for step in story["steps"] if "user" in step)
        responses = chat.send(user["user"].strip())
        expected = answers[f"utter_{user['intent']}"]
        if not responses or responses[0].get("text") not in expected or len(button_payloads(responses)) != 1:
            wrong.append((user["intent"], [item.get("text", "")[:60] for item in responses]))
    assert len(stories) >= 30 and not wrong, wrong
