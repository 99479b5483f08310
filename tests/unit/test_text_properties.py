"""Property-based tests: every function that reads a person's text copes with any text at all.

People send anything: an empty message, a pasted novel, emoji, right-to-left scripts, control
characters, a stray NUL, a Rasa intent command typed by hand, HTML or SQL. The safety screen
runs first on every message, so if it raises, the person gets no answer at all, the crisis
lines included. Example-based tests cover what the code is meant to understand; these let
Hypothesis look for the inputs nobody thought of and check only what the code promises for all
of them: it never raises, it returns the documented type, and levels and codes stay within the
documented sets.

``bot.safety.normalise.normalise`` is not tested for idempotence: its docstring does not promise
it, and it is not (``"sh@0"`` becomes ``"selfharm@0"``, which a second pass reads as leetspeak and
turns into ``"selfharmao"``). ``bot.answers.normalise_answer`` promises a normal form, so it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.answers import normalise_answer, without_end_punctuation
from bot.apology import analyze_apology
from bot.apology.analyzer import CODES, ELEMENTS
from bot.channels import guard
from bot.circles import CIRCLES, split_worries, suggest_circle
from bot.config import settings as bot_settings
from bot.exercises.checkin import read_frequency, read_rating
from bot.reflections import BACK, DELETE, DONE, NO, OPEN, YES, Choice, read_choice
from bot.roles import ROLES
from bot.safety.detector import CATEGORIES, Risk, detect_risk
from bot.safety.normalise import normalise
from bot.safety.patterns import RULES
from bot.safety.verdict import CRISIS, LEVELS, NONE, Verdict, assess

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# The spaCy-backed functions take milliseconds per message, and much longer on the long inputs;
# a modest budget keeps the file under a minute, and nothing here asserts speed (bench/ does).
LONG = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- What people send -----------------------------------------------------------------------

# Everyday and risky phrasings, mixed into junk so that the deeper paths (the risk patterns'
# checks, the apology flaws, the circle cues, the answer words) see odd neighbours, not only
# the tokenizer.
PHRASES = (
    "I want to kill myself",
    "i just want to kms tonight",
    "I'm not suicidal",
    "my dad hits me",
    "my son says he wants to die",
    "I could kill him",
    "I used to cut myself years ago",
    "this silence is killing me",
    "I'm sorry if you were hurt",
    "I'm sorry, but you never called",
    "I am sorry I missed your wedding",
    "I worry my daughter will never speak to me again",
    "whether I send the letter",
    "most days",
    "at no time",
    "7/10",
    "about a 3",
    "seven",
    "delete 3",
    "open the second one",
    "yes, delete it",
    "back",
    "done",
    "skip",
    "menu",
    "/sos",
    "help now",
    "show my safety plan",
)
MARKUP_AND_INJECTION = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</textarea><b>bold</b>",
    "&lt;&amp;&#0;",
    "'; DROP TABLE users; --",
    "1' OR '1'='1",
    "Robert'); DROP TABLE students;--",
    "SELECT * FROM exercise_entries WHERE 1=1",
    "{{7*7}} ${jndi:ldap://x} %s%n {0} {echo} {",
    "\\x00 \\u202e \\",
)
UNUSUAL_UNICODE = (
    "\x00",
    "\ufeff",
    "\r\n",
    "\u202e",  # right-to-left override
    "\u200f\u200e\u200b\u2060",  # direction marks, zero-width space and joiner
    "أريد أن أموت",
    "אני רוצה למות",
    "I want to تموت tonight",
    "我想死",
    "😭🔪💊",
    "👨‍👩‍👧‍👦",
    "🇬🇧",
    "k\u0336i\u0336l\u0336l\u0336",  # strikethrough combining marks
    "ｋｉｌｌ ｍｙｓｅｌｆ",  # fullwidth
    "𝐤𝐢𝐥𝐥 𝐦𝐲𝐬𝐞𝐥𝐟",  # mathematical bold
    "İSTANBUL ß ΣΑΣ ǅ K",  # letters whose case mapping changes length or form
    "٧ ① ² ⅶ",  # digits and numbers outside ASCII
)
SEPARATORS = ("", " ", "  ", "\n", ". ", "; ", "\t", "\x00", "\u200f", "!!! ")


def _intent_names() -> list[str]:
    """The intents the domain declares, so typed commands name real ones as well as made-up ones."""
    intents = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]
    return [intent if isinstance(intent, str) else next(iter(intent)) for intent in intents]


# Rasa reads "/intent{json}" as an intent with entities and skips the NLU model, so a person who
# types one must still be screened like any other message.
intent_commands = st.builds(
    lambda intent, entities, tail: f"/{intent}{entities}{tail}",
    st.one_of(st.sampled_from(_intent_names()), st.from_regex(r"[A-Za-z_@]{1,20}", fullmatch=True)),
    st.one_of(
        st.just(""),
        st.just('{"role": "therapist"}'),
        st.dictionaries(st.text(max_size=8), st.one_of(st.text(max_size=12), st.integers()), max_size=3).map(
            json.dumps
        ),
        st.text(max_size=12).map(lambda junk: "{" + junk),  # unbalanced, not JSON
    ),
    st.sampled_from(("", " ", "\n", " please", "!!")),
)

# str.isspace() is what the code means by "blank" (str.strip), including the information
# separators \x1c-\x1f and the Unicode spaces; the zero-width space is not one of them.
WHITESPACE = "".join(character for character in map(chr, range(0x3001)) if character.isspace())
whitespace_only = st.text(alphabet=WHITESPACE, max_size=50)

# st.text() draws from every code point except the surrogates: control characters, NUL,
# emoji, every script and unassigned code points are all in it.
fragments = st.one_of(
    st.text(max_size=12),
    st.sampled_from(PHRASES + MARKUP_AND_INJECTION + UNUSUAL_UNICODE),
    intent_commands,
)
mixed_messages = st.lists(st.tuples(fragments, st.sampled_from(SEPARATORS)), max_size=8).map(
    lambda pieces: "".join(piece + separator for piece, separator in pieces)
)
messages = st.one_of(st.text(), mixed_messages, intent_commands, whitespace_only)


def _repeated_to(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


# Generating 100,000 characters one by one is slow and exceeds Hypothesis's input budget, so a
# long text is a drawn one repeated: a pasted chat log, a stuck key, a flood of emoji.
long_lengths = st.integers(10_000, 100_000)
repeatable_pieces = st.one_of(mixed_messages, st.text(max_size=4)).filter(bool)
very_long_answers = st.builds(_repeated_to, repeatable_pieces, long_lengths)
# For the spaCy-backed functions each repetition ends in a space. spaCy's tokenizer is quadratic
# in the length of a run of punctuation or emoji with no space in it ("!" * 8,000 takes seconds,
# "!" * 50,000 minutes), which would stall this file; that cost belongs to the benchmarks in
# bench/, while these tests are about what the functions return.
very_long_messages = st.builds(_repeated_to, repeatable_pieces.map(lambda piece: piece + " "), long_lengths)

# A JSON body may hold "\ud800" escapes; Python's json and ujson (which Sanic uses for the REST
# channel's request.json) both decode them into lone surrogates without complaint, so the text a
# channel hands to the screen can hold one. Only the screening path sees raw channel text, so
# only it is given them here.
lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
texts_with_lone_surrogates = st.builds(
    lambda before, surrogate, after: before + surrogate + after,
    st.one_of(st.text(max_size=20), st.sampled_from(PHRASES)),
    lone_surrogates,
    st.one_of(st.text(max_size=20), st.sampled_from(PHRASES)),
)

SCREENING_KINDS = ("ok", "sos", "show_plan", "too_long", "empty")
RULE_IDS = frozenset(rule.rule_id for rule in RULES)
CHOICE_ACTIONS = (None, OPEN, DELETE, BACK, DONE, YES, NO)

# --- The safety screen ------------------------------------------------------------------------


def _assert_is_a_documented_risk(risk: Risk | None) -> None:
    if risk is None:
        return
    assert isinstance(risk, Risk)
    assert risk.category in CATEGORIES
    assert isinstance(risk.about_someone_else, bool)
    assert isinstance(risk.young, bool)


def _assert_is_a_documented_verdict(verdict: Verdict) -> None:
    assert isinstance(verdict, Verdict)
    assert verdict.level in LEVELS
    # Documented on Verdict: the risk is set exactly when the level is crisis.
    assert (verdict.risk is not None) == (verdict.level == CRISIS)
    assert verdict.category is None or verdict.category in CATEGORIES
    assert verdict.probability is None or 0.0 <= verdict.probability <= 1.0
    _assert_is_a_documented_risk(verdict.risk)


def _assert_is_a_documented_screening(screening: guard.Screening, text: str) -> None:
    assert isinstance(screening, guard.Screening)
    assert screening.kind in SCREENING_KINDS
    _assert_is_a_documented_risk(screening.risk)
    _assert_is_a_documented_risk(screening.unsure)
    if screening.kind not in ("empty", "sos", "show_plan"):
        assert (screening.kind == "too_long") == (len(text) > bot_settings().max_message_chars)


@MANY
@given(messages)
def test_normalise_returns_lower_case_text(text: str) -> None:
    normalised = normalise(text)
    assert isinstance(normalised, str)
    assert normalised == normalised.lower()


@SOME
@given(messages)
def test_detect_risk_returns_none_or_a_risk_that_names_a_rule_not_words(text: str) -> None:
    risk = detect_risk(text)
    _assert_is_a_documented_risk(risk)
    if risk is not None:
        # The docstring promises the Risk never holds the message's words: only a rule's id.
        assert risk.layer == "patterns"
        assert risk.rule in RULE_IDS


@SOME
@given(messages)
def test_assess_gives_one_of_the_documented_levels(text: str) -> None:
    _assert_is_a_documented_verdict(assess(text))


@SOME
@given(messages)
def test_screen_classifies_any_message(text: str) -> None:
    _assert_is_a_documented_screening(guard.screen(text), text)


@MANY
@given(whitespace_only)
def test_blank_messages_are_empty_and_carry_no_risk(text: str) -> None:
    assert guard.screen(text).kind == "empty"
    assert detect_risk(text) is None
    assert assess(text).level == NONE


@SOME
@given(intent_commands)
def test_screen_reads_typed_intent_commands_like_any_message(text: str) -> None:
    screening = guard.screen(text)
    _assert_is_a_documented_screening(screening, text)
    if re.fullmatch(r"/sos(@\w+)?\s*", text, flags=re.IGNORECASE):
        assert screening.kind == "sos"


# Longer than the channel cap, drawn character by character (no repetition): the cap's boundary.
@FEW
@given(st.text(min_size=2001, max_size=2100))
def test_screen_refuses_messages_over_the_length_cap(text: str) -> None:
    _assert_is_a_documented_screening(guard.screen(text), text)


@LONG
@given(very_long_messages)
def test_screen_copes_with_very_long_messages(text: str) -> None:
    _assert_is_a_documented_screening(guard.screen(text), text)


@LONG
@given(very_long_messages)
def test_assess_copes_with_very_long_messages(text: str) -> None:
    # The channels cut a message to 50,000 characters before assessing it; the verdict itself
    # promises to cope with any text, so it is given the whole of it here.
    _assert_is_a_documented_verdict(assess(text))


@MANY
@given(texts_with_lone_surrogates)
def test_normalise_copes_with_lone_surrogates(text: str) -> None:
    normalised = normalise(text)
    assert isinstance(normalised, str)


@pytest.mark.parametrize("screen_layer", [detect_risk, assess, guard.screen], ids=lambda layer: layer.__name__)
@FEW
@example(text="\ud800")
@given(texts_with_lone_surrogates)
def test_screening_path_copes_with_lone_surrogates(screen_layer: Callable[[str], object], text: str) -> None:
    screen_layer(text)


# --- The apology analyzer ---------------------------------------------------------------------


def _assert_is_a_valid_contract(text: str) -> None:
    analysis = analyze_apology(text)
    contract = analysis.to_contract()
    # The contract is what the CLI prints and external tests read: it must survive JSON intact.
    assert json.loads(json.dumps(contract, allow_nan=False)) == contract
    assert contract["flags"] == sorted(set(contract["flags"]))
    assert set(contract["flags"]) <= set(CODES)
    assert set(contract["elements"]) <= set(ELEMENTS)
    for span in contract["spans"]:
        assert span["code"] in CODES
        # Documented: offsets index the draft itself.
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert span["text"] == text[span["start"] : span["end"]]
    for problem in analysis.problems:
        assert isinstance(problem.explanation, str) and isinstance(problem.rewrite, str)


@SOME
@given(messages)
def test_apology_analysis_gives_a_json_contract_with_offsets_into_the_draft(text: str) -> None:
    _assert_is_a_valid_contract(text)


@LONG
@given(very_long_messages)
def test_apology_analysis_copes_with_very_long_drafts(text: str) -> None:
    _assert_is_a_valid_contract(text)


@MANY
@given(whitespace_only)
def test_a_blank_apology_draft_has_no_problems(text: str) -> None:
    assert analyze_apology(text).to_contract() == {"flags": [], "spans": [], "elements": []}


# --- The circles -----------------------------------------------------------------------------


@SOME
@given(messages, st.sampled_from((*ROLES, None)))
def test_circle_suggestion_is_one_of_the_three_circles(worry: str, role: str | None) -> None:
    suggestion = suggest_circle(worry, role)
    assert suggestion.circle in CIRCLES
    assert isinstance(suggestion.reason, str) and suggestion.reason.strip()
    assert isinstance(suggestion.cue, str)


@SOME
@given(whitespace_only, st.sampled_from((*ROLES, None)))
def test_a_blank_worry_falls_back_to_concern(worry: str, role: str | None) -> None:
    # Documented: an empty or unreadable worry gets the gentle concern fallback.
    assert suggest_circle(worry, role).circle == "concern"


@LONG
@given(very_long_messages)
def test_circle_suggestion_copes_with_very_long_worries(worry: str) -> None:
    assert suggest_circle(worry).circle in CIRCLES


@SOME
@given(messages)
def test_split_worries_gives_trimmed_worries_with_words(text: str) -> None:
    worries = split_worries(text)
    assert isinstance(worries, list)
    for worry in worries:
        assert isinstance(worry, str)
        assert worry == worry.strip()
        assert any(character.isalnum() for character in worry)


# --- Typed answers ----------------------------------------------------------------------------


@MANY
@given(messages)
def test_normalise_answer_is_a_normal_form(text: str) -> None:
    answer = normalise_answer(text)
    assert isinstance(answer, str)
    assert answer == answer.strip()
    assert answer == answer.lower()
    assert not re.search(r"\s\s", answer)
    # Every reader compares against "the same normal form", so normalising twice changes nothing.
    assert normalise_answer(answer) == answer
    assert isinstance(without_end_punctuation(text), str)


@MANY
@given(messages)
def test_check_in_answers_are_in_range_or_none(text: str) -> None:
    frequency, rating = read_frequency(text), read_rating(text)
    assert frequency is None or (isinstance(frequency, int) and 0 <= frequency <= 5)
    assert rating is None or (isinstance(rating, int) and 0 <= rating <= 10)


@MANY
@given(messages)
def test_reflection_choices_are_documented_actions(text: str) -> None:
    choice = read_choice(text)
    assert isinstance(choice, Choice)
    assert choice.action in CHOICE_ACTIONS
    assert choice.number is None or isinstance(choice.number, int)
    if choice.action == OPEN:
        assert choice.number is not None


@pytest.mark.parametrize(
    "read_answer",
    [
        normalise_answer,
        without_end_punctuation,
        read_choice,
        read_frequency,
        read_rating,
    ],
    ids=lambda reader: reader.__name__,
)
@FEW
@example(text="0" * 4301)
@given(very_long_answers)
def test_answer_readers_cope_with_very_long_answers(read_answer: Callable[[str], object], text: str) -> None:
    read_answer(text)
