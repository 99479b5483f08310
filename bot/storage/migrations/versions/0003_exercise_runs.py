"""Exercise runs: a running, paused or finished exercise, out of the conversation's slots.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise_runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("exercise", sa.String(32), nullable=False),
        sa.Column("assignment_id", sa.Integer()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("state", sa.Text()),
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("exercise_entries.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_exercise_runs_user_status", "exercise_runs", ["user_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_exercise_runs_user_status", table_name="exercise_runs")
    op.drop_table("exercise_runs")
