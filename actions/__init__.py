"""Thin rasa_sdk actions: each module adapts one feature of ``bot/`` to Rasa."""
