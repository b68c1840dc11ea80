"""Passwords: argon2id hashes (argon2-cffi's defaults, RFC 9106), checked off the event loop."""

from __future__ import annotations

import asyncio
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from hub.ecosystem.errors import FieldIssue, ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 1_000

_hasher = PasswordHasher()


def check_new_password(password: str, field: str) -> None:
    """A new password is long enough, not absurdly long, and not only spaces."""
    if len(password) < MIN_LENGTH:
        message = f"must be at least {MIN_LENGTH} characters"
    elif len(password) > MAX_LENGTH:
        message = f"must be at most {MAX_LENGTH} characters"
    elif not password.strip():
        message = "must not be only spaces"
    elif "\x00" in password:
        message = "must not contain a null character"
    else:
        return
    raise ValidationFailed([FieldIssue(field, message)])


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(hashed: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash, a dummy check takes the same time."""
    if len(password) > MAX_LENGTH:
        return False
    if hashed is None:
        await asyncio.to_thread(_verify, _dummy_hash(), password)
        return False
    return await asyncio.to_thread(_verify, hashed, password)


def needs_rehash(hashed: str) -> bool:
    return _hasher.check_needs_rehash(hashed)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("no account has this password")
