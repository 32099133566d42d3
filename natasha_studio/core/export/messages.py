"""Plain-words text for each validation finding (translated when shown).

Counted findings go through ``Validation.tr(text, None, n)`` rather than
``translate("Validation", text, None, n)``: lupdate only marks the former as a plural, and a
plural entry is what gives Russian its three forms («1 пример», «2 примера», «5 примеров»).
"""

from __future__ import annotations

from natasha_studio.core.i18n import TranslationContext, translate

# Spelled like its context: lupdate takes the context from the name before ".tr".
Validation = TranslationContext("Validation")


def issue_text(code: str, n: int) -> str:
    """What the finding ``code``, met in ``n`` examples (or once for file-wide findings), means."""
    texts = {
        "invalid_json": lambda: Validation.tr("%n lines are not valid JSON.", None, n),
        "data_type": lambda: Validation.tr("%n examples are not JSON objects.", None, n),
        "example_unrecognized_key": lambda: Validation.tr(
            "%n examples have keys the provider does not know.", None, n),
        "missing_messages_list": lambda: Validation.tr(
            "%n examples have no \u201cmessages\u201d list, or it is empty.", None, n),
        "message_not_object": lambda: Validation.tr(
            "%n examples have a message that is not a JSON object.", None, n),
        "message_missing_key": lambda: Validation.tr(
            "%n examples have a message without a role or content.", None, n),
        "message_unrecognized_key": lambda: Validation.tr(
            "%n examples have a message with an unknown key.", None, n),
        "unrecognized_role": lambda: Validation.tr(
            "%n examples have a message with an unknown role.", None, n),
        "missing_content": lambda: Validation.tr(
            "%n examples have a message with empty or non-text content.", None, n),
        "invalid_weight": lambda: Validation.tr(
            "%n examples have a \u201cweight\u201d that is not 0 or 1 on an assistant message.",
            None, n),
        "example_missing_assistant_message": lambda: Validation.tr(
            "%n examples have no answer of the persona (assistant message).", None, n),
        "no_trained_assistant_message": lambda: Validation.tr(
            "%n examples have every answer switched off (weight 0), so they teach nothing.",
            None, n),
        "invalid_system_instruction": lambda: Validation.tr(
            "%n examples have a malformed system instruction.", None, n),
        "missing_contents": lambda: Validation.tr(
            "%n examples have no \u201ccontents\u201d list, or it is empty.", None, n),
        "content_missing_key": lambda: Validation.tr(
            "%n examples have a turn without a role or parts.", None, n),
        "empty_part": lambda: Validation.tr("%n examples have an empty text part.", None, n),
        "not_starting_with_user": lambda: Validation.tr(
            "%n examples do not start with a member's message (role \u201cuser\u201d).", None, n),
        "roles_not_alternating": lambda: Validation.tr(
            "%n examples have two turns in a row from the same side.", None, n),
        "example_missing_model_message": lambda: Validation.tr(
            "%n examples have no answer of the persona (role \u201cmodel\u201d).", None, n),
        "not_ending_with_model": lambda: Validation.tr(
            "%n examples do not end with the persona's answer.", None, n),
        "example_too_long": lambda: Validation.tr(
            "%n examples are longer than the model's limit per example.", None, n),
        "over_token_limit": lambda: Validation.tr(
            "%n examples are longer than the model's limit and will be cut from the end.",
            None, n),
        "missing_system": lambda: Validation.tr("%n examples have no system prompt.", None, n),
        "missing_user": lambda: Validation.tr(
            "%n examples have no member's message with text, so they teach an answer to "
            "nothing.", None, n),
        "not_ending_with_assistant": lambda: Validation.tr(
            "%n examples do not end with the persona's answer (role \u201cassistant\u201d).",
            None, n),
        "missing_request": lambda: Validation.tr(
            "%n examples have no \u201crequest\u201d list, or it is empty.", None, n),
        "missing_response": lambda: Validation.tr(
            "%n examples have no \u201cresponse\u201d with the persona's answer, or it is empty.",
            None, n),
        "request_turn_malformed": lambda: Validation.tr(
            "%n examples have a request turn that is not an object with \u201crole\u201d and "
            "\u201ctext\u201d.", None, n),
        "empty_text": lambda: Validation.tr("%n examples have a turn with empty text.", None, n),
        "request_out_of_order": lambda: Validation.tr(
            "%n examples have request turns out of order: after the system prompt, the member "
            "and the persona must take turns, starting and ending with the member.", None, n),
        "system_prompt_required": lambda: Validation.tr(
            "%n examples have no system prompt, which Yandex needs in every example and later "
            "in chat.", None, n),
        "system_prompts_differ": lambda: Validation.tr(
            "%n examples have a system prompt different from the others.", None, n),
        "request_too_long": lambda: Validation.tr(
            "%n examples have a request (system prompt, context and question) over 8,000 "
            "tokens, Yandex's limit.", None, n),
        "response_too_long": lambda: Validation.tr(
            "%n examples have an answer over 2,000 tokens, Yandex's limit.", None, n),
        "request_response_too_long": lambda: Validation.tr(
            "%n examples have a request and an answer over 8,000 tokens together, Yandex's "
            "limit.", None, n),
        "near_token_limit": lambda: Validation.tr(
            "%n examples are close to Yandex's token limits; as the counts are estimates, "
            "Yandex may find them too long.", None, n),
        "empty_file": lambda: translate("Validation", "The file has no examples.", None),
        "too_few_examples": lambda: Validation.tr(
            "Only %n examples: the provider needs more to start a fine-tune.", None, n),
        "few_examples": lambda: Validation.tr(
            "Only %n examples: results are usually better with more.", None, n),
        "too_many_examples": lambda: Validation.tr(
            "%n examples are more than the provider accepts in one file.", None, n),
        "file_too_large": lambda: translate(
            "Validation", "The file is larger than the provider accepts.", None),
        "validation_empty": lambda: translate("Validation", "The validation set is empty.", None),
        "validation_small": lambda: Validation.tr(
            "The validation set has only %n examples, so its loss will say little.", None, n),
        "validation_too_large": lambda: Validation.tr(
            "The validation set has %n examples, more than the provider accepts.", None, n),
        "validation_errors": lambda: Validation.tr(
            "%n examples of the validation file have errors.", None, n),
        "personal_data": lambda: Validation.tr(
            "%n pairs still contain personal data (names, phone numbers, e-mails\u2026).",
            None, n),
    }
    make = texts.get(code)
    return make() if make else code


def issue_hint(code: str) -> str:
    """What to do about a finding, where there is something to do."""
    shorten = ("over_token_limit", "example_too_long", "request_too_long", "response_too_long",
               "request_response_too_long")
    if code in shorten:
        return translate("Validation", "Shorten or split the longest pairs.")
    hints = {
        "too_few_examples": lambda: translate(
            "Validation", "Approve more pairs, then freeze a new snapshot."),
        "few_examples": lambda: translate("Validation", "Approve more pairs if you have them."),
        "validation_empty": lambda: translate(
            "Validation", "Freeze the snapshot with a validation share above 0%."),
        "validation_small": lambda: translate(
            "Validation", "Raise the validation share when freezing the snapshot."),
        "personal_data": lambda: translate(
            "Validation", "Open the Pairs tab and redact them before training."),
        "missing_user": lambda: translate(
            "Validation", "Export again from Natasha Studio, which leaves out pairs without a "
            "question, or give these pairs a question (for a photo, describe it in words)."),
        "missing_system": lambda: translate(
            "Validation", "Set the system prompt in the project settings."),
        "system_prompt_required": lambda: translate(
            "Validation", "Set the system prompt in the project settings, then freeze a new "
            "snapshot."),
        "system_prompts_differ": lambda: translate(
            "Validation", "Yandex advises one system prompt for every example and for chat: "
            "clear the pairs' own prompts, then freeze a new snapshot."),
        "near_token_limit": lambda: translate(
            "Validation", "Shorten the longest pairs to be safe, or try the upload as it is."),
        "file_too_large": lambda: translate("Validation", "Freeze a smaller snapshot."),
        "too_many_examples": lambda: translate("Validation", "Freeze a smaller snapshot."),
    }
    make = hints.get(code)
    return make() if make else ""
