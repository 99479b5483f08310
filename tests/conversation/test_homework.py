"""Homework from a therapist, end to end: the portal assigns, the client redeems the code on REST,
consents or declines, does the exercise and chooses what to share; the therapist sees exactly that."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import requests

from bot.portal.accounts import create_therapist
from bot.portal.assignments import AssignmentRequest, create_assignment, revoke
from bot.storage import session_scope
from bot.storage.models import Assignment
from tests.chat import Chat, button_payloads
from tests.portal.conftest import PASSWORD, Portal, start_portal, stop_portal

CHECK_IN_ANSWERS = ("4", "most of the time", "sometimes", "3", "all of the time", "6")


def text_of(responses: list[dict]) -> str:
    return "\n".join(item.get("text", "") for item in responses)


@pytest.fixture(scope="module")
def portal(servers) -> Iterator[Portal]:
    """The therapist portal on the same database as the bot's servers."""
    running = start_portal(servers.work_dir)
    yield running
    stop_portal(running)


@pytest.fixture
def assign(servers_environment, portal: Portal):
    """Assign an exercise as a new therapist named Ann Smith; (assignment id, code, email)."""

    def make(exercise: str = "checkin", note: str = "") -> tuple[int, str, str]:
        email = f"ann{portal.accounts}@example.org"
        portal.accounts += 1
        with session_scope() as session:
            therapist = create_therapist(session, email, PASSWORD, "Ann Smith")
            request = AssignmentRequest(exercise, "Client C", note).checked(date.today())
            assignment = create_assignment(session, therapist, request)
            return assignment.id, assignment.code, email

    return make


def results(portal: Portal, email: str, assignment_id: int) -> dict:
    token = portal.api_token(email)
    url = f"{portal.url}/api/assignments/{assignment_id}/results"
    response = requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    response.raise_for_status()
    return response.json()


def test_a_client_consents_does_the_check_in_and_shares_their_answers(
    onboarded_chat: Chat, assign, portal: Portal
) -> None:
    assignment_id, code, email = assign(note="Once this week, please.")
    chat = onboarded_chat
    invitation = chat.send(f"my code is {code}")
    text = text_of(invitation)
    assert "Ann Smith has suggested something for you to try between sessions: A two-minute check-in" in text
    assert "Once this week, please." in text and "never see our conversation" in text
    assert button_payloads(invitation)[-2:] == ["Yes, that's OK", "No, keep it private"]

    started = chat.send("Yes, that's OK")
    assert "Let's begin" in text_of(started) and chat.slot("exercise") == "checkin"
    for answer in CHECK_IN_ANSWERS:
        responses = chat.send(answer)
    assert "What would you like Ann Smith to see?" in text_of(responses)
    assert button_payloads(responses) == ["My answers", "Only that I finished"]
    shared = chat.send("My answers")
    assert "can see your answers" in text_of(shared) and chat.slot("exercise") is None

    seen = results(portal, email, assignment_id)
    assert seen["status"] == "completed" and seen["crisis_lines_shown"] is False
    assert any("68" in line for line in seen["shared"]["answers"]), seen["shared"]
    browser = portal.browser()
    assert portal.log_in(browser, email).status_code == 303
    page = browser.get(f"{portal.url}/assignments/{assignment_id}", timeout=10).text
    assert "Completed" in page and "68" in page


def test_a_declining_client_does_it_privately_and_the_therapist_sees_only_declined(
    onboarded_chat: Chat, assign, portal: Portal
) -> None:
    assignment_id, code, email = assign(exercise="checkin")
    chat = onboarded_chat
    chat.send(code)
    declined = chat.send("No, keep it private")
    assert "only see that you chose to keep it private" in text_of(declined)
    assert button_payloads(declined) == ["Just for me", "Not now"]
    chat.send("Just for me")
    for answer in CHECK_IN_ANSWERS:
        responses = chat.send(answer)
    assert "to see?" not in text_of(responses) and "well-being score" in text_of(responses)
    seen = results(portal, email, assignment_id)
    assert seen["status"] == "declined" and seen["shared"] is None and seen["crisis_lines_shown"] is False
    assert [event["kind"] for event in seen["events"]] == ["sent", "opened", "declined"]


def test_crisis_lines_shown_during_homework_are_flagged_without_a_word_of_why(
    onboarded_chat: Chat, assign, portal: Portal
) -> None:
    assignment_id, code, email = assign(exercise="circle_of_control")
    chat = onboarded_chat
    chat.send(f"code {code}")
    chat.send("yes")
    crisis = chat.send("I want to end my life tonight")
    assert any("custom" in item and item["custom"].get("safety", {}).get("level") == "crisis" for item in crisis)
    seen = results(portal, email, assignment_id)
    assert seen["crisis_lines_shown"] is True and seen["status"] == "started"
    assert "end my life" not in str(seen)


def test_revoked_and_unknown_codes_are_answered_kindly(onboarded_chat: Chat, assign) -> None:
    assignment_id, code, _ = assign()
    with session_scope() as session:
        revoke(session, session.get(Assignment, assignment_id))
    chat = onboarded_chat
    assert "isn't active any more" in chat.say(f"my code is {code}")
    assert chat.slot("exercise") is None
    assert "couldn't find homework with that code" in chat.say("my code is ZZZZ2345")


def test_a_new_person_with_a_code_is_welcomed_first_then_offered_the_homework(servers, assign) -> None:
    _, code, _ = assign(exercise="grounding")
    chat = servers.chat()
    welcome = chat.say(f"my code is {code}")
    assert "Would you like me to keep your reflections" in welcome
    chat.send("yes, keep them")
    chat.send("adult child who stepped back")
    onboarded = chat.send("Ireland")
    assert f"my code is {code}" in button_payloads(onboarded)
    assert "Ann Smith has suggested" in chat.say(f"my code is {code}")


def test_phq9_item_9_reaches_the_crisis_path_at_once_and_the_therapist_sees_a_flag(
    onboarded_chat: Chat, assign, portal: Portal
) -> None:
    assignment_id, code, email = assign(exercise="phq9")
    chat = onboarded_chat
    invitation = chat.send(f"my code is {code}")
    assert "your answers and the total" in text_of(invitation)
    first = chat.send("Yes, that's OK")
    assert "1 of 9" in text_of(first) and "Several days" in button_payloads(first)
    for answer in ["Several days", "1", "not at all", "2", "Not at all", "0", "Nearly every day", "0"]:
        chat.send(answer)
    crisis = chat.send("Several days")
    safety = [item["custom"]["safety"] for item in crisis if "custom" in item and "safety" in item["custom"]]
    assert safety and safety[0]["level"] == "crisis", crisis
    assert "Samaritans" in text_of(crisis), "the person's country's lines (onboarded in the UK)"
    assert chat.slot("exercise") is None and chat.tracker()["active_loop"].get("name") == "crisis_form"
    assert "Ann Smith can see" not in text_of(crisis), "the crisis reply comes alone"
    after = chat.send("yes, I'm safe right now")
    assert text_of(after), "the crisis mode answers the next message"

    seen = results(portal, email, assignment_id)
    [result] = seen["results"]
    assert (seen["status"], result["score"], result["flagged"]) == ("completed", 8, True)  # 1+1+0+2+0+0+3+0+1
    assert seen["crisis_lines_shown"] is True
    browser = portal.browser()
    assert portal.log_in(browser, email).status_code == 303
    page = browser.get(f"{portal.url}/assignments/{assignment_id}", timeout=10).text
    assert "Please follow up with your client" in page and "Several days" in page
