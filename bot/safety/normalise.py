"""Rewrite texting style into plain lower-case English before the risk patterns read it.

People in distress type fast: no apostrophes ("dont", "im"), slang ("kms", "unalive"),
misspellings ("sucidal"), digits for letters ("k1ll") and typed-out abbreviations ("wanna",
"gonna"). Mapping those onto the ordinary words keeps the patterns in ``patterns.py`` short
and lets one pattern cover every spelling. The rewrite only ever makes text *more* likely to
match a risk pattern, never less, and keeps everyday words untouched.
"""

from __future__ import annotations

import re

# Whole-word rewrites, applied after lower-casing. Multi-word keys are matched as phrases.
_PHRASES: dict[str, str] = {
    # Missing apostrophes.
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "shouldnt": "shouldn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "whats": "what's",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "theyll": "they'll",
    "youre": "you're",
    "thats": "that's",
    "dnt": "don't",
    "cnt": "can't",
    "i ll": "i'll",
    "i m": "i'm",
    "want 2": "want to",
    "wants 2": "wants to",
    "going 2": "going to",
    "2 die": "to die",
    "2 live": "to live",
    # Typed-out contractions and texting words.
    "wanna": "want to",
    "wana": "want to",
    "wnt": "want",
    "gonna": "going to",
    "gunna": "going to",
    "finna": "going to",
    "tryna": "trying to",
    "gotta": "got to",
    "kinda": "kind of",
    "u": "you",
    "ur": "your",
    "r": "are",
    "b": "be",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "rn": "right now",
    "tonite": "tonight",
    "any more": "anymore",
    "any longer": "anymore",
    "hubby": "husband",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "my self": "myself",
    "him self": "himself",
    "her self": "herself",
    "them selves": "themselves",
    "themself": "themselves",
    "meself": "myself",
    "myslef": "myself",
    "mysef": "myself",
    # Suicide slang and misspellings.
    "kms": "kill myself",
    "ctb": "kill myself",
    "unalive myself": "kill myself",
    "unalive me": "kill myself",
    "unaliving myself": "killing myself",
    "be unalive": "be dead",
    "unalived": "killed",
    "unaliving": "killing",
    "unalive": "die",
    "sewerslide": "suicide",
    "sewer slide": "suicide",
    "kermit sudoku": "suicide",
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "sucicide": "suicide",
    "suacide": "suicide",
    "suicied": "suicide",
    "suiscide": "suicide",
    "sucidal": "suicidal",
    "suicidle": "suicidal",
    "suisidal": "suicidal",
    "suicial": "suicidal",
    "sucicidal": "suicidal",
    "suacidal": "suicidal",
    "suicdal": "suicidal",
    "sucidial": "suicidal",
    "suicidial": "suicidal",
    "od": "overdose",
    "oded": "overdosed",
    "od'd": "overdosed",
    "oding": "overdosing",
    "overdoes": "overdose",
    "kil": "kill",
    "kll": "kill",
    "ded": "dead",
    # Self-harm words become one token so "self" and "harm" cannot match apart.
    "sh": "selfharm",
}

_SELF_HARM = re.compile(r"\bself[\s-]*harm(?:s|ed|ing|er)?\b|\bselfharm(?:s|ed|ing)?\b")
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_LEET = str.maketrans(
    {"1": "i", "!": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"}
)
# Only words that turn into one of these stems after the digit swap are rewritten, so "2am",
# "988" or "3rd" are left alone.
_LEET_STEMS = re.compile(
    r"^(kill|die|dead|suicid|cut|hurt|harm|unalive|overdos|pills?|hang|abus|self|myself)"
)
_LEET_WORD = re.compile(r"\b(?=[a-z0-9@$!]*[a-z])(?=[a-z@$!]*[0-9@$!])[a-z0-9@$!]+\b")
_PHRASE_PATTERN = re.compile(
    r"(?<![\w'])("
    + "|".join(re.escape(key) for key in sorted(_PHRASES, key=len, reverse=True))
    + r")(?![\w'])"
)
# Three or more repeats of a letter are emphasis ("pleeease", "dieeee"): keep one.
_STRETCHED = re.compile(r"([a-z])\1{2,}")


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    plain = word.translate(_LEET)
    return plain if _LEET_STEMS.match(plain) else word


def normalise(text: str) -> str:
    """Return ``text`` lower-cased with slang, misspellings, leetspeak and missing apostrophes rewritten.

    The result is meant for pattern matching only: it is never shown to anyone. A lone UTF-16
    surrogate (JSON's "\\ud800" decodes to one) becomes "?", so no layer ever fails to encode it.
    """
    lowered = text.encode("utf-8", "replace").decode("utf-8").translate(_CURLY).lower()
    lowered = _LEET_WORD.sub(_unleet, lowered)
    lowered = _STRETCHED.sub(r"\1", lowered)
    lowered = _SELF_HARM.sub("selfharm", lowered)
    return _PHRASE_PATTERN.sub(lambda match: _PHRASES[match.group(1)], lowered)
