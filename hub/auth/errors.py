"""Expected outcomes of signing in and of permission checks, each with a stable code.

They are hub errors (`hub.ecosystem.errors.HubError`), so resolvers turn them into typed
`errors { code field message }` like any other expected failure. No message ever holds a
password or a token.
"""

from __future__ import annotations

from hub.ecosystem.errors import HubError


class AuthError(HubError):
    code = "AUTH"


class Unauthenticated(AuthError):
    """The operation needs a signed-in account and the request has none."""

    code = "UNAUTHENTICATED"


class Forbidden(AuthError):
    """The viewer is known but may not do this."""

    code = "FORBIDDEN"


class InvalidCredentials(AuthError):
    code = "INVALID_CREDENTIALS"


class InvalidToken(AuthError):
    """A verification or reset token that is unknown, used or expired."""

    code = "INVALID_TOKEN"


class CsrfFailed(AuthError):
    """A mutation signed in by the session cookie without the matching X-CSRF-Token."""

    code = "CSRF_FAILED"
