"""The NLU risk layer as a component, fed messages the way Rasa's pipeline would."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import risk_layer
from bot.nlu.risk_layer import RiskLayer
from bot.safety.verdict import assess


@pytest.fixture
def patterns_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The risk patterns without the learned classifier, to see what the intent model's guess does alone."""
    monkeypatch.setattr(risk_layer, "assess", lambda text: assess(text, use_classifier=False))


def classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    top_name, top_confidence = ranking[0]
    message.set("intent", {"name": top_name, "confidence": top_confidence})
    message.set("intent_ranking", [{"name": name, "confidence": confidence} for name, confidence in ranking])
    return message


def run(message: Message) -> Message:
    return RiskLayer(RiskLayer.get_default_config()).process([message])[0]


def test_the_patterns_escalate_whatever_the_model_thinks() -> None:
    message = run(classified("honestly i just want to kms", [("greet", 0.9), ("crisis", 0.1)]))
    assert message.get("intent")["name"] == "crisis"
    assert message.get("risk")["layer"] == "patterns"
    assert "text" not in message.get("risk")


def test_the_learned_classifier_escalates_what_no_pattern_names() -> None:
    # A child's disclosure of sexual abuse that no pattern names: the message two well-known
    # chatbots failed in a public test in 2018.
    text = "my stepdad makes me do things at night and says no one will believe me"
    assert assess(text, use_classifier=False).level == "none"
    message = run(classified(text, [("share_feelings", 0.9), ("crisis", 0.1)]))
    assert message.get("intent")["name"] == "crisis"
    assert message.get("risk")["level"] == "crisis" and message.get("risk")["layer"] == "classifier"


@pytest.mark.usefixtures("patterns_only")
def test_a_confident_crisis_guess_about_an_everyday_answer_is_demoted() -> None:
    message = run(classified("my dog, Bess", [("crisis", 0.93), ("inform", 0.05)]))
    assert message.get("intent")["name"] == "inform"
    assert message.get("risk") is None


@pytest.mark.usefixtures("patterns_only")
def test_an_unsure_crisis_guess_does_not_escalate_on_its_own() -> None:
    ranking = [("nlu_fallback", 0.45), ("crisis", 0.35), ("greet", 0.2)]
    message = run(classified("everything is pointless", ranking))
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("risk") is None


def test_ordinary_messages_are_left_alone() -> None:
    message = run(classified("circle of control", [("request_circle_of_control", 0.99)]))
    assert message.get("intent")["name"] == "request_circle_of_control"
    assert message.get("risk") is None


@pytest.mark.usefixtures("patterns_only")
def test_the_intent_models_own_crisis_guess_never_decides() -> None:
    message = run(classified("there is just nothing left for me", [("crisis", 0.99), ("share_feelings", 0.01)]))
    assert message.get("intent")["name"] == "share_feelings"
    assert message.get("risk") is None


@pytest.mark.usefixtures("patterns_only")
def test_an_idiom_or_a_denial_alone_does_not_let_a_crisis_guess_escalate() -> None:
    for text in ["He hit the roof when I told him", "I'm drowning in guilt", "I would never hurt myself, don't worry"]:
        message = run(classified(text, [("crisis", 0.99), ("share_feelings", 0.01)]))
        assert message.get("intent")["name"] == "share_feelings", text
        assert message.get("risk") is None, text


@pytest.mark.usefixtures("patterns_only")
def test_harm_long_past_and_over_does_not_let_a_crisis_guess_escalate() -> None:
    message = run(classified("Growing up my father would hit my mother", [("crisis", 0.99), ("share_feelings", 0.01)]))
    assert message.get("intent")["name"] == "share_feelings"


def test_the_past_brought_into_the_present_still_escalates() -> None:
    text = "he used to hit me years ago and lately he has started again"
    message = run(classified(text, [("crisis", 0.99), ("share_feelings", 0.01)]))
    assert message.get("intent")["name"] == "crisis"
