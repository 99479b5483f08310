"""What a person writes is nowhere in plaintext: not in the database, the tracker store or the logs."""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.chat import Chat
from tests.conversation.test_onboarding import export
from tests.servers import BotServers


def every_byte_under(folder: Path) -> bytes:
    """Every file the servers wrote: both databases (with their write-ahead logs) and every log."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_a_sentence_written_through_a_whole_conversation_is_stored_only_sealed(
    onboarded_chat: Chat, servers: BotServers
) -> None:
    marker = f"kettle{secrets.token_hex(4)}"
    sentence = f"Sunday lunches at the {marker} table"
    chat = onboarded_chat
    chat.send("help me let go")
    for answer in (
        sentence,
        "her voice",
        "love and hurt",
        f"Dear Anna, the {marker} still whistles",
        "my walking group",
        "skip",
    ):
        chat.send(answer)
    chat.send(f"I keep thinking about the {marker}")

    # It was kept (the person agreed to saving) and reads back whole...
    exported = export(servers, chat.sender)
    saved = exported["entries"][-1]
    assert saved["kind"] == "letting_go" and sentence in str(saved["answers"])
    said = [(line["from"], line["text"]) for line in exported["conversation"]]
    assert ("you", sentence) in said
    assert any(sentence == event.get("text") for event in chat.tracker()["events"])
    # ...and yet no file the servers wrote holds it, nor the raw sender id in any log.
    stored = every_byte_under(servers.work_dir)
    assert marker.encode() not in stored
    logs = b"".join(path.read_bytes() for path in servers.work_dir.glob("*.log"))
    assert chat.sender.encode() not in logs
