"""Logging to a file in the app's log folder, with secrets scrubbed from every record."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler

from natasha_studio.paths import app_paths

# Shapes of secrets that must never reach a log. A pattern with a group keeps the group
# (the name of the field) and hides the rest, so a log still says which value was hidden.
_PATTERNS = [
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
    # A secret under a telling name, in JSON ("access_token": "…"), as key=value or key: value.
    re.compile(
        r"(?i)((?<![A-Za-z0-9])[\"']?(?:api[_-]?(?:key|hash)|access[_-]?token|refresh[_-]?token"
        r"|id[_-]?token|client[_-]?secret|private[_-]?key(?:[_-]?id)?|session[_-]?string|password)"
        r"[\"']?\s*[=:]\s*[\"']?)[^\s\"',;&}]{8,}"
    ),
    # A key passed in a URL (?key=… or &key=…), as Google APIs accept it.
    re.compile(r"(?i)([?&](?:key|api_key|access_token|token|sig|signature)=)[^&\s#\"']+"),
    re.compile(r"sk-[A-Za-z0-9_\-]{16,}"),
    re.compile(r"AIza[0-9A-Za-z_\-]{20,}"),
    # Google OAuth access tokens, wherever they stand.
    re.compile(r"ya29\.[A-Za-z0-9_\-.]{10,}"),
    # Hugging Face and Groq keys.
    re.compile(r"(?<![A-Za-z0-9])hf_[A-Za-z0-9]{20,}"),
    re.compile(r"(?<![A-Za-z0-9])gsk_[A-Za-z0-9]{20,}"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]{16,}"),
    # A Telegram StringSession: a "1" then 200+ base64 characters, even glued to the word
    # before it ("session_1AAB…"), so no word boundary is required.
    re.compile(r"1[A-Za-z0-9_\-+/=]{200,}"),
    # A Telegram api_hash: exactly 32 hex digits standing alone (a 64-digit content hash or
    # a 6-digit colour is left alone).
    re.compile(r"(?<![0-9A-Za-z#])[0-9a-f]{32}(?![0-9A-Za-z])"),
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
