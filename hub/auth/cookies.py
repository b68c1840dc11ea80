"""The session and CSRF cookies a response sets or clears (applied by the HTTP guard)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hub.auth.sessions import CSRF_COOKIE, SESSION_COOKIE, NewSession


@dataclass
class SessionCookies:
    """Per request: the session token the request came with, and the cookies to send back."""

    secure: bool = True
    token: str | None = None
    pending: list[str] = field(default_factory=list)

    def _cookie(self, name: str, value: str, max_age: int, *, http_only: bool) -> str:
        parts = [f"{name}={value}", "Path=/", f"Max-Age={max_age}"]
        if http_only:
            parts.append("HttpOnly")
        if self.secure:
            parts.append("Secure")
        parts.append("SameSite=Lax" if http_only else "SameSite=Strict")
        return "; ".join(parts)

    def start(self, session: NewSession) -> None:
        self.pending = [
            self._cookie(SESSION_COOKIE, session.token, session.max_age_seconds, http_only=True),
            self._cookie(CSRF_COOKIE, session.csrf, session.max_age_seconds, http_only=False),
        ]

    def clear(self) -> None:
        self.pending = [
            self._cookie(SESSION_COOKIE, "", 0, http_only=True),
            self._cookie(CSRF_COOKIE, "", 0, http_only=False),
        ]

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [(b"set-cookie", cookie.encode("latin-1")) for cookie in self.pending]
