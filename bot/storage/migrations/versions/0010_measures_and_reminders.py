"""Measure results and each completion of recurring homework; where and when reminders go.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignment_results",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assignment_id", sa.Integer, sa.ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("completed_on", sa.Date, nullable=False),
        sa.Column("measure", sa.String(16), nullable=True),
        sa.Column("score", sa.Integer, nullable=True),
        sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("shared", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("reminder_chat_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("reminded_for", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("reminded_for")
        batch.drop_column("reminder_chat_id")
    op.drop_table("assignment_results")
