"""Settings, read once from the environment, with defaults that work on a fresh machine.

Every variable is listed in the README. Secrets are never committed: the pseudonym key
is generated into ``var/`` on first use when ``BOT_SECRET_KEY`` is not set.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Typed view of the environment the bot runs in."""

    var_dir: Path
    bind_address: str
    database_url: str
    tracker_store_url: str
    secret_key: bytes
    # The data key ring from BOT_DATA_KEY; empty means var/data.key (bot.storage.sealing).
    data_key: str
    rasa_url: str
    rasa_api_token: str
    action_server_token: str
    rasa_port: int
    action_port: int
    webchat_port: int
    webchat_public_url: str
    portal_port: int
    portal_public_url: str
    max_message_chars: int
    default_country: str
    telegram_bot_token: str
    telegram_bot_username: str
    telegram_webhook_url: str
    telegram_webhook_secret: str
    telegram_api_base_url: str
    telegram_webhook_port: int
    telegram_rate_limit_per_minute: int
    check_back_after_seconds: int
    check_back_sweep_seconds: float
    homework_reminder_hour: int
    # Conversation history older than this many days is purged by `python -m bot purge-old`; 0 keeps it.
    retention_days: int


def _secret(variable: str, var_dir: Path, file_name: str) -> str:
    """A secret from ``variable``, or else from ``var_dir/file_name``, generated there on first use."""
    from_environment = os.environ.get(variable, "")
    if from_environment:
        return from_environment
    secret_file = var_dir / file_name
    if not secret_file.exists():
        create_private_file_once(secret_file, secrets.token_hex(32))
    return secret_file.read_text().strip()


def create_private_file_once(path: Path, content: str) -> None:
    """Write ``path`` (0600) unless it exists; when several processes race, the first one's stands.

    Written whole under a private name, then linked into place, so that processes starting
    together never read a half-written file; 0600 keeps it to the service account. mkstemp
    gives every process and thread a draft of its own, created 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(content)
    try:
        os.link(draft, path)
    except FileExistsError:
        pass  # another process or thread of the same start-up was first; its file stands
    finally:
        os.unlink(draft)


def tracker_database(var_dir: Path) -> Path:
    """The SQLite file of Rasa's tracker store: ``TRACKER_DB``, or ``tracker.db`` in the var directory."""
    database = Path(os.environ.get("TRACKER_DB", "") or var_dir / "tracker.db")
    return database if database.is_absolute() else PROJECT_ROOT / database


def _tracker_store_url(var_dir: Path) -> str:
    """The URL of Rasa's SQL tracker store, from the variables endpoints.yml uses."""
    host = os.environ.get("TRACKER_HOST", "")
    if "://" in host:
        return host
    if os.environ.get("TRACKER_DIALECT", "sqlite") == "sqlite":
        return f"sqlite:///{tracker_database(var_dir)}"
    return ""


_settings_lock = threading.Lock()
_settings: Settings | None = None


def settings() -> Settings:
    """Return the settings of this process (read once; tests call ``settings.cache_clear()``).

    Read under a lock that ``cache_clear()`` takes too: a thread still reading the old
    environment (a background sweep while a test switches databases, say) finishes before the
    clear, so its settings are thrown away rather than stored after it.
    """
    global _settings
    current = _settings
    if current is not None:
        return current
    with _settings_lock:
        if _settings is None:
            _settings = _read_settings()
        return _settings


def _clear_settings() -> None:
    global _settings
    with _settings_lock:
        _settings = None


def _read_settings() -> Settings:
    var_dir = Path(os.environ.get("BOT_VAR_DIR", PROJECT_ROOT / "var"))
    return Settings(
        var_dir=var_dir,
        bind_address=os.environ.get("BIND_ADDRESS", "127.0.0.1"),
        database_url=os.environ.get("DATABASE_URL", f"sqlite:///{var_dir / 'bot.db'}"),
        tracker_store_url=_tracker_store_url(var_dir),
        secret_key=_secret("BOT_SECRET_KEY", var_dir, "secret.key").encode(),
        data_key=os.environ.get("BOT_DATA_KEY", ""),
        rasa_url=os.environ.get("RASA_URL", "http://localhost:5005").rstrip("/"),
        rasa_api_token=_secret("RASA_API_TOKEN", var_dir, "rasa_api.token"),
        action_server_token=_secret("ACTION_SERVER_TOKEN", var_dir, "action_server.token"),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        action_port=int(os.environ.get("ACTION_PORT", "5055")),
        webchat_port=int(os.environ.get("WEBCHAT_PORT", "8080")),
        webchat_public_url=os.environ.get(
            "WEBCHAT_PUBLIC_URL", f"http://localhost:{os.environ.get('WEBCHAT_PORT', '8080')}"
        ).rstrip("/"),
        portal_port=int(os.environ.get("PORTAL_PORT", "8000")),
        portal_public_url=os.environ.get(
            "PORTAL_PUBLIC_URL", f"http://localhost:{os.environ.get('PORTAL_PORT', '8000')}"
        ).rstrip("/"),
        max_message_chars=int(os.environ.get("MAX_MESSAGE_CHARS", "2000")),
        default_country=os.environ.get("DEFAULT_COUNTRY", "").upper(),
        telegram_bot_token=os.environ.get("TELEGRAM_BOT_TOKEN", ""),
        telegram_bot_username=os.environ.get("TELEGRAM_BOT_USERNAME", "").lstrip("@"),
        telegram_webhook_url=os.environ.get("TELEGRAM_WEBHOOK_URL", ""),
        telegram_webhook_secret=os.environ.get("TELEGRAM_WEBHOOK_SECRET", ""),
        telegram_api_base_url=os.environ.get("TELEGRAM_API_BASE_URL", ""),
        telegram_webhook_port=int(os.environ.get("TELEGRAM_WEBHOOK_PORT", "8443")),
        telegram_rate_limit_per_minute=int(os.environ.get("TELEGRAM_RATE_LIMIT_PER_MINUTE", "20")),
        check_back_after_seconds=int(os.environ.get("CHECK_BACK_AFTER_SECONDS", str(20 * 3600))),
        check_back_sweep_seconds=float(os.environ.get("CHECK_BACK_SWEEP_SECONDS", "60")),
        homework_reminder_hour=int(os.environ.get("HOMEWORK_REMINDER_HOUR", "17")),
        retention_days=int(os.environ.get("RETENTION_DAYS", "0") or 0),
    )


settings.cache_clear = _clear_settings  # type: ignore[attr-defined]
