"""hub.mail: the outbox folder, a real SMTP conversation (aiosmtpd), and HUB_MAIL_URL."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler

from hub.mail import MailError, Message, OutboxBackend, SmtpBackend, backend_from_url

GREEK = Message(to="eleni@example.org", subject="Καλώς ήρθατε", text="Γειά σου,\nline two\n")


async def test_outbox_writes_one_complete_eml_per_message(tmp_path: Path) -> None:
    outbox = OutboxBackend(tmp_path / "outbox", "Hub <hub@example.org>")
    await asyncio.gather(outbox.send(GREEK), outbox.send(GREEK))
    files = sorted((tmp_path / "outbox").iterdir())
    assert len(files) == 2 and all(f.suffix == ".eml" for f in files)
    parsed = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert parsed["To"] == "eleni@example.org"
    assert parsed["From"] == "Hub <hub@example.org>"
    assert parsed["Subject"] == "Καλώς ήρθατε"
    assert parsed.get_content() == "Γειά σου,\nline two\n"


async def test_outbox_failure_is_a_mail_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(MailError, match="outbox"):
        await OutboxBackend(blocker, "hub@example.org").send(GREEK)


class _Received(MessageHandler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[bytes] = []

    def handle_message(self, message: object) -> None:
        self.messages.append(bytes(message))  # type: ignore[call-overload]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, _Received]]:
    handler = _Received()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, handler
    controller.stop()


async def test_smtp_backend_delivers_to_a_real_smtp_server(
    smtp_server: tuple[Controller, _Received],
) -> None:
    controller, handler = smtp_server
    port = controller.port
    backend = backend_from_url(
        f"smtp://127.0.0.1:{port}?tls=none", data_dir=Path("unused"), sender="hub@example.org"
    )
    assert isinstance(backend, SmtpBackend)
    await backend.send(GREEK)
    (raw,) = handler.messages
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == "Καλώς ήρθατε" and parsed["To"] == "eleni@example.org"


async def test_smtp_failure_names_the_server_but_never_the_password() -> None:
    backend = backend_from_url(
        "smtp://user:s3cret-pass@127.0.0.1:1?tls=none", data_dir=Path("x"), sender="hub@x.org"
    )
    with pytest.raises(MailError) as raised:
        await backend.send(GREEK)
    assert "127.0.0.1:1" in str(raised.value)
    assert "s3cret-pass" not in str(raised.value) and "s3cret-pass" not in repr(backend)


def test_mail_urls() -> None:
    default = backend_from_url("outbox:", data_dir=Path("/data"), sender="a@b.org")
    assert default == OutboxBackend(Path("/data/outbox"), "a@b.org")
    chosen = backend_from_url("outbox:/tmp/mails", data_dir=Path("/data"), sender="a@b.org")
    assert chosen == OutboxBackend(Path("/tmp/mails"), "a@b.org")
    smtp = backend_from_url(
        "smtp://me%40x.org:p%40ss@mail.x.org", data_dir=Path("/d"), sender="a@b.org"
    )
    assert isinstance(smtp, SmtpBackend)
    assert (smtp.host, smtp.port, smtp.tls, smtp.username, smtp.password) == (
        "mail.x.org",
        587,
        "starttls",
        "me@x.org",
        "p@ss",
    )
    smtps = backend_from_url("smtps://mail.x.org", data_dir=Path("/d"), sender="a@b.org")
    assert isinstance(smtps, SmtpBackend) and (smtps.port, smtps.tls) == (465, "ssl")
    for bad in ("http://x", "smtp://", "smtp://h:port", "smtp://h?tls=maybe"):
        with pytest.raises(ValueError, match="HUB_MAIL_URL"):
            backend_from_url(bad, data_dir=Path("/d"), sender="a@b.org")
