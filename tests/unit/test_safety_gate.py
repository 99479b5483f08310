"""Quality gates for the risk detector on the labelled safety sets (tests/data/safety/)."""

from __future__ import annotations

from pathlib import Path

from bot.safety.evaluate import evaluate

DATA = Path(__file__).resolve().parents[1] / "data" / "safety"


def test_dev_set_every_risk_message_is_flagged_and_few_negatives_are() -> None:
    report = evaluate(DATA / "dev.jsonl")
    assert report.risk_count >= 240 and report.negatives >= 240
    assert report.recall == 1.0, f"missed risk messages on dev.jsonl lines {report.missed_lines}"
    assert report.false_positive_rate <= 0.03, (
        f"false positive rate {report.false_positive_rate:.1%}; dev.jsonl lines {report.false_positive_lines}"
    )


def test_holdout_set_stays_at_or_above_the_figures_measured_when_it_was_written() -> None:
    # The holdout was written after the patterns were tuned on dev.jsonl, with new phrasings,
    # and the patterns were not changed after seeing its results. Measured then: recall 58.9%
    # (43/73), false positives 1.5% (1/65). The pattern layer alone does not generalise to
    # phrasings it has no rule for; that gap is why the NLU model layer runs beside it. This
    # gate is a regression floor (the measured figures less about two messages of slack), not
    # a quality claim: raise it only with a fresh holdout written after the change.
    report = evaluate(DATA / "holdout.jsonl")
    assert report.risk_count >= 60 and report.negatives >= 60
    assert report.recall >= 0.56, f"holdout recall {report.recall:.1%}; missed lines {report.missed_lines}"
    assert report.false_positive_rate <= 0.05, (
        f"holdout false positive rate {report.false_positive_rate:.1%}; lines {report.false_positive_lines}"
    )
