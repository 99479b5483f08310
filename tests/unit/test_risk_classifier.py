"""The fitted risk classifier's fast scorer gives exactly the pipeline's probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from bot.safety.classifier import DEVELOPMENT_SETS, Scorer, _pieces, load, read_rows


@pytest.fixture(scope="module")
def model():
    return load()


def test_the_scorer_matches_predict_proba_on_development_messages(model) -> None:
    scorer = Scorer(model)
    texts = [row["text"] for path in DEVELOPMENT_SETS for row in read_rows(path)][::4]
    for text in texts:
        pieces = _pieces(text)
        assert np.allclose(scorer.predict_proba(pieces), model.predict_proba(pieces), rtol=0, atol=1e-9), text


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "zzzz qqqq", "a" * 5000, "\u202eright to left", "x\x00y"])
def test_the_scorer_matches_on_odd_input_too(model, text: str) -> None:
    pieces = _pieces(text) or [text]
    assert np.allclose(Scorer(model).predict_proba(pieces), model.predict_proba(pieces), rtol=0, atol=1e-9)
    assert list(Scorer(model).classes_) == list(model.classes_)
