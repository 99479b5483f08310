"""Suggest a rewrite of a flawed sentence, and load the words (explanations, templates) from content.yml.

The person's own sentence is the best starting point, so the rewriter first tries to repair
it: drop the "if ..." clause, cut at "but", take out "a little". The repair is kept only if
what remains still apologises for something concrete and carries no flaw at all; otherwise
the code's template from content.yml is offered, with a placeholder for what they did.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from bot.apology.detectors import Finding, apology_words, find_flaws
from bot.apology.text import prepare
from bot.content import load_content

CONTENT_PATH = Path(__file__).with_name("content.yml")

# When a sentence has several flaws and cannot be repaired, the template of the first code
# in this order is offered: the flaws earlier in the list change the whole sentence's meaning.
TEMPLATE_PRIORITY = (
    "deflection",
    "passive",
    "conditional",
    "blame_shift",
    "justification",
    "minimizing",
    "qualifier",
    "demand",
)
# Boundaries at which a sentence can be cut, keeping the apology before them.
_CUT_POINTS = frozenset(
    {
        ",",
        ";",
        ":",
        "—",
        "–",
        "-",
        "because",
        "as",
        "since",
        "and",
        "but",
        "so",
        "though",
        "although",
        "however",
        "yet",
        "cause",
    }
)
# Words that leave an apology empty when nothing else follows it ("I'm sorry for that.").
_EMPTY_WORDS = frozenset(
    {
        "i",
        "am",
        "be",
        "is",
        "was",
        "so",
        "very",
        "really",
        "truly",
        "deeply",
        "sincerely",
        "genuinely",
        "sorry",
        "apologise",
        "apology",
        "regret",
        "for",
        "about",
        "that",
        "this",
        "it",
        "everything",
        "all",
        "of",
        "want",
        "to",
        "would",
        "like",
        "just",
        "mum",
        "mom",
        "dad",
        "mother",
        "father",
        "honestly",
        "okay",
        "ok",
        "fine",
        "well",
        "look",
        "then",
        "now",
        "have",
        "do",
        "my",
        "the",
        "one",
        "again",
        "still",
        "said",
        "say",
        "too",
    }
)
_LEADING_FILLERS = frozenset(
    {"fine", "okay", "ok", "well", "honestly", "look", "still", "so", "then", "anyway"}
)


@dataclass(frozen=True)
class Guidance:
    """The words for one code: why it may not land, and the sentence to offer instead."""

    explanation: str
    rewrite: str


@lru_cache(maxsize=1)
def guidance() -> dict[str, Guidance]:
    """Explanation and rewrite template per code, read once from content.yml."""
    content = load_content(CONTENT_PATH)
    return {
        code: Guidance(explanation=" ".join(words["explanation"].split()), rewrite=words["rewrite"])
        for code, words in content["codes"].items()
    }


def rewrite_sentence(sentence: Span, findings: list[Finding]) -> str:
    """A rewrite of ``sentence`` free of every flaw in ``findings`` (all of which lie in it)."""
    repaired = _repair(sentence, findings)
    if repaired and _is_sound_apology(repaired):
        return repaired
    codes = {finding.code for finding in findings}
    main_code = next(code for code in TEMPLATE_PRIORITY if code in codes)
    return guidance()[main_code].rewrite


def _repair(sentence: Span, findings: list[Finding]) -> str | None:
    anchors = apology_words(sentence)
    if not anchors:
        return None
    doc = sentence.doc
    removed: set[int] = set()
    for finding in findings:
        cut = _cut_for(doc, sentence, finding, anchors)
        if cut is None:
            return None
        removed.update(cut)
    reordered = _reorder_leading_condition(doc, sentence, findings, anchors)
    if reordered:
        return reordered
    return _render(doc, sentence, removed)


def _cut_for(doc: Doc, sentence: Span, finding: Finding, anchors: list[int]) -> range | None:
    """The token indices to remove for one finding, or None when the sentence cannot be repaired."""
    end_of_text = sentence.end - 1 if doc[sentence.end - 1].is_punct else sentence.end
    start = finding.start
    if finding.code == "conditional" and finding.placement == "after_apology":
        if doc[anchors[0]].norm_ == "sorry" and _clause_subject_is_writer(doc, finding):
            return range(_with_comma(doc, start, sentence), start + 1)
        return range(_with_comma(doc, start, sentence), finding.end)
    if finding.code == "conditional" and finding.placement == "before_apology":
        return range(start, _past_comma_and_then(doc, finding.end, sentence))
    if finding.placement == "next_sentence":
        return None
    if finding.code == "qualifier" and finding.placement == "after_apology":
        return range(_with_comma(doc, start, sentence), end_of_text)
    if finding.code == "qualifier" and finding.placement == "before_apology":
        if doc[start].norm_ in {"though", "although"}:
            comma = next((i for i in range(start, anchors[0]) if doc[i].norm_ == ","), None)
            return range(sentence.start, comma + 1) if comma is not None else None
        return range(sentence.start, finding.end)
    if (
        finding.code == "minimizing"
        and doc[start].norm_ in {"a", "slightly", "somewhat", "kinda", "sorta", "kind", "sort"}
        and finding.end - start <= 2
    ):
        return range(start, finding.end)
    return _cut_around_apology(doc, sentence, finding, anchors, end_of_text)


def _cut_around_apology(
    doc: Doc, sentence: Span, finding: Finding, anchors: list[int], end_of_text: int
) -> range | None:
    """Cut the clause holding the flaw: after the apology, cut to the end; before it, cut from the start."""
    if finding.start > anchors[-1]:
        cut_points = [i for i in range(anchors[-1] + 1, finding.start + 1) if doc[i].norm_ in _CUT_POINTS]
        return range(cut_points[-1], end_of_text) if cut_points else None
    if finding.end <= anchors[0]:
        cut_points = [i for i in range(finding.end, anchors[0]) if doc[i].norm_ in _CUT_POINTS]
        return range(sentence.start, cut_points[-1] + 1) if cut_points else None
    return None


def _clause_subject_is_writer(doc: Doc, finding: Finding) -> bool:
    """ "sorry if I upset you" can become "sorry I upset you" by dropping the "if"."""
    return finding.end - finding.start > 1 and doc[finding.start + 1].norm_ in {"i", "my"}


def _with_comma(doc: Doc, index: int, sentence: Span) -> int:
    return index - 1 if index > sentence.start and doc[index - 1].norm_ == "," else index


def _past_comma_and_then(doc: Doc, index: int, sentence: Span) -> int:
    while index < sentence.end and doc[index].norm_ in {",", "then"}:
        index += 1
    return index


def _reorder_leading_condition(
    doc: Doc, sentence: Span, findings: list[Finding], anchors: list[int]
) -> str | None:
    """ "If I hurt you, I'm sorry." becomes "I'm sorry I hurt you." when that is the sentence's only flaw."""
    if len(findings) != 1 or findings[0].placement != "before_apology" or findings[0].code != "conditional":
        return None
    finding = findings[0]
    if doc[anchors[0]].norm_ != "sorry" or not _clause_subject_is_writer(doc, finding):
        return None
    main_start = _past_comma_and_then(doc, finding.end, sentence)
    main = doc[main_start : sentence.end].text.rstrip(" .!?")
    if not main.lower().endswith("sorry"):
        return None
    condition = doc[finding.start + 1 : finding.end].text
    return _tidy(f"{main} {condition}.")


def _render(doc: Doc, sentence: Span, removed: set[int]) -> str:
    pieces = [token.text_with_ws for token in sentence if token.i not in removed]
    text = "".join(pieces)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Fix the seams left by cutting: stray spaces, commas, fillers, capital letter, full stop."""
    text = " ".join(text.split())
    for mark in (" ,", " .", " ;", " ?", " !"):
        text = text.replace(mark, mark.strip())
    text = text.replace(",.", ".").replace(", .", ".").replace(";.", ".").replace(",,", ",")
    words = text.split(" ")
    while words and words[0].strip(",").lower() in _LEADING_FILLERS and words[0].endswith(","):
        words = words[1:]
    text = " ".join(words).strip(" ,;:")
    if not text:
        return ""
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def _is_sound_apology(candidate: str) -> bool:
    """A repair counts only if it still apologises for something concrete and has no flaw left."""
    doc = prepare(candidate)
    sentence = next(doc.sents, None)
    if sentence is None or not apology_words(sentence):
        return False
    content = [token for token in doc if token.is_alpha and token.norm_ not in _EMPTY_WORDS]
    return bool(content) and not find_flaws(doc)
