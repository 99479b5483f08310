"""Encryption at rest: what people write is sealed with the data key before any database sees it.

Sealing is Fernet from ``cryptography`` (AES-128-CBC with an HMAC-SHA256 over each token, a
fresh IV per token), never a cipher of our own. The key ring comes from ``BOT_DATA_KEY``
(keys separated by commas) or else from ``var/data.key`` (one key a line), created 0600 on first
use. The first key seals; every key opens, so that a rotation (:mod:`bot.storage.rotation`)
can re-seal row by row while readers keep reading.

The ring file is read again whenever it changes, so every process (Rasa, the actions, the
portal, the Telegram bridge) picks up a rotation at its next read or write, without a restart.
Text stored before encryption existed is recognised (a Fernet token always starts with
``gAAAAA``, JSON never does) and read as it is, until a migration or rotation seals it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.config import create_private_file_once, settings

KEY_FILE_NAME = "data.key"
TOKEN_PREFIX = "gAAAAA"


class SealError(RuntimeError):
    """A sealed value that no key of the ring opens: the wrong key, or a damaged value."""


@dataclass(frozen=True)
class KeyRing:
    keys: tuple[bytes, ...]

    @property
    def primary(self) -> bytes:
        return self.keys[0]

    def fernet(self) -> MultiFernet:
        return MultiFernet([Fernet(key) for key in self.keys])


def parse_keys(text: str) -> KeyRing:
    """The keys in ``text`` (commas or new lines between them), checked to be Fernet keys."""
    keys = tuple(part.strip().encode() for part in text.replace(",", "\n").splitlines() if part.strip())
    if not keys:
        raise ValueError("the data key ring is empty")
    for key in keys:
        Fernet(key)  # raises ValueError for anything that is not a 32-byte url-safe base64 key
    return KeyRing(keys)


def key_file(var_dir: Path) -> Path:
    return var_dir / KEY_FILE_NAME


def write_key_file(path: Path, ring: KeyRing) -> None:
    """Replace the ring file whole and 0600, so that no reader ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(descriptor, "w") as handle:
        handle.write("".join(key.decode() + "\n" for key in ring.keys))
    os.replace(draft, path)


class Sealer:
    """Seals and opens text with the ring of one process, re-reading the ring file when it changes."""

    def __init__(self, var_dir: Path, from_environment: str = "") -> None:
        self._var_dir = var_dir
        self._from_environment = from_environment
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._ring: KeyRing | None = None
        self._fernet: MultiFernet | None = None

    @property
    def key_path(self) -> Path | None:
        """The ring file, or None when the keys come from ``BOT_DATA_KEY``."""
        return None if self._from_environment else key_file(self._var_dir)

    def ring(self) -> KeyRing:
        return self._current()[0]

    def _current(self) -> tuple[KeyRing, MultiFernet]:
        if self._from_environment:
            if self._ring is None:
                self._ring = parse_keys(self._from_environment)
                self._fernet = self._ring.fernet()
            return self._ring, self._fernet  # type: ignore[return-value]
        path = key_file(self._var_dir)
        if not path.exists():
            create_private_file_once(path, Fernet.generate_key().decode() + "\n")
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_ino)
        with self._lock:
            if stamp != self._stamp or self._ring is None:
                self._ring = parse_keys(path.read_text())
                self._fernet = self._ring.fernet()
                self._stamp = stamp
            return self._ring, self._fernet  # type: ignore[return-value]

    def seal(self, text: str) -> str:
        return self._current()[1].encrypt(text.encode()).decode()

    def open(self, stored: str) -> str:
        """The text of a sealed value; text stored before sealing existed is returned as it is."""
        if not is_sealed(stored):
            return stored
        return self._with_ring(lambda ring: ring.decrypt(stored.encode()))

    def reseal(self, stored: str) -> str:
        """``stored`` sealed under the primary key (plain legacy text is sealed for the first time)."""
        if not is_sealed(stored):
            return self.seal(stored)
        return self._with_ring(lambda ring: ring.rotate(stored.encode()))

    def _with_ring(self, operation: Callable[[MultiFernet], bytes]) -> str:
        try:
            return operation(self._current()[1]).decode()
        except InvalidToken:
            raise SealError("a stored value could not be opened with any key of the data key ring") from None

    def sealed_with_primary(self, stored: str) -> bool:
        if not is_sealed(stored):
            return False
        try:
            Fernet(self.ring().primary).decrypt(stored.encode())
        except InvalidToken:
            return False
        return True


def is_sealed(stored: str) -> bool:
    return stored.startswith(TOKEN_PREFIX)


_sealers: dict[tuple[str, str], Sealer] = {}
_sealers_lock = threading.Lock()


def sealer() -> Sealer:
    """The sealer of this process's settings (one per var/ and key, so tests can switch between them)."""
    current = settings()
    handle = (str(current.var_dir), current.data_key)
    with _sealers_lock:
        if handle not in _sealers:
            _sealers[handle] = Sealer(current.var_dir, current.data_key)
        return _sealers[handle]
