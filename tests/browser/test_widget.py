"""The web chat widget in headless Chromium, talking to the real bot over Rasa's Socket.IO channel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import requests
import yaml
from playwright.sync_api import Page, expect

from bot.countries import country_from_language_tag, country_name
from bot.safety.hotlines import HOTLINES_FILE, emergency_number
from tests.browser.conftest import PHONE, TcpForwarder, WebChat, start_webchat
from tests.servers import BotServers, free_port

CONSENT_QUESTION = "Would you like me to keep your reflections"
ROLE_QUESTION = "Which side of the estrangement are you on?"
COUNTRY_QUESTION = "Which country are you in?"
ONBOARDED = "I'll remember that you're a parent in"
XSS_PAYLOADS = ("<img src=x onerror=window.__xss=1>", "<script>window.__xss=2</script>")


def open_chat(page: Page, url: str) -> None:
    """Open the demo page and the chat, and wait until the widget has its session."""
    page.goto(url)
    page.get_by_role("button", name="Self-help chat").click()
    expect(page.get_by_role("textbox", name="Your message")).to_be_focused()
    expect(page.locator(".ecw-status")).to_have_text("")


def say(page: Page, text: str) -> None:
    page.get_by_role("textbox", name="Your message").fill(text)
    page.keyboard.press("Enter")


def bot_says(page: Page, text: str) -> None:
    expect(page.locator(".ecw-message--bot .ecw-text").filter(has_text=text).last).to_be_visible()


def log(page: Page):
    return page.get_by_role("log", name="Conversation")


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def onboard(page: Page) -> None:
    """Onboard as a UK parent: consent by a click, role and country by typing."""
    log(page).get_by_role("button", name="Hello").click()
    bot_says(page, CONSENT_QUESTION)
    consent = log(page).get_by_role("button", name="Yes, keep them")
    consent.click()
    expect(consent).to_be_disabled()
    expect(log(page).get_by_role("button", name="No, don't save")).to_be_disabled()
    assert focused_id(page) == "ecw-input", "focus goes back to the message box after a quick reply"
    bot_says(page, ROLE_QUESTION)
    say(page, "parent")
    bot_says(page, COUNTRY_QUESTION)
    say(page, "United Kingdom")
    bot_says(page, ONBOARDED)


def session_id(page: Page) -> str:
    return page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('ecw:session:')).map(k => localStorage.getItem(k))[0]"
    )


def test_onboarding_by_click_and_typing_ends_with_the_menu_as_quick_replies(
    page: Page, webchat: WebChat, screenshots: Path
) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    menu = log(page).get_by_role("group", name="Suggested replies").last
    expect(menu.get_by_role("button", name="What is this?")).to_be_enabled()
    expect(menu.get_by_role("button", name="Get help now")).to_be_enabled()
    expect(page.locator(".ecw-message--bot time").last).to_have_text(re.compile(r"\d{1,2}:\d{2}"))
    page.screenshot(path=screenshots / "desktop-onboarded.png")


def test_get_help_now_shows_the_uk_lines_without_the_model_and_returns_focus(
    page: Page, webchat: WebChat, screenshots: Path
) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    help_button = page.locator(".ecw-header").get_by_role("button", name="Get help now")
    help_button.click()
    dialog = page.get_by_role("dialog", name="Help right now")
    expect(dialog).to_contain_text("Samaritans")
    expect(dialog).to_contain_text("116 123")
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('[role=dialog]').contains(document.activeElement)")
    page.screenshot(path=screenshots / "desktop-help-now.png")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(help_button).to_be_focused()


def test_get_help_now_with_no_lines_ever_loaded_names_no_number_but_the_local_emergency_one(
    page: Page, webchat: WebChat
) -> None:
    page.route("**/api/sos?*", lambda route: route.abort())
    page.route("**/api/lines", lambda route: route.abort())
    page.goto(webchat.url)
    page.locator(".ecw-launchers").get_by_role("button", name="Get help now").click()
    dialog = page.get_by_role("dialog", name="Help right now")
    lines = dialog.locator(".ecw-help-lines")
    expect(lines).to_have_attribute("aria-busy", "false")
    expect(lines).to_contain_text("call your local emergency number")
    assert not re.search(r"\d", lines.inner_text()), "a remembered number could be wrong where the person is"
    expect(dialog.get_by_role("link", name=re.compile("findahelpline.com"))).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def _hotline_data() -> dict:
    """hotlines.yml as written, read here rather than through the code under test."""
    return yaml.safe_load(HOTLINES_FILE.read_text(encoding="utf-8"))


def _expect_lines_from_the_hotline_data(page: Page) -> None:
    """Every emergency number in hotlines.yml, each on its own line after its places, and the international lines."""
    lines = page.get_by_role("dialog", name="Help right now").locator(".ecw-help-lines")
    expect(lines).to_have_attribute("aria-busy", "false")
    expect(lines).to_contain_text("couldn't load the lines for your country")
    shown = lines.inner_text()
    data = _hotline_data()
    expected = {
        country_name(code): next(str(entry["contact"]) for entry in entries if entry["kind"] == "emergency")
        for code, entries in data["countries"].items()
    }
    expected["European Union"] = str(data["emergency_only"]["number"])
    for place, number in expected.items():
        line = rf"^• [^\n]*\b{re.escape(place)}\b[^\n]*: {re.escape(number)}$"
        assert re.search(line, shown, re.M), f"no line giving {number} for {place} in:\n{shown}"
    for entry in data["international"]:
        if entry["kind"] == "emergency":
            assert entry["note"].lower() in shown.lower()
        else:
            assert f"{entry['name']}: {entry['contact']}" in shown
            link = lines.get_by_role("link", name=entry["name"])
            expect(link).to_have_attribute("href", re.compile(rf"^{re.escape(entry['url'])}/?$"))


def test_when_the_web_chat_server_goes_down_get_help_now_shows_the_numbers_it_kept_from_the_hotline_data(
    page: Page, webchat: WebChat, screenshots: Path
) -> None:
    page.goto(webchat.url)
    page.wait_for_function("Object.keys(localStorage).some((key) => key.startsWith('ecw:lines:'))")
    page.route("**/api/**", lambda route: route.abort())  # the server is down from here on
    page.locator(".ecw-launchers").get_by_role("button", name="Get help now").click()
    _expect_lines_from_the_hotline_data(page)
    page.screenshot(path=screenshots / "desktop-help-now-server-down.png")

    page.reload()  # a new page while the server is still down: the lines kept in localStorage
    page.locator(".ecw-header").get_by_role("button", name="Get help now").click()  # the chat stayed open
    _expect_lines_from_the_hotline_data(page)


def test_a_reload_continues_the_same_conversation_with_its_history(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    before = session_id(page)
    page.reload()
    expect(page.locator(".ecw-status")).to_have_text("")
    bot_says(page, ONBOARDED)
    assert session_id(page) == before
    say(page, "hi")
    bot_says(page, re.compile("Hello again|Welcome back"))
    expect(log(page).get_by_text(CONSENT_QUESTION)).to_have_count(1)


def test_markup_typed_by_a_person_is_shown_as_text_and_never_run(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    for payload in XSS_PAYLOADS:
        say(page, payload)
        expect(page.locator(".ecw-message--user .ecw-text").filter(has_text=payload)).to_have_text(payload)
    bot_says(page, CONSENT_QUESTION)
    assert page.evaluate("typeof window.__xss") == "undefined"
    expect(log(page).locator("img")).to_have_count(0)
    expect(log(page).locator("script")).to_have_count(0)


def test_keyboard_only_tab_to_the_chat_type_and_press_enter(page: Page, webchat: WebChat) -> None:
    page.goto(webchat.url)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Self-help chat":
            break
    else:
        raise AssertionError("Tab never reached the 'Self-help chat' button")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Your message")).to_be_focused()
    expect(page.locator(".ecw-status")).to_have_text("")
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    expect(page.locator(".ecw-message--user .ecw-text").last).to_have_text("hello")
    bot_says(page, CONSENT_QUESTION)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") != "", "Tab moves backwards through labelled controls"


def test_a_message_over_the_limit_is_not_sent_and_stays_in_the_box(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    box = page.get_by_role("textbox", name="Your message")
    long_text = "I have so much to say. " * 100  # 2,300 characters
    box.fill(long_text)
    expect(page.locator(".ecw-counter")).to_have_text(f"{len(long_text)} of 2000 characters")
    page.keyboard.press("Enter")
    expect(page.locator(".ecw-note")).to_contain_text("smaller parts")
    expect(box).to_have_value(long_text)
    expect(page.locator(".ecw-message--user")).to_have_count(0)


def test_on_a_phone_the_chat_fills_the_screen_without_sideways_scrolling(
    new_page, webchat: WebChat, screenshots: Path
) -> None:
    page = new_page(PHONE)
    page.goto(webchat.url)
    page.screenshot(path=screenshots / "phone-closed.png")
    page.get_by_role("button", name="Self-help chat").click()
    expect(page.locator(".ecw-status")).to_have_text("")
    log(page).get_by_role("button", name="Hello").click()
    bot_says(page, CONSENT_QUESTION)
    box = page.locator(".ecw-panel").bounding_box()
    assert box is not None and box["width"] == PHONE["width"] and box["height"] == PHONE["height"]
    assert page.evaluate("document.querySelector('.ecw-panel').scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "phone-chat.png")


def test_delete_my_data_erases_the_person_and_starts_a_new_session(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    old_session = session_id(page)
    page.get_by_role("button", name="Options").click()
    page.get_by_role("button", name="Delete my data").click()
    dialog = page.get_by_role("dialog", name="Delete my data?")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_visible()
    dialog.get_by_role("button", name="Yes, delete my data").click()
    expect(page.locator(".ecw-system")).to_have_text("Your data has been deleted. This is a new conversation.")
    expect(log(page).get_by_text(ONBOARDED)).to_have_count(0)
    assert session_id(page) != old_session
    again = requests.post(f"{webchat.url}/api/erase", json={"session_id": old_session}, timeout=10)
    assert again.json() == {"erased": False}


def test_download_my_data_gives_a_file_with_the_profile_and_the_conversation(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    page.get_by_role("button", name="Options").click()
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download my data").click()
    download = waiting.value
    assert download.suggested_filename == "my-data.json"
    data = json.loads(Path(download.path()).read_text())
    assert data["found"] is True and data["profile"]["role"] == "parent" and data["profile"]["country"] == "GB"
    said = [(line["from"], line["text"]) for line in data["conversation"]]
    assert ("you", "United Kingdom") in said and any(who == "bot" and ONBOARDED in text for who, text in said)
    stranger = requests.post(f"{webchat.url}/api/export", json={"session_id": "nobody-known-1234"}, timeout=10)
    assert stranger.status_code == 200 and stranger.json()["found"] is False and stranger.json()["conversation"] == []


def test_the_api_refuses_bad_session_ids_with_a_reason(webchat: WebChat) -> None:
    assert requests.get(f"{webchat.url}/health", timeout=10).json() == {"status": "ok"}
    for query in ("", "?session_id=short", "?session_id=../../etc/passwd", f"?session_id={'a' * 65}"):
        reply = requests.get(f"{webchat.url}/api/sos{query}", timeout=10)
        assert reply.status_code == 400 and "session_id" in reply.json()["error"]
    for body in (b"not json", b"[]", b'{"session_id": 12345678}', b'{"session_id": "bad id!"}'):
        for endpoint in ("erase", "export"):
            reply = requests.post(f"{webchat.url}/api/{endpoint}", data=body, timeout=10)
            assert reply.status_code == 400 and reply.json()["error"]
    lines = requests.get(f"{webchat.url}/api/sos?session_id=nobody-known-1234", timeout=10)
    assert lines.status_code == 200 and lines.json()["messages"]


def test_when_the_bot_is_down_the_widget_says_so_keeps_what_was_typed_and_sends_it_later(
    new_page, servers: BotServers, build_widget: None, screenshots: Path
) -> None:
    dead_port = free_port()
    down = start_webchat(servers.environment, f"http://127.0.0.1:{dead_port}", servers.work_dir)
    forwarder = None
    try:
        page = new_page()
        page.goto(down.url)
        page.get_by_role("button", name="Self-help chat").click()
        expect(page.get_by_role("status").first).to_contain_text("can't reach the chat service")
        say(page, "hello, is anyone there?")
        queued = page.locator(".ecw-message--user").filter(has_text="hello, is anyone there?")
        expect(queued).to_contain_text("Waiting to send")
        page.get_by_role("textbox", name="Your message").fill("a draft I have not sent")
        page.screenshot(path=screenshots / "desktop-bot-down.png")
        page.reload()
        expect(page.locator(".ecw-status")).to_contain_text("can't reach the chat service")
        expect(queued).to_contain_text("Waiting to send")
        expect(page.get_by_role("textbox", name="Your message")).to_have_value("a draft I have not sent")

        forwarder = TcpForwarder(dead_port, servers.rasa_port)
        expect(page.locator(".ecw-status")).to_have_text("", timeout=30_000)
        expect(queued).not_to_contain_text("Waiting to send")
        bot_says(page, CONSENT_QUESTION)
    finally:
        if forwarder is not None:
            forwarder.close()
        down.stop()


def test_typing_help_now_shows_every_line_of_the_bots_crisis_answer(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    say(page, "help now")
    bot_says(page, "Here are people you can reach right now.")
    bot_says(page, "findahelpline.com")
    # The widget sends the browser's language tag with each message: until the person says their
    # country, the lines of the tag's region come first, and its emergency number.
    hinted = country_from_language_tag(page.evaluate("navigator.language"))
    bot_says(page, f"call {emergency_number(hinted)}" if hinted else "call your local emergency number")


def test_quick_exit_leaves_for_an_ordinary_page_and_takes_the_chat_off_the_screen(page: Page, webchat: WebChat) -> None:
    exit_url = "https://www.bbc.co.uk/weather"
    page.route(exit_url, lambda route: route.fulfill(content_type="text/html", body="<p>Weather</p>"))
    open_chat(page, webchat.url)
    say(page, "hello")
    bot_says(page, CONSENT_QUESTION)
    chat_page = page.url
    history_key = page.evaluate("Object.keys(sessionStorage).find((key) => key.startsWith('ecw:history:'))")
    assert history_key, "the chat keeps its history in this tab"
    page.get_by_role("button", name="Quick exit: leave this page at once and clear the chat from this screen").click()
    page.wait_for_url(exit_url)
    assert page.locator("text=Weather").is_visible()
    page.go_back()
    assert page.url != chat_page, "Back must not return to the chat"
    page.goto(webchat.url)
    kept = page.evaluate(f"sessionStorage.getItem('{history_key}')") or ""
    assert CONSENT_QUESTION not in kept and '"who":"user"' not in kept, "the conversation is gone from this tab"
    expect(page.locator(".ecw-panel")).to_be_hidden()


def test_quick_exit_is_there_before_the_chat_is_opened(page: Page, webchat: WebChat) -> None:
    page.goto(webchat.url)
    expect(page.locator(".ecw-launchers").get_by_role("button", name=re.compile("^Quick exit"))).to_be_visible()


def test_before_the_country_is_known_help_puts_the_browsers_region_first(new_page, webchat: WebChat) -> None:
    page = new_page(locale="en-GB")
    page.goto(webchat.url)
    page.locator(".ecw-launchers").get_by_role("button", name="Get help now").click()
    lines = page.get_by_role("dialog", name="Help right now").locator(".ecw-help-lines")
    expect(lines).to_have_attribute("aria-busy", "false")
    expect(lines).to_contain_text("116 123")
    text = lines.inner_text()
    assert text.index("116 123") < text.index("findahelpline"), "the region's lines first, the directory after"


def test_how_have_i_been_doing_shows_the_chart_served_by_the_project_itself(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url)
    onboard(page)
    bot_texts = page.locator(".ecw-message--bot .ecw-text")
    questions = ("cheerful", "calm and", "active and", "fresh and rested", "things that interest", "0 to 10")
    for number, answers in enumerate((["3"] * 5 + ["4"], ["4"] * 5 + ["6"]), start=1):
        say(page, "check in")
        for question, answer in zip(questions, answers, strict=True):
            expect(bot_texts.filter(has_text=question)).to_have_count(number)
            say(page, answer)
        expect(bot_texts.filter(has_text="out of 10")).to_have_count(number)
    say(page, "how have I been doing?")
    chart = log(page).locator("img.ecw-image")
    expect(chart).to_have_count(1)
    assert chart.get_attribute("src").startswith(f"{webchat.url}/charts/progress.png?t=")
    assert "check-ins over time" in chart.get_attribute("alt")
    expect(chart).to_have_js_property("complete", True)
    expect(chart).to_have_js_property("naturalWidth", 720)  # the PNG loaded, from the project's own server


def test_a_homework_link_offers_the_homework_and_sends_its_code_only_when_pressed(
    page: Page, webchat: WebChat, servers: BotServers
) -> None:
    open_chat(page, webchat.url + "?code=ab3d5f7h")
    homework = log(page).get_by_role("button", name="Open my homework")
    expect(homework).to_be_enabled()
    expect(page.locator(".ecw-message--user")).to_have_count(0)
    homework.click()
    bot_says(page, CONSENT_QUESTION)  # a new person is welcomed first; the homework is offered after
    tracker = requests.get(
        f"{servers.rasa_url}/conversations/{session_id(page)}/tracker", params={"token": servers.api_token}, timeout=30
    ).json()
    assert tracker["slots"]["homework_code"] == "AB3D5F7H"


def test_a_link_with_something_that_is_not_a_code_offers_nothing(page: Page, webchat: WebChat) -> None:
    open_chat(page, webchat.url + "?code=<script>alert(1)</script>")
    expect(log(page).get_by_role("button", name="Hello")).to_be_enabled()
    expect(log(page).get_by_role("button", name="Open my homework")).to_have_count(0)
