"""Per-example format checks for OpenAI chat JSONL, Vertex AI Gemini JSONL and Yandex JSONL.

The OpenAI checks are those of OpenAI's "Data preparation and analysis for chat model
fine-tuning" notebook (same codes), plus a check of the ``weight`` key. The Gemini checks follow
Vertex AI's supervised-tuning data format: a ``contents`` list whose roles start with ``user``,
alternate with ``model`` and end on ``model``, with no empty parts. The Yandex checks follow
Yandex AI Studio's ``TextToTextGeneration`` dataset: a ``request`` list of ``{"role", "text"}``
turns (an optional system turn first, then the member and the persona taking turns, the member
last) and a non-empty ``response`` string. In every format an example must be an exchange: a
member's message with text and, last, the persona's answer with text (``missing_user``).

Each check returns the list of error codes found in one example; ``messages_of`` gives the
example's text as OpenAI-style messages so one token counter serves both formats.
"""

from __future__ import annotations

from typing import Any

OPENAI_MESSAGE_KEYS = {"role", "content", "name", "function_call", "weight", "tool_calls",
                       "tool_call_id", "refusal"}
OPENAI_ROLES = {"system", "user", "assistant", "function", "tool"}
OPENAI_EXAMPLE_KEYS = {"messages", "tools", "parallel_tool_calls", "functions"}
GEMINI_EXAMPLE_KEYS = {"systemInstruction", "system_instruction", "contents", "tools"}
GEMINI_ROLES = {"user", "model"}
YANDEX_ROLES = {"system", "user", "assistant"}


def check_openai(example: Any) -> list[str]:
    """Error codes of one OpenAI chat example."""
    if not isinstance(example, dict):
        return ["data_type"]
    errors: list[str] = []
    if set(example) - OPENAI_EXAMPLE_KEYS:
        errors.append("example_unrecognized_key")
    messages = example.get("messages")
    if not messages or not isinstance(messages, list):
        return [*errors, "missing_messages_list"]
    trained = 0
    for message in messages:
        if not isinstance(message, dict):
            errors.append("message_not_object")
            continue
        if "role" not in message or "content" not in message:
            errors.append("message_missing_key")
        if set(message) - OPENAI_MESSAGE_KEYS:
            errors.append("message_unrecognized_key")
        role = message.get("role")
        if role not in OPENAI_ROLES:
            errors.append("unrecognized_role")
        content = message.get("content")
        calls = message.get("function_call") or message.get("tool_calls")
        blank = not (content.strip() if isinstance(content, str) else content)
        if (blank and not calls) or not isinstance(content, str | None):
            errors.append("missing_content")
        if "weight" in message:
            if role != "assistant" or message["weight"] not in (0, 1) or isinstance(message["weight"], bool):
                errors.append("invalid_weight")
        if role == "assistant" and message.get("weight", 1) != 0:
            trained += 1
    roles = [m.get("role") for m in messages if isinstance(m, dict)]
    # A training example is an exchange: the member speaks, and the persona answers last.
    if "user" not in roles:
        errors.append("missing_user")
    if "assistant" not in roles:
        errors.append("example_missing_assistant_message")
    elif roles[-1] != "assistant":
        errors.append("not_ending_with_assistant")
    elif trained == 0:
        errors.append("no_trained_assistant_message")
    return list(dict.fromkeys(errors))


def _part_texts(parts: Any) -> tuple[list[str], bool]:
    """The texts of a Gemini ``parts`` list, and whether any part is empty or malformed."""
    if not isinstance(parts, list) or not parts:
        return [], True
    texts, bad = [], False
    for part in parts:
        if not isinstance(part, dict):
            bad = True
            continue
        text = part.get("text")
        if isinstance(text, str) and text.strip():
            texts.append(text)
        elif not part.get("fileData") and not part.get("file_data"):
            bad = True
    return texts, bad


def check_vertex(example: Any) -> list[str]:
    """Error codes of one Vertex AI Gemini example."""
    if not isinstance(example, dict):
        return ["data_type"]
    errors: list[str] = []
    if set(example) - GEMINI_EXAMPLE_KEYS:
        errors.append("example_unrecognized_key")
    system = example.get("systemInstruction", example.get("system_instruction"))
    if system is not None:
        if not isinstance(system, dict):
            errors.append("invalid_system_instruction")
        elif _part_texts(system.get("parts"))[1]:
            errors.append("empty_part")
    contents = example.get("contents")
    if not contents or not isinstance(contents, list):
        return [*errors, "missing_contents"]
    roles = []
    for content in contents:
        if not isinstance(content, dict) or "role" not in content or "parts" not in content:
            errors.append("content_missing_key")
            roles.append(None)
            continue
        role = content.get("role")
        roles.append(role)
        if role not in GEMINI_ROLES:
            errors.append("unrecognized_role")
        if _part_texts(content.get("parts"))[1]:
            errors.append("empty_part")
    if "user" not in roles:
        errors.append("missing_user")
    elif roles[0] != "user":
        errors.append("not_starting_with_user")
    if any(a == b and a is not None for a, b in zip(roles, roles[1:], strict=False)):
        errors.append("roles_not_alternating")
    if "model" not in roles:
        errors.append("example_missing_model_message")
    elif roles[-1] != "model":
        errors.append("not_ending_with_model")
    return list(dict.fromkeys(errors))


def _yandex_order_ok(roles: list[str]) -> bool:
    """System first if at all, then user/assistant alternating, starting and ending with user."""
    if roles and roles[0] == "system":
        roles = roles[1:]
    if not roles or roles[-1] != "user":
        return False
    return all(role == ("user" if i % 2 == 0 else "assistant") for i, role in enumerate(roles))


def check_yandex(example: Any) -> list[str]:
    """Error codes of one Yandex AI Studio example."""
    if not isinstance(example, dict):
        return ["data_type"]
    errors: list[str] = []
    request = example.get("request")
    response = example.get("response")
    if not isinstance(response, str) or not response.strip():
        errors.append("missing_response")
    if not request or not isinstance(request, list):
        return ["missing_request", *errors]
    roles: list[str] = []
    for turn in request:
        if not isinstance(turn, dict) or "role" not in turn or "text" not in turn:
            errors.append("request_turn_malformed")
            continue
        role = turn.get("role")
        if role not in YANDEX_ROLES:
            errors.append("unrecognized_role")
            continue
        roles.append(role)
        text = turn.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append("empty_text")
    if "user" not in roles:
        errors.append("missing_user")
    elif not _yandex_order_ok(roles):
        errors.append("request_out_of_order")
    return list(dict.fromkeys(errors))


def messages_of(fmt: str, example: Any) -> list[dict[str, Any]]:
    """The example's messages as OpenAI-style dicts (for token counting and statistics)."""
    if not isinstance(example, dict):
        return []
    if fmt == "yandex":
        request = example.get("request")
        out = [{"role": turn.get("role"), "content": turn["text"]}
               for turn in (request if isinstance(request, list) else [])
               if isinstance(turn, dict) and isinstance(turn.get("text"), str)]
        if isinstance(example.get("response"), str):
            out.append({"role": "assistant", "content": example["response"]})
        return out
    if fmt != "vertex":
        messages = example.get("messages")
        return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []
    out: list[dict[str, Any]] = []
    system = example.get("systemInstruction", example.get("system_instruction"))
    if isinstance(system, dict):
        texts = _part_texts(system.get("parts"))[0]
        if texts:
            out.append({"role": "system", "content": "\n".join(texts)})
    contents = example.get("contents")
    if isinstance(contents, list):
        for content in contents:
            if isinstance(content, dict):
                role = "assistant" if content.get("role") == "model" else "user"
                out.append({"role": role, "content": "\n".join(_part_texts(content.get("parts"))[0])})
    return out
