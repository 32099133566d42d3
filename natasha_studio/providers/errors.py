"""Turning SDK exceptions into ``StudioError`` messages a curator understands.

Every provider call goes through ``openai_error`` or ``google_error`` so the window and the
command line never show a traceback or an HTTP status code on its own: each message says
what happened in plain words and what to do next.
"""

from __future__ import annotations

from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.provider import ProviderUnavailable
from natasha_studio.core.retry import retry_after_seconds

# Counted messages of the providers: lupdate reads "Providers.tr(text, None, n)" as a plural.
Providers = TranslationContext("Providers")

# The date OpenAI stops accepting new fine-tuning jobs from anyone.
OPENAI_TUNING_END = "2027-01-06"


def _body_message(body: Any, fallback: str) -> tuple[str, str]:
    """The provider's own (message, code) out of an error body."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return str(inner.get("message") or fallback), str(inner.get("code") or "")
    return fallback, ""


def connection_error(where: str) -> StudioError:
    return ProviderUnavailable(
        translate("Providers", "Cannot reach {where}.").format(where=where),
        translate("Providers", "Check the internet connection (or that the server is running) "
                               "and try again."),
    )


def too_many_requests(label: str, retry_after: float | None = None) -> StudioError:
    """429 or its gRPC twin: the account's rate limit, which passes."""
    return ProviderUnavailable(
        translate("Providers", "{provider} is receiving too many requests from this account.")
        .format(provider=label),
        translate("Providers", "Wait a minute and try again."),
        retry_after=retry_after,
    )


def server_problem(label: str, retry_after: float | None = None) -> StudioError:
    """5xx or its gRPC twin: the provider failed on its side."""
    return ProviderUnavailable(
        translate("Providers", "{provider} had a problem on its side.").format(provider=label),
        translate("Providers", "Try again in a few minutes. Nothing was lost."),
        retry_after=retry_after,
    )


def openai_error(exc: BaseException, label: str, *, tuning: bool = False,
                 where: str = "") -> StudioError:
    """A plain-words error for an ``openai`` SDK exception.

    ``tuning`` marks calls that create fine-tuning jobs, where a refusal means the account
    can no longer tune on OpenAI.
    """
    import openai

    if isinstance(exc, StudioError):
        return exc
    if isinstance(exc, openai.APITimeoutError | openai.APIConnectionError):
        return unavailable(exc, where, label)
    if not isinstance(exc, openai.APIStatusError):
        if _is_connection_error(exc):
            return unavailable(exc, where, label)
        return StudioError(translate("Providers", "{provider} failed: {reason}").format(
            provider=label, reason=_reason(exc)))
    message, code = _body_message(exc.body, exc.message)
    status = exc.status_code
    if status == 401:
        return StudioError(
            translate("Providers", "{provider} did not accept the API key.").format(provider=label),
            translate("Providers", "Check the key in the Fine-tune tab → Providers… (or the OPENAI_API_KEY "
                                   "variable) and try again."),
        )
    if status == 429 and (code == "insufficient_quota" or "quota" in message.lower()):
        return StudioError(
            translate("Providers", "The {provider} account has no credit or quota left.").format(
                provider=label),
            translate("Providers", "Add a payment method or raise the quota on the provider's "
                                   "billing page, then try again."),
        )
    if status == 429:
        return too_many_requests(label, _retry_after(exc.response))
    if status == 408:
        return unavailable(TimeoutError(), where, label)
    if tuning and (status == 403 or "fine-tun" in message.lower() and status in (400, 404)):
        return StudioError(
            translate("Providers", "OpenAI refused to start fine-tuning for this account: {message}")
            .format(message=message),
            translate("Providers", "OpenAI no longer takes new fine-tuning customers and stops "
                                   "all new jobs on {date}. Use Vertex AI or local training "
                                   "instead; chatting with models you already tuned still works.")
            .format(date=OPENAI_TUNING_END),
        )
    if status == 403:
        return StudioError(
            translate("Providers", "{provider} denied access: {message}").format(
                provider=label, message=message),
            translate("Providers", "Check that the key belongs to a project allowed to do this."),
        )
    if status == 404:
        return StudioError(
            translate("Providers", "{provider} could not find it: {message}").format(
                provider=label, message=message),
            translate("Providers", "Check the model name or job; it may have been deleted."),
        )
    if status >= 500:
        return server_problem(label, _retry_after(exc.response))
    return StudioError(
        translate("Providers", "{provider} rejected the request: {message}").format(
            provider=label, message=message),
    )


def google_error(exc: BaseException, label: str, *, where: str = "") -> StudioError:
    """A plain-words error for google-genai, google-auth and google-cloud-storage exceptions."""
    from google.api_core import exceptions as core_exc
    from google.auth import exceptions as auth_exc
    from google.genai import errors as genai_errors

    if isinstance(exc, StudioError):
        return exc
    if isinstance(exc, core_exc.RetryError):
        # api_core gave up retrying: what matters is the last failure it saw.
        if exc.cause is not None and exc.cause is not exc:
            return google_error(exc.cause, label, where=where)
        return unavailable(TimeoutError(), where, label)
    if isinstance(exc, auth_exc.TransportError):
        # The token endpoint could not be reached: a network problem, not bad credentials.
        return unavailable(exc.__cause__ or exc, where, label)
    if isinstance(exc, auth_exc.RefreshError) and getattr(exc, "retryable", False):
        return ProviderUnavailable(
            translate("Providers", "Google's sign-in service is not answering right now."),
            translate("Providers", "It will be tried again. Nothing was lost."),
        )
    if isinstance(exc, auth_exc.DefaultCredentialsError):
        return StudioError(
            translate("Providers", "No Google Cloud credentials were found."),
            translate("Providers", "Choose a service-account key file in the Fine-tune tab → Providers…, "
                                   "or sign in with “gcloud auth application-default login”."),
        )
    if isinstance(exc, auth_exc.RefreshError | auth_exc.GoogleAuthError):
        return StudioError(
            translate("Providers", "Google did not accept the credentials: {reason}").format(
                reason=_reason(exc)),
            translate("Providers", "Check the service-account key file; it may have been revoked "
                                   "or belong to another project."),
        )
    if isinstance(exc, core_exc.Forbidden):
        return StudioError(
            translate("Providers", "No permission to use the Cloud Storage bucket: {reason}").format(
                reason=getattr(exc, "message", exc)),
            translate("Providers", "Give the service account the “Storage Object Admin” role on "
                                   "the bucket, or choose another bucket in Settings."),
        )
    if isinstance(exc, core_exc.NotFound):
        return StudioError(
            translate("Providers", "The Cloud Storage bucket was not found: {reason}").format(
                reason=getattr(exc, "message", exc)),
            translate("Providers", "Check the bucket name in the Fine-tune tab → Providers…; create the "
                                   "bucket in the Google Cloud console if needed."),
        )
    if isinstance(exc, core_exc.TooManyRequests | core_exc.ServerError):
        return ProviderUnavailable(
            translate("Providers", "{provider} is busy or had a problem on its side: {reason}")
            .format(provider=label, reason=getattr(exc, "message", None) or _reason(exc)),
            translate("Providers", "It will be tried again. Nothing was lost."),
            retry_after=_retry_after(getattr(exc, "response", None)),
        )
    if isinstance(exc, core_exc.GoogleAPICallError):
        return StudioError(
            translate("Providers", "Cloud Storage failed: {reason}").format(
                reason=getattr(exc, "message", exc)),
            translate("Providers", "Try again in a few minutes."),
        )
    if isinstance(exc, genai_errors.APIError):
        code = int(getattr(exc, "code", 0) or 0)
        message = getattr(exc, "message", None) or str(exc)
        if code == 401:
            return StudioError(
                translate("Providers", "Google did not accept the credentials: {reason}").format(
                    reason=message),
                translate("Providers", "Check the service-account key file in the Fine-tune tab → Providers…"),
            )
        if code == 403:
            return StudioError(
                translate("Providers", "{provider} denied access: {message}").format(
                    provider=label, message=message),
                translate("Providers", "Enable the Vertex AI API for the project and give the "
                                       "account the “Vertex AI User” role."),
            )
        retry_after = _retry_after(getattr(exc, "response", None))
        if code == 429 and "quota" in message.lower():
            # Vertex's quotas are per minute: this passes, so it is retried like a busy server.
            return ProviderUnavailable(
                translate("Providers", "The Vertex AI quota of this project is used up: {message}")
                .format(message=message),
                translate("Providers", "Wait and try again, or ask for a higher quota in the "
                                       "Google Cloud console."),
                retry_after=retry_after,
            )
        if code == 429:
            return too_many_requests(label, retry_after)
        if code == 408:
            return unavailable(TimeoutError(), where, label)
        if code == 404:
            return StudioError(
                translate("Providers", "{provider} could not find it: {message}").format(
                    provider=label, message=message),
                translate("Providers", "Check the project, region and model name."),
            )
        if code >= 500:
            return server_problem(label, retry_after)
        return StudioError(
            translate("Providers", "{provider} rejected the request: {message}").format(
                provider=label, message=message),
        )
    if _is_connection_error(exc):
        return unavailable(exc, where, label)
    return StudioError(translate("Providers", "{provider} failed: {reason}").format(
        provider=label, reason=_reason(exc)))


def _is_connection_error(exc: BaseException) -> bool:
    import requests

    kinds: tuple[type[BaseException], ...] = (OSError, TimeoutError, requests.ConnectionError,
                                              requests.Timeout)
    try:
        import httpx2
        kinds += (httpx2.TransportError,)
    except ImportError:  # pragma: no cover - httpx2 ships with the SDKs we use
        pass
    try:
        import httpx
        kinds += (httpx.TransportError,)
    except ImportError:  # pragma: no cover - an SDK may use httpx2 only
        pass
    try:
        # Installed with the Fireworks SDK; google-genai's async client then sends through it.
        # A server that hangs up ("Server disconnected") or a body cut short is no OSError.
        import aiohttp
        kinds += (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)
    except ImportError:  # pragma: no cover - aiohttp comes with fireworks-ai
        pass
    return isinstance(exc, kinds)


def _is_timeout(exc: BaseException) -> bool:
    import requests

    if isinstance(exc, TimeoutError | requests.Timeout):
        return True
    return "timeout" in type(exc).__name__.lower()


def _reason(exc: BaseException) -> str:
    """The readable part of an exception: google-auth puts (message, response body) in
    ``args``, and ``str`` of that shows a raw Python tuple."""
    args = getattr(exc, "args", ())
    if len(args) > 1 and isinstance(args[0], str):
        return args[0]
    text = str(exc)
    return text or type(exc).__name__


def _retry_after(response: Any) -> float | None:
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    try:
        return retry_after_seconds(headers.get("retry-after"))
    except Exception:  # an odd header must never hide the error itself
        return None


def unavailable(exc: BaseException, where: str, label: str) -> StudioError:
    """``ProviderUnavailable`` for a dropped connection or a timeout, said plainly."""
    if _is_timeout(exc):
        return ProviderUnavailable(
            translate("Providers", "{where} did not answer in time.").format(where=where or label),
            translate("Providers", "The connection may be slow or the server busy; it will be "
                                   "tried again. Nothing was lost."),
        )
    return connection_error(where or label)


# Where a curator asks for Yandex AI Studio's tuning Preview (it is given on request).
YANDEX_CONSOLE_URL = "https://console.yandex.cloud/link/ai-studio"


def yandex_error(exc: BaseException, *, folder_id: str = "", tuning: bool = False,
                 where: str = "") -> StudioError:
    """A plain-words error for yandex-ai-studio-sdk exceptions (gRPC codes, dataset
    validation, a failed operation) and for its OpenAI-compatible chat endpoint.

    ``tuning`` marks calls of the tuning service, where a refusal means the folder has no
    access to tuning yet (a Preview given on request); elsewhere it means a wrong folder.
    """
    import grpc
    import openai
    from yandex_ai_studio_sdk import exceptions as yc_exc

    label = "Yandex AI Studio"
    if isinstance(exc, StudioError):
        return exc
    if isinstance(exc, yc_exc.DatasetValidationError):
        problems = "; ".join(_dataset_problem(error) for error in exc.errors[:5])
        return StudioError(
            translate("Providers", "Yandex AI Studio refused the dataset: {problems}").format(
                problems=problems or "?"),
            translate("Providers", "Fix these examples (the rows are counted from 1) or export the "
                                   "snapshot again in Yandex's format, then launch again."),
        )
    if isinstance(exc, yc_exc.RunError):
        return StudioError(translate("Providers", "Yandex AI Studio stopped the operation: "
                                                  "{message}").format(message=exc.message or "?"))
    if isinstance(exc, openai.APIStatusError):
        # The chat endpoint answers like OpenAI, but its keys and folders are Yandex's.
        code = {401: grpc.StatusCode.UNAUTHENTICATED,
                403: grpc.StatusCode.PERMISSION_DENIED}.get(exc.status_code)
        if code is None:
            return openai_error(exc, label, where=where)
        return _yandex_code_error(code, exc.message, folder_id, tuning=False, where=where)
    if isinstance(exc, openai.APIError):
        return openai_error(exc, label, where=where)
    if isinstance(exc, grpc.RpcError) and hasattr(exc, "code"):
        return _yandex_code_error(exc.code(), exc.details() or "", folder_id, tuning=tuning,
                                  where=where)
    if isinstance(exc, yc_exc.AIStudioError):
        return StudioError(translate("Providers", "{provider} failed: {reason}").format(
            provider=label, reason=_reason(exc)))
    if _is_connection_error(exc) or isinstance(exc, TimeoutError):
        return unavailable(exc, where, label)
    return StudioError(translate("Providers", "{provider} failed: {reason}").format(
        provider=label, reason=_reason(exc)))


def _dataset_problem(error: Any) -> str:
    rows = ", ".join(str(row) for row in list(error.rows)[:10])
    text = error.description or error.error
    if not rows:
        return text
    return translate("Providers", "{problem} (rows {rows})").format(problem=text, rows=rows)


def _yandex_code_error(code: Any, details: str, folder_id: str, *, tuning: bool,
                       where: str) -> StudioError:
    import grpc

    label = "Yandex AI Studio"
    codes = grpc.StatusCode
    if code == codes.UNAUTHENTICATED:
        return StudioError(
            translate("Providers", "Yandex AI Studio did not accept the API key."),
            translate("Providers", "Check the service account's API key in the Fine-tune tab → "
                                   "Providers… (or the YC_API_KEY variable): copy it again from "
                                   "the Yandex Cloud console, it may have been deleted."),
        )
    if code == codes.PERMISSION_DENIED and tuning:
        return StudioError(
            translate("Providers", "The folder {folder} has no access to fine-tuning in Yandex AI "
                                   "Studio yet.").format(folder=folder_id),
            translate("Providers", "Fine-tuning is a Preview that Yandex opens on request: open "
                                   "{url}, choose the folder, and send the access request for "
                                   "model tuning. Also check that the service account has the "
                                   "“ai.editor” role.").format(url=YANDEX_CONSOLE_URL),
        )
    if code in (codes.PERMISSION_DENIED, codes.NOT_FOUND) and not tuning:
        return StudioError(
            translate("Providers", "Yandex AI Studio refused access to the folder {folder}.").format(
                folder=folder_id),
            translate("Providers", "Check the folder id (it starts with “b1g”; it is on the "
                                   "folder's page in the Yandex Cloud console) and that the "
                                   "service account has the “ai.editor” role in that folder."),
        )
    if code == codes.NOT_FOUND:
        return StudioError(
            translate("Providers", "{provider} could not find it: {message}").format(
                provider=label, message=details),
            translate("Providers", "Check the model name or job; it may have been deleted."),
        )
    if code == codes.RESOURCE_EXHAUSTED:
        return too_many_requests(label)
    if code == codes.DEADLINE_EXCEEDED:
        return unavailable(TimeoutError(details), where, label)
    if code in (codes.UNAVAILABLE, codes.CANCELLED):
        return connection_error(where or label)
    if code in (codes.INTERNAL, codes.UNKNOWN, codes.ABORTED):
        return server_problem(label)
    return StudioError(
        translate("Providers", "{provider} rejected the request: {message}").format(
            provider=label, message=details),
    )


def cut_off_error(label: str) -> StudioError:
    """A streamed answer that stopped before its end (the connection dropped mid-reply)."""
    return ProviderUnavailable(
        translate("Providers", "The connection to {provider} dropped before the answer was "
                               "complete.").format(provider=label),
        translate("Providers", "Check the connection and ask again."),
    )


def rest_error(exc: BaseException, label: str, *, key_hint: str, where: str = "",
               tuning: bool = False) -> StudioError:
    """A plain-words error for the Stainless-generated SDKs of Together AI and Fireworks AI
    (and OpenAI's, when it talks to their OpenAI-compatible endpoints): the same exception
    shapes (``status_code``, ``body``, ``response``) under each SDK's own classes.

    ``key_hint`` says where the key is set; ``tuning`` marks calls that start a fine-tune,
    where 402 and a quota mean the account has no credit for it.
    """
    if isinstance(exc, StudioError):
        return exc
    names = {cls.__name__ for cls in type(exc).__mro__}
    status = getattr(exc, "status_code", None)
    if "APIConnectionError" in names or (status is None and _is_connection_error(exc)):
        return unavailable(exc, where, label)
    if not isinstance(status, int):
        return StudioError(translate("Providers", "{provider} failed: {reason}").format(
            provider=label, reason=_reason(exc)))
    message, code = _body_message(getattr(exc, "body", None),
                                  getattr(exc, "message", "") or str(exc))
    if isinstance(getattr(exc, "body", None), dict) and not message:
        message = str(exc.body.get("message") or exc.body.get("detail") or "")
    if status == 401:
        return StudioError(
            translate("Providers", "{provider} did not accept the API key.").format(provider=label),
            key_hint)
    if status == 402 or status == 429 and ("quota" in message.lower() or
                                           "credit" in message.lower()):
        return StudioError(
            translate("Providers", "The {provider} account has no credit or quota left.").format(
                provider=label),
            translate("Providers", "Add a payment method or raise the quota on the provider's "
                                   "billing page, then try again."))
    if status == 429:
        return too_many_requests(label, _retry_after(getattr(exc, "response", None)))
    if status == 408:
        return unavailable(TimeoutError(), where, label)
    if status == 403:
        return StudioError(
            translate("Providers", "{provider} denied access: {message}").format(
                provider=label, message=message),
            translate("Providers", "Check that the key belongs to an account allowed to do this."))
    if status == 404:
        return StudioError(
            translate("Providers", "{provider} could not find it: {message}").format(
                provider=label, message=message),
            translate("Providers", "Check the model name or job; it may have been deleted."))
    if status >= 500:
        return server_problem(label, _retry_after(getattr(exc, "response", None)))
    return StudioError(
        translate("Providers", "{provider} rejected the request: {message}").format(
            provider=label, message=message),
        translate("Providers", "Check the base model and the options, then launch again.")
        if tuning else "")
