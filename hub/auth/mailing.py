"""The e-mails accounts receive: verification and password reset, with their links."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from hub.mail import MailBackend, MailError, Message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountMail:
    backend: MailBackend
    public_url: str
    """Where links point: `{public_url}/verify-email?token=…`, `/reset-password?token=…`."""

    def link(self, path: str, token: str) -> str:
        return f"{self.public_url.rstrip('/')}/{path}?{urlencode({'token': token})}"

    async def _send(self, message: Message, what: str) -> bool:
        try:
            await self.backend.send(message)
        except MailError as exc:
            log.warning("could not send the %s e-mail: %s", what, exc)
            return False
        return True

    async def send_verification(self, email: str, token: str) -> bool:
        link = self.link("verify-email", token)
        text = (
            "Welcome to the Thessaloniki innovation hub.\n\n"
            f"Confirm your e-mail address by opening this link:\n\n{link}\n\n"
            "If you did not sign up, ignore this message.\n"
        )
        return await self._send(
            Message(to=email, subject="Confirm your e-mail address", text=text), "verification"
        )

    async def send_reset(self, email: str, token: str) -> bool:
        link = self.link("reset-password", token)
        text = (
            "Someone asked to reset the password of your hub account.\n\n"
            f"Choose a new password within an hour through this link:\n\n{link}\n\n"
            "If it was not you, ignore this message: your password stays as it is.\n"
        )
        return await self._send(
            Message(to=email, subject="Reset your password", text=text), "password reset"
        )
