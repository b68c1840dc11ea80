"""Rate limits per account and per address, counted in Redis and leased to each process.

A fixed window per key that starts with the key's first request: INCRBY, then EXPIRE NX of a
minute, in one round trip. A process does not go to Redis for every request: it takes a
lease of a tenth of the limit (at most `MAX_LEASE` requests) and counts it down in memory,
so one write in ten (or in a hundred) pays the round trip, which is a write the embedded
server syncs to disk (about 1 ms of a request's 3 ms for a small query). Leases are taken
from the shared count, so all processes together never serve more than the limit; a process
may leave part of its last lease unused when the window ends (at most a tenth of the limit).
Over the limit, the answer is 429 with Retry-After set to the seconds left in the window.
When Redis does not answer, requests are let through (and logged): the limiter protects the
hub, it must not take it down.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from redis import exceptions as redis_errors
from redis.asyncio import Redis

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
PREFIX = "hub:rate:"
LEASE_SHARE = 10
"""A lease is the limit divided by this..."""
MAX_LEASE = 100
"""...but never more requests than this."""
HELD_KEYS = 10_000
"""Leases kept before the expired ones are dropped (one per address or account seen)."""


@dataclass(frozen=True)
class RateLimits:
    anonymous: int = 120
    """Requests a minute from one address without an account."""
    account: int = 600
    """Requests a minute from one signed-in account (wherever they come from)."""


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int


@dataclass
class _Lease:
    left: int
    until: float
    """When the window it was taken from ends (monotonic seconds)."""


def lease_size(limit: int) -> int:
    return max(1, min(limit // LEASE_SHARE, MAX_LEASE))


class Leases:
    """The requests this process may still serve per key in the current window."""

    def __init__(self) -> None:
        self._held: dict[str, _Lease] = {}

    def take(self, key: str, now: float) -> bool:
        """Count one request against the key's lease, if one is held with requests left."""
        lease = self._held.get(key)
        if lease is None or lease.left <= 0 or now >= lease.until:
            return False
        lease.left -= 1
        return True

    def hold(self, key: str, left: int, until: float, now: float) -> None:
        if len(self._held) >= HELD_KEYS:
            self._held = {k: lease for k, lease in self._held.items() if lease.until > now}
        self._held[key] = _Lease(left, until)


async def hit(redis: Redis, leases: Leases, key: str, limit: int) -> Verdict:
    """Count one request against `key`; whether it is within `limit` a minute."""
    now = time.monotonic()
    if leases.take(key, now):
        return Verdict(True, 0)
    size = lease_size(limit)
    name = PREFIX + key
    try:
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incrby(name, size)
            pipe.expire(name, WINDOW_SECONDS, nx=True)
            pipe.ttl(name)
            count, _, ttl = await pipe.execute()
    except (redis_errors.RedisError, OSError) as exc:
        log.warning("rate limit not checked, Redis did not answer: %s", exc)
        return Verdict(True, 0)
    retry_after = int(ttl) if int(ttl) > 0 else WINDOW_SECONDS
    granted = min(size, limit - (int(count) - size))
    if granted <= 0:
        return Verdict(False, retry_after)
    leases.hold(key, granted - 1, now + retry_after, now)
    return Verdict(True, 0)
