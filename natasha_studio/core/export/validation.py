"""Pre-flight validation of a training file: will the provider accept it, and what will it cost?

``validate_file`` reads an OpenAI, Vertex AI, Yandex AI Studio, Together AI or Fireworks AI
JSONL file and returns a
``ValidationReport``:
errors (the provider would reject the file), warnings (it would be accepted, but something is
off), the notebook's distributions (messages, total tokens and assistant tokens per example),
the examples over the model's token limit, the epochs and billed tokens, and the cost estimate.
Token counts are exact for OpenAI (tiktoken, the model's encoding) and an estimate for Gemini
and YandexGPT, whose tokenizers are not available offline (``tokens_estimated`` says so).

Yandex's limits are per part: the request (system prompt and turns) at most 8,000 tokens, the
response at most 2,000, both together at most 8,000. As they are checked on estimates, examples
within 10 % of a limit get a warning too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.checks import check_openai, check_vertex, check_yandex, messages_of
from natasha_studio.core.export.messages import issue_hint, issue_text
from natasha_studio.core.export.prices import CostEstimate, estimate_cost, load_prices, token_limit
from natasha_studio.core.export.tokens import TokenCounter, encoding_name_for_model
from natasha_studio.core.i18n import translate

VALIDATION_FORMATS = ("openai", "vertex", "yandex", "together", "fireworks")
# Together AI and Fireworks AI take OpenAI's chat JSONL, so they are checked as OpenAI's.
CHECKS: dict[str, Callable[[Any], list[str]]] = {
    "openai": check_openai, "vertex": check_vertex, "yandex": check_yandex,
    "together": check_openai, "fireworks": check_openai}
# Providers that cut an example past the model's limit rather than refuse the file.
TRUNCATING_FORMATS = ("openai", "together", "fireworks")
SMALL_VALIDATION = 10
MAX_LINE_EXAMPLES = 5
# Counts made with another model's tokenizer may be off by this much.
ESTIMATE_MARGIN = 0.9


@dataclass
class Issue:
    """One kind of finding: its code, how many examples have it, and the first line numbers."""

    code: str
    count: int = 1
    lines: list[int] = field(default_factory=list)

    @property
    def message(self) -> str:
        return issue_text(self.code, self.count)

    @property
    def hint(self) -> str:
        return issue_hint(self.code)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "count": self.count, "lines": self.lines,
                "message": self.message, "hint": self.hint}


@dataclass
class Distribution:
    min: float
    max: float
    mean: float
    median: float
    p10: float
    p90: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Distribution | None:
        if not len(values):
            return None
        a = np.asarray(values, dtype=float)
        return cls(float(a.min()), float(a.max()), float(a.mean()), float(np.median(a)),
                   float(np.quantile(a, 0.1)), float(np.quantile(a, 0.9)))


@dataclass
class ValidationReport:
    """The outcome of validating one training file (and its validation file, if any)."""

    path: str
    format: str
    model: str
    n_examples: int = 0
    file_size: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    tokenizer: str = ""
    tokens_estimated: bool = False
    token_limit: int | None = None
    request_token_limit: int | None = None
    response_token_limit: int | None = None
    messages_per_example: Distribution | None = None
    tokens_per_example: Distribution | None = None
    assistant_tokens_per_example: Distribution | None = None
    total_tokens: int = 0
    n_over_limit: int = 0
    n_without_system: int = 0
    n_without_user: int = 0
    epochs: int = 0
    billed_tokens: int = 0
    cost: CostEstimate | None = None
    validation: ValidationReport | None = None
    example_tokens: list[int] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        """No error would make the provider reject the files."""
        return not self.errors

    def add(self, code: str, count: int = 1, lines: Sequence[int] = (), *, error: bool) -> None:
        (self.errors if error else self.warnings).append(Issue(code, count, list(lines)))

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("example_tokens", "validation", "cost",
                                                                     "errors", "warnings")}
        data["ok"] = self.ok
        data["errors"] = [i.to_dict() for i in self.errors]
        data["warnings"] = [i.to_dict() for i in self.warnings]
        data["cost"] = self.cost.to_dict() if self.cost else None
        data["validation"] = self.validation.to_dict() if self.validation else None
        return data


def read_jsonl(path: Path) -> tuple[list[tuple[int, Any]], list[int]]:
    """The parsed lines of a JSONL file (1-based line number, value) and the unparsable lines."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StudioError(
            translate("Validation", "The file {path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or exc),
            translate("Validation", "Check the file name and try again."),
        ) from exc
    parsed, bad = [], []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            parsed.append((number, orjson.loads(line)))
        except orjson.JSONDecodeError:
            bad.append(number)
    return parsed, bad


def _check_examples(report: ValidationReport, items: Sequence[tuple[int, Any]], bad_json: Sequence[int],
                    model: str) -> None:
    """Format checks, token statistics and limits for the parsed examples of one file."""
    fmt = report.format
    check = CHECKS[fmt]
    if bad_json:
        report.add("invalid_json", len(bad_json), bad_json[:MAX_LINE_EXAMPLES], error=True)
    found: dict[str, list[int]] = {}
    for number, example in items:
        for code in check(example):
            found.setdefault(code, []).append(number)
    for code, lines in found.items():
        report.add(code, len(lines), lines[:MAX_LINE_EXAMPLES], error=True)

    encoding = encoding_name_for_model(model if fmt == "openai" else None)
    counter = TokenCounter(encoding)
    report.tokenizer = encoding
    report.tokens_estimated = fmt != "openai"
    all_messages = [messages_of(fmt, example) for _, example in items]
    counter.prime(v for messages in all_messages for m in messages for v in m.values()
                  if isinstance(v, str))
    n_messages, totals, assistant, requests = [], [], [], []
    no_system: list[int] = []
    no_user: list[int] = []
    # An example with no request at all is reported as such, not also as lacking a prompt.
    shapeless = {n for code in ("data_type", "missing_request") for n in found.get(code, ())}
    for (number, example), messages in zip(items, all_messages, strict=True):
        roles = Counter(m.get("role") for m in messages)
        if not roles["system"] and number not in shapeless:
            no_system.append(number)
        if not roles["user"]:
            no_user.append(number)
        n_messages.append(len(messages))
        if fmt == "openai":
            totals.append(counter.count_messages(messages))
        else:
            totals.append(sum(counter.count(m["content"]) for m in messages
                              if isinstance(m.get("content"), str)))
        if fmt == "yandex":
            # Earlier persona turns are context in the request; only the response is trained.
            response = example.get("response") if isinstance(example, dict) else None
            answer = counter.count(response) if isinstance(response, str) else 0
            assistant.append(answer)
            requests.append(totals[-1] - answer)
        else:
            assistant.append(counter.count_assistant(messages))
    report.n_examples = len(items)
    report.example_tokens = totals
    report.total_tokens = int(sum(totals))
    report.messages_per_example = Distribution.of(n_messages)
    report.tokens_per_example = Distribution.of(totals)
    report.assistant_tokens_per_example = Distribution.of(assistant)
    report.n_without_system = len(no_system)
    report.n_without_user = len(no_user)
    if no_system:
        # Yandex needs the system prompt in every example, as it is sent again in chat.
        report.add("system_prompt_required" if fmt == "yandex" else "missing_system",
                   len(no_system), no_system[:MAX_LINE_EXAMPLES], error=fmt == "yandex")
    limit = token_limit(fmt, model)
    report.token_limit = limit
    if fmt == "yandex":
        _check_yandex(report, items, all_messages, requests, assistant)
    elif limit:
        over = [number for (number, _), t in zip(items, totals, strict=True) if t > limit]
        report.n_over_limit = len(over)
        if over:
            # OpenAI cuts long examples; Vertex rejects the job.
            report.add("over_token_limit" if fmt in TRUNCATING_FORMATS else "example_too_long",
                       len(over), over[:MAX_LINE_EXAMPLES], error=fmt not in TRUNCATING_FORMATS)


def _check_yandex(report: ValidationReport, items: Sequence[tuple[int, Any]],
                  all_messages: Sequence[list[dict[str, Any]]], requests: Sequence[int],
                  responses: Sequence[int]) -> None:
    """Yandex's per-part token limits, and one system prompt across the examples."""
    provider = load_prices().provider("yandex")
    request_limit = int(provider.get("max_request_tokens") or 0)
    response_limit = int(provider.get("max_response_tokens") or 0)
    total_limit = report.token_limit or 0
    report.request_token_limit = request_limit or None
    report.response_token_limit = response_limit or None
    found: dict[str, list[int]] = {}
    for (number, _), request, response in zip(items, requests, responses, strict=True):
        parts = ((request, request_limit, "request_too_long"),
                 (response, response_limit, "response_too_long"))
        over = [code for tokens, lim, code in parts if lim and tokens > lim]
        if not over and total_limit and request + response > total_limit:
            over = ["request_response_too_long"]
        for code in over:
            found.setdefault(code, []).append(number)
        near = any(lim and tokens >= lim * ESTIMATE_MARGIN for tokens, lim, _ in parts) or (
            total_limit and request + response >= total_limit * ESTIMATE_MARGIN)
        if over:
            found.setdefault("over", []).append(number)
        elif near:
            found.setdefault("near_token_limit", []).append(number)
    report.n_over_limit = len(found.pop("over", []))
    near_lines = found.pop("near_token_limit", [])
    for code, lines in found.items():
        report.add(code, len(lines), lines[:MAX_LINE_EXAMPLES], error=True)
    if near_lines:
        report.add("near_token_limit", len(near_lines), near_lines[:MAX_LINE_EXAMPLES], error=False)

    prompts = [next((m["content"] for m in messages if m.get("role") == "system"), None)
               for messages in all_messages]
    common = Counter(p for p in prompts if p).most_common(1)
    if common:
        differ = [number for (number, _), p in zip(items, prompts, strict=True)
                  if p and p != common[0][0]]
        if differ:
            report.add("system_prompts_differ", len(differ), differ[:MAX_LINE_EXAMPLES],
                       error=False)


def validate_file(
    path: Path | str,
    fmt: str,
    model: str | None = None,
    *,
    validation_path: Path | str | None = None,
    epochs: int | None = None,
) -> ValidationReport:
    """Validate a training file (and optionally its validation file) for ``fmt`` and ``model``.

    ``fmt`` is "openai", "vertex", "yandex", "together" or "fireworks"; ``model`` defaults to the provider's default model in the
    price table. ``epochs`` None means the provider's default ("auto" for OpenAI).
    """
    if fmt not in VALIDATION_FORMATS:
        raise StudioError(
            translate("Validation", "Files in the format \u201c{format}\u201d cannot be validated.").format(
                format=fmt),
            translate("Validation", "Validate an OpenAI, Vertex AI, Yandex AI Studio, Together AI "
                                    "or Fireworks AI file."),
        )
    prices = load_prices()
    provider = prices.provider(fmt)
    model = model or provider.get("default_model", "")
    path = Path(path)
    report = ValidationReport(path=str(path), format=fmt, model=model)
    items, bad = read_jsonl(path)
    report.file_size = path.stat().st_size
    _check_examples(report, items, bad, model)

    n = report.n_examples
    if n == 0:
        report.add("empty_file", error=True)
    elif n < int(provider.get("min_examples", 10)):
        report.add("too_few_examples", n, error=True)
    elif n < int(provider.get("recommended_examples", 0)):
        report.add("few_examples", n, error=False)
    if provider.get("max_examples") and n > int(provider["max_examples"]):
        report.add("too_many_examples", n, error=True)
    if provider.get("max_file_bytes") and report.file_size > int(provider["max_file_bytes"]):
        report.add("file_too_large", error=True)

    if validation_path is not None:
        vpath = Path(validation_path)
        sub = ValidationReport(path=str(vpath), format=fmt, model=model)
        vitems, vbad = read_jsonl(vpath)
        sub.file_size = vpath.stat().st_size
        _check_examples(sub, vitems, vbad, model)
        report.validation = sub
        vn = sub.n_examples
        if vn == 0:
            report.add("validation_empty", error=True)
        elif vn < SMALL_VALIDATION:
            report.add("validation_small", vn, error=False)
        if provider.get("max_validation_examples") and vn > int(provider["max_validation_examples"]):
            report.add("validation_too_large", vn, error=True)
        bad_examples = sum(1 for _ in sub.errors)
        if bad_examples:
            report.add("validation_errors", max(i.count for i in sub.errors), error=True)

    report.cost = estimate_cost(fmt, model, report.example_tokens, epochs=epochs, prices=prices)
    report.epochs = report.cost.epochs
    report.billed_tokens = report.cost.billed_tokens
    return report
