"""Rate limits leased to each process from the count in Redis (the embedded server)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from redis.asyncio import Redis

from graph.embedded import EmbeddedServer
from hub.auth.limits import PREFIX, Leases, hit, lease_size
from hub.runtime import JOBS_DATABASE


@pytest_asyncio.fixture
async def redis(embedded_server: EmbeddedServer) -> AsyncIterator[Redis]:
    client = Redis(unix_socket_path=str(embedded_server.socket_path), db=JOBS_DATABASE)
    old = [key async for key in client.scan_iter(f"{PREFIX}test:*")]
    if old:
        await client.delete(*old)
    yield client
    await client.aclose()


async def test_processes_together_serve_the_limit_and_no_more(redis: Redis) -> None:
    one, other = Leases(), Leases()  # two web processes
    verdicts = [await hit(redis, (one, other)[n % 3 == 0], "test:a", 100) for n in range(150)]
    assert sum(v.allowed for v in verdicts) == 100  # each served what it had leased
    assert not any(v.allowed for v in verdicts[-20:])
    assert all(1 <= v.retry_after <= 60 for v in verdicts if not v.allowed)


async def test_one_write_a_lease_not_one_a_request(redis: Redis) -> None:
    leases = Leases()
    assert lease_size(600) == 60 and lease_size(120) == 12 and lease_size(3) == 1
    for _ in range(150):
        assert (await hit(redis, leases, "test:b", 600)).allowed
    # three leases of 60 were taken for 150 requests
    assert int(await redis.get(f"{PREFIX}test:b")) == 180


async def test_small_limits_are_counted_one_by_one(redis: Redis) -> None:
    one, other = Leases(), Leases()
    assert (await hit(redis, one, "test:c", 2)).allowed
    assert (await hit(redis, other, "test:c", 2)).allowed
    assert not (await hit(redis, one, "test:c", 2)).allowed
    assert not (await hit(redis, other, "test:c", 2)).allowed
    assert (await hit(redis, one, "test:d", 2)).allowed  # another key, its own count
