"""Quality gates for the apology analyzer on its labelled development and held-out sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.apology.evaluate import Report, evaluate

DATA = Path(__file__).resolve().parents[1] / "data" / "apology"


@pytest.fixture(scope="module")
def development() -> Report:
    return evaluate(DATA / "drafts.jsonl")


@pytest.fixture(scope="module")
def holdout() -> Report:
    return evaluate(DATA / "holdout.jsonl")


def _describe(report: Report) -> str:
    return "\n".join(
        f"line {mismatch.line}: expected {mismatch.expected} got {mismatch.predicted}: {mismatch.text}"
        for mismatch in report.mismatches
    )


def test_every_flawed_development_draft_gets_a_flag(development: Report) -> None:
    assert development.flawed_flagged == development.flawed_drafts, _describe(development)


def test_almost_every_sound_development_draft_stays_clean(development: Report) -> None:
    assert development.sound_clean_share >= 0.95, _describe(development)


def test_every_code_reaches_f1_085_on_development(development: Report) -> None:
    failures = [
        f"{score.code}: F1 {score.f1:.2f} (P {score.precision:.2f}, R {score.recall:.2f})"
        for score in development.scores
        if score.f1 < 0.85
    ]
    assert not failures, "\n".join(failures) + "\n" + _describe(development)


# The held-out drafts (54: 18 sound, 36 flawed) were written after tuning stopped, in phrasings the
# rules never saw, and the rules were not changed after scoring them. Measured once: 17/18 sound drafts
# clean (94%), 21/36 flawed drafts flagged (58%), 27 of 28 raised flags right (micro precision 0.96),
# 27 of 50 expected flags found (micro recall 0.54). A cue-based analyzer misses paraphrases it has no
# cue for ("your constant criticism wore me down"), and it is built to be precise rather than eager: a
# false alarm on a sincere apology costs the writer more than a missed flaw. So this gate holds what it
# can honestly promise on unseen text, a little under the measured figures, and guards against
# regressions: sound drafts stay clean, raised flags are right, and over half the flawed drafts are caught.
def test_sound_holdout_drafts_mostly_stay_clean(holdout: Report) -> None:
    assert holdout.sound_clean_share >= 0.88, _describe(holdout)


def test_flags_raised_on_the_holdout_are_nearly_always_right(holdout: Report) -> None:
    true_positives = sum(score.true_positives for score in holdout.scores)
    raised = true_positives + sum(score.false_positives for score in holdout.scores)
    assert raised and true_positives / raised >= 0.90, _describe(holdout)


def test_over_half_the_flawed_holdout_drafts_are_caught(holdout: Report) -> None:
    assert holdout.flawed_flagged_share >= 0.55, _describe(holdout)
