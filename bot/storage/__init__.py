"""Storage: SQLAlchemy models, the database session factory and repository functions.

The caller owns the session: repository functions take it as a keyword, and each entry
point (an action run, a web request, a CLI command) opens ``with session_scope() as s``.
"""

from bot.storage.database import engine_for, session_scope, upgrade_schema

__all__ = ["engine_for", "session_scope", "upgrade_schema"]
