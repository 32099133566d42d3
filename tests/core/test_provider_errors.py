"""Provider errors in plain words: what is retried (ProviderUnavailable) and what is not."""

from __future__ import annotations

import datetime as dt

import aiohttp
import httpx2
import openai
import pytest
import requests
from google.api_core import exceptions as core_exc
from google.auth import exceptions as auth_exc
from google.genai import errors as genai_errors

from natasha_studio.core.errors import StudioError
from natasha_studio.core.provider import ProviderUnavailable
from natasha_studio.core.retry import RetryPolicy, retry_after_seconds
from natasha_studio.providers.errors import google_error, openai_error

CONNECTION_FAILURES = [
    ConnectionRefusedError(111, "Connection refused"),
    TimeoutError("timed out"),
    requests.ConnectionError("reset"),
    requests.ReadTimeout("read timed out"),
    httpx2.ConnectError("refused"),
    httpx2.ReadTimeout("stalled"),
    core_exc.RetryError("Deadline of 120.0s exceeded", requests.ConnectionError("reset")),
    core_exc.RetryError("Deadline exceeded", None),
    core_exc.DeadlineExceeded("deadline"),
    core_exc.ServiceUnavailable("backend down"),
    core_exc.TooManyRequests("slow down"),
    core_exc.InternalServerError("oops"),
    auth_exc.TransportError("token endpoint unreachable"),
    # google-genai's async client sends through aiohttp when it is installed (fireworks-ai).
    aiohttp.ServerDisconnectedError(),
    aiohttp.ClientPayloadError("Response payload is not completed"),
]


@pytest.mark.parametrize("exc", CONNECTION_FAILURES, ids=lambda e: type(e).__name__)
def test_google_connection_failures_are_retryable(exc):
    error = google_error(exc, "Vertex AI", where="Vertex AI")
    assert isinstance(error, ProviderUnavailable)
    assert "(" not in error.message and "Error" not in error.message


def genai_error(code, message, headers=None):
    response = httpx2.Response(code, headers=headers or {})
    return genai_errors.APIError(code, {"error": {"code": code, "message": message}}, response)


def test_vertex_429_is_busy_unless_the_body_speaks_of_quota():
    busy = google_error(genai_error(429, "Resource exhausted. Please try again later.",
                                    {"Retry-After": "7"}), "Vertex AI")
    assert isinstance(busy, ProviderUnavailable) and "quota" not in busy.message
    assert busy.retry_after == 7
    quota = google_error(genai_error(429, "Quota exceeded for tuning requests per minute."),
                         "Vertex AI")
    assert isinstance(quota, ProviderUnavailable) and "quota" in quota.message


def test_auth_and_validation_errors_are_not_retried():
    for error in (google_error(genai_error(401, "bad token"), "Vertex AI"),
                  google_error(genai_error(403, "denied"), "Vertex AI"),
                  google_error(genai_error(400, "bad request"), "Vertex AI")):
        assert not isinstance(error, ProviderUnavailable)
    refused = google_error(auth_exc.RefreshError(
        "invalid_grant: Invalid JWT Signature.", {"error": "invalid_grant"}), "Vertex AI")
    assert not isinstance(refused, ProviderUnavailable)
    # google-auth keeps (message, body) in args: the curator sees the message, not a tuple.
    assert "invalid_grant: Invalid JWT Signature." in refused.message
    assert "{" not in refused.message and "('" not in refused.message
    down = google_error(auth_exc.RefreshError("Internal error", {}, retryable=True), "Vertex AI")
    assert isinstance(down, ProviderUnavailable)


def openai_status(code, body, headers=None):
    request = httpx2.Request("GET", "http://127.0.0.1/v1/fine_tuning/jobs/x")
    response = httpx2.Response(code, headers=headers or {}, request=request)
    return openai.APIStatusError("error", response=response, body=body)


def test_openai_429_with_retry_after_and_quota():
    busy = openai_error(openai_status(429, {"error": {"message": "Rate limit reached"}},
                                      {"retry-after": "12"}), "OpenAI")
    assert isinstance(busy, ProviderUnavailable) and busy.retry_after == 12
    broke = openai_error(openai_status(429, {"error": {"message": "You exceeded your quota",
                                                      "code": "insufficient_quota"}}), "OpenAI")
    assert not isinstance(broke, ProviderUnavailable)  # money, not time, fixes this
    assert isinstance(openai_error(openai_status(503, {}), "OpenAI"), ProviderUnavailable)
    assert not isinstance(openai_error(openai_status(401, {}), "OpenAI"), ProviderUnavailable)
    timeout = openai_error(openai.APITimeoutError(request=httpx2.Request("GET", "http://x")),
                           "OpenAI", where="http://x")
    assert isinstance(timeout, ProviderUnavailable) and "in time" in timeout.message


def test_unknown_failure_is_a_studio_error_without_a_traceback():
    error = google_error(ValueError("strange"), "Vertex AI")
    assert isinstance(error, StudioError) and not isinstance(error, ProviderUnavailable)
    assert "strange" in error.message


def test_backoff_grows_with_jitter_and_honours_retry_after():
    policy = RetryPolicy(first_delay=2.0, max_delay=60.0, jitter=0.2)
    assert policy.delay(0, rng=lambda: 0.5) == 2.0
    assert policy.delay(3, rng=lambda: 0.5) == 16.0
    assert policy.delay(20, rng=lambda: 0.5) == 60.0
    assert 1.6 <= policy.delay(0, rng=lambda: 0.0) <= 2.4
    assert policy.delay(0, 45.0, rng=lambda: 0.5) == 45.0
    assert policy.delay(0, 10_000.0, rng=lambda: 0.5) == 600.0  # a wild header is capped


def test_retry_after_header_forms():
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("Tue, 01 Dec 2026 12:00:20 GMT", now=now) == 20
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_resending_within_an_upload_waits_briefly():
    policy = RetryPolicy(call_first_delay=1.0, call_max_delay=8.0, jitter=0.0)
    assert [policy.call_delay(i) for i in range(6)] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert policy.call_delay(0, 30.0) == 30.0  # the server's Retry-After still wins
