"""Quality gates for the risk detector on the labelled safety sets (tests/data/safety/)."""

from __future__ import annotations

from pathlib import Path

from bot.safety.evaluate import evaluate

DATA = Path(__file__).resolve().parents[1] / "data" / "safety"


def test_dev_set_every_risk_message_is_flagged_and_few_negatives_are() -> None:
    report = evaluate(DATA / "dev.jsonl")
    assert report.risk_count >= 320 and report.negatives >= 500
    assert report.recall == 1.0, f"missed risk messages on dev.jsonl lines {report.missed_lines}"
    assert report.false_positive_rate <= 0.03, (
        f"false positive rate {report.false_positive_rate:.1%}; dev.jsonl lines {report.false_positive_lines}"
    )


def test_holdout_set_stays_at_or_above_the_figures_measured_when_it_was_written() -> None:
    # The holdout was written by a separate author who never saw the rules or the dev set,
    # and the patterns were not changed after seeing its results. (The first holdout, once
    # the rules had been tuned on its misses, joined dev.jsonl.) Measured when it arrived:
    # recall 53.3% (48/90), false positives 2.2% (2/90). The pattern layer alone does not
    # generalise to phrasings it has no rule for; that gap is why the NLU model layer runs
    # beside it. This gate is a regression floor (the measured figures less about two
    # messages of slack), not a quality claim: raise it only with a fresh holdout.
    report = evaluate(DATA / "holdout.jsonl")
    assert report.risk_count >= 90 and report.negatives >= 90
    assert report.recall >= 0.51, f"holdout recall {report.recall:.1%}; missed lines {report.missed_lines}"
    assert report.false_positive_rate <= 0.05, (
        f"holdout false positive rate {report.false_positive_rate:.1%}; lines {report.false_positive_lines}"
    )


def test_the_sixth_round_held_out_set_by_each_layer() -> None:
    # Written after the fourth round's corpus (authors j, k and l), C=16 and thresholds were final,
    # by an author who saw nothing of the project; scored once, nothing tuned on it. Measured when
    # it arrived (277 risk, 294 everyday): patterns alone 111/277 (40.1%) with 13/294 false crisis
    # replies; patterns and classifier together 251/277 (90.6%) at crisis, 270/277 (97.5%) at
    # crisis or ask, 3/294 (1.0%) false crisis replies and 22/294 (7.5%) questions. Floors, not claims.
    patterns = evaluate(DATA / "holdout_round6.jsonl", "patterns")
    assert patterns.recall >= 0.38 and patterns.false_positive_rate <= 0.05
    served = evaluate(DATA / "holdout_round6.jsonl", "served")
    assert served.risk_count == 277 and served.negatives == 294
    assert served.recall >= 0.89, served.missed_lines
    assert served.recall_with_ask >= 0.965, served.missed_lines
    assert served.false_positive_rate <= 0.02, served.false_positive_lines
    assert served.question_rate <= 0.08, served.asked_negative_lines
