"""Therapist accounts: creation, log-in with throttling, browser sessions and password changes.

Plain Python over the database session, so that the rules (how strong a password must be, how
many failures slow an account down, how long a session lasts) are tested without a server.
Passwords are kept only as argon2id hashes; session tokens only as SHA-256 hashes; failed
log-ins only under a keyed hash of the email or address.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.config import settings
from bot.storage.models import ApiToken, LoginFailure, PortalSession, Therapist, as_utc

MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 1024
SESSION_LIFETIME = timedelta(hours=12)
FAILURE_WINDOW = timedelta(minutes=15)
# Five wrong passwords lock an account for the window; an address trying many accounts is
# stopped at twenty, so a clinic behind one address is not locked out by one person's typos.
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AccountError(ValueError):
    """A request about an account that cannot be met; the message is fit to show."""


class TooManyAttemptsError(Exception):
    """Too many failed log-ins for this account or address within the window."""


@dataclass(frozen=True)
class OpenedSession:
    """A new browser session: the token goes into the cookie, the row stays in the database."""

    token: str
    record: PortalSession


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verified when the email is unknown, so a wrong email costs as long as a wrong password
    # and the response time does not tell which accounts exist.
    return _hasher().hash(secrets.token_hex(16))


def _now() -> datetime:
    return datetime.now(timezone.utc)



def normalise_email(email: str) -> str:
    """The email as accounts are keyed: trimmed and lower-cased; raises AccountError if not an email."""
    cleaned = (email or "").strip().lower()
    if len(cleaned) > 254 or not _EMAIL.match(cleaned):
        raise AccountError("That doesn't look like an email address.")
    return cleaned


def check_new_password(password: str) -> None:
    """Raise AccountError, with a reason fit to show, when a new password is too weak or too long."""
    if len(password or "") < MIN_PASSWORD_CHARS:
        raise AccountError(f"Please choose a password of at least {MIN_PASSWORD_CHARS} characters.")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"Please choose a password of at most {MAX_PASSWORD_CHARS} characters.")


MAX_NAME_CHARS = 80


def create_therapist(session: Session, email: str, password: str, name: str = "") -> Therapist:
    """A new account; raises AccountError for a bad email, a weak password or an email in use.

    ``name`` is how clients see the therapist named when they open homework.
    """
    address = normalise_email(email)
    shown_name = " ".join((name or "").split())
    if len(shown_name) > MAX_NAME_CHARS:
        raise AccountError(f"Please keep the name to {MAX_NAME_CHARS} characters.")
    check_new_password(password)
    if session.scalars(select(Therapist).where(Therapist.email == address)).first() is not None:
        raise AccountError("An account with that email already exists.")
    therapist = Therapist(email=address, name=shown_name, password_hash=_hasher().hash(password))
    session.add(therapist)
    session.flush()
    return therapist


def _failure_key(kind: str, value: str) -> str:
    return hmac.new(settings().secret_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _recent_failures(session: Session, key: str, now: datetime) -> int:
    since = now - FAILURE_WINDOW
    return session.scalar(
        select(func.count()).select_from(LoginFailure).where(LoginFailure.key == key, LoginFailure.created_at >= since)
    )


def log_in(session: Session, email: str, password: str, address: str) -> Therapist | None:
    """The therapist these credentials belong to, or None; raises TooManyAttemptsError when throttled.

    A throttled account or address is refused before the password is checked, so guessing
    gains nothing while the window lasts, even with the right password.
    """
    now = _now()
    try:
        account = normalise_email(email)
    except AccountError:
        account = (email or "").strip().lower()
    keys = (_failure_key("account", account), _failure_key("address", address or "unknown"))
    if (
        _recent_failures(session, keys[0], now) >= MAX_FAILURES_PER_ACCOUNT
        or _recent_failures(session, keys[1], now) >= MAX_FAILURES_PER_ADDRESS
    ):
        raise TooManyAttemptsError
    therapist = session.scalars(select(Therapist).where(Therapist.email == account)).first()
    matches = _password_matches(therapist.password_hash if therapist else _decoy_hash(), password)
    if therapist is not None and matches:
        session.execute(delete(LoginFailure).where(LoginFailure.key == keys[0]))
        return therapist
    session.add_all([LoginFailure(key=key, created_at=now) for key in keys])
    session.execute(delete(LoginFailure).where(LoginFailure.created_at < now - FAILURE_WINDOW))
    return None


def _password_matches(password_hash: str, password: str) -> bool:
    if not password or len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, therapist: Therapist) -> OpenedSession:
    """A new browser session for a therapist who has just logged in."""
    token = secrets.token_urlsafe(32)
    record = PortalSession(
        token_hash=_token_hash(token),
        therapist_id=therapist.id,
        csrf_token=secrets.token_urlsafe(32),
        expires_at=_now() + SESSION_LIFETIME,
    )
    session.add(record)
    session.flush()
    return OpenedSession(token, record)


def session_for(session: Session, token: str | None) -> PortalSession | None:
    """The live session a cookie's token opens, or None when it is unknown or expired."""
    if not token or len(token) > 128:
        return None
    record = session.scalars(select(PortalSession).where(PortalSession.token_hash == _token_hash(token))).first()
    if record is None:
        return None
    if as_utc(record.expires_at) <= _now():
        session.delete(record)
        return None
    return record


def close_session(session: Session, token: str | None) -> None:
    """Log a browser out (nothing happens for an unknown token)."""
    if token:
        session.execute(delete(PortalSession).where(PortalSession.token_hash == _token_hash(token)))


def change_password(session: Session, therapist: Therapist, current: str, new: str, keep_token: str) -> None:
    """Set a new password after checking the current one; every other browser is logged out."""
    if not _password_matches(therapist.password_hash, current):
        raise AccountError("Your current password isn't right.")
    check_new_password(new)
    if new == current:
        raise AccountError("Please choose a password different from the current one.")
    therapist.password_hash = _hasher().hash(new)
    therapist.password_changed_at = _now()
    session.execute(
        delete(PortalSession).where(
            PortalSession.therapist_id == therapist.id, PortalSession.token_hash != _token_hash(keep_token)
        )
    )


API_TOKEN_PREFIX = "ptk_"


def therapist_by_email(session: Session, email: str) -> Therapist | None:
    """The account with this email, or None."""
    try:
        address = normalise_email(email)
    except AccountError:
        return None
    return session.scalars(select(Therapist).where(Therapist.email == address)).first()


def issue_api_token(session: Session, therapist: Therapist) -> str:
    """A new personal access token for the JSON API; shown once, kept only as a hash."""
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(therapist_id=therapist.id, token_hash=_token_hash(token)))
    session.flush()
    return token


def revoke_api_tokens(session: Session, therapist: Therapist) -> int:
    """Revoke every live token of the therapist; how many there were."""
    live = session.scalars(
        select(ApiToken).where(ApiToken.therapist_id == therapist.id, ApiToken.revoked_at.is_(None))
    ).all()
    for token in live:
        token.revoked_at = _now()
    return len(live)


def therapist_for_api_token(session: Session, token: str | None) -> Therapist | None:
    """The therapist a live token belongs to, or None for a missing, unknown or revoked token."""
    if not token or not token.startswith(API_TOKEN_PREFIX) or len(token) > 128:
        return None
    record = session.scalars(
        select(ApiToken).where(ApiToken.token_hash == _token_hash(token), ApiToken.revoked_at.is_(None))
    ).first()
    return session.get(Therapist, record.therapist_id) if record else None
