"""Sending e-mail: a message, and a backend with `async def send(message)`.

`HUB_MAIL_URL` picks the backend:

- `outbox:` (default): one `.eml` file per message in `HUB_DATA_DIR/outbox`, written
  atomically (a temporary file renamed into place); `outbox:/some/folder` picks the folder.
  For development and tests: open the files, or read them in a test.
- `smtp://user:password@host:587`: SMTP with STARTTLS (required); `smtps://...:465` for
  implicit TLS; `smtp://host:1025?tls=none` for a local catcher without TLS.

The SMTP conversation runs in a thread (stdlib `smtplib`), off the event loop. The
password never appears in logs or errors.
"""

from __future__ import annotations

import asyncio
import os
import smtplib
import ssl
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = [
    "MailBackend",
    "MailError",
    "Message",
    "OutboxBackend",
    "SmtpBackend",
    "backend_from_url",
]

SMTP_TIMEOUT = 10.0


class MailError(Exception):
    """A message could not be handed over; the text never contains credentials."""


@dataclass(frozen=True)
class Message:
    """One plain-text e-mail."""

    to: str
    subject: str
    text: str


class MailBackend(Protocol):
    async def send(self, message: Message) -> None: ...


def _email(message: Message, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = format_datetime(datetime.now(UTC))
    email["Message-ID"] = make_msgid(domain="hub.local")
    email.set_content(message.text)
    return email


@dataclass(frozen=True)
class OutboxBackend:
    """Writes each message as `<UTC time>-<uuid>.eml` into `folder` (created when missing)."""

    folder: Path
    sender: str

    async def send(self, message: Message) -> None:
        await asyncio.to_thread(self._write, _email(message, self.sender).as_bytes())

    def _write(self, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            final = self.folder / f"{stamp}-{uuid.uuid4().hex}.eml"
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, final)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise MailError(f"could not write to the outbox {self.folder}: {exc}") from None


@dataclass(frozen=True)
class SmtpBackend:
    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    tls: str = "starttls"  # "starttls", "ssl" or "none"

    def __repr__(self) -> str:  # never show the password
        return f"SmtpBackend(host={self.host!r}, port={self.port}, tls={self.tls!r})"

    async def send(self, message: Message) -> None:
        await asyncio.to_thread(self._send, _email(message, self.sender))

    def _send(self, email: EmailMessage) -> None:
        context = ssl.create_default_context()
        try:
            client: smtplib.SMTP
            if self.tls == "ssl":
                client = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=SMTP_TIMEOUT, context=context
                )
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT)
            with client:
                if self.tls == "starttls":
                    client.starttls(context=context)
                if self.username:
                    client.login(self.username, self.password or "")
                client.send_message(email)
        except smtplib.SMTPAuthenticationError:
            raise MailError(f"SMTP server {self.host}:{self.port} refused the login") from None
        except (smtplib.SMTPException, OSError) as exc:
            name = type(exc).__name__
            raise MailError(f"SMTP server {self.host}:{self.port} failed: {name}") from None


def backend_from_url(url: str, *, data_dir: Path, sender: str) -> MailBackend:
    """The backend `HUB_MAIL_URL` names; ValueError (without the password) when malformed."""
    parts = urlsplit(url)
    if parts.scheme == "outbox":
        folder = Path(unquote(parts.path)) if parts.path else data_dir / "outbox"
        return OutboxBackend(folder, sender)
    if parts.scheme in ("smtp", "smtps"):
        if not parts.hostname:
            raise ValueError("HUB_MAIL_URL: an smtp:// URL needs a host, e.g. smtp://host:587")
        try:
            port = parts.port
        except ValueError:
            raise ValueError("HUB_MAIL_URL: the port is not a number") from None
        query = parse_qs(parts.query)
        tls = "ssl" if parts.scheme == "smtps" else query.get("tls", ["starttls"])[0]
        if tls not in ("starttls", "ssl", "none"):
            raise ValueError("HUB_MAIL_URL: tls must be starttls or none")
        return SmtpBackend(
            host=parts.hostname,
            port=port or (465 if tls == "ssl" else 587),
            sender=sender,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            tls=tls,
        )
    raise ValueError("HUB_MAIL_URL must be outbox:, outbox:/folder, smtp://… or smtps://…")
