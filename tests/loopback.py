"""An HTTP server on 127.0.0.1 for the tests that fetch feeds (never another address)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(
    handler: type[BaseHTTPRequestHandler],
    server_class: type[ThreadingHTTPServer] = ThreadingHTTPServer,
) -> Iterator[str]:
    """Serve ``handler`` on a free loopback port; yield the base URL, then shut down."""
    httpd = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class RawServer:
    """A TCP server on 127.0.0.1 whose subclass writes each answer as raw bytes.

    For servers that misbehave below HTTP (drip, stall, reset, wrong lengths),
    which ``http.server`` cannot be made to do. Subclasses set their own state
    before calling ``super().__init__()``, which starts accepting.
    """

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self.done.set()
        self.sock.close()

    def handle(self, conn: socket.socket) -> None:
        """Answer one connection (in its own thread)."""
        raise NotImplementedError

    def _serve(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()
