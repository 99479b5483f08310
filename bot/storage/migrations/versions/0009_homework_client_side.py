"""Homework on the client's side: the name clients see for a therapist, and a share awaiting a choice.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("therapists") as batch:
        batch.add_column(sa.Column("name", sa.String(80), nullable=False, server_default=""))
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("pending_share", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("pending_share")
    with op.batch_alter_table("therapists") as batch:
        batch.drop_column("name")
