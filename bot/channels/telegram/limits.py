"""Per-person rate limiting and per-chat ordering, both in memory (one bridge process)."""

from __future__ import annotations

import asyncio
import enum
import time
from collections.abc import AsyncIterator, Callable, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

# Past this many tracked people, the ones whose bucket has refilled are forgotten.
_PRUNE_ABOVE = 10_000


class Admission(enum.Enum):
    """The rate limiter's verdict on one message."""

    ADMITTED = "admitted"
    REFUSED_TELL = "refused, tell them once"
    REFUSED_QUIETLY = "refused, already told"


@dataclass
class _Bucket:
    tokens: float
    updated: float
    told: bool = False


@dataclass
class RateLimiter:
    """A token bucket per person: ``per_minute`` messages a minute, bursts up to the same number.

    A limit of 0 or less turns the limiter off.
    """

    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[Hashable, _Bucket] = field(default_factory=dict)

    def admit(self, key: Hashable) -> Admission:
        """Take a token for ``key`` if there is one; the first refusal in a row says so."""
        if self.per_minute <= 0:
            return Admission.ADMITTED
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[key] = _Bucket(tokens=float(self.per_minute), updated=now)
        bucket.tokens = min(self.per_minute, bucket.tokens + (now - bucket.updated) * self.per_minute / 60)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.told = False
            return Admission.ADMITTED
        if bucket.told:
            return Admission.REFUSED_QUIETLY
        bucket.told = True
        return Admission.REFUSED_TELL

    def _prune(self, now: float) -> None:
        if len(self._buckets) < _PRUNE_ABOVE:
            return
        refill_seconds = 60.0
        for key in [k for k, b in self._buckets.items() if now - b.updated > refill_seconds]:
            del self._buckets[key]


@dataclass
class ChatLocks:
    """One asyncio.Lock per chat, so one person's messages are answered in the order they came.

    asyncio.Lock wakes waiters first come, first served; a lock is dropped when nobody holds
    or awaits it, so the map does not grow with every person ever seen.
    """

    _locks: dict[int, asyncio.Lock] = field(default_factory=dict)
    _users: dict[int, int] = field(default_factory=dict)

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        """Hold the chat's lock for the duration of the block."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._users[chat_id] = self._users.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[chat_id] -= 1
            if not self._users[chat_id]:
                del self._users[chat_id], self._locks[chat_id]
