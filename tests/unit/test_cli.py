"""The command-line contracts, run as a person or an external test would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.servers import PROJECT_ROOT


def run_bot(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=os.environ.copy(),
        timeout=300,
    )


def test_no_command_lists_the_commands() -> None:
    result = run_bot()
    assert result.returncode == 0
    for command in ("export", "safety-check", "apology-check", "evaluate-safety", "webchat", "telegram"):
        assert command in result.stdout


def test_safety_check_prints_one_verdict_per_line() -> None:
    result = run_bot(
        "safety-check", stdin="I want to kill myself\nthis silence is killing me\n\nhe hits me every night\n"
    )
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert verdicts == [
        {"risk": True, "level": "crisis", "category": "suicide"},
        {"risk": False, "level": "none", "category": None},
        {"risk": False, "level": "none", "category": None},
        {"risk": True, "level": "crisis", "category": "abuse"},
    ]


def test_apology_check_prints_sorted_flags_spans_and_elements() -> None:
    drafts = "I'm sorry if you were hurt, but you made me do it.\nI'm sorry I yelled at you. I was wrong.\n"
    first, second = (json.loads(line) for line in run_bot("apology-check", stdin=drafts).stdout.splitlines())
    assert first["flags"] == sorted(set(first["flags"])) and {"conditional", "qualifier", "blame_shift"} <= set(
        first["flags"]
    )
    assert all({"code", "start", "end", "text"} <= set(span) for span in first["spans"])
    assert second["flags"] == [] and second["elements"]


def test_export_of_an_unknown_person_says_nothing_was_found() -> None:
    result = run_bot("export", "--sender", "nobody-at-all")
    assert result.returncode == 0 and json.loads(result.stdout)["found"] is False


def test_an_unknown_command_is_refused_with_the_list() -> None:
    result = run_bot("fly")
    assert result.returncode == 2 and "unknown command" in result.stderr


def test_erase_deletes_the_profile_and_the_conversation_in_the_tracker_store(tmp_path, monkeypatch) -> None:
    import sqlite3

    from bot.config import settings
    from bot.storage import session_scope, upgrade_schema
    from bot.storage.repositories import save_profile

    tracker_db = tmp_path / "tracker.db"
    monkeypatch.setenv("TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("TRACKER_DB", str(tracker_db))
    monkeypatch.setenv("TRACKER_HOST", "")
    settings.cache_clear()
    upgrade_schema()
    with session_scope() as session:
        save_profile(session=session, sender_id="cli-person", channel="rest", role="parent", country="GB",
                     consent_to_save=True)
    with sqlite3.connect(tracker_db) as connection:
        connection.execute(  # Rasa's own columns
            "create table events (id integer primary key, sender_id text, type_name text, timestamp real, "
            "intent_name text, action_name text, data text)"
        )
        connection.execute("insert into events (sender_id, type_name, data) values "
                           "('cli-person', 'user', '{}'), ('other', 'user', '{}')")  # fmt: skip
    result = run_bot("erase", "--sender", "cli-person")
    assert result.returncode == 0 and json.loads(result.stdout) == {"erased": True}
    with sqlite3.connect(tracker_db) as connection:
        assert [row[0] for row in connection.execute("select sender_id from events")] == ["other"]
    exported = json.loads(run_bot("export", "--sender", "cli-person").stdout)
    assert exported["found"] is False
