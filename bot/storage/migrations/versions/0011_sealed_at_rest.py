"""Encryption at rest: saved answers become sealed text, and every value written before is sealed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Exercise entries kept their answers as a JSON column; sealed, they are text like the other
columns of what people write. Rows written before this revision are sealed here with the data
key (bot.storage.sealing); downgrading opens them again, so it needs the same key.
"""

import sqlalchemy as sa
from alembic import op

from bot.storage.sealing import is_sealed, sealer

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# As they were at this revision; later revisions list their own.
SEALED_COLUMNS = (
    ("exercise_entries", "answers"),
    ("exercise_runs", "state"),
    ("assignments", "note"),
    ("assignments", "shared"),
    ("assignments", "pending_share"),
    ("assignment_results", "shared"),
)


def _rewrite(change) -> None:
    connection = op.get_bind()
    for table, column in SEALED_COLUMNS:
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()  # noqa: S608
        for row_id, stored in rows:
            new = change(stored)
            if new != stored:
                connection.execute(
                    sa.text(f"UPDATE {table} SET {column} = :new WHERE id = :id"),  # noqa: S608
                    {"new": new, "id": row_id},
                )


def upgrade() -> None:
    with op.batch_alter_table("exercise_entries") as batch:
        batch.alter_column("answers", type_=sa.Text, existing_nullable=False, postgresql_using="answers::text")
    seal = sealer()
    _rewrite(lambda stored: stored if is_sealed(stored) else seal.seal(stored))


def downgrade() -> None:
    seal = sealer()
    _rewrite(seal.open)
    with op.batch_alter_table("exercise_entries") as batch:
        batch.alter_column("answers", type_=sa.JSON, existing_nullable=False, postgresql_using="answers::json")
