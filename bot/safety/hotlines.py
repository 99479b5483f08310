"""Which crisis, abuse and emergency lines to offer, by country and kind of risk.

The lines themselves live in ``hotlines.yml`` (each with its source and the date it was
checked) so they can be corrected without touching code. Countries are ISO 3166 alpha-2
codes; ``bot.countries.resolve_country`` turns what a person types into one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.content import load_content

HOTLINES_FILE = Path(__file__).with_name("hotlines.yml")
KINDS: tuple[str, ...] = ("crisis", "emergency", "domestic_violence", "child_protection", "elder_abuse", "youth")
YOUTH = "youth"
# For abuse, the specialist lines come before general crisis lines; for a young writer, the lines
# for young people and for children's protection come first.
_ABUSE_ORDER = {"domestic_violence": 0, "child_protection": 1, "elder_abuse": 2, "youth": 3, "crisis": 4}
_YOUNG_ORDER = {"youth": 0, "child_protection": 1, "domestic_violence": 2, "crisis": 3, "elder_abuse": 4}


@dataclass(frozen=True)
class Hotline:
    """One line a person can call or text, with where it is documented and when that was checked."""

    name: str
    contact: str
    kind: str
    url: str
    source: str
    checked: str
    note: str = ""


@dataclass(frozen=True)
class _Entry:
    hotline: Hotline
    categories: frozenset[str]


@dataclass(frozen=True)
class _Directory:
    by_country: dict[str, tuple[_Entry, ...]]
    international: tuple[_Entry, ...]
    eu_emergency: Hotline
    eu_countries: frozenset[str]


def _entry(raw: dict) -> _Entry:
    kind = raw["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown hotline kind {kind!r} for {raw.get('name')!r}")
    hotline = Hotline(
        name=raw["name"],
        contact=str(raw["contact"]),
        kind=kind,
        url=raw["url"],
        source=raw["source"],
        checked=str(raw["checked"]),
        note=raw.get("note", ""),
    )
    return _Entry(hotline, frozenset(raw["categories"]))


@lru_cache(maxsize=1)
def _directory() -> _Directory:
    """Load ``hotlines.yml`` once; raises ValueError or KeyError if an entry is malformed."""
    data = load_content(HOTLINES_FILE)
    eu = data["emergency_only"]
    eu_emergency = Hotline(
        name="Emergency services",
        contact=str(eu["number"]),
        kind="emergency",
        url=eu["source"],
        source=eu["source"],
        checked=str(eu["checked"]),
    )
    return _Directory(
        by_country={code: tuple(_entry(raw) for raw in lines) for code, lines in data["countries"].items()},
        international=tuple(_entry(raw) for raw in data["international"]),
        eu_emergency=eu_emergency,
        eu_countries=frozenset(eu["countries"]),
    )


def supported_countries() -> tuple[str, ...]:
    """ISO codes of the countries with their own crisis lines in the data file."""
    return tuple(_directory().by_country)


def has_local_lines(country: str | None) -> bool:
    """Whether the data file lists lines for this country; if not, the international ones are used."""
    return bool(country) and country.upper() in _directory().by_country


def _entries_for(country: str | None) -> tuple[_Entry, ...]:
    directory = _directory()
    code = (country or "").upper()
    if code in directory.by_country:
        return directory.by_country[code]
    if code in directory.eu_countries:
        lines = tuple(entry for entry in directory.international if entry.hotline.kind != "emergency")
        return lines + (
            _Entry(directory.eu_emergency, frozenset({"suicide", "self_harm", "abuse", "violence"})),
        )
    return directory.international


def lines_for(country: str | None, category: str | None = None, *, young: bool = False) -> list[Hotline]:
    """The lines to offer for a risk category in a country, best fit first, emergency number last.

    ``country`` is an ISO alpha-2 code; unknown or None gives the international lines.
    ``category`` "abuse" puts domestic-violence, child-protection and elder-abuse lines before
    crisis lines; "suicide", "self_harm" and "violence" give crisis lines; "sos" (someone asking
    for help, who may be in any danger) gives every line, crisis lines first; None (or any other
    value) gives every crisis line. Lines for young people come only when the writer may be
    ``young`` (then first) or among the /sos lines. The emergency entry is always last.
    """
    entries = _entries_for(country)
    emergency = [entry.hotline for entry in entries if entry.hotline.kind == "emergency"]
    others = [entry for entry in entries if entry.hotline.kind != "emergency"]
    youth = [entry for entry in others if entry.hotline.kind == YOUTH]
    others = [entry for entry in others if entry.hotline.kind != YOUTH]
    if category == "abuse":
        fitting = [entry for entry in others if "abuse" in entry.categories]
        fitting.sort(key=lambda entry: _ABUSE_ORDER[entry.hotline.kind])
    elif category == "sos":
        fitting = sorted(
            others + youth, key=lambda entry: (entry.hotline.kind != "crisis", _ABUSE_ORDER[entry.hotline.kind])
        )
    elif category in {"suicide", "self_harm", "violence"}:
        fitting = [
            entry for entry in others if category in entry.categories and entry.hotline.kind == "crisis"
        ]
    else:
        fitting = [entry for entry in others if entry.hotline.kind == "crisis"]
    if young:
        chosen = {entry.hotline for entry in fitting}
        fitting += [entry for entry in youth if entry.hotline not in chosen and (
            category not in {"suicide", "self_harm", "violence", "abuse"} or category in entry.categories)]
        if category != "sos":  # lines for older people's abuse are only noise to a child
            fitting = [entry for entry in fitting if entry.hotline.kind != "elder_abuse"]
        fitting.sort(key=lambda entry: _YOUNG_ORDER[entry.hotline.kind])
    return [entry.hotline for entry in fitting] + emergency


def emergency_number(country: str | None) -> str:
    """The number to call in an emergency ("911", "999", "112 or 999"), or "your local emergency number"."""
    for entry in _entries_for(country):
        if entry.hotline.kind == "emergency":
            return entry.hotline.contact
    raise LookupError("hotlines.yml has no emergency entry for the international fallback")


def emergency_numbers() -> dict[str, str]:
    """Every emergency number the data file documents, by ISO code, for a short list to show anywhere.

    The countries with their own lines come first, in the file's order; then "EU" (the code ISO
    reserves for the European Union) with 112, the number of the member states listed without
    lines of their own. The international "your local emergency number" is not a number, so it
    is not here.
    """
    directory = _directory()
    numbers = {code: emergency_number(code) for code in directory.by_country}
    numbers["EU"] = directory.eu_emergency.contact
    return numbers
