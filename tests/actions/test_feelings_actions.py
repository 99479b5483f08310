"""What someone shares is heard; abuse long past is believed, with survivor services and no apology offer."""

from __future__ import annotations

from actions.feelings import ActionHearYou
from tests.actions.conftest import make_tracker


def payloads(dispatcher) -> list[str]:
    return [button["payload"] for message in dispatcher.messages for button in message.get("buttons") or []]


async def test_abuse_long_past_is_believed_with_survivor_services_and_no_apology_offer(dispatcher) -> None:
    text = "my father beat us when we were kids, that's why I stopped seeing him"
    await ActionHearYou().run(dispatcher, make_tracker(text=text, intent="share_feelings"), {})
    said = "\n".join(message.get("text") or "" for message in dispatcher.messages)
    assert "I believe you" in said and "don't owe anyone contact" in said
    assert "0808 2000 247" in said  # the UK's domestic abuse helpline, for the person's country
    assert "apology" not in " ".join(payloads(dispatcher)) and "make a safety plan" in payloads(dispatcher)


async def test_other_feelings_get_the_usual_acknowledgement_and_the_whole_menu(dispatcher) -> None:
    await ActionHearYou().run(dispatcher, make_tracker(text="I feel so sad today", intent="share_feelings"), {})
    assert dispatcher.messages[0]["text"].startswith("Thank you for telling me. That sounds hard to carry.")
    assert any("apolog" in payload for payload in payloads(dispatcher))
