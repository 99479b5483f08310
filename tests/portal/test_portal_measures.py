"""Measures in the portal through real HTTP: scores, the trend chart, and item 9 shown as a flag."""

from __future__ import annotations

import re

from tests.portal.conftest import Portal


def test_phq9_scores_trend_and_a_flag_reach_only_their_therapist(portal: Portal) -> None:
    email = portal.create_therapist()
    api = portal.browser()
    api.headers["Authorization"] = f"Bearer {portal.api_token(email)}"
    codes = []
    for _ in range(2):
        created = api.post(
            portal.url + "/api/assignments", json={"exercise": "phq9", "client_label": "Client P"}, timeout=10
        )
        assert created.status_code == 201, created.text
        codes.append((created.json()["id"], created.json()["code"]))
    portal.answer_as_client(codes[0][1], ["2"] * 8 + ["Not at all"], sender="phq-client")  # 16: moderately severe
    portal.answer_as_client(codes[1][1], ["1"] * 8 + ["Several days"], sender="phq-client")  # 9, item 9 positive

    results = api.get(portal.url + f"/api/assignments/{codes[1][0]}/results", timeout=10).json()
    [result] = results["results"]
    assert (result["measure"], result["score"], result["most"], result["band"]) == ("phq9", 9, 27, "mild")
    assert result["flagged"] and "Several days" in result["flag"] and "better off dead" in result["flag"]

    browser = portal.browser()
    assert portal.log_in(browser, email).status_code == 303
    home = browser.get(portal.url + "/", timeout=10).text
    assert home.count("Follow up") == 1, "the flagged assignment is marked in the list"
    page = browser.get(portal.url + f"/assignments/{codes[1][0]}", timeout=10).text
    assert 'role="alert"' in page and "Please follow up with your client" in page
    assert "9 of 27 (mild)" in page
    chart = re.search(r"<svg class=\"trend\".*?</svg>", page, re.S)
    assert chart, "the trend chart is drawn"
    assert chart.group(0).count("<circle") == 2, "both of this client's PHQ-9 totals are on it"
    assert chart.group(0).count("flagged") == 1
    assert "16" in chart.group(0) and " 9" in chart.group(0)

    other = portal.browser()
    assert portal.log_in(other, portal.create_therapist()).status_code == 303
    assert other.get(portal.url + f"/assignments/{codes[1][0]}", timeout=10).status_code == 404
