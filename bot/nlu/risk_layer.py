"""The risk layer of the NLU pipeline: the last word on whether a message is a crisis.

It runs after the intent classifier and the fallback classifier, on every message the
model parses, whatever the conversation state, and asks :func:`bot.safety.verdict.assess`
(the spaCy risk patterns, then the learned risk classifier). At ``crisis`` and at ``ask`` the
intent becomes ``crisis``, with the level, so that the same rules answer in every state: the
crisis reply, or one direct question. The intent model's own ``crisis`` guess never decides:
measured on the development sets, once the classifier had been trained on the second round's
corpus it found no risk message the layers had not, and it asked about 34 of 520 everyday dev
messages. The verdict is attached to the parse result as ``risk`` (level, category, layer, rule,
and whether it is about someone else), never with the message text.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety import discloses_past_abuse
from bot.safety.verdict import NONE, assess

CRISIS_INTENT = "crisis"
SHARE_FEELINGS_INTENT = "share_feelings"
RISK_KEY = "risk"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskLayer(GraphComponent):
    """Overrides the intent with ``crisis`` when either risk layer fires."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Nothing to configure: the thresholds are the risk classifier's (``classifier.yml``)."""
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskLayer:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Mark every risky message as a crisis; leave the others untouched."""
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text: str | None = message.get(TEXT)
        if not text or text.startswith("/"):
            return
        assessed = assess(text)
        if assessed.level == NONE:
            self._demote_unfounded_crisis(message)
            self._hear_past_abuse(message, text)
            return
        risk = assessed.risk
        verdict = {
            "level": assessed.level,
            "category": assessed.category,
            "layer": risk.layer if risk is not None else "classifier",
            "rule": risk.rule if risk is not None else "risk_classifier_unsure",
            "about_someone_else": risk.about_someone_else if risk is not None else False,
            "young": assessed.young,
        }
        # The layer's decision is final, whatever the classifier's own probability was.
        message.set(INTENT, {"name": CRISIS_INTENT, "confidence": 1.0}, add_to_output=True)
        message.set(RISK_KEY, verdict, add_to_output=True)

    @staticmethod
    def _hear_past_abuse(message: Message, text: str) -> None:
        """Abuse long past, told as the reason for the distance, is always heard as feelings shared.

        The intent model spreads its confidence over many intents, and "Sorry, I didn't follow" is
        the worst answer to such a disclosure; the detector's reading does not depend on it.
        """
        if discloses_past_abuse(text):
            message.set(INTENT, {"name": SHARE_FEELINGS_INTENT, "confidence": 1.0}, add_to_output=True)

    @staticmethod
    def _demote_unfounded_crisis(message: Message) -> None:
        """A crisis guess without any word of risk becomes the next intent in the ranking.

        Left as ``crisis``, it would send an everyday answer down the crisis path; the
        patterns, which are the first layer, have already found no risk in it.
        """
        intent = message.get(INTENT) or {}
        if intent.get("name") != CRISIS_INTENT:
            return
        others = [ranked for ranked in message.get(INTENT_RANKING_KEY) or [] if ranked.get("name") != CRISIS_INTENT]
        replacement = others[0] if others else {"name": "nlu_fallback", "confidence": 0.0}
        message.set(INTENT, {"name": replacement["name"], "confidence": replacement["confidence"]}, add_to_output=True)
