"""Plain-words text for each validation finding (translated when shown)."""

from __future__ import annotations

from natasha_studio.core.i18n import translate


def issue_text(code: str, n: int) -> str:
    """What the finding ``code``, met in ``n`` examples (or once for file-wide findings), means."""
    texts = {
        "invalid_json": lambda: translate("Validation", "%n lines are not valid JSON.", None, n),
        "data_type": lambda: translate("Validation", "%n examples are not JSON objects.", None, n),
        "example_unrecognized_key": lambda: translate(
            "Validation", "%n examples have keys the provider does not know.", None, n),
        "missing_messages_list": lambda: translate(
            "Validation", "%n examples have no \u201cmessages\u201d list, or it is empty.", None, n),
        "message_not_object": lambda: translate(
            "Validation", "%n examples have a message that is not a JSON object.", None, n),
        "message_missing_key": lambda: translate(
            "Validation", "%n examples have a message without a role or content.", None, n),
        "message_unrecognized_key": lambda: translate(
            "Validation", "%n examples have a message with an unknown key.", None, n),
        "unrecognized_role": lambda: translate(
            "Validation", "%n examples have a message with an unknown role.", None, n),
        "missing_content": lambda: translate(
            "Validation", "%n examples have a message with empty or non-text content.", None, n),
        "invalid_weight": lambda: translate(
            "Validation", "%n examples have a \u201cweight\u201d that is not 0 or 1 on an assistant message.",
            None, n),
        "example_missing_assistant_message": lambda: translate(
            "Validation", "%n examples have no answer of the persona (assistant message).", None, n),
        "no_trained_assistant_message": lambda: translate(
            "Validation", "%n examples have every answer switched off (weight 0), so they teach nothing.",
            None, n),
        "invalid_system_instruction": lambda: translate(
            "Validation", "%n examples have a malformed system instruction.", None, n),
        "missing_contents": lambda: translate(
            "Validation", "%n examples have no \u201ccontents\u201d list, or it is empty.", None, n),
        "content_missing_key": lambda: translate(
            "Validation", "%n examples have a turn without a role or parts.", None, n),
        "empty_part": lambda: translate("Validation", "%n examples have an empty text part.", None, n),
        "not_starting_with_user": lambda: translate(
            "Validation", "%n examples do not start with a member's message (role \u201cuser\u201d).",
            None, n),
        "roles_not_alternating": lambda: translate(
            "Validation", "%n examples have two turns in a row from the same side.", None, n),
        "example_missing_model_message": lambda: translate(
            "Validation", "%n examples have no answer of the persona (role \u201cmodel\u201d).", None, n),
        "not_ending_with_model": lambda: translate(
            "Validation", "%n examples do not end with the persona's answer.", None, n),
        "example_too_long": lambda: translate(
            "Validation", "%n examples are longer than the model's limit per example.", None, n),
        "over_token_limit": lambda: translate(
            "Validation", "%n examples are longer than the model's limit and will be cut from the end.",
            None, n),
        "missing_system": lambda: translate("Validation", "%n examples have no system prompt.", None, n),
        "missing_user": lambda: translate("Validation", "%n examples have no member's message.", None, n),
        "empty_file": lambda: translate("Validation", "The file has no examples.", None),
        "too_few_examples": lambda: translate(
            "Validation", "Only %n examples: the provider needs more to start a fine-tune.", None, n),
        "few_examples": lambda: translate(
            "Validation", "Only %n examples: results are usually better with more.", None, n),
        "too_many_examples": lambda: translate(
            "Validation", "%n examples are more than the provider accepts in one file.", None, n),
        "file_too_large": lambda: translate("Validation", "The file is larger than the provider accepts.", None),
        "validation_empty": lambda: translate("Validation", "The validation set is empty.", None),
        "validation_small": lambda: translate(
            "Validation", "The validation set has only %n examples, so its loss will say little.",
            None, n),
        "validation_too_large": lambda: translate(
            "Validation", "The validation set has %n examples, more than the provider accepts.",
            None, n),
        "validation_errors": lambda: translate(
            "Validation", "%n examples of the validation file have errors.", None, n),
        "personal_data": lambda: translate(
            "Validation", "%n pairs still contain personal data (names, phone numbers, e-mails\u2026).",
            None, n),
    }
    make = texts.get(code)
    return make() if make else code


def issue_hint(code: str) -> str:
    """What to do about a finding, where there is something to do."""
    hints = {
        "too_few_examples": lambda: translate("Validation", "Approve more pairs, then freeze a new snapshot."),
        "few_examples": lambda: translate("Validation", "Approve more pairs if you have them."),
        "over_token_limit": lambda: translate("Validation", "Shorten or split the longest pairs."),
        "example_too_long": lambda: translate("Validation", "Shorten or split the longest pairs."),
        "validation_empty": lambda: translate("Validation", "Freeze the snapshot with a validation share above 0%."),
        "validation_small": lambda: translate("Validation", "Raise the validation share when freezing the snapshot."),
        "personal_data": lambda: translate("Validation", "Open the Pairs tab and redact them before training."),
        "missing_system": lambda: translate("Validation", "Set the system prompt in the project settings."),
        "file_too_large": lambda: translate("Validation", "Freeze a smaller snapshot."),
        "too_many_examples": lambda: translate("Validation", "Freeze a smaller snapshot."),
    }
    make = hints.get(code)
    return make() if make else ""
