"""Logs never contain keys or session strings."""

from __future__ import annotations

import json
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


def test_scrub_hides_google_access_token_bare_and_in_json():
    token = "ya29.a0AfB_byC-abcdefghijklmnopqrstuvwxyz0123456789"
    assert token not in scrub(f"refreshed credentials {token} for vertex")
    as_json = json.dumps({"access_token": token, "expires_in": 3599, "token_type": "Bearer"})
    cleaned = scrub(as_json)
    assert token not in cleaned
    assert "a0AfB_byC" not in cleaned
    assert '"access_token": "[hidden]"' in cleaned
    assert '"expires_in": 3599' in cleaned
    # The same field with an opaque (non-ya29) token is hidden by its name.
    assert "opaque-token-value-42" not in scrub('{"access_token":"opaque-token-value-42"}')


def test_scrub_hides_a_bare_telegram_api_hash():
    api_hash = "0123456789abcdef0123456789abcdef"
    assert api_hash not in scrub(f"connecting with {api_hash} and id 123456")
    assert api_hash not in scrub(f"hash={api_hash}")
    assert api_hash not in scrub(f'{{"api_hash": "{api_hash}"}}')


def test_scrub_hides_hugging_face_and_groq_keys():
    hf = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz012345"
    gsk = "gsk_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnop"
    cleaned = scrub(f"HF_TOKEN={hf} GROQ_API_KEY={gsk} (key {hf})")
    assert hf not in cleaned and gsk not in cleaned
    assert hf[3:] not in cleaned and gsk[4:] not in cleaned


def test_scrub_hides_key_url_parameters():
    url = "https://generativelanguage.googleapis.com/v1/models?key=AbC123-secret_value&alt=sse"
    cleaned = scrub(f"POST {url} 200")
    assert "AbC123-secret_value" not in cleaned
    assert "?key=[hidden]&alt=sse" in cleaned
    second = scrub("GET https://example.org/a?alt=json&key=shortsecret HTTP/1.1")
    assert "shortsecret" not in second and "&key=[hidden] HTTP/1.1" in second


def test_scrub_hides_a_session_string_glued_to_a_word():
    session = "1" + "BQA" * 120 + "w=="
    for glued in (f"session_{session}", f"x{session}", f"s1{session}", f"({session})"):
        cleaned = scrub(f"saved {glued} ok")
        assert session not in cleaned
        assert "BQABQABQA" not in cleaned
        assert cleaned.endswith(" ok")


def test_scrub_leaves_ordinary_text_alone():
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    text = (
        "Пара 1234 одобрена; цвет #1a2b3c и #ffcc00, снимок "
        f"{digest}, тема «Хатхор», 605 примеров, key points: tone, pair_id=4521, "
        "https://t.me/c/12345/678 и токенов 12345678"
    )
    assert scrub(text) == text
