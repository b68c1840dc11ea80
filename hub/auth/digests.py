"""Random secrets handed to clients, and the digests stored in their place.

Session tokens, CSRF tokens, API tokens and e-mail tokens are 256 random bits: a SHA-256
digest is enough to store them (a slow hash protects guessable passwords, not these).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two texts."""
    return hmac.compare_digest(
        a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass")
    )
