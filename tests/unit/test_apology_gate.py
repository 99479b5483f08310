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


@pytest.fixture(scope="module")
def independent() -> Report:
    return evaluate(DATA / "independent.jsonl")


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


# The held-out drafts (84: 25 sound, 59 flawed, 7 to 9 per code, both roles) were written after the cues
# were generalised, by deliberately avoiding every phrase in the development set and in the cue lists
# (lexicon.yml, cues.py), and the rules were not changed after scoring them. That makes the set harder
# than ordinary unseen text: it measures what the cues cannot reach. Measured once: 24/25 sound drafts
# clean (96%), 15/59 flawed drafts flagged (25%), 18 of 19 raised flags right (micro precision 0.95),
# 18 of 77 expected flags found (micro recall 0.23); per code, conditional 0.75 recall, qualifier 0.56,
# demand 0.44, justification 0.22, passive 0.12, deflection, blame_shift and minimizing 0.00.
# A cue-based analyzer only finds the phrasing classes it has words for, and it is built to be precise
# rather than eager: a false alarm on a sincere apology costs the writer more than a missed flaw. So the
# gate keeps the clean and precision levels high (one more false alarm on these 25 sound drafts would
# still pass at 92%, two would not) and holds recall at what was honestly measured, to catch regressions.
def test_sound_holdout_drafts_mostly_stay_clean(holdout: Report) -> None:
    assert holdout.sound_clean_share >= 0.92, _describe(holdout)


def test_flags_raised_on_the_holdout_are_nearly_always_right(holdout: Report) -> None:
    assert holdout.raised_flags_right_share >= 0.90, _describe(holdout)


def test_a_fifth_of_the_flawed_holdout_drafts_are_caught(holdout: Report) -> None:
    assert holdout.flawed_flagged_share >= 0.20, _describe(holdout)


# The independent set (100 drafts: 30 sound, 70 flawed, 12 to 15 per code, both roles) was written by a
# separate author who saw neither the analyzer nor its data, in ordinary varied wording rather than
# wording chosen to dodge the cues. Measured when it arrived: 51/70 flawed drafts flagged (72.9%),
# 26/30 sound drafts clean. Two of those four false alarms were "It was never your fault" read as a
# blame shift, the same mistake as one on the adversarial set; the fix (a denied or owned "your fault"
# is not a shift) brought it to 28/30, and nothing else was changed for this set. Regression floors:
def test_most_flawed_independent_drafts_are_caught(independent: Report) -> None:
    assert independent.flawed_flagged_share >= 0.70, _describe(independent)


def test_sound_independent_drafts_mostly_stay_clean(independent: Report) -> None:
    assert independent.sound_clean_share >= 0.86, _describe(independent)


def test_flags_raised_on_the_independent_set_are_nearly_always_right(independent: Report) -> None:
    assert independent.raised_flags_right_share >= 0.93, _describe(independent)
