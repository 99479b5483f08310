"""Estrangement companion: a guided self-help chatbot for parent–adult child estrangement."""

__version__ = "0.1.0"
