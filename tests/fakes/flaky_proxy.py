"""A TCP proxy that misbehaves on purpose, to test retries and error messages.

    with FlakyProxy(target_port, drop_first=1) as proxy:      # first connection cut at once
        url = f"http://127.0.0.1:{proxy.port}"

``answer_first=(n, raw_http_response)`` answers the first n connections with a canned
response (a 403, say) instead of forwarding them.

Network faults on demand, for the retry tests: ``cut()`` resets every open connection and
every new one (the network is gone), ``stall()`` lets connections open but never answers
(a server or link that hangs), ``restore()`` brings the network back.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time


class FlakyProxy:
    def __init__(self, target_port: int, *, drop_first: int = 0,
                 answer_first: tuple[int, bytes] | None = None) -> None:
        self.target_port = target_port
        self.drop_left = drop_first
        self.answer_left, self.answer = answer_first or (0, b"")
        self.connections = 0
        self.mode = "pass"  # "cut" or "stall": see cut() and stall()
        self._live: list[socket.socket] = []
        self._live_lock = threading.Lock()
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
            if self.mode == "cut":
                _reset(client)
                continue
            if self.mode == "stall":
                self._remember(client)  # held open, never answered
                continue
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
            self._remember(client, upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def cut(self) -> None:
        """The network drops: open connections are reset, new ones too, until restore()."""
        self.mode = "cut"
        with self._live_lock:
            live, self._live = self._live, []
        for sock in live:
            _reset(sock)

    def stall(self) -> None:
        """Connections open but nothing passes (nor is answered) until restore()."""
        self.mode = "stall"

    def restore(self) -> None:
        """The network is back; connections held by a stall are closed (their clients
        have timed out by now)."""
        was, self.mode = self.mode, "pass"
        if was == "stall":
            with self._live_lock:
                live, self._live = self._live, []
            for sock in live:
                _reset(sock)

    def _remember(self, *socks: socket.socket) -> None:
        with self._live_lock:
            self._live = [s for s in self._live if s.fileno() != -1] + list(socks)

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                while self.mode == "stall":
                    time.sleep(0.02)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset, as a dropped network looks to the client."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked reading it
    with contextlib.suppress(OSError):
        sock.close()


def http_response(status: int, reason: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
