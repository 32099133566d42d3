"""Logs never contain keys or session strings."""

from __future__ import annotations

import logging

from natasha_studio.logs import scrub, setup_logging
from natasha_studio.paths import app_paths


def test_scrub_hides_secret_shapes():
    session = "1" + "A" * 300
    text = f"key sk-proj-abcdefghijklmnop1234 token Bearer abcdefghijklmnopqrstu s={session}"
    cleaned = scrub(text)
    assert "sk-proj-abcdefghijklmnop1234" not in cleaned
    assert "abcdefghijklmnopqrstu" not in cleaned
    assert session not in cleaned


def test_log_file_is_scrubbed():
    handler = setup_logging()
    try:
        logging.getLogger("natasha_studio.test").warning("using api_key=supersecretvalue42")
        handler.flush()
        text = app_paths().log_file.read_text(encoding="utf-8")
        assert "supersecretvalue42" not in text
        assert "[hidden]" in text
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
