"""Homework: the assignments therapists give and the events of each one's life.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("therapist_id", sa.Integer, sa.ForeignKey("therapists.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("exercise", sa.String(32), nullable=False),
        sa.Column("client_label", sa.String(80), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("due_on", sa.Date),
        sa.Column("recurrence", sa.String(8), nullable=False),
        sa.Column("recurrence_until", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("shared", sa.Text),
        sa.Column("crisis_shown", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("code", name="uq_assignments_code"),
    )
    op.create_index("ix_assignments_therapist_id", "assignments", ["therapist_id"])
    op.create_index("ix_assignments_user_id", "assignments", ["user_id"])
    op.create_table(
        "assignment_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assignment_id", sa.Integer, sa.ForeignKey("assignments.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assignment_events_assignment_id", "assignment_events", ["assignment_id"])


def downgrade() -> None:
    op.drop_table("assignment_events")
    op.drop_table("assignments")
