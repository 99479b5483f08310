"""Links to a person's progress chart that only that person can open.

The chart is never stored: the web chat server draws it from the database each time its
link is opened. A link carries the person's pseudonym and an expiry, signed with the
server's secret key (HMAC-SHA256), so it cannot be guessed or altered, and it stops working
after a day, or at once when the person erases their data. The bot sends it only into the
person's own conversation.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from bot.config import settings
from bot.progress.chart import render_progress_chart
from bot.progress.scores import checkins_of_user
from bot.storage import session_scope
from bot.storage.models import User
from bot.storage.repositories import pseudonym

CHART_PATH = "/charts/progress.png"
LIFETIME_SECONDS = 24 * 3600
_CONTEXT = b"progress-chart-link:"


def _signature(message: str) -> str:
    return hmac.new(settings().secret_key, _CONTEXT + message.encode(), hashlib.sha256).hexdigest()[:32]


def chart_token(sender_id: str, *, now: float | None = None) -> str:
    """A signed token that opens ``sender_id``'s chart for the next day."""
    expires = int((now if now is not None else time.time()) + LIFETIME_SECONDS)
    message = f"{pseudonym(sender_id)}.{expires}"
    return f"{message}.{_signature(message)}"


def read_chart_token(token: str, *, now: float | None = None) -> str | None:
    """The pseudonym a token opens the chart of, or None if it is forged, malformed or expired."""
    parts = token.split(".") if isinstance(token, str) and len(token) <= 200 else []
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    sender_hash, expires, signature = parts
    if not hmac.compare_digest(signature, _signature(f"{sender_hash}.{expires}")):
        return None
    if int(expires) < (now if now is not None else time.time()):
        return None
    return sender_hash


def chart_url(sender_id: str) -> str:
    """The address of ``sender_id``'s chart on the web chat server."""
    return f"{settings().webchat_public_url}{CHART_PATH}?t={chart_token(sender_id)}"


def chart_png_for_token(token: str) -> bytes | None:
    """The chart a token opens, drawn now; None if the token is not valid or the person is gone."""
    sender_hash = read_chart_token(token)
    if sender_hash is None:
        return None
    with session_scope() as session:
        user = session.scalars(select(User).where(User.sender_hash == sender_hash)).first()
        if user is None:
            return None
        points = checkins_of_user(session=session, user=user)
    return render_progress_chart(points)


def chart_png_for_url(url: str) -> bytes | None:
    """The chart behind one of our own chart links (for channels that upload images), else None."""
    parts = urlsplit(url)
    if parts.path != CHART_PATH:
        return None
    token = (parse_qs(parts.query).get("t") or [""])[0]
    return chart_png_for_token(token)
