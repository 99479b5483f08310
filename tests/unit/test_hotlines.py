"""The hotline data file and the choice of lines by country and risk category."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.safety.hotlines import (
    HOTLINES_FILE,
    KINDS,
    emergency_number,
    has_local_lines,
    lines_for,
    supported_countries,
)

CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _all_raw_entries() -> list[dict]:
    data = yaml.safe_load(HOTLINES_FILE.read_text(encoding="utf-8"))
    return [entry for lines in data["countries"].values() for entry in lines] + data["international"]


def test_the_data_file_loads_and_lists_the_expected_countries() -> None:
    assert set(supported_countries()) >= {"US", "GB", "IE", "CA", "AU", "NZ"}


@pytest.mark.parametrize("entry", _all_raw_entries(), ids=lambda entry: entry["name"])
def test_every_entry_has_a_source_url_a_checked_date_and_a_known_kind(entry: dict) -> None:
    assert entry["source"].startswith("https://")
    assert entry["url"].startswith("https://")
    assert CHECKED.match(str(entry["checked"]))
    assert entry["kind"] in KINDS
    assert entry["categories"]


@pytest.mark.parametrize("country", ["US", "GB", "IE", "CA", "AU", "NZ"])
def test_every_supported_country_has_exactly_one_emergency_entry_listed_last(country: str) -> None:
    for category in (None, "suicide", "self_harm", "abuse", "violence"):
        lines = lines_for(country, category)
        assert [line.kind for line in lines].count("emergency") == 1
        assert lines[-1].kind == "emergency"


@pytest.mark.parametrize(
    ("country", "number"),
    [("US", "911"), ("GB", "999"), ("IE", "112 or 999"), ("CA", "911"), ("AU", "000"), ("NZ", "111")],
)
def test_emergency_numbers_by_country(country: str, number: str) -> None:
    assert emergency_number(country) == number


@pytest.mark.parametrize("country", [None, "", "ZZ", "JP"])
def test_an_unknown_country_gets_the_international_fallback(country: str | None) -> None:
    lines = lines_for(country, "suicide")
    assert not has_local_lines(country)
    assert any("findahelpline.com" in line.contact for line in lines)
    assert emergency_number(country) == "your local emergency number"
    assert "112" in lines[-1].note


def test_an_eu_country_gets_the_fallback_lines_and_112() -> None:
    assert emergency_number("DE") == "112"
    assert lines_for("DE", "abuse")[-1].contact == "112"


@pytest.mark.parametrize("country", ["US", "GB", "IE", "AU", "NZ"])
def test_abuse_puts_domestic_violence_and_child_lines_before_crisis_lines(country: str) -> None:
    kinds = [line.kind for line in lines_for(country, "abuse")]
    assert kinds[0] == "domestic_violence"
    first_crisis = kinds.index("crisis")
    assert all(
        kind in {"domestic_violence", "child_protection", "elder_abuse"} for kind in kinds[:first_crisis]
    )


def test_suicide_gives_crisis_lines_only_before_the_emergency_number() -> None:
    lines = lines_for("US", "suicide")
    assert [line.name for line in lines] == [
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
        "Emergency services",
    ]


def test_the_us_lifeline_is_call_or_text_988() -> None:
    assert lines_for("US", "suicide")[0].contact == "call or text 988"


def test_canadas_assaulted_womens_helpline_is_labelled_ontario_only() -> None:
    helpline = next(line for line in lines_for("CA", "abuse") if "Assaulted" in line.name)
    assert "Ontario" in helpline.note


def test_country_codes_are_case_insensitive() -> None:
    assert lines_for("gb", "suicide") == lines_for("GB", "suicide")
    assert has_local_lines("nz")


@pytest.mark.parametrize("country", ["GB", "IE", "CA", "AU", "NZ"])
def test_a_young_writer_gets_a_line_for_young_people_first(country: str) -> None:
    for category in ("suicide", "self_harm", "abuse"):
        young = lines_for(country, category, young=True)
        assert young[0].kind == "youth", (country, category)
        assert not [line for line in young if line.kind == "elder_abuse"]
        assert [line for line in lines_for(country, category) if line.kind == "youth"] == []


def test_lines_for_young_people_are_among_the_sos_lines_for_everyone() -> None:
    assert "Childline" in [line.name for line in lines_for("GB", "sos")]


def test_a_child_in_the_us_gets_the_child_abuse_hotline_first() -> None:
    assert lines_for("US", "abuse", young=True)[0].name == "Childhelp National Child Abuse Hotline"
