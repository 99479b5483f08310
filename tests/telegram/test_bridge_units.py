"""The bridge's plain logic: splitting, button payloads, the rate limit, ids and start-up checks."""

from __future__ import annotations

import dataclasses

import pytest

from bot.channels.telegram import app, sender_id_for
from bot.channels.telegram.delivery import callback_data_for, payload_of, split_text, telegram_length
from bot.channels.telegram.limits import Admission, RateLimiter
from bot.config import settings


def test_a_9000_character_answer_is_split_at_paragraphs_into_telegram_sized_pieces() -> None:
    paragraph = ("We don't choose the silence, but we can choose what we do while it lasts. " * 12).strip()
    text = "\n\n".join([paragraph] * 10)
    assert 8500 < len(text) < 9500
    pieces = split_text(text)
    assert len(pieces) == 3
    assert all(telegram_length(piece) <= 4096 for piece in pieces)
    assert all(piece.startswith("We don't") and piece.endswith("lasts.") for piece in pieces)
    assert "\n\n".join(pieces) == text


def test_without_paragraphs_the_split_falls_back_to_lines_then_words_then_characters() -> None:
    lines = "\n".join(["a line of words"] * 600)
    assert all(piece.endswith("words") for piece in split_text(lines, limit=100))
    words = " ".join(["word"] * 3000)
    assert all(len(piece) <= 100 and piece.endswith("word") for piece in split_text(words, limit=100))
    assert split_text("x" * 250, limit=100) == ["x" * 100, "x" * 100, "x" * 50]


def test_emoji_count_as_telegram_counts_them() -> None:
    pieces = split_text("🌱" * 3000)
    assert len(pieces) == 2 and all(telegram_length(piece) <= 4096 for piece in pieces)
    assert "".join(pieces) == "🌱" * 3000


def test_short_answers_are_one_piece_and_blank_ones_none() -> None:
    assert split_text("Hello.") == ["Hello."]
    assert split_text("  \n ") == []


def test_a_short_payload_is_its_own_callback_data_and_a_long_one_gets_a_key() -> None:
    chat_data: dict = {}
    assert callback_data_for("yes, keep them", chat_data) == "yes, keep them"
    long_payload = "I would like to write the letter to my son that I have been putting off since spring"
    key = callback_data_for(long_payload, chat_data)
    assert len(key.encode()) <= 64 and key != long_payload
    assert payload_of(key, chat_data) == long_payload
    assert payload_of(key, {}) is None  # forgotten after a restart
    assert callback_data_for("~looks internal", chat_data).startswith("~k:")
    assert len(callback_data_for("é" * 40, chat_data).encode()) <= 64  # 80 bytes in UTF-8


def test_the_rate_limit_refills_over_a_minute_and_says_so_once_per_flood() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=3, clock=lambda: now[0])
    verdicts = [limiter.admit("sam") for _ in range(5)]
    assert verdicts == [Admission.ADMITTED] * 3 + [Admission.REFUSED_TELL, Admission.REFUSED_QUIETLY]
    assert limiter.admit("alex") is Admission.ADMITTED  # per person
    now[0] = 20.0  # one token back after 20 s at 3 a minute
    assert limiter.admit("sam") is Admission.ADMITTED
    assert limiter.admit("sam") is Admission.REFUSED_TELL
    assert RateLimiter(per_minute=0).admit("sam") is Admission.ADMITTED


def test_the_rasa_sender_id_is_a_pseudonym_not_the_telegram_id() -> None:
    sender = sender_id_for(123456789)
    assert sender.startswith("tg-") and len(sender) == 35
    assert "123456789" not in sender
    assert sender == sender_id_for(123456789) != sender_id_for(123456780)


def test_webhook_mode_refuses_to_start_without_a_secret(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://companion.example.org/telegram")
    monkeypatch.delenv("TELEGRAM_WEBHOOK_SECRET", raising=False)
    settings.cache_clear()
    assert app.main() == 2
    assert "TELEGRAM_WEBHOOK_SECRET" in capsys.readouterr().err


def test_start_up_problems_are_named() -> None:
    base = dataclasses.replace(settings(), telegram_bot_token="123:abc", telegram_webhook_url="",
                               telegram_webhook_secret="", telegram_api_base_url="")
    assert app.configuration_problem(base) is None
    assert "TELEGRAM_BOT_TOKEN" in app.configuration_problem(dataclasses.replace(base, telegram_bot_token=""))
    webhook = dataclasses.replace(base, telegram_webhook_url="https://companion.example.org/telegram")
    assert app.configuration_problem(dataclasses.replace(webhook, telegram_webhook_secret="s3cret-token")) is None
    assert "letters" in app.configuration_problem(dataclasses.replace(webhook, telegram_webhook_secret="a b"))
    plain_http = dataclasses.replace(webhook, telegram_webhook_url="http://x.org/t", telegram_webhook_secret="s")
    assert "https" in app.configuration_problem(plain_http)
