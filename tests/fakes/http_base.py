"""A small routed HTTP server on 127.0.0.1 for the fake provider back ends.

Each fake registers routes ``(method, regex) -> handler(request) -> Reply``. The server runs
in a daemon thread; ``start()`` picks a free port. Error injection is shared: a test queues a
fault for a method and path prefix (a status with a JSON body, or a dropped connection) and
the next matching requests get it instead of the normal answer.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    match: re.Match | None = None

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-able, bytes or str
    headers: dict[str, str] = field(default_factory=dict)
    stream: Iterable[bytes] | None = None  # sent as it is produced, then the connection closes
    content_type: str = "application/json"


@dataclass
class Fault:
    method: str
    prefix: str
    times: int
    status: int = 500
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without answering


Handler = Callable[[Request], Reply]


class RoutedServer:
    """Base of the fakes: routes, faults, a request log and a thread to serve them."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern, Handler]] = []
        self._faults: list[Fault] = []
        self.lock = threading.RLock()
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request seen
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- set-up ------------------------------------------------------------------------------

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        self._routes.append((method, re.compile(pattern + r"$"), handler))

    def inject(self, method: str, prefix: str, *, status: int = 500, body: Any = None,
               headers: dict[str, str] | None = None, times: int = 1, drop: bool = False) -> None:
        """The next ``times`` requests ``method prefix*`` get this fault instead."""
        with self.lock:
            self._faults.append(Fault(method, prefix, times, status, body, headers or {}, drop))

    def clear_faults(self) -> None:
        with self.lock:
            self._faults.clear()

    def count(self, method: str, prefix: str) -> int:
        """How many requests ``method prefix*`` the server has seen."""
        with self.lock:
            return sum(1 for m, p in self.requests if m == method and p.startswith(prefix))

    @property
    def port(self) -> int:
        assert self._httpd is not None, "start() the server first"
        return self._httpd.server_address[1]

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RoutedServer:
        server = self

        class _Handler(_RequestHandler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True,
                                        name=type(self).__name__)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- dispatch ----------------------------------------------------------------------------

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self._faults:
                if fault.method == method and path.startswith(fault.prefix):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def dispatch(self, request: Request) -> Reply | None:
        with self.lock:
            self.requests.append((request.method, request.path))
        fault = self._take_fault(request.method, request.path)
        if fault is not None:
            if fault.drop:
                return None
            return Reply(fault.status, fault.body, dict(fault.headers))
        for method, pattern, handler in self._routes:
            if method != request.method:
                continue
            match = pattern.match(request.path)
            if match:
                request.match = match
                return handler(request)
        return Reply(404, {"error": {"message": f"No route {request.method} {request.path}",
                                     "type": "invalid_request_error", "code": "not_found"}})


class _RequestHandler(BaseHTTPRequestHandler):
    owner: RoutedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = _read_chunked(self.rfile)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        request = Request(self.command, parts.path, query,
                          {k.lower(): v for k, v in self.headers.items()}, body)
        reply = self.owner.dispatch(request)
        if reply is None:  # an injected dropped connection
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if reply.stream is not None:
            self._send_stream(reply)
            return
        payload = _encode(reply.body)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.headers.pop("Content-Type", reply.content_type))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _send_stream(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.close_connection = True
        try:
            for chunk in reply.stream or ():
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a cancelled stream)

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle


def _encode(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body, ensure_ascii=False).encode()


def _read_chunked(stream) -> bytes:
    out = bytearray()
    while True:
        size = int(stream.readline().strip() or b"0", 16)
        if size == 0:
            stream.readline()
            return bytes(out)
        out += stream.read(size)
        stream.readline()


def sse(events: Iterable[Any], *, done: bool = True, separator: str = "\n\n",
        delay: float = 0.0) -> Iterator[bytes]:
    """Server-sent events: ``data: <json>`` blocks, then ``data: [DONE]`` when ``done``."""
    import time

    for event in events:
        if delay:
            time.sleep(delay)
        yield f"data: {json.dumps(event, ensure_ascii=False)}{separator}".encode()
    if done:
        yield f"data: [DONE]{separator}".encode()
