"""The one shared spaCy pipeline: blank English, lookup lemmas, sentence boundaries.

No pretrained spaCy model can be installed here, so every language analysis in the
project (risk detection, the apology analyzer, the circle suggestions) builds on this
rule-friendly pipeline. Loading it costs most of a second, so it is built once per
process and shared.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def english() -> Language:
    """Return the process-wide blank English pipeline with a lookup lemmatizer and a sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


def analyse(text: str) -> Doc:
    """Tokenise, lemmatise and split ``text`` into sentences with the shared pipeline."""
    return english()(text)


def lemma(token) -> str:
    """The lower-case lemma of a token; the lookup tables are case-sensitive, so fall back to the lower text."""
    value = token.lemma_ or token.text
    return value.lower()
