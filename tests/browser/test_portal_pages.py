"""The therapist portal in headless Chromium: log in, assign a questionnaire, read its results, on a
desktop and a phone, with screenshots (test-output/screenshots/portal-*.png)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import DESKTOP, PHONE
from tests.portal.conftest import PASSWORD, Portal, start_portal, stop_portal


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    running = start_portal(tmp_path_factory.mktemp("portal-browser"))
    yield running
    stop_portal(running)


def log_in(page: Page, portal: Portal, email: str) -> None:
    page.goto(portal.url + "/")
    assert page.url.endswith("/login"), "a logged-out visit goes to the log-in page"
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(portal.url + "/")


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_assign_a_questionnaire_and_read_its_trend_and_flag(new_page, portal: Portal, screenshots: Path) -> None:
    email = portal.create_therapist()
    page = new_page(DESKTOP)
    log_in(page, portal, email)
    page.screenshot(path=screenshots / "portal-home-empty.png")
    page.get_by_role("link", name="Assign homework").click()
    page.get_by_label("Exercise").select_option("phq9")
    page.get_by_label("Client label").fill("Client P (Tuesdays)")
    page.get_by_label("Note to the client (optional)").fill("Just as things are, no need to think hard.")
    page.screenshot(path=screenshots / "portal-assign.png", full_page=True)
    page.get_by_role("button", name="Create the assignment").click()
    page.wait_for_url("**/assignments/*")
    code = page.locator(".code").inner_text().strip()
    assert len(code) == 8 and page.locator("#message").input_value().count(code) == 2
    page.screenshot(path=screenshots / "portal-assignment-new.png", full_page=True)

    portal.answer_as_client(code, ["1"] * 8 + ["Several days"])
    page.reload()
    alert = page.get_by_role("alert")
    assert "Please follow up with your client" in alert.inner_text() and "Several days" in alert.inner_text()
    chart = page.locator("svg.trend")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    assert "PHQ-9 totals over time" in chart.locator("title").text_content()
    assert "9 of 27 (mild)" in page.locator("ul.results").inner_text()
    page.screenshot(path=screenshots / "portal-assignment-flagged.png", full_page=True)

    page.get_by_role("link", name="← Your clients' homework").click()
    assert "Follow up" in page.locator("tbody tr").first.inner_text()
    page.screenshot(path=screenshots / "portal-home.png", full_page=True)


def test_on_a_phone_the_pages_fit_without_sideways_scrolling(new_page, portal: Portal, screenshots: Path) -> None:
    email = portal.create_therapist()
    page = new_page(PHONE)
    log_in(page, portal, email)
    page.get_by_role("link", name="Assign homework").click()
    assert no_sideways_scroll(page)
    page.get_by_label("Exercise").select_option("gad7")
    page.get_by_label("Client label").fill("Client G")
    page.get_by_role("button", name="Create the assignment").click()
    page.wait_for_url("**/assignments/*")
    assert no_sideways_scroll(page)
    page.screenshot(path=screenshots / "portal-phone-assignment.png", full_page=True)


def test_a_wrong_password_is_told_kindly_and_the_form_keeps_the_email(browser: Browser, portal: Portal) -> None:
    # Not new_page: the page answers 401 on purpose, which Chromium reports as a console error.
    email = portal.create_therapist()
    page = browser.new_context(viewport=DESKTOP).new_page()
    response = page.goto(portal.url + "/login")
    assert response.status == 200
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Email").input_value() == email
    page.context.close()
