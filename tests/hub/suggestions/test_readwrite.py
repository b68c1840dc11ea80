"""The index's read-write lock: readers together, a writer alone and first in line."""

from __future__ import annotations

import asyncio

from hub.suggestions.readwrite import ReadWriteLock


async def test_readers_share_and_a_writer_waits_for_them() -> None:
    lock = ReadWriteLock()
    events: list[str] = []
    release = asyncio.Event()

    async def reader(name: str) -> None:
        async with lock.reading():
            events.append(f"{name} in")
            await release.wait()
            events.append(f"{name} out")

    async def writer() -> None:
        async with lock.writing():
            events.append("writer in")

    readers = [asyncio.create_task(reader(n)) for n in ("r1", "r2")]
    await asyncio.sleep(0.01)
    assert events == ["r1 in", "r2 in"]  # both read at once
    writing = asyncio.create_task(writer())
    await asyncio.sleep(0.01)
    assert "writer in" not in events  # the writer waits for the readers
    release.set()
    await asyncio.gather(*readers, writing)
    assert events[-1] == "writer in"


async def test_a_waiting_writer_goes_before_new_readers() -> None:
    lock = ReadWriteLock()
    order: list[str] = []
    first_done = asyncio.Event()

    async def first_reader() -> None:
        async with lock.reading():
            await first_done.wait()

    async def writer() -> None:
        async with lock.writing():
            order.append("writer")

    async def late_reader() -> None:
        async with lock.reading():
            order.append("late reader")

    holding = asyncio.create_task(first_reader())
    await asyncio.sleep(0.01)
    writing = asyncio.create_task(writer())
    await asyncio.sleep(0.01)
    late = asyncio.create_task(late_reader())
    await asyncio.sleep(0.01)
    assert order == []  # the late reader queues behind the waiting writer
    first_done.set()
    await asyncio.gather(holding, writing, late)
    assert order == ["writer", "late reader"]


async def test_a_failing_reader_or_writer_releases_the_lock() -> None:
    lock = ReadWriteLock()
    for mode in (lock.reading, lock.writing):
        try:
            async with mode():
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    async with asyncio.timeout(1):
        async with lock.writing():
            pass
