"""Rate limits per account and per address, counted in Redis.

A fixed window per key that starts with the key's first request: INCR, then EXPIRE NX
of a minute, in one round trip. Over the limit, the answer is 429 with Retry-After set to
the seconds left in the window. When Redis does not answer, requests are let through (and
logged): the limiter protects the hub, it must not take it down.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from redis import exceptions as redis_errors
from redis.asyncio import Redis

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
PREFIX = "hub:rate:"


@dataclass(frozen=True)
class RateLimits:
    anonymous: int = 120
    """Requests a minute from one address without an account."""
    account: int = 600
    """Requests a minute from one signed-in account (wherever they come from)."""


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int


async def hit(redis: Redis, key: str, limit: int) -> Verdict:
    """Count one request against `key`; whether it is within `limit` a minute."""
    name = PREFIX + key
    try:
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, WINDOW_SECONDS, nx=True)
            pipe.ttl(name)
            count, _, ttl = await pipe.execute()
    except (redis_errors.RedisError, OSError) as exc:
        log.warning("rate limit not checked, Redis did not answer: %s", exc)
        return Verdict(True, limit, limit, 0)
    retry_after = int(ttl) if int(ttl) > 0 else WINDOW_SECONDS
    count = int(count)
    return Verdict(count <= limit, limit, max(0, limit - count), retry_after)
