"""How the patterns and the classifier combine into the served level (bot.safety.verdict.Policy)."""

from __future__ import annotations

from bot.safety.evaluate import served_figures
from bot.safety.verdict import ASK, CRISIS, NONE, Policy, served_policy

POLICY = Policy(crisis=0.87, ask=0.48, patterns_overruled_below=0.3)


def test_without_a_pattern_the_classifier_decides_by_its_two_thresholds() -> None:
    assert [POLICY.level(p, pattern_fired=False) for p in (0.95, 0.87, 0.6, 0.48, 0.2)] == [
        CRISIS, CRISIS, ASK, ASK, NONE
    ]


def test_a_pattern_match_is_a_crisis_unless_the_classifier_finds_it_very_unlikely_then_it_is_asked() -> None:
    assert POLICY.level(0.31, pattern_fired=True) == CRISIS
    assert POLICY.level(0.05, pattern_fired=True) == ASK
    # A pattern match is never left unanswered, however low the estimate.
    assert POLICY.level(0.0, pattern_fired=True) != NONE


def test_the_served_policy_is_the_one_in_classifier_yml() -> None:
    policy = served_policy()
    # Overruling a pattern below the ask threshold (or at it, as the fourth round's sweep chose)
    # means a doubted pattern match is asked about exactly where the classifier alone would ask.
    assert 0 < policy.patterns_overruled_below <= policy.ask < policy.crisis < 1


def test_served_figures_count_crisis_answers_false_alarms_and_questions() -> None:
    risky = [True, True, True, True, False, False, False, False]
    fired = [True, False, False, False, True, False, False, False]
    probabilities = [0.1, 0.9, 0.5, 0.1, 0.5, 0.9, 0.5, 0.1]
    recall, answered, false_crisis, questions = served_figures(POLICY, risky, fired, probabilities)
    assert (recall, answered, false_crisis, questions) == (0.25, 0.75, 0.5, 0.25)
