"""Analyse an apology draft: what may keep it from landing, what it already does well.

An apology between an estranged parent and adult child most often fails on a qualifier
("I'm sorry if you were hurt", "I'm sorry, but ..."). ``analyze_apology`` finds those
flaws, each with its exact place in the draft, a kind one-line explanation and a rewrite
of its sentence, and lists the elements of an effective apology the draft already has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.apology.cues import element_matcher
from bot.apology.detectors import Finding, find_flaws, is_apology_word
from bot.apology.rewrites import guidance, rewrite_sentence
from bot.apology.text import prepare

CODES = (
    "conditional",
    "qualifier",
    "deflection",
    "blame_shift",
    "minimizing",
    "justification",
    "passive",
    "demand",
)
ELEMENTS = (
    "names_the_act",
    "acknowledges_impact",
    "takes_responsibility",
    "expresses_regret",
    "offers_repair",
)

# Hedged or excusing stretches do not count as evidence of a good element ("sorry if I upset you").
_SPANS_THAT_HIDE_ELEMENTS = frozenset({"conditional", "deflection", "justification", "passive"})
# Verbs after "I" that report thoughts or wishes rather than an act done to the other person.
_NOT_ACTS = frozenset(
    {
        "be",
        "have",
        "do",
        "think",
        "know",
        "feel",
        "hope",
        "mean",
        "want",
        "try",
        "wish",
        "need",
        "love",
        "see",
        "realise",
        "realize",
        "understand",
        "remember",
        "get",
        "hear",
        "learn",
        "wonder",
        "guess",
        "suppose",
        "believe",
        "would",
        "could",
        "should",
        "will",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "apologise",
        "regret",
        "am",
        "like",
        "care",
        "thank",
    }
)
# Past tenses spelled like the present, which the lemma test cannot tell apart.
_SAME_FORM_ACTS = frozenset(
    {
        "hit",
        "put",
        "cut",
        "let",
        "read",
        "hurt",
        "set",
        "shut",
        "quit",
        "beat",
        "upset",
        "spread",
        "cast",
        "slapped",
    }
)
_ACT_ADVERBS = frozenset(
    {
        "never",
        "always",
        "just",
        "often",
        "also",
        "then",
        "really",
        "deliberately",
        "repeatedly",
        "constantly",
        "still",
        "even",
        "once",
        "ever",
        "kept",
        "completely",
        "only",
        "actually",
        "basically",
    }
)
_PRONOUNS_ENDING_ING = frozenset({"everything", "anything", "nothing", "something"})
_HARMFUL_STATES = frozenset(
    {
        "rude",
        "cruel",
        "harsh",
        "unkind",
        "unfair",
        "cold",
        "absent",
        "selfish",
        "mean",
        "dismissive",
        "critical",
        "controlling",
        "violent",
        "drunk",
        "distant",
    }
)


@dataclass(frozen=True)
class Problem:
    """One flaw: its code, exact place in the draft, a kind explanation and a rewrite of its sentence."""

    code: str
    start: int
    end: int
    text: str
    explanation: str
    rewrite: str


@dataclass(frozen=True)
class Analysis:
    """The flaws of a draft in order of appearance and the effective-apology elements it already has."""

    problems: list[Problem]
    elements: list[str]

    @property
    def flags(self) -> list[str]:
        """The codes found, sorted, each once."""
        return sorted({problem.code for problem in self.problems})

    def to_contract(self) -> dict:
        """The JSON shape shared with the CLI and the external tests."""
        return {
            "flags": self.flags,
            "spans": [
                {"code": problem.code, "start": problem.start, "end": problem.end, "text": problem.text}
                for problem in self.problems
            ],
            "elements": list(self.elements),
        }


def analyze_apology(text: str) -> Analysis:
    """Analyse one draft. Deterministic; offsets index ``text`` itself; an empty draft has no problems."""
    if not text.strip():
        return Analysis(problems=[], elements=[])
    doc = prepare(text)
    findings = find_flaws(doc)
    problems = _problems(text, doc, findings)
    return Analysis(problems=problems, elements=_elements(doc, findings))


def check_lines(lines: Iterable[str]) -> Iterator[dict]:
    """One contract dict per input line (trailing newline ignored); blank lines give empty results."""
    for line in lines:
        yield analyze_apology(line.rstrip("\r\n")).to_contract()


def _problems(text: str, doc: Doc, findings: list[Finding]) -> list[Problem]:
    words = guidance()
    rewrites: dict[int, str] = {}
    problems = []
    for finding in findings:
        sentence = doc[finding.start].sent
        if sentence.start not in rewrites:
            in_sentence = [other for other in findings if doc[other.start].sent.start == sentence.start]
            rewrites[sentence.start] = rewrite_sentence(sentence, in_sentence)
        start = doc[finding.start].idx
        end = doc[finding.end - 1].idx + len(doc[finding.end - 1].text)
        problems.append(
            Problem(
                code=finding.code,
                start=start,
                end=end,
                text=text[start:end],
                explanation=words[finding.code].explanation,
                rewrite=rewrites[sentence.start],
            )
        )
    return problems


def _elements(doc: Doc, findings: list[Finding]) -> list[str]:
    hidden = {
        i
        for finding in findings
        if finding.code in _SPANS_THAT_HIDE_ELEMENTS
        for i in range(finding.start, finding.end)
    }
    found = set()
    for match_id, start, end in element_matcher()(doc):
        if not hidden.intersection(range(start, end)):
            found.add(doc.vocab.strings[match_id])
    if any(is_apology_word(token) and token.i not in hidden for token in doc) or _wishes_undone(doc):
        found.add("expresses_regret")
    if any(_names_an_act(token) for token in doc if token.i not in hidden):
        found.add("names_the_act")
    return [element for element in ELEMENTS if element in found]


def _wishes_undone(doc: Doc) -> bool:
    """ "I wish I had ...", "I'm ashamed": regret without the word sorry."""
    norms = [token.norm_ for token in doc]
    wish = any(a == "wish" and b in {"i", "that"} for a, b in zip(norms, norms[1:], strict=False))
    return wish or "ashamed" in norms


def _names_an_act(token: Token) -> bool:
    """True when ``token`` is a writer's "I" (or "sorry for") followed by something they did."""
    doc = token.doc
    if token.norm_ in {"for", "about"} and token.i > 0 and is_apology_word(doc[token.i - 1]):
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is None:
            return False
        gerund = following.norm_.endswith("ing") and following.norm_ not in _PRONOUNS_ENDING_ING
        return following.norm_ in {"my", "not", "how", "what"} or gerund
    if token.norm_ != "i":
        return False
    index = token.i + 1
    while index < len(doc) and doc[index].norm_ in _ACT_ADVERBS:
        index += 1
    if index >= len(doc):
        return False
    verb = doc[index]
    after = doc[index + 1] if index + 1 < len(doc) else None
    if verb.norm_ in {"did", "was", "could", "would"} and after is not None and after.norm_ == "not":
        return True
    if verb.norm_ in {"was", "have", "had"} and after is not None:
        return after.norm_ in _HARMFUL_STATES or (verb.norm_ != "was" and _is_past_act(after))
    return _is_past_act(verb)


def _is_past_act(token: Token) -> bool:
    if token.norm_ in _SAME_FORM_ACTS:
        return True
    return token.is_alpha and token.lemma_ != token.norm_ and token.lemma_ not in _NOT_ACTS
