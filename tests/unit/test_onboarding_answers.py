import pytest

from bot.onboarding import parse_consent, parse_role


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("yes, keep them", True),
        ("Yes", True),
        ("sure", True),
        ("ok please save them", True),
        ("no, don't save", False),
        ("nope", False),
        ("please don't save anything", False),
        ("I'd rather you didn't keep anything", False),
        ("do not store what I write", False),
        ("maybe", None),
        ("purple elephants", None),
        ("", None),
    ],
)
def test_consent_is_understood_typed_or_tapped(answer: str, expected: bool | None) -> None:
    assert parse_consent(answer) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("parent", "parent"),
        ("I'm the dad", "parent"),
        ("my daughter cut me off", "parent"),
        ("adult child", "adult_child"),
        ("I'm her son", "adult_child"),
        ("I stopped talking to my mum", "adult_child"),
        ("relative", "relative"),
        ("I'm his sister", "relative"),
        ("therapist", "therapist"),
        ("I'm a family counsellor trying it out", "therapist"),
        ("banana", None),
    ],
)
def test_role_is_understood_from_plain_words(answer: str, expected: str | None) -> None:
    assert parse_role(answer) == expected
