"""The served risk verdict: the patterns first, then the learned classifier.

``assess(text)`` is what every channel, the NLU risk layer and the exercise form ask of a
message. Three levels: ``crisis`` (the crisis reply), ``ask`` (a direct, kind question,
because a careful counsellor would ask) and ``none``. The patterns decide alone when they
fire; the classifier speaks for the phrasings no rule names.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.safety.classifier import ClassifierMissingError, estimate_risk, thresholds
from bot.safety.detector import Risk, detect_risk
from bot.safety.young import writer_may_be_young

logger = logging.getLogger(__name__)

CRISIS, ASK, NONE = "crisis", "ask", "none"
LEVELS: tuple[str, ...] = (CRISIS, ASK, NONE)
CLASSIFIER_LAYER = "classifier"


@dataclass(frozen=True)
class Verdict:
    """What to do with a message; ``risk`` is set exactly when the level is ``crisis``."""

    level: str
    category: str | None = None
    risk: Risk | None = None
    probability: float | None = None
    young: bool = False


def level_for(probability: float, *, crisis: float, ask: float) -> str:
    """The level a classifier probability earns under the ``crisis`` and ``ask`` thresholds."""
    if probability >= crisis:
        return CRISIS
    return ASK if probability >= ask else NONE


def assess(text: str, *, use_classifier: bool = True) -> Verdict:
    """The verdict on one message; never raises on ordinary text and never keeps its words."""
    risk = detect_risk(text)
    if risk is not None:
        young = writer_may_be_young(text)
        return Verdict(CRISIS, risk.category, replace(risk, young=young), 1.0, young)
    if not use_classifier or not text or not text.strip():
        return Verdict(NONE)
    try:
        estimate = estimate_risk(text)
    except ClassifierMissingError:
        # Serving without the learned layer is a deployment error (python -m bot serve refuses
        # to start without it); the patterns still stand, so the message is not left unscreened.
        logger.error("The risk classifier is missing; only the risk patterns screened this message.")
        return Verdict(NONE)
    level = level_for(estimate.probability, **thresholds())
    young = level != NONE and writer_may_be_young(text)
    if level == CRISIS:
        risk = Risk(estimate.category, CLASSIFIER_LAYER, "risk_classifier", about_someone_else=False, young=young)
        return Verdict(CRISIS, estimate.category, risk, estimate.probability, young)
    return Verdict(level, estimate.category if level == ASK else None, None, estimate.probability, young)
