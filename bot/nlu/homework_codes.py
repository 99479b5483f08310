"""The homework-code reader of the NLU pipeline: a code a therapist gave is read, never guessed.

Codes are eight characters from a fixed alphabet, so a pattern finds them exactly
(:func:`bot.homework.code_in`); the intent model would only guess. A message carrying one
becomes ``redeem_code`` with the code as the ``homework_code`` entity. It runs before the risk
layer, which keeps the last word: a risky message that also carries a code is a crisis first.

``redeem_code`` has no training examples on purpose: the model never needs to guess it, and
fifteen examples of codes, added once, moved the questions-people-ask model from 151 to 142
right answers of 168 on its gate set by retraining alone. (``rasa data validate`` notes the
intent without examples; it is not an error.)
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.homework import code_in

REDEEM_CODE_INTENT = "redeem_code"
CODE_ENTITY = "homework_code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class HomeworkCodeReader(GraphComponent):
    """Sets ``redeem_code`` and the ``homework_code`` entity when a message carries a code."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> HomeworkCodeReader:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text or text.startswith("/"):
                continue
            code = code_in(text)
            if code is None:
                continue
            start = text.upper().find(code)
            entity = {"entity": CODE_ENTITY, "value": code, "start": start, "end": start + len(code),
                      "extractor": type(self).__name__}  # fmt: skip
            others = [found for found in message.get(ENTITIES) or [] if found.get("entity") != CODE_ENTITY]
            message.set(ENTITIES, [*others, entity], add_to_output=True)
            message.set(INTENT, {"name": REDEEM_CODE_INTENT, "confidence": 1.0}, add_to_output=True)
        return messages
