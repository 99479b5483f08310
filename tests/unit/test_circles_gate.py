"""Quality gate for the circle suggestions, on the dev set and on the held-out set.

Why these levels:

* A wrong circle costs the person one tap: every suggestion is shown with its reason and the
  person confirms or moves it. With 5 to 8 worries in a session, 85% agreement means about
  one move per session; "everything is concern" would agree only 39-43% of the time.
* The costly error is suggesting "control" for something that is another person's choice
  (or the past, or health): it implies the person could force it, which is false and can
  add blame. That error is gated on its own, by count, on both sets.
* The dev set (worries.jsonl) is the set the rules were tuned on, so its figure (100%
  when the gate was set) is an upper bound, not an estimate. Its gate guards against
  regressions and leaves room for a few label corrections or rule trade-offs: at least 95%,
  and at most 1 concern worry suggested as control.
* The held-out set (holdout.jsonl) was written after tuning ended and never tuned on. It
  measured 67/76 = 88.2% (95% Wilson interval about 79-94%), with 2 of 30 concern worries
  suggested as control. Its gate is set just below what was measured: at least 85%, and no
  more than those 2 concern-as-control errors. Do not tune on it; write a fresh held-out set
  for the next round of rule changes.
"""

from __future__ import annotations

import pytest

from bot.circles.evaluate import DEV_SET, HOLDOUT_SET, Report, evaluate

DEV_MIN_AGREEMENT = 0.95
DEV_MAX_CONCERN_AS_CONTROL = 1
HOLDOUT_MIN_AGREEMENT = 0.85
HOLDOUT_MAX_CONCERN_AS_CONTROL = 2


@pytest.fixture(scope="module")
def dev_report() -> Report:
    return evaluate(DEV_SET)


@pytest.fixture(scope="module")
def holdout_report() -> Report:
    return evaluate(HOLDOUT_SET)


def test_dev_set_is_large_and_balanced_enough_to_mean_something(dev_report: Report) -> None:
    assert dev_report.total >= 120
    for circle, counts in dev_report.confusion.items():
        assert sum(counts.values()) >= 30, circle


def test_holdout_set_is_large_enough_to_mean_something(holdout_report: Report) -> None:
    assert holdout_report.total >= 45


def test_dev_agreement_stays_at_the_tuned_level(dev_report: Report) -> None:
    assert dev_report.accuracy >= DEV_MIN_AGREEMENT, dev_report.mismatches


def test_dev_concern_is_almost_never_suggested_as_control(dev_report: Report) -> None:
    assert dev_report.count(expected="concern", suggested="control") <= DEV_MAX_CONCERN_AS_CONTROL


def test_holdout_agreement_meets_the_honest_level(holdout_report: Report) -> None:
    assert holdout_report.accuracy >= HOLDOUT_MIN_AGREEMENT, holdout_report.mismatches


def test_holdout_concern_is_rarely_suggested_as_control(holdout_report: Report) -> None:
    assert holdout_report.count(expected="concern", suggested="control") <= HOLDOUT_MAX_CONCERN_AS_CONTROL
