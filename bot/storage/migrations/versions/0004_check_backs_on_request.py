"""Check-backs only on request: the standing on/off choice goes.

A check-back is now planned only when the person asks for one, so there is nothing to turn
off; a pending one can still be cancelled.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("check_backs_enabled")


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(sa.Column("check_backs_enabled", sa.Boolean(), nullable=False, server_default=sa.true()))
