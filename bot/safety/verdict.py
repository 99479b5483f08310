"""The served risk verdict: the patterns first, then the learned classifier.

``assess(text)`` is what every channel, the NLU risk layer and the exercise form ask of a
message. Three levels: ``crisis`` (the crisis reply), ``ask`` (a direct, kind question,
because a careful counsellor would ask) and ``none``. The patterns decide when they fire,
unless the classifier finds the message very unlikely to speak of risk; the classifier speaks
for the phrasings no rule names.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.safety.classifier import (
    ClassifierMissingError,
    RiskEstimate,
    estimate_risk,
    patterns_overruled_below,
    thresholds,
)
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


@dataclass(frozen=True)
class Policy:
    """How the two layers combine into a level: the thresholds ``classifier.yml`` holds."""

    crisis: float
    ask: float
    patterns_overruled_below: float

    def level(self, probability: float, pattern_fired: bool) -> str:
        """A pattern match is a crisis unless the classifier finds it very unlikely (then ask)."""
        if pattern_fired:
            return CRISIS if probability >= self.patterns_overruled_below else ASK
        return level_for(probability, crisis=self.crisis, ask=self.ask)


def served_policy() -> Policy:
    """The policy every process serves, from ``classifier.yml``."""
    return Policy(**thresholds(), patterns_overruled_below=patterns_overruled_below())


def assess(text: str, *, use_classifier: bool = True) -> Verdict:
    """The verdict on one message; never raises on ordinary text and never keeps its words.

    A pattern match gives the crisis reply unless the classifier finds the message very unlikely
    to speak of risk; then the person is asked directly instead (an idiom or a denial no rule
    foresaw). Without the classifier, a pattern match always gives the crisis reply.
    """
    risk = detect_risk(text)
    if risk is None and (not use_classifier or not text or not text.strip()):
        return Verdict(NONE)
    estimate = _estimate(text) if use_classifier else None
    if estimate is None:  # the patterns alone
        if risk is None:
            return Verdict(NONE)
        young = writer_may_be_young(text)
        return Verdict(CRISIS, risk.category, replace(risk, young=young), 1.0, young)
    level = served_policy().level(estimate.probability, pattern_fired=risk is not None)
    if level == NONE:
        return Verdict(NONE, None, None, estimate.probability)
    category = risk.category if risk is not None else estimate.category
    young = writer_may_be_young(text)
    if level == ASK:
        return Verdict(ASK, category, None, estimate.probability, young)
    if risk is None:
        risk = Risk(category, CLASSIFIER_LAYER, "risk_classifier", about_someone_else=False)
    return Verdict(CRISIS, category, replace(risk, young=young), estimate.probability, young)


def _estimate(text: str) -> RiskEstimate | None:
    try:
        return estimate_risk(text)
    except ClassifierMissingError:
        # Serving without the learned layer is a deployment error (python -m bot serve refuses
        # to start without it); the patterns still stand, so the message is not left unscreened.
        logger.error("The risk classifier is missing; only the risk patterns screened this message.")
        return None
