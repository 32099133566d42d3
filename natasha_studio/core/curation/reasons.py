"""Readable text for quality reason codes.

Extraction stores reasons as short codes (``pairs.quality_reasons``); the ones known here get
a sentence, any other code is shown as it is.
"""

from __future__ import annotations

from natasha_studio.core.i18n import translate


def reason_text(code: str) -> str:
    """A short explanation of a quality reason code, or the code itself if unknown."""
    known = {
        "short_answer": translate("QualityReason", "The answer is very short"),
        "long_answer": translate("QualityReason", "The answer is very long"),
        "short_question": translate("QualityReason", "The question is very short"),
        "no_question": translate("QualityReason", "The question is not really a question"),
        "link_only": translate("QualityReason", "The answer is only a link"),
        "emoji_only": translate("QualityReason", "The answer is only emoji"),
        "media": translate("QualityReason", "The answer refers to a photo or a file"),
        "forwarded": translate("QualityReason", "The answer is a forwarded message"),
        "implicit": translate("QualityReason", "Paired by time, not by a reply"),
        "low_confidence": translate("QualityReason", "The pairing is uncertain"),
        "duplicate": translate("QualityReason", "The same question appears elsewhere"),
        "pii": translate("QualityReason", "Contains personal data"),
        "personal_data": translate("QualityReason", "Contains personal data"),
        "greeting": translate("QualityReason", "The answer is only a greeting or thanks"),
        "thanks": translate("QualityReason", "The answer is only a greeting or thanks"),
        "multi_message": translate("QualityReason", "The answer was joined from several messages"),
        "edited_later": translate("QualityReason", "The message was edited after sending"),
    }
    return known.get(code, code)
