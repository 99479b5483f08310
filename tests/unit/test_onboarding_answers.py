import pytest

from bot.onboarding import parse_consent


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
