"""Turning what a person types about where they live into an ISO 3166 alpha-2 code."""

from __future__ import annotations

import pytest

from bot.countries import country_from_language_tag, country_name, resolve_country


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("england", "GB"),
        ("Scotland", "GB"),
        ("Wales", "GB"),
        ("Northern Ireland", "GB"),
        ("usa", "US"),
        ("United States", "US"),
        ("America", "US"),
        ("the US", "US"),
        ("ireland", "IE"),
        ("Éire", "IE"),
        ("NZ", "NZ"),
        ("aotearoa", "NZ"),
        ("canada", "CA"),
        ("Australia", "AU"),
        ("oz", "AU"),
        ("Germany", "DE"),
        ("deutschland", "DE"),
        ("france", "FR"),
        ("India", "IN"),
        ("de", "DE"),
        ("GB", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Bosnia & Herzegovina", "BA"),
        ("bosnia and herzegovina", "BA"),
        ("St Lucia", "LC"),
        ("  Japan  ", "JP"),
        ("I live in the UK", "GB"),
        ("South Africa.", "ZA"),
    ],
)
def test_what_people_type_resolves_to_an_iso_code(typed: str, code: str) -> None:
    assert resolve_country(typed) == code


@pytest.mark.parametrize(
    "typed", ["Other", "somewhere else", "prefer not to say", "Prefer not to say", "", "  ", "xx"]
)
def test_no_answer_or_an_unknown_place_resolves_to_none(typed: str) -> None:
    assert resolve_country(typed) is None


def test_ni_is_nicaragua_not_northern_ireland() -> None:
    assert resolve_country("NI") == "NI"


@pytest.mark.parametrize(
    ("code", "name"), [("GB", "United Kingdom"), ("us", "United States"), ("NZ", "New Zealand")]
)
def test_country_name_gives_the_english_name(code: str, name: str) -> None:
    assert country_name(code) == name


def test_the_table_covers_every_country_a_person_might_pick() -> None:
    assert all(
        resolve_country(country_name(code)) == code for code in ["FR", "BR", "KE", "PH", "MX", "PL", "VN"]
    )



@pytest.mark.parametrize(
    ("tag", "country"),
    [("en-GB", "GB"), ("pt_BR", "BR"), ("en-us", "US"), ("zh-Hant-TW", "TW"), ("en-GB-oxendict", "GB"),
     ("en", None), ("de", None), ("xx-ZZ", None), ("", None), (None, None), ("en-GB" * 20, None)],
)
def test_a_language_tag_hints_at_a_country_only_by_its_region(tag, country) -> None:
    assert country_from_language_tag(tag) == country
