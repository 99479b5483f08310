"""Assigning homework through real HTTP: the form, its checks, the list, isolation, revoking."""

from __future__ import annotations

import re

import requests

from tests.portal.conftest import Portal


def _logged_in(portal: Portal) -> requests.Session:
    browser = portal.browser()
    assert portal.log_in(browser, portal.create_therapist()).status_code == 303
    return browser


def _assign(portal: Portal, browser: requests.Session, **fields: str) -> requests.Response:
    data = {"exercise": "circle_of_control", "client_label": "Tuesday client", "recurrence": "none", **fields}
    data["csrf_token"] = portal.csrf_token(browser, "/assignments/new")
    return browser.post(portal.url + "/assignments", data=data, allow_redirects=False, timeout=10)


def test_an_assignment_gets_a_code_and_links_and_shows_in_the_list(portal: Portal) -> None:
    browser = _logged_in(portal)
    created = _assign(portal, browser, client_label="  Tuesday   client A ", note="Take your time.", due="2099-01-10")
    assert created.status_code == 303
    page = browser.get(portal.url + created.headers["location"], timeout=10)
    code = re.search(r'class="code">([A-Z2-9]{8})<', page.text).group(1)
    assert f"?code={code}" in page.text and "Take your time." in page.text and "Tuesday client A" in page.text
    assert "Sent" in page.text
    home = browser.get(portal.url + "/", timeout=10).text
    assert "Tuesday client A" in home and "Sort my worries" in home


def test_each_wrong_field_is_named_and_nothing_is_created(portal: Portal) -> None:
    browser = _logged_in(portal)
    cases = {
        "exercise": {"exercise": "not_an_exercise"},
        "client_label": {"client_label": "   "},
        "due": {"due": "2001-01-01"},
        "until": {"recurrence": "weekly"},
    }
    for field, fields in cases.items():
        response = _assign(portal, browser, **fields)
        assert response.status_code == 422, field
        assert f'id="error-{field}"' in response.text, field
    assert "haven't assigned any homework" in browser.get(portal.url + "/", timeout=10).text


def test_a_therapist_sees_only_their_own_assignments(portal: Portal) -> None:
    first, second = _logged_in(portal), _logged_in(portal)
    location = _assign(portal, first, client_label="Only mine").headers["location"]
    assert second.get(portal.url + location, timeout=10).status_code == 404
    assert "Only mine" not in second.get(portal.url + "/", timeout=10).text
    token = portal.csrf_token(second, "/")
    revoked = second.post(portal.url + location + "/revoke", data={"csrf_token": token}, timeout=10)
    assert revoked.status_code == 404
    assert "Revoked" not in first.get(portal.url + location, timeout=10).text


def test_revoking_ends_the_assignment_and_hides_its_links(portal: Portal) -> None:
    browser = _logged_in(portal)
    location = _assign(portal, browser).headers["location"]
    forged = browser.post(portal.url + location + "/revoke", data={"csrf_token": "nope"}, timeout=10)
    assert forged.status_code == 403
    token = portal.csrf_token(browser, location)
    assert browser.post(portal.url + location + "/revoke", data={"csrf_token": token}, timeout=10).status_code == 200
    page = browser.get(portal.url + location, timeout=10).text
    assert "Revoked" in page and "?code=" not in page and "Revoke this assignment" not in page


def test_text_a_therapist_types_is_shown_as_text(portal: Portal) -> None:
    browser = _logged_in(portal)
    location = _assign(portal, browser, client_label="<script>alert(1)</script>").headers["location"]
    page = browser.get(portal.url + location, timeout=10).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
