"""Alembic environment: migrations run against DATABASE_URL (or the URL the caller set)."""

from alembic import context

from bot.config import settings
from bot.storage.database import engine_for
from bot.storage.models import Base

url = context.config.get_main_option("sqlalchemy.url") or settings().database_url

if context.is_offline_mode():
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with engine_for(url).connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
