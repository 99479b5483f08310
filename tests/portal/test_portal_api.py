"""The portal's JSON API through real HTTP: tokens, the assignment calls, isolation, errors, OpenAPI."""

from __future__ import annotations

import requests

from tests.portal.conftest import Portal


def _token(portal: Portal, email: str | None = None) -> str:
    return portal.api_token(email or portal.create_therapist())


def _api(portal: Portal, token: str | None) -> requests.Session:
    session = requests.Session()
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    return session


def test_create_list_read_and_revoke_an_assignment(portal: Portal) -> None:
    api = _api(portal, _token(portal))
    body = {"exercise": "checkin", "client_label": "Client B", "note": "Weekly, please.", "due": "2099-03-01",
            "recurrence": "weekly", "until": "2099-06-01"}  # fmt: skip
    created = api.post(portal.url + "/api/assignments", json=body, timeout=10)
    assert created.status_code == 201, created.text
    assignment = created.json()
    assert set(assignment) == {"id", "code", "telegram_link", "web_link"}
    assert assignment["web_link"].endswith(f"/?code={assignment['code']}")

    listed = api.get(portal.url + "/api/assignments", timeout=10).json()
    assert [(item["id"], item["status"]) for item in listed] == [(assignment["id"], "sent")]
    detail = api.get(portal.url + f"/api/assignments/{assignment['id']}", timeout=10).json()
    assert detail["note"] == "Weekly, please." and detail["recurrence"] == "weekly"
    assert [event["kind"] for event in detail["events"]] == ["sent"]
    results = api.get(portal.url + f"/api/assignments/{assignment['id']}/results", timeout=10).json()
    assert results["shared"] is None and results["crisis_lines_shown"] is False

    revoked = api.delete(portal.url + f"/api/assignments/{assignment['id']}", timeout=10)
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"


def test_a_missing_bad_or_revoked_token_gets_401(portal: Portal) -> None:
    email = portal.create_therapist()
    issued = portal.cli("therapist", "token", email)  # the command line, once
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    for bad in (None, "ptk_not-a-real-token", "something else"):
        response = _api(portal, bad).get(portal.url + "/api/assignments", timeout=10)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert _api(portal, token).get(portal.url + "/api/assignments", timeout=10).status_code == 200
    assert portal.cli("therapist", "revoke-tokens", email).stdout.strip() == "revoked 1 token(s)"
    assert _api(portal, token).get(portal.url + "/api/assignments", timeout=10).status_code == 401


def test_another_therapists_assignment_answers_404(portal: Portal) -> None:
    mine, theirs = _api(portal, _token(portal)), _api(portal, _token(portal))
    created = mine.post(portal.url + "/api/assignments", json={"exercise": "grounding", "client_label": "C"}).json()
    path = f"/api/assignments/{created['id']}"
    for method, suffix in (("get", ""), ("get", "/results"), ("delete", "")):
        assert getattr(theirs, method)(portal.url + path + suffix, timeout=10).status_code == 404
    assert theirs.get(portal.url + "/api/assignments", timeout=10).json() == []
    assert mine.get(portal.url + path, timeout=10).json()["status"] == "sent"


def test_bad_input_answers_422_naming_the_field(portal: Portal) -> None:
    api = _api(portal, _token(portal))
    cases = {
        "exercise": {"exercise": "not_one", "client_label": "C"},
        "client_label": {"exercise": "grounding"},
        "due": {"exercise": "grounding", "client_label": "C", "due": "not a date"},
        "until": {"exercise": "grounding", "client_label": "C", "recurrence": "daily"},
    }
    for field, body in cases.items():
        response = api.post(portal.url + "/api/assignments", json=body, timeout=10)
        assert response.status_code == 422, field
        assert any(error["loc"][-1] == field for error in response.json()["detail"]), (field, response.text)
    not_json = api.post(portal.url + "/api/assignments", data="{not json", timeout=10,
                        headers={"Content-Type": "application/json"})  # fmt: skip
    assert not_json.status_code == 422


def test_the_api_is_described_by_openapi(portal: Portal) -> None:
    description = requests.get(portal.url + "/api/openapi.json", timeout=10).json()
    paths = description["paths"]
    assert {"post", "get"} <= set(paths["/api/assignments"])
    assert {"get", "delete"} <= set(paths["/api/assignments/{assignment_id}"])
    assert "get" in paths["/api/assignments/{assignment_id}/results"]
    assert "HTTPBearer" in description["components"]["securitySchemes"]
