"""Logging to a file in the app's log folder, with secrets scrubbed from every record."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler

from natasha_studio.paths import app_paths

# Shapes of secrets that must never reach a log: API keys, bearer tokens, Telegram
# StringSessions (a "1" then long base64), private keys.
_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{16,}"),
    re.compile(r"AIza[0-9A-Za-z_\-]{20,}"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]{16,}"),
    re.compile(r"\b1[A-Za-z0-9_\-+/=]{200,}"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
    re.compile(r"(?i)(api[_-]?(?:key|hash)[\"'=: ]+)[A-Za-z0-9_\-]{8,}"),
]


def scrub(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[hidden]", text)
    return text


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def setup_logging(level: int = logging.INFO) -> logging.Handler:
    path = app_paths().log_file
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # Libraries that log request details at DEBUG/INFO stay at WARNING.
    for noisy in ("telethon", "httpx", "httpx2", "openai", "google", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler
