"""Check-backs after a crisis reply, and a person's choice to have them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(sa.Column("check_backs_enabled", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table(
        "check_backs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_check_backs_due_at", "check_backs", ["due_at"])


def downgrade() -> None:
    op.drop_table("check_backs")
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("check_backs_enabled")
