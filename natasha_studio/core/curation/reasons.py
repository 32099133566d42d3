"""Readable text for quality reason codes.

Extraction stores reasons as short codes (``pairs.quality_reasons``, see
``core/dataset/quality_model``). Every code any version has stored gets a sentence, so a
project scored by an older version reads as well as a new one; a code not known here (from a
newer version) is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project


def _labels() -> dict[str, str]:
    return {
        # What the pair is (the question and answer signals).
        "no_question": translate("QualityReason", "The member did not ask anything"),
        "question_social": translate("QualityReason",
                             "The member thanked, greeted, reported or shared something"),
        "answer_social": translate("QualityReason", "The answer is a thank-you, praise or a greeting"),
        "answer_deferred": translate("QualityReason",
                             "The answer puts the question off, sends it elsewhere or asks back"),
        "moderation": translate("QualityReason", "The answer is moderation, not an answer"),
        "off_topic": translate("QualityReason", "The answer does not address the question"),
        "uninformative": translate("QualityReason", "The answer gives no advice or explanation"),
        # Form.
        "media_only": translate("QualityReason", "A photo, voice message or file without text"),
        "emoji_only": translate("QualityReason", "The answer is only emoji"),
        "greeting_only": translate("QualityReason", "The answer is only a greeting or thanks"),
        "link_only": translate("QualityReason", "The answer is only a link"),
        "advertising": translate("QualityReason", "Looks like advertising"),
        "too_short": translate("QualityReason", "The answer is very short"),
        "question_too_short": translate("QualityReason", "The question is very short"),
        "too_long": translate("QualityReason", "The answer is very long"),
        "language_mismatch": translate("QualityReason", "The question and answer are in different languages"),
        "duplicate": translate("QualityReason", "The same question appears elsewhere"),
        "near_duplicate": translate("QualityReason", "A very similar question appears earlier"),
        "low_confidence": translate("QualityReason", "Paired by time, not by a reply"),
        # Codes of earlier versions.
        "short_answer": translate("QualityReason", "The answer is very short"),
        "long_answer": translate("QualityReason", "The answer is very long"),
        "short_question": translate("QualityReason", "The question is very short"),
        "media": translate("QualityReason", "The answer refers to a photo or a file"),
        "forwarded": translate("QualityReason", "The answer is a forwarded message"),
        "implicit": translate("QualityReason", "Paired by time, not by a reply"),
        "pii": translate("QualityReason", "Contains personal data"),
        "personal_data": translate("QualityReason", "Contains personal data"),
        "greeting": translate("QualityReason", "The answer is only a greeting or thanks"),
        "thanks": translate("QualityReason", "The answer is only a greeting or thanks"),
        "multi_message": translate("QualityReason", "The answer was joined from several messages"),
        "edited_later": translate("QualityReason", "The message was edited after sending"),
    }


KNOWN_CODES = frozenset(_labels())


def reason_text(code: str) -> str:
    """A short explanation of a quality reason code, or the code itself if unknown."""
    return _labels().get(code, code)


def stored_reasons(project: Project, ids: Sequence[int]) -> dict[int, list[str]]:
    """The quality reason codes stored with each of the pairs ``ids``."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows = project.conn.execute(
            f"SELECT id, quality_reasons FROM pairs WHERE id IN ({','.join('?' * len(chunk))})",
            chunk)
        out.update((pair_id, json.loads(codes or "[]")) for pair_id, codes in rows)
    return out
