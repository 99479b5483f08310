"""Messages for tests that need a particular verdict from the served risk layers.

Found in the development sets at test time, never hard-coded: which wording the trained
classifier is unsure about changes whenever it is retrained.
"""

from __future__ import annotations

from bot.safety.classifier import DEVELOPMENT_SETS, read_rows
from bot.safety.verdict import ASK, assess


def a_message_the_risk_layers_are_unsure_about() -> str:
    """The first development message the served layers would ask about."""
    return next(row["text"] for path in DEVELOPMENT_SETS for row in read_rows(path) if assess(row["text"]).level == ASK)
