"""The learned risk layer: a classifier over word and character n-grams.

The spaCy patterns are the first layer: precise, explainable and instant, but they know only
the phrasings someone wrote a rule for. This layer learns from a corpus of about eleven
thousand risk and everyday messages by several authors (``data/safety/corpus/``, described in
its DATASHEET.md) and the development sets, and estimates, for any wording, how likely a
message is to speak of suicide, self-harm, abuse or violence. Character n-grams carry it
across misspellings and texting style; word pairs carry it across phrasings.

A message is scored whole and sentence by sentence, and the highest estimate counts, so one
risky sentence inside a long everyday message is not averaged away. ``make train`` fits the
model into ``models/risk_classifier.joblib``; every process loads it once. The thresholds in
``classifier.yml`` were set on the development set only (see the README).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.safety.normalise import normalise

logger = logging.getLogger(__name__)

CORPUS_DIR = PROJECT_ROOT / "data" / "safety" / "corpus"
# The development sets: the patterns were tuned on the first; the others are held-out sets
# that joined development once they had been scored (rounds 1 to 5). The newest held-out set
# (tests/data/safety/holdout_round6.jsonl) is never trained or tuned on.
DEVELOPMENT_SETS = (
    PROJECT_ROOT / "tests" / "data" / "safety" / "dev.jsonl",
    PROJECT_ROOT / "tests" / "data" / "safety" / "holdout.jsonl",
    PROJECT_ROOT / "tests" / "data" / "safety" / "holdout_round2.jsonl",
    PROJECT_ROOT / "tests" / "data" / "safety" / "holdout_round3.jsonl",
    PROJECT_ROOT / "tests" / "data" / "safety" / "holdout_round4.jsonl",
    PROJECT_ROOT / "tests" / "data" / "safety" / "holdout_round5.jsonl",
)
MODEL_FILE = PROJECT_ROOT / "models" / "risk_classifier.joblib"
SETTINGS_FILE = Path(__file__).with_name("classifier.yml")
NONE = "none"
LABELS: tuple[str, ...] = (NONE, "suicide", "self_harm", "abuse", "violence")
# Sentences shorter than this carry too little to be judged apart from the rest of the message.
_MIN_SENTENCE_WORDS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class RiskEstimate:
    """How likely a message is to speak of risk, and of which kind."""

    probability: float
    category: str


class ClassifierMissingError(RuntimeError):
    """The model file is not there: ``make train`` has not been run."""


def thresholds() -> dict[str, float]:
    """``crisis`` (escalate on its own) and ``ask`` (ask directly) probabilities."""
    return {name: float(value) for name, value in load_content(SETTINGS_FILE)["thresholds"].items()}


def patterns_overruled_below() -> float:
    """Below this probability a pattern match earns the direct question, not the crisis reply."""
    return float(load_content(SETTINGS_FILE)["patterns_overruled_below"])


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The labelled lines of one JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpus(directory: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    """Every labelled line of the training corpus, author by author."""
    return [row for path in sorted(directory.glob("*.jsonl")) for row in read_rows(path)]


def load_development() -> list[dict[str, Any]]:
    """Every labelled line of the development sets."""
    return [row for path in DEVELOPMENT_SETS for row in read_rows(path)]


def label_of(row: dict[str, Any]) -> str:
    """A corpus or evaluation row's class: its category when it is risk, else ``none``."""
    return row["category"] if row["risk"] else NONE


def build_model():
    """An untrained pipeline: word and character TF-IDF features, multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"[a-z0-9']+")),
            ("characters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
        ]
    )
    # C and the unweighted classes were chosen by cross-validation on the development sets:
    # balanced class weights doubled the false crisis replies for no gain in recall. With the
    # fourth round's corpus, C=16 answered slightly more than C=8 in 15 of 17 sources left out.
    classifier = LogisticRegression(C=16.0, max_iter=3000)
    return Pipeline([("features", features), ("classifier", classifier)])


def train(rows: Iterable[dict[str, Any]]):
    """A model fitted on labelled rows (``text``, ``risk``, ``category``)."""
    rows = list(rows)
    model = build_model()
    model.fit([normalise(row["text"]) for row in rows], [label_of(row) for row in rows])
    return model


def save(model, path: Path = MODEL_FILE) -> None:
    """Write the fitted model where every process will load it from."""
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)


@lru_cache(maxsize=4)
def load(path: Path = MODEL_FILE):
    """The fitted model, loaded once per process."""
    import joblib

    if not path.exists():
        raise ClassifierMissingError(f"{path} is missing: run `make train` to fit the risk classifier")
    return joblib.load(path)


def is_available(path: Path = MODEL_FILE) -> bool:
    """Whether the fitted model is there to be loaded."""
    return path.exists()


def _pieces(text: str) -> list[str]:
    normalised = normalise(text)
    sentences = [piece for piece in _SENTENCE_END.split(normalised) if len(piece.split()) >= _MIN_SENTENCE_WORDS]
    return [normalised] + (sentences if len(sentences) > 1 else [])


class Scorer:
    """The fitted pipeline's arithmetic without scikit-learn's per-call overhead.

    ``predict_proba`` on one short message spends most of its 3 to 4 ms validating inputs and
    building sparse matrices. This computes the same numbers directly: each vectorizer's n-grams,
    sublinear TF times IDF, L2-normalised per vectorizer, then the multinomial logistic
    regression's softmax. ``tests/unit/test_risk_classifier.py`` checks it against
    ``predict_proba``.
    """

    def __init__(self, model) -> None:
        import numpy as np

        self._np = np
        features, classifier = model.named_steps["features"], model.named_steps["classifier"]
        self._vectorizers = []
        offset = 0
        for _, vectorizer in features.transformer_list:
            if not (vectorizer.sublinear_tf and vectorizer.norm == "l2" and vectorizer.use_idf):
                raise ValueError("Scorer expects sublinear TF-IDF with L2 norm")
            self._vectorizers.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset))
            offset += len(vectorizer.vocabulary_)
        self._coefficients = classifier.coef_
        self._intercepts = classifier.intercept_
        self.classes_ = list(classifier.classes_)

    def _scores(self, text: str):
        np = self._np
        indices, values = [], []
        for analyze, vocabulary, idf, offset in self._vectorizers:
            counts: dict[int, int] = {}
            for gram in analyze(text):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * idf[columns]
            weights /= np.sqrt(np.dot(weights, weights))
            indices.append(columns + offset)
            values.append(weights)
        if not indices:
            return self._intercepts.copy()
        columns, weights = np.concatenate(indices), np.concatenate(values)
        return self._coefficients[:, columns] @ weights + self._intercepts

    def predict_proba(self, pieces: list[str]):
        """Class probabilities for each piece, as the pipeline's ``predict_proba`` gives them."""
        np = self._np
        scores = np.vstack([self._scores(piece) for piece in pieces])
        scores -= scores.max(axis=1, keepdims=True)
        exponentials = np.exp(scores)
        return exponentials / exponentials.sum(axis=1, keepdims=True)


@lru_cache(maxsize=4)
def load_scorer(path: Path = MODEL_FILE) -> Scorer:
    """The scorer of the fitted model, built once per process."""
    return Scorer(load(path))


def estimate_risk(text: str, model=None) -> RiskEstimate:
    """The estimate for the whole message or its riskiest sentence, whichever is higher."""
    scorer = Scorer(model) if model is not None else load_scorer()
    pieces = _pieces(text)
    probabilities = scorer.predict_proba(pieces)
    classes = scorer.classes_
    none_column = classes.index(NONE)
    risk_by_piece = 1.0 - probabilities[:, none_column]
    riskiest = int(risk_by_piece.argmax())
    by_class = {label: probabilities[riskiest, position] for position, label in enumerate(classes) if label != NONE}
    return RiskEstimate(float(risk_by_piece[riskiest]), max(by_class, key=by_class.get))


def main(argv: list[str] | None = None) -> int:
    """Fit the classifier on the corpus and the development sets, into ``models/`` (run by ``make train``)."""
    corpus = load_corpus()
    if not corpus:
        raise SystemExit(f"no corpus under {CORPUS_DIR}")
    rows = corpus + load_development()
    save(train(rows))
    print(f"risk classifier: {len(rows)} messages, written to {MODEL_FILE.relative_to(PROJECT_ROOT)}")
    return 0
