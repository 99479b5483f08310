"""Check-ins, the progress chart and the saved reflections, through the really trained bot."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import requests
from matplotlib.image import imread

from tests.chat import Chat, button_payloads
from tests.conversation.test_onboarding import export

FIVE = ["5", "4", "3", "2", "1", "0"]


def text_of(responses: list[dict]) -> str:
    return "\n".join(item.get("text", "") for item in responses)


def check_in(chat: Chat, *answers: str) -> list[dict]:
    responses = []
    for answer in answers:
        responses = chat.send(answer)
    return responses


def test_onboarding_offers_a_first_check_in(servers) -> None:
    chat = servers.chat()
    chat.send("hi")
    chat.send("yes, keep them")
    chat.send("adult child who stepped back")
    responses = chat.send("Ireland")
    assert "check-in" in text_of(responses) and "check in" in button_payloads(responses)


def test_a_full_check_in_by_buttons_and_typed_words_is_scored_and_kept(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    responses = chat.send("I'd like to do a check-in")
    assert "two weeks" in text_of(responses) and chat.slot("exercise") == "checkin"
    assert button_payloads(responses)[:6] == FIVE
    responses = check_in(chat, "4", "most of the time", "sometimes", "3", "all of the time")
    assert "0 to 10" in text_of(responses) and "10" in button_payloads(responses)
    responses = chat.send("6")
    text = text_of(responses)
    assert "well-being score is 68 out of 100" in text and "6 out of 10" in text and "saved" in text
    assert "really hard" not in text
    entry = export(servers, chat.sender)["entries"][-1]
    assert entry["kind"] == "checkin" and entry["answers"]["score"] == 68 and entry["answers"]["relationship"] == 6
    assert chat.slot("exercise") is None


def test_a_low_score_gets_a_kind_note_with_grounding_the_safety_plan_and_help(onboarded_chat: Chat) -> None:
    chat = onboarded_chat
    chat.send("check in")
    responses = check_in(chat, "at no time", "some of the time", "never", "1", "0", "2")
    text = text_of(responses)
    assert "8 out of 100" in text and "isn't a diagnosis" in text
    assert {"grounding", "make a safety plan", "help now"} <= set(button_payloads(responses))


def test_how_have_i_been_doing_sends_a_chart_that_only_its_link_opens(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    assert "haven't done a check-in yet" in chat.say("how have I been doing?")
    for answers in (["3"] * 5 + ["4"], ["4"] * 5 + ["6"]):
        chat.send("check in")
        check_in(chat, *answers)
    responses = chat.send("how have I been doing?")
    assert "2 check-ins" in text_of(responses) and "60 at the start and 80 most recently" in text_of(responses)
    image_url = next(item["image"] for item in responses if item.get("image"))
    parts = urlsplit(image_url)
    assert parts.path == "/charts/progress.png" and f"{parts.scheme}://{parts.netloc}" == servers.webchat_url
    servers.start_webchat()
    chart = requests.get(image_url, timeout=30)
    assert chart.status_code == 200 and chart.headers["Content-Type"] == "image/png"
    assert "no-store" in chart.headers["Cache-Control"]
    image = imread(io.BytesIO(chart.content), format="png")
    assert image.shape[:2] == (900, 720) and image.std() > 0.05
    forged = image_url[:-4] + ("0000" if not image_url.endswith("0000") else "1111")
    assert requests.get(forged, timeout=30).status_code == 404


def test_without_saving_there_is_no_chart_and_the_person_is_told_why(servers) -> None:
    chat = servers.chat()
    chat.onboard(consent="no, don't save")
    chat.send("check in")
    responses = check_in(chat, *["3"] * 5, "5")
    assert "isn't kept" in text_of(responses)
    responses = chat.send("how have I been doing?")
    assert "chose not to have things saved" in text_of(responses)
    assert not any(item.get("image") for item in responses)


def test_show_my_reflections_lists_opens_and_deletes_one_entry(onboarded_chat: Chat, servers) -> None:
    chat = onboarded_chat
    chat.send("check in")
    check_in(chat, *["3"] * 5, "5")
    chat.send("help me let go")
    for answer in ("Sunday lunches", "her voice", "love and hurt", "Dear Anna, I miss you", "my walking group", "skip"):
        chat.send(answer)
    responses = chat.send("show my reflections")
    text = text_of(responses)
    assert "1. Letting go" in text and "2. Check-in" in text and "Well-being: 60" in text
    assert button_payloads(responses) == ["1", "2", "done"]
    opened = chat.send("1")
    assert "Dear Anna, I miss you" in text_of(opened) and "delete" in button_payloads(opened)
    assert "for good" in text_of(chat.send("delete"))
    responses = chat.send("yes, delete it")
    assert "Deleted" in text_of(responses) and "1. Check-in" in text_of(responses)
    kinds = [entry["kind"] for entry in export(servers, chat.sender)["entries"]]
    assert kinds == ["checkin"]
    responses = chat.send("done")
    assert "what would you like to do" in text_of(responses).lower()
    assert chat.tracker()["active_loop"] == {} or not chat.tracker()["active_loop"].get("name")


def test_a_risk_message_while_looking_at_reflections_gets_the_crisis_reply_first(onboarded_chat: Chat) -> None:
    chat = onboarded_chat
    chat.send("check in")
    check_in(chat, *["3"] * 5, "5")
    chat.send("show my reflections")
    responses = chat.send("I want to kill myself")
    assert responses[0]["custom"]["safety"]["level"] == "crisis"
