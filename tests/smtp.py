"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Received:
    """One message as the server got it: the envelope's sender and recipients, the bytes."""

    sender: str
    recipients: list[str]
    content: bytes


@dataclass
class Server:
    port: int
    received: list[Received] = field(default_factory=list)


@contextmanager
def smtp_server() -> Iterator[Server]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port: the controller checks it is listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Server(port)

    class Keep:
        async def handle_DATA(self, smtp: object, session: object, envelope: object) -> str:
            server.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)  # type: ignore[attr-defined]
            )
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
