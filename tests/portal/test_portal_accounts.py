"""Therapist accounts through real HTTP: log-in, log-out, CSRF, throttling, password changes."""

from __future__ import annotations

import sqlite3

from tests.portal.conftest import PASSWORD, Portal


def test_logging_in_opens_the_home_page_with_a_strict_session_cookie(portal: Portal) -> None:
    email = portal.create_therapist()
    browser = portal.browser()
    response = portal.log_in(browser, email)
    assert response.status_code == 303 and response.headers["location"].endswith("/")
    cookie = response.headers["set-cookie"]
    assert "portal_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    home = browser.get(portal.url + "/", timeout=10)
    assert home.status_code == 200 and email in home.text


def test_pages_need_a_log_in(portal: Portal) -> None:
    browser = portal.browser()
    for path in ("/", "/account"):
        response = browser.get(portal.url + path, allow_redirects=False, timeout=10)
        assert response.status_code == 303 and response.headers["location"] == "/login"


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(portal: Portal) -> None:
    email = portal.create_therapist()
    wrong_password = portal.log_in(portal.browser(), email, "not the password at all")
    unknown_email = portal.log_in(portal.browser(), "nobody@example.org", PASSWORD)
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert "don&#39;t match an account" in wrong_password.text
    assert "portal_session=" not in wrong_password.headers.get("set-cookie", "")


def test_a_form_without_its_csrf_token_is_refused(portal: Portal) -> None:
    email = portal.create_therapist()
    stranger = portal.browser()
    forged = stranger.post(
        portal.url + "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": "guessed"},
        allow_redirects=False,
        timeout=10,
    )
    assert forged.status_code == 403
    browser = portal.browser()
    portal.log_in(browser, email)
    logout = browser.post(portal.url + "/logout", data={}, allow_redirects=False, timeout=10)
    assert logout.status_code == 403
    assert browser.get(portal.url + "/", timeout=10).status_code == 200, "a forged log-out must not log out"


def test_logging_out_ends_the_session_for_good(portal: Portal) -> None:
    email = portal.create_therapist()
    browser = portal.browser()
    portal.log_in(browser, email)
    stolen_cookie = browser.cookies.get("portal_session")
    token = portal.csrf_token(browser, "/")
    assert browser.post(portal.url + "/logout", data={"csrf_token": token}, allow_redirects=False).status_code == 303
    replay = portal.browser()
    replay.cookies.set("portal_session", stolen_cookie)
    assert replay.get(portal.url + "/", allow_redirects=False, timeout=10).status_code == 303


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(portal: Portal) -> None:
    email = portal.create_therapist()
    for _ in range(5):
        assert portal.log_in(portal.browser(), email, "wrong guess number").status_code == 401
    locked = portal.log_in(portal.browser(), email)
    assert locked.status_code == 429 and "15 minutes" in locked.text


def test_one_address_trying_many_accounts_is_slowed_down(own_portal: Portal) -> None:
    email = own_portal.create_therapist()
    for attempt in range(20):
        assert (
            own_portal.log_in(own_portal.browser(), f"guess{attempt}@example.org", "whatever it is").status_code == 401
        )
    assert own_portal.log_in(own_portal.browser(), email).status_code == 429


def test_changing_the_password_checks_the_old_one_and_logs_out_other_browsers(portal: Portal) -> None:
    email = portal.create_therapist()
    laptop, phone = portal.browser(), portal.browser()
    portal.log_in(laptop, email)
    portal.log_in(phone, email)

    def change(current: str, new: str, repeat: str | None = None):
        token = portal.csrf_token(laptop, "/account")
        data = {"current_password": current, "new_password": new, "repeat_password": repeat or new, "csrf_token": token}
        return laptop.post(portal.url + "/account/password", data=data, timeout=30)

    assert change("not my password", "a brand new passphrase").status_code == 422
    assert change(PASSWORD, "a brand new passphrase", "a different passphrase").status_code == 422
    short = change(PASSWORD, "short")
    assert short.status_code == 422 and "at least 12 characters" in short.text
    done = change(PASSWORD, "a brand new passphrase")
    assert done.status_code == 200 and "Your password is changed" in done.text

    assert laptop.get(portal.url + "/", allow_redirects=False, timeout=10).status_code == 200
    assert phone.get(portal.url + "/", allow_redirects=False, timeout=10).status_code == 303
    assert portal.log_in(portal.browser(), email).status_code == 401
    assert portal.log_in(portal.browser(), email, "a brand new passphrase").status_code == 303


def test_passwords_are_stored_only_as_argon2_hashes(portal: Portal) -> None:
    email = portal.create_therapist(password="a passphrase nobody may read")
    with sqlite3.connect(portal.work_dir / "bot.db") as database:
        (stored,) = database.execute("SELECT password_hash FROM therapists WHERE email = ?", (email,)).fetchone()
    assert stored.startswith("$argon2id$")
    for path in portal.work_dir.iterdir():
        if path.is_file():
            assert b"a passphrase nobody may read" not in path.read_bytes()


def test_the_command_line_creates_accounts_and_refuses_weak_passwords_bad_emails_and_duplicates(
    portal: Portal,
) -> None:
    created = portal.cli("therapist", "create", "CLI@Example.org", "--name", "Ann", "--password-stdin", stdin=PASSWORD)
    assert created.returncode == 0 and "cli@example.org" in created.stdout
    assert portal.log_in(portal.browser(), "cli@example.org").status_code == 303
    weak = portal.cli("therapist", "create", "weak@example.org", "--password-stdin", stdin="short\n")
    assert weak.returncode == 1 and "at least 12 characters" in weak.stderr
    bad = portal.cli("therapist", "create", "not-an-email", "--password-stdin", stdin=PASSWORD + "\n")
    assert bad.returncode == 1 and "email" in bad.stderr
    email = portal.create_therapist()
    again = portal.cli("therapist", "create", email.upper(), "--password-stdin", stdin=PASSWORD + "\n")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_pages_carry_security_headers_and_no_script(portal: Portal) -> None:
    page = portal.browser().get(portal.url + "/login", timeout=10)
    policy = page.headers["content-security-policy"]
    assert "script-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in page.text
