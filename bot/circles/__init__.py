"""The Circle of Control, Influence and Concern exercise: suggestions, explanation, evaluation."""

from bot.circles.content import UnknownRoleError, explanation
from bot.circles.suggest import CIRCLES, Suggestion, split_worries, suggest_circle

__all__ = ["CIRCLES", "Suggestion", "UnknownRoleError", "explanation", "split_worries", "suggest_circle"]
