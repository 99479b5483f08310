"""Behaviour of the crisis risk detector on the phrasings it must and must not flag."""

from __future__ import annotations

import pytest

from bot.safety import CATEGORIES, Risk, detect_risk, guess_category
from bot.safety.patterns import RULES

SUICIDE = [
    "kms",
    "i wanna die",
    "I'm going to unalive myself",
    "unalive myself",
    "I want to end it all",
    "Everyone would be better off without me",
    "I just want to go to sleep and not wake up",
    "I don't want to be here anymore",
    "There's no reason to live",
    "im sucidal",
    "I'm suicidal",
    "i want to kill my self",
    "I want to take my own life",
    "I'm thinking about an overdose",
    "I've been stockpiling my pills",
    "I bought a rope to hang myself",
    "I keep thinking about jumping off the bridge",
    "I've written my will and letters to the kids",
    "This is goodbye.",
    "I've been giving my things away",
    "I won't be a problem much longer",
    "I'm not sure I want to live anymore",
    "i dont wanna live anymore",
]
SELF_HARM = [
    "I've been cutting again",
    "I burn myself when it gets bad",
    "I keep hurting myself",
    "I relapsed on self harm last night",
    "i hit myself when i get like this",
]
ABUSE = [
    "he hits me",
    "my husband threatens me",
    "I'm scared he'll hurt me",
    "she won't let me leave the house",
    "he took my phone and won't let me see anyone",
    "he still hits me",
    "he hit me last night",
]
VIOLENCE = [
    "I want to kill him",
    "I'm going to hurt her",
    "I'll make him pay, I've got a knife",
    "I could strangle my son-in-law",
]
EVERYDAY = [
    "this silence is killing me",
    "she's dead to me",
    "I cut him off",
    "I'm dying to hear from her",
    "I want to end this exercise",
    "I don't want to live in the past",
    "my mother's words still cut deep",
    "the holidays kill me",
    "I could kill for a coffee",
    "killing time",
    "my heart is broken",
    "I hurt her feelings years ago",
    "I feel like giving up on ever hearing from him",
    "he abused my trust",
    "I was emotionally neglected as a child",
    "stop",
    "let's kill the conversation for today",
    "My wife is going to kill me when she finds out I called him",
]


@pytest.mark.parametrize("text", SUICIDE)
def test_suicide_phrasings_are_suicide_risk(text: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == "suicide", text


@pytest.mark.parametrize("text", SELF_HARM)
def test_self_harm_phrasings_are_self_harm_risk(text: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == "self_harm", text


@pytest.mark.parametrize("text", ABUSE)
def test_current_abuse_is_abuse_risk_to_the_writer(text: str) -> None:
    risk = detect_risk(text)
    assert risk == Risk("abuse", "patterns", risk.rule, about_someone_else=False), text


@pytest.mark.parametrize("text", VIOLENCE)
def test_intent_to_hurt_someone_is_violence_by_the_writer(text: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == "violence" and not risk.about_someone_else, text


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_estrangement_talk_is_not_risk(text: str) -> None:
    assert detect_risk(text) is None


def test_risk_reports_the_patterns_layer_and_a_rule_id_never_the_text() -> None:
    risk = detect_risk("Since Margaret left I want to die tonight")
    assert risk is not None
    assert risk.layer == "patterns"
    assert risk.category in CATEGORIES
    assert risk.rule in {rule.rule_id for rule in RULES}
    assert "margaret" not in risk.rule.lower()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my son says he wants to kill himself", "suicide"),
        ("My daughter told me she doesn't want to live anymore", "suicide"),
        ("my daughter has been cutting herself", "self_harm"),
        ("my dad hits my little sister", "abuse"),
        ("my brother takes mum's pension and locks her in", "abuse"),
        ("My son says he's going to kill his father", "violence"),
    ],
)
def test_a_report_about_someone_else_is_risk_about_someone_else(text: str, category: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == category and risk.about_someone_else, text


def test_the_writers_own_risk_is_not_about_someone_else() -> None:
    risk = detect_risk("My son cut me off and now I want to die")
    assert risk is not None and not risk.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, just sad",
        "I would never hurt myself",
        "I'm not going to kill myself, I'm just angry",
    ],
)
def test_a_negated_statement_is_not_risk(text: str) -> None:
    assert detect_risk(text) is None


def test_doubt_about_wanting_to_live_is_risk_despite_the_negation() -> None:
    assert detect_risk("I'm not sure I want to live anymore") is not None


@pytest.mark.parametrize(
    "text",
    [
        "years ago my father hit us",
        "my mum was abusive when I was little",
        "My dad used to hit us when he drank",
    ],
)
def test_past_resolved_abuse_is_not_current_risk(text: str) -> None:
    assert detect_risk(text) is None


def test_fear_of_being_hurt_is_abuse_and_fear_of_a_hurt_feeling_is_not() -> None:
    risk = detect_risk("I'm scared he'll come back tonight and hurt me")
    assert risk is not None and risk.category == "abuse"
    assert detect_risk("I'm afraid he's going to cut me off and that would hurt") is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I've been thinking it would be easier if I just wasn't around", "suicide"),
        ("nobody would even notice if I was gone", "suicide"),
        ("I don't see a way out anymore", "suicide"),
        ("i want to sleep forever", "suicide"),
        ("I'm going to make her pay for what she did, she won't see it coming", "violence"),
    ],
)
def test_risk_said_with_a_softening_word_or_a_veiled_threat_is_found(text: str, category: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == category, text


@pytest.mark.parametrize(
    "text",
    [
        "I could sleep forever after this week",
        "she won't see it coming, we're throwing her a surprise party",
        "It would be easier if I just wasn't around at Christmas, they don't want me there",
        "nobody would even notice if I was gone from the family chat",
        "I don't see a way out of this argument with my brother",
    ],
)
def test_the_same_words_about_an_occasion_or_tiredness_are_not_risk(text: str) -> None:
    assert detect_risk(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I keep checking my phone and can not sleep",
        "I took my phone to bed hoping she would call",
        "I hid my phone so I would stop texting him",
        "My son checks his phone every time I try to talk to him",
    ],
)
def test_a_person_handling_their_own_phone_is_not_being_controlled(text: str) -> None:
    assert detect_risk(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "My husband keeps checking my phone and I'm scared of him",
        "checks my phone every night and takes my keys",
        "I think he is tracking my location",
        "my dad hides my passport so I can't leave",
    ],
)
def test_someone_else_controlling_the_writers_things_is_abuse(text: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == "abuse", text


@pytest.mark.parametrize(
    "text", ["he still hits me", "he hit me last night", "My husband hits me when he's drunk"]
)
def test_present_abuse_is_risk(text: str) -> None:
    risk = detect_risk(text)
    assert risk is not None and risk.category == "abuse"


def test_a_death_by_suicide_long_ago_alone_is_not_acute_risk() -> None:
    assert detect_risk("my uncle died by suicide years ago") is None


def test_a_past_attempt_with_current_ideation_is_risk() -> None:
    risk = detect_risk("I tried to kill myself when I was 19 and lately I feel the same way again")
    assert risk is not None and risk.category == "suicide"


def test_a_past_attempt_described_as_over_is_not_acute_risk() -> None:
    assert detect_risk("I attempted suicide decades ago; I'm fine now") is None


@pytest.mark.parametrize(
    "text", ["I WANT TO DIE", "i want to die", "I want to die!!!", "i want to die...", "I want to die."]
)
def test_case_and_punctuation_do_not_matter(text: str) -> None:
    assert detect_risk(text) is not None


@pytest.mark.parametrize(
    "text", ["i dont want to live anymore", "im going to kill myself", "i cant go on anymore"]
)
def test_missing_apostrophes_are_understood(text: str) -> None:
    assert detect_risk(text) is not None


def test_risk_in_the_middle_of_a_long_message_is_found() -> None:
    text = (
        "My daughter stopped speaking to me after the wedding and I have gone over it a thousand times. "
        "I wrote the letter the exercise suggested. Honestly I have been thinking about ending my life. "
        "Anyway, I wanted to ask how long I should wait before sending it and whether to mention her brother."
    )
    risk = detect_risk(text)
    assert risk is not None and risk.category == "suicide"


def test_a_2000_character_message_is_handled_and_its_risk_found() -> None:
    filler = "We used to spend every summer at the lake and I keep thinking about those days with my son. "
    text = (filler * 11)[:1000] + " I want to die. " + (filler * 11)[:984]
    assert len(text) == 2000
    assert detect_risk(text) is not None
    assert detect_risk(text.replace(" I want to die. ", " I miss him a lot. ")) is None


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_not_risk(text: str) -> None:
    assert detect_risk(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I can't stop thinking about the blade", "self_harm"),
        ("he won't let me out and I'm scared of him", "abuse"),
        ("I want revenge, I'll get a knife", "violence"),
        ("everything feels hopeless", "suicide"),
        ("", "suicide"),
    ],
)
def test_guess_category_uses_weak_cues_and_defaults_to_suicide(text: str, category: str) -> None:
    assert guess_category(text) == category


@pytest.mark.parametrize(
    ("text", "discloses"),
    [
        ("My father beat us when we were kids, that is why I cut him off", True),
        ("growing up my mum was violent and I finally stopped speaking to her", True),
        ("he abused me for years as a child", True),
        ("my dad hits me", False),
        ("she hurt my feelings at the wedding", False),
        ("he used to hit me years ago and lately he has started again", False),
    ],
)
def test_abuse_long_past_is_told_apart_from_danger_now_and_from_hurt_feelings(text: str, discloses: bool) -> None:
    from bot.safety import discloses_past_abuse

    assert discloses_past_abuse(text) is discloses
