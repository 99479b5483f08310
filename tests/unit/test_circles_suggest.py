"""Behaviour of the circle suggestions, their reasons, the explanation and worry splitting."""

from __future__ import annotations

import re

import pytest

from bot.circles import CIRCLES, Suggestion, UnknownRoleError, explanation, split_worries, suggest_circle

ROLES = ("parent", "adult_child", "relative", "therapist", None)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


# --- Each circle's typical cases ------------------------------------------------------------

@pytest.mark.parametrize("worry", [
    "whether I write to her",
    "how i spend Sunday",
    "my own therapy",
    "what I say at the wedding",
    "i keep checking my phone",
    "blocking her number",
    "my boundaries",
    "should i go to my nephew's wedding",
])
def test_own_actions_and_choices_are_control(worry: str) -> None:
    assert suggest_circle(worry).circle == "control"


@pytest.mark.parametrize("worry", [
    "asking my sister to pass on a message",
    "inviting him to coffee",
    "how the family hears about it",
    "writing to my daughter to say sorry",
    "how my son reacts when i bring up the past",
    "the tone of our next conversation",
])
def test_asking_offering_and_shaping_are_influence(worry: str) -> None:
    assert suggest_circle(worry).circle == "influence"


@pytest.mark.parametrize("worry", [
    "whether she answers",
    "what he thinks of me",
    "my ex's version of events",
    "that I missed his childhood",
    "whether I'll see my grandchildren",
    "my mother getting older",
    "my grandkids",
    "what people at church say",
])
def test_other_peoples_choices_the_past_and_time_are_concern(worry: str) -> None:
    assert suggest_circle(worry).circle == "concern"


def test_worrying_about_her_call_is_concern_although_i_am_the_one_thinking() -> None:
    assert suggest_circle("I can't stop thinking about whether she'll call").circle == "concern"


def test_curly_apostrophes_and_missing_apostrophes_read_the_same() -> None:
    typed = ["I’m scared he won’t come", "im scared he wont come", "I'm scared he won't come"]
    assert {suggest_circle(worry).circle for worry in typed} == {"concern"}


def test_my_decision_to_write_is_control_but_writing_to_someone_is_influence() -> None:
    assert suggest_circle("whether i write to her").circle == "control"
    assert suggest_circle("writing to her").circle == "influence"


def test_not_being_able_to_make_someone_understand_is_concern() -> None:
    assert suggest_circle("i can't make them understand").circle == "concern"


def test_a_death_is_never_read_as_my_choice() -> None:
    suggestion = suggest_circle("if i die before we make up")
    assert suggestion.circle == "concern"
    assert "choose" not in suggestion.reason


def test_the_suggestion_names_the_deciding_rule() -> None:
    suggestion = suggest_circle("whether she answers")
    assert isinstance(suggestion, Suggestion)
    assert suggestion.cue.startswith("concern.")


# --- Reasons ---------------------------------------------------------------------------------

def test_reason_echoes_the_other_persons_pronoun() -> None:
    assert "Whether she answers" in suggest_circle("whether she answers").reason
    assert {"his", "him"} & _words(suggest_circle("he blocked my number").reason)
    assert {"her", "hers"} & _words(suggest_circle("my daughter won't reply").reason)


def test_someone_elses_choice_about_a_funeral_is_explained_as_their_choice() -> None:
    reason = suggest_circle("whether he'll come to my funeral").reason
    assert reason.startswith("Whether he will come to your funeral")


def test_reason_echoes_the_worry_turned_to_you() -> None:
    reason = suggest_circle("how i spend Sunday").reason
    assert reason.startswith("How you spend Sunday")


def test_reason_speaks_of_the_person_named_not_of_whose_they_are() -> None:
    reason = suggest_circle("reaching out to my son's wife").reason
    assert "her" in reason and " his " not in reason


def test_reason_names_the_suggested_circle() -> None:
    for worry in ("whether i write to her", "inviting him to coffee", "whether she answers"):
        suggestion = suggest_circle(worry)
        assert f"circle of {suggestion.circle}" in suggestion.reason


def test_reason_is_one_plain_line_without_placeholders() -> None:
    for worry in ("my grandkids", "he blocked my number", "asking my grandma not to pass on my news", ""):
        reason = suggest_circle(worry).reason
        assert "\n" not in reason and "{" not in reason and "}" not in reason


def test_same_worry_always_gets_the_same_reason() -> None:
    assert suggest_circle("my grandkids").reason == suggest_circle("my grandkids").reason


def test_role_may_change_the_wording_but_never_the_circle() -> None:
    worry = "whether my mom will ever accept my decision"
    suggestions = {role: suggest_circle(worry, role) for role in ROLES}
    assert {suggestion.circle for suggestion in suggestions.values()} == {"concern"}
    assert suggestions["parent"].reason != suggestions["adult_child"].reason


def test_unknown_role_is_refused_clearly() -> None:
    with pytest.raises(UnknownRoleError):
        suggest_circle("whether she answers", role="villain")


# --- Explanation -----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_explanation_is_two_or_three_short_messages_naming_every_circle(role: str | None) -> None:
    messages = explanation(role)
    assert 2 <= len(messages) <= 3
    assert all(len(message) < 400 for message in messages)
    text = " ".join(messages)
    assert all(f"circle of {circle}" in text for circle in CIRCLES)


def test_explanation_examples_fit_the_role() -> None:
    assert "grandchildren" in " ".join(explanation("parent"))
    assert "your parent" in " ".join(explanation("adult_child"))
    assert explanation("therapist") == explanation(None)


# --- Splitting a message into worries -----------------------------------------------------------

def test_a_single_worry_stays_whole() -> None:
    assert split_worries("whether she'll ever call, and what I'd even say") == [
        "whether she'll ever call, and what I'd even say"
    ]


def test_bulleted_list_gives_one_worry_per_bullet() -> None:
    text = "- whether she'll ever call\n• my grandkids\n* i keep checking my phone"
    assert split_worries(text) == ["whether she'll ever call", "my grandkids", "i keep checking my phone"]


def test_numbered_list_loses_its_numbers() -> None:
    assert split_worries("1. whether she calls\n2) what he thinks of me") == [
        "whether she calls", "what he thinks of me"
    ]


def test_numbered_list_typed_on_one_line_is_split() -> None:
    assert split_worries("1. whether she calls 2. my grandkids") == ["whether she calls", "my grandkids"]


def test_new_lines_semicolons_and_sentences_separate_worries() -> None:
    text = "He doesn't answer my texts. I keep checking my phone\nwhat my sister says; my grandkids"
    assert split_worries(text) == [
        "He doesn't answer my texts.", "I keep checking my phone", "what my sister says", "my grandkids"
    ]


def test_and_also_splits_only_between_whole_worries() -> None:
    assert split_worries("whether she calls and also what my brother tells everyone") == [
        "whether she calls", "what my brother tells everyone"
    ]
    assert split_worries("me and also my husband") == ["me and also my husband"]


def test_a_heading_before_a_list_is_not_a_worry() -> None:
    text = "My worries:\n- whether she calls\n- my health"
    assert split_worries(text) == ["whether she calls", "my health"]


def test_empty_pieces_are_dropped() -> None:
    assert split_worries("whether she answers;  ;\n\n- \n") == ["whether she answers"]
    assert split_worries("") == []
    assert split_worries("   \n ") == []


def test_wording_is_kept_as_typed() -> None:
    assert split_worries("I’m scared he WON’T come!") == ["I’m scared he WON’T come!"]


# --- Robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text", ["", "   ", "😢", "🙏🙏🙏", "?!", "x" * 1000, "my mom won't stop calling. " * 40]
)
def test_any_text_gets_a_kind_suggestion(text: str) -> None:
    suggestion = suggest_circle(text)
    assert suggestion.circle in CIRCLES
    assert suggestion.reason


def test_unreadable_worry_falls_back_to_concern_and_invites_a_move() -> None:
    suggestion = suggest_circle("😢")
    assert suggestion.circle == "concern"
    assert suggestion.cue == "concern.fallback"
    assert "move it" in suggestion.reason


def test_emoji_are_not_echoed_back() -> None:
    assert "🙏" not in suggest_circle("whether she answers 🙏").reason


def test_shouting_is_not_echoed_in_capitals() -> None:
    reason = suggest_circle("I CANT STOP THINKING ABOUT WHETHER HE WILL CALL").reason
    assert "WHETHER" not in reason


def test_a_thousand_characters_split_without_error() -> None:
    worries = split_worries("whether she calls. " * 50)
    assert len(worries) == 50
