"""Turn a draft into a spaCy ``Doc`` whose token norms and lemmas are easy to match.

People type apologies on phones: curly apostrophes, "im", "dont", "its", "lets". The
shared pipeline's lookup lemmatizer is case-sensitive and has quirks ("does" -> "doe"),
so every token gets a lower-case canonical norm (contractions spelled out: "'m" -> "am",
"n't" -> "not") and a canonical lemma ("apologize" -> "apologise"). Character offsets of
the original draft are preserved: every substitution keeps the text's length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.language import analyse, english

# Same-length substitutions only, so offsets in the Doc are offsets in the draft.
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})

SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it", "that", "there", "who", "what"})

# Contraction pieces as the tokenizer leaves them, with and without the apostrophe.
_CONTRACTION_NORMS = {
    "'m": "am",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "n't": "not",
    "nt": "not",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
    "cannot": "can not",
    "u": "you",
    "ur": "your",
}
# Bare pieces ("im" -> "i" + "m") only mean a contraction right after a pronoun.
_BARE_AFTER_PRONOUN = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would", "s": "is"}

_LEMMA_FIXES = {
    "does": "do",
    "am": "be",
    "'m": "be",
    "m": "be",
    "'re": "be",
    "'s": "be",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "n't": "not",
    "nt": "not",
    "ca": "can",
    "wo": "will",
    "'ll": "will",
    "'ve": "have",
    "'d": "would",
    "apologies": "apology",
    "apology": "apology",
    "u": "you",
}

# "'s" after these is "is" rather than a possessive ("nobody's perfect", "everyone's moved on").
_IS_AFTER = frozenset(
    {"nobody", "noone", "everyone", "everybody", "everything", "someone", "this", "here", "how"}
)

# "its"/"lets" without the apostrophe are split when the next word shows they mean "it is"/"let us".
_ITS_FOLLOWERS = frozenset(
    {
        "not",
        "been",
        "a",
        "an",
        "just",
        "only",
        "all",
        "okay",
        "ok",
        "fine",
        "over",
        "like",
        "no",
        "nothing",
        "so",
        "too",
        "time",
        "your",
        "my",
        "in",
        "because",
        "the",
        "true",
        "hard",
        "really",
        "never",
        "what",
    }
)


def prepare(text: str) -> Doc:
    """Analyse ``text`` and return a Doc with canonical lower-case norms and lemmas on every token.

    The Doc's text has the same length as ``text`` (typographic quotes become straight ones),
    so token character offsets can be used directly on the original draft.
    """
    doc = analyse(text.translate(_TYPOGRAPHIC))
    _split_run_together_contractions(doc)
    for token in doc:
        token.norm_ = _canonical_norm(token)
        token.lemma_ = _canonical_lemma(token)
    return doc


def _split_run_together_contractions(doc: Doc) -> None:
    """Split "its" / "lets" into two tokens when they stand for "it is" / "let us"."""
    with doc.retokenize() as retokenizer:
        for token in doc:
            lower = token.lower_
            following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            is_its = lower == "its" and following in _ITS_FOLLOWERS
            # "lets" opening a clause is nearly always "let's"; "he lets" is not said in an apology.
            is_lets = lower == "lets" and (token.i == 0 or token.is_sent_start or doc[token.i - 1].is_punct)
            if is_its or is_lets:
                heads = [(token, 1), token]
                retokenizer.split(token, [token.text[:-1], token.text[-1]], heads=heads)


def _canonical_norm(token: Token) -> str:
    lower = token.lower_
    if lower in _CONTRACTION_NORMS:
        return _CONTRACTION_NORMS[lower]
    if token.i > 0:
        previous = token.doc[token.i - 1].lower_
        if lower in ("s", "'s") and previous == "let":
            return "us"
        if lower in _BARE_AFTER_PRONOUN and previous in SUBJECT_PRONOUNS | {"i"}:
            return _BARE_AFTER_PRONOUN[lower]
        if lower == "'s" and previous in SUBJECT_PRONOUNS | _IS_AFTER:
            return "is"
    return lower


def _canonical_lemma(token: Token) -> str:
    norm = token.norm_
    if norm in _LEMMA_FIXES:
        return _LEMMA_FIXES[norm]
    if token.lower_ in _LEMMA_FIXES:
        return _LEMMA_FIXES[token.lower_]
    if norm.startswith("apologi") or norm.startswith("apologe"):
        return "apologise"
    lemma = _lookup_lemma(norm)
    return "apologise" if lemma == "apologize" else lemma


def _lookup_lemma(lower: str) -> str:
    table = english().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return table.get(lower, lower)
