"""A TCP proxy that misbehaves on purpose, to test retries and error messages.

    with FlakyProxy(target_port, drop_first=1) as proxy:      # first connection cut at once
        url = f"http://127.0.0.1:{proxy.port}"

``answer_first=(n, raw_http_response)`` answers the first n connections with a canned
response (a 403, say) instead of forwarding them.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class FlakyProxy:
    def __init__(self, target_port: int, *, drop_first: int = 0,
                 answer_first: tuple[int, bytes] | None = None) -> None:
        self.target_port = target_port
        self.drop_left = drop_first
        self.answer_left, self.answer = answer_first or (0, b"")
        self.connections = 0
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self._stopped = False

    def __enter__(self) -> FlakyProxy:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped = True
        with contextlib.suppress(OSError):
            self._sock.close()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            if self.drop_left > 0:
                self.drop_left -= 1
                client.recv(65536)  # take the request, then vanish without answering
                client.close()
                continue
            if self.answer_left > 0:
                self.answer_left -= 1
                client.recv(65536)
                client.sendall(self.answer)
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)


def http_response(status: int, reason: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
