"""The Telegram bridge: python-telegram-bot in front of the Rasa assistant's REST channel.

``python -m bot telegram`` runs :func:`main`. Modules: app (wiring, main), handlers,
conversation (the path every message takes), delivery (sending), assistant (Rasa client,
sender ids), limits (rate limit, per-chat order), content (the bridge's own words).
"""

from bot.channels.telegram.app import build_application, main
from bot.channels.telegram.assistant import sender_id_for

__all__ = ["build_application", "main", "sender_id_for"]
