"""Guided exercises: one shared mechanism (engine.py), one module per exercise."""

from bot.exercises.engine import Button, Context, Exercise, Reply, StepResult, Turn
from bot.exercises.registry import available_exercises, exercise_by_intent, exercise_by_name, exercise_named_in

__all__ = [
    "Button",
    "Context",
    "Exercise",
    "Reply",
    "StepResult",
    "Turn",
    "available_exercises",
    "exercise_by_intent",
    "exercise_by_name",
    "exercise_named_in",
]
