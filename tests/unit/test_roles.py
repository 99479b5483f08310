"""Which side of an estrangement a person is on, read from the way they say it."""

from __future__ import annotations

import pytest

from bot.roles import (
    CUT_OFF,
    PARENT,
    RELATIVE,
    STEPPED_BACK,
    THERAPIST,
    UNSPECIFIED,
    content_keys,
    for_role,
    is_adult_child_unsure_which,
    parse_adult_child_answer,
    parse_role,
    role_label,
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The wordings a new user tried, which were all taken for a parent before.
        ("I am a daughter whose mother cut me off", CUT_OFF),
        ("I am the son, dad left", CUT_OFF),
        ("I'd rather not say", UNSPECIFIED),
        # Parents, however the silence began.
        ("parent", PARENT),
        ("I'm the dad", PARENT),
        ("my daughter cut me off", PARENT),
        ("I'm a mum whose son won't talk to me", PARENT),
        ("son won't speak to me", PARENT),
        ("a grandparent who hasn't seen the grandkids in years", PARENT),
        ("we are the parents", PARENT),
        # Adult children who stepped back.
        ("I stopped talking to my mum", STEPPED_BACK),
        ("I cut off my mother", STEPPED_BACK),
        ("I went no contact with my dad three years ago", STEPPED_BACK),
        ("I'm a daughter who stepped back", STEPPED_BACK),
        ("adult child who stepped back", STEPPED_BACK),
        # Adult children who were cut off.
        ("my parents disowned me", CUT_OFF),
        ("Dad left when I was 10", CUT_OFF),
        ("mum kicked me out at 18 and hasn't spoken to me since", CUT_OFF),
        ("adult child who was cut off", CUT_OFF),
        # Others.
        ("relative", RELATIVE),
        ("I'm his sister", RELATIVE),
        ("therapist", THERAPIST),
        ("I'm a family counsellor trying it out", THERAPIST),
        ("prefer not to say", UNSPECIFIED),
        ("banana", None),
        ("", None),
    ],
)
def test_role_is_understood_by_meaning(answer: str, expected: str | None) -> None:
    assert parse_role(answer) == expected


@pytest.mark.parametrize("answer", ["adult child", "I'm her son", "I'm estranged from my dad", "daughter"])
def test_an_adult_child_who_does_not_say_which_way_is_asked_rather_than_guessed(answer: str) -> None:
    assert parse_role(answer) is None
    assert is_adult_child_unsure_which(answer)


def test_an_unclear_answer_is_not_taken_for_an_adult_child() -> None:
    assert not is_adult_child_unsure_which("banana")
    assert not is_adult_child_unsure_which("parent")


def test_words_are_looked_up_for_the_role_then_its_side_then_the_default() -> None:
    variants = {"parent": "p", "adult_child": "a", "adult_child_cut_off": "c", "default": "d"}
    assert for_role(variants, CUT_OFF) == "c"
    assert for_role(variants, STEPPED_BACK) == "a"
    assert for_role(variants, PARENT) == "p"
    assert for_role(variants, UNSPECIFIED) == "d"
    assert for_role(variants, None) == "d"
    assert content_keys("adult_child") == ("adult_child", "adult_child", "default")


def test_each_role_is_said_back_in_plain_words() -> None:
    assert role_label(CUT_OFF) == "an adult child whose parent cut contact"
    assert role_label(STEPPED_BACK) == "an adult child who stepped back"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("I stepped back", STEPPED_BACK),
        ("I did", STEPPED_BACK),
        ("me", STEPPED_BACK),
        ("They cut contact", CUT_OFF),
        ("they did", CUT_OFF),
        ("my mum did", CUT_OFF),
        ("my dad left", CUT_OFF),
        ("adult child who was cut off", CUT_OFF),
        ("not sure", None),
    ],
)
def test_the_answer_to_which_way_contact_ended_is_read_as_an_adult_childs(answer: str, expected: str | None) -> None:
    assert parse_adult_child_answer(answer) == expected
