"""The crisis reply: order of messages, fitting lines, safe wording and the channel payload."""

from __future__ import annotations

import pytest

from bot.safety import CATEGORIES
from bot.safety.crisis import crisis_reply, sos_reply


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_reply_acknowledges_then_lists_lines_then_emergency_then_asks_if_safe(category: str) -> None:
    reply = crisis_reply(category, "US")
    acknowledgement, lines, emergency, question = reply.messages
    assert acknowledgement.startswith("Thank you")
    assert all(line.startswith("• ") for line in lines.splitlines()[1:])
    assert emergency == "If your life or someone else's is in danger right now, call 911."
    assert question == "Are you safe right now?"
    assert reply.category == category


def test_suicide_reply_in_the_us_offers_988_by_call_or_text() -> None:
    reply = crisis_reply("suicide", "US")
    assert "• 988 Suicide & Crisis Lifeline: call or text 988" in reply.messages[1]


def test_abuse_reply_says_it_is_not_their_fault_and_lists_the_abuse_line_first() -> None:
    reply = crisis_reply("abuse", "GB")
    assert "not your fault" in reply.messages[0]
    assert (
        reply.messages[1].splitlines()[1].startswith("• National Domestic Abuse Helpline: call 0808 2000 247")
    )


def test_abuse_reply_never_suggests_contacting_or_reconciling_with_the_abuser() -> None:
    for about_someone_else in (False, True):
        text = " ".join(crisis_reply("abuse", "GB", about_someone_else=about_someone_else).messages).lower()
        for word in ("reconcil", "talk to him", "talk to her", "contact them", "forgive", "apologis"):
            assert word not in text


def test_violence_reply_encourages_stepping_away_without_shaming() -> None:
    text = crisis_reply("violence", "GB").messages[0].lower()
    assert "step away" in text
    for word in ("shame", "wrong", "bad person", "should be ashamed"):
        assert word not in text


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("about_someone_else", [False, True])
def test_wording_makes_no_promises_of_secrecy_no_therapist_claim_and_no_diagnosis(
    category: str, about_someone_else: bool
) -> None:
    text = " ".join(crisis_reply(category, "AU", about_someone_else=about_someone_else).messages).lower()
    for word in (
        "confidential",
        "secret",
        "promise",
        "i'm a therapist",
        "i am a therapist",
        "diagnos",
        "depression",
        "everything will be fine",
        "it will be okay",
    ):
        assert word not in text


def test_someone_elses_risk_gets_its_own_wording_and_question() -> None:
    reply = crisis_reply("suicide", "NZ", about_someone_else=True)
    assert "worried about someone" in reply.messages[0]
    assert reply.messages[-1] == "Is the person you're worried about safe right now? And are you?"
    assert reply.messages[2].endswith("call 111.")


def test_an_unknown_country_gets_the_international_lines_and_honest_emergency_wording() -> None:
    reply = crisis_reply("suicide", None)
    assert "findahelpline.com" in reply.messages[1]
    assert "your local emergency number" in reply.messages[2]
    assert "112" in reply.messages[2]


def test_an_unknown_category_is_answered_as_suicide() -> None:
    assert crisis_reply("unknown", "GB").category == "suicide"


def test_payload_names_the_category_and_every_line_with_its_contact() -> None:
    reply = crisis_reply("abuse", "IE")
    payload = reply.payload()["safety"]
    assert payload["category"] == "abuse"
    assert payload["hotlines"][0] == {
        "name": "Women's Aid 24hr National Freephone Helpline",
        "contact": "call 1800 341 900",
    }
    assert payload["hotlines"][-1] == {"name": "Emergency services", "contact": "112 or 999"}


def test_sos_gives_the_lines_at_once_with_no_question_before_them() -> None:
    reply = sos_reply("GB")
    assert reply.category == "sos"
    assert "?" not in reply.messages[0]
    assert "• Samaritans: call 116 123" in reply.messages[1]
    assert reply.messages[2].endswith("call 999.")
    assert reply.payload()["safety"]["category"] == "sos"


def test_sos_works_without_a_country() -> None:
    reply = sos_reply(None)
    assert reply.hotlines[-1].kind == "emergency"


def test_sos_lists_the_domestic_abuse_and_child_protection_lines_after_the_crisis_lines() -> None:
    expected = (("US", "1-800-799-7233", "1-800-422-4453"), ("GB", "0808 2000 247", "0808 800 5000"))
    for country, abuse_line, child_line in expected:
        reply = sos_reply(country)
        kinds = [hotline.kind for hotline in reply.hotlines]
        assert kinds[0] == "crisis" and kinds[-1] == "emergency"
        assert "domestic_violence" in kinds and "child_protection" in kinds
        listed = "\n".join(reply.messages)
        assert abuse_line in listed and child_line in listed


def test_before_the_country_is_known_a_language_hint_puts_its_lines_first_then_the_international_ones() -> None:
    reply = sos_reply(None, country_hint="GB")
    names = [hotline.name for hotline in reply.hotlines]
    assert names[0] == "Samaritans" and names[-1] == "Emergency services"
    assert names.index("Samaritans") < names.index("Find A Helpline")
    assert reply.hotlines[-1].contact == "999"


def test_a_known_country_is_never_overridden_by_a_hint() -> None:
    assert sos_reply("US", country_hint="GB").hotlines == sos_reply("US").hotlines


def test_the_crisis_reply_itself_uses_the_language_hint_until_the_country_is_known() -> None:
    names = [hotline.name for hotline in crisis_reply("suicide", None, country_hint="GB").hotlines]
    assert names[0] == "Samaritans" and names.index("Samaritans") < names.index("Find A Helpline")
    assert crisis_reply("suicide", "US", country_hint="GB").hotlines == crisis_reply("suicide", "US").hotlines


def test_a_young_writer_hears_of_the_childrens_line_first() -> None:
    reply = crisis_reply("abuse", "GB", young=True)
    assert reply.hotlines[0].name == "Childline"
    assert "Childline" in reply.messages[1].splitlines()[1]
