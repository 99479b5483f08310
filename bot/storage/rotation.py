"""Key rotation: every sealed value re-sealed under a new data key while the bot keeps running.

The order keeps every reader able to read at every moment:

1. the new key goes first in the ring file and the old keys stay behind it: from their next
   read or write, all processes seal with the new key and still open the old tokens;
2. every sealed column of the bot's database and Rasa's tracker store is re-sealed in small
   batches, each row only if nobody changed it meanwhile;
3. a second pass checks that nothing is left under an old key (a write that raced step 1 is
   re-sealed here) and only then is the old key dropped from the ring.

With ``BOT_DATA_KEY`` the operator owns the ring: put the new key first, keep the old behind
it, restart, run ``rotate-key``, then remove the old key from the variable.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bot.storage.database import engine_for
from bot.storage.sealing import KeyRing, Sealer, write_key_file

# (table, key column, sealed column) in the bot's database.
SEALED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("exercise_entries", "id", "answers"),
    ("exercise_runs", "id", "state"),
    ("assignments", "id", "note"),
    ("assignments", "id", "shared"),
    ("assignments", "id", "pending_share"),
    ("assignment_results", "id", "shared"),
)
TRACKER_COLUMNS: tuple[tuple[str, str, str], ...] = (("events", "id", "data"),)
BATCH = 500


@dataclass
class Resealed:
    rows: int = 0
    left_under_old_keys: int = 0


def _has_table(connection: Connection, table: str) -> bool:
    return connection.dialect.has_table(connection, table)


def reseal_columns(database_url: str, columns: tuple[tuple[str, str, str], ...], sealer: Sealer) -> Resealed:
    """Re-seal every value of ``columns`` not yet under the primary key, batch by batch."""
    done = Resealed()
    engine = engine_for(database_url)
    for table, key, column in columns:
        last = None
        while True:
            with engine.begin() as connection:
                if not _has_table(connection, table):
                    break
                after = "" if last is None else f"AND {key} > :last "
                rows = connection.execute(
                    text(
                        f"SELECT {key}, {column} FROM {table} "
                        f"WHERE {column} IS NOT NULL {after}ORDER BY {key} LIMIT {BATCH}"
                    ),  # noqa: S608 - names are ours
                    {"last": last},
                ).all()
                for row_key, stored in rows:
                    if sealer.sealed_with_primary(stored):
                        continue
                    # Only if unchanged since it was read: a concurrent writer's newer value stands.
                    updated = connection.execute(
                        text(f"UPDATE {table} SET {column} = :new WHERE {key} = :key AND {column} = :old"),  # noqa: S608
                        {"new": sealer.reseal(stored), "key": row_key, "old": stored},
                    )
                    done.rows += updated.rowcount
            if len(rows) < BATCH:
                break
            last = rows[-1][0]
    return done


def count_not_under_primary(database_url: str, columns: tuple[tuple[str, str, str], ...], sealer: Sealer) -> int:
    left = 0
    engine = engine_for(database_url)
    with engine.connect() as connection:
        for table, _key, column in columns:
            if not _has_table(connection, table):
                continue
            for (stored,) in connection.execute(text(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")):  # noqa: S608
                left += not sealer.sealed_with_primary(stored)
    return left


def _databases(database_url: str, tracker_store_url: str) -> list[tuple[str, tuple[tuple[str, str, str], ...]]]:
    databases = [(database_url, SEALED_COLUMNS)]
    if tracker_store_url:
        databases.append((tracker_store_url, TRACKER_COLUMNS))
    return databases


def reseal_everything(database_url: str, tracker_store_url: str, sealer: Sealer, passes: int = 3) -> Resealed:
    """Re-seal until nothing is left under an old key (or plain), at most ``passes`` times."""
    total = Resealed()
    for _ in range(passes):
        for url, columns in _databases(database_url, tracker_store_url):
            total.rows += reseal_columns(url, columns, sealer).rows
        total.left_under_old_keys = sum(
            count_not_under_primary(url, columns, sealer)
            for url, columns in _databases(database_url, tracker_store_url)
        )
        if total.left_under_old_keys == 0:
            break
    return total


def rotate_key(database_url: str, tracker_store_url: str, sealer: Sealer) -> Resealed:
    """Put a new key first, re-seal everything under it, then retire the old keys (see the module)."""
    path = sealer.key_path
    if path is None:
        # The operator has put the new key first in BOT_DATA_KEY; the old ones are theirs to remove.
        return reseal_everything(database_url, tracker_store_url, sealer)
    old = sealer.ring()
    write_key_file(path, KeyRing((Fernet.generate_key(), *old.keys)))
    done = reseal_everything(database_url, tracker_store_url, sealer)
    if done.left_under_old_keys == 0:
        write_key_file(path, KeyRing((sealer.ring().primary,)))
    return done
