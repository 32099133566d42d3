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
    t = translate
    return {
        # What the pair is (the question and answer signals).
        "no_question": t("QualityReason", "The member did not ask anything"),
        "question_social": t("QualityReason",
                             "The member thanked, greeted, reported or shared something"),
        "answer_social": t("QualityReason", "The answer is a thank-you, praise or a greeting"),
        "answer_deferred": t("QualityReason",
                             "The answer puts the question off, sends it elsewhere or asks back"),
        "moderation": t("QualityReason", "The answer is moderation, not an answer"),
        "off_topic": t("QualityReason", "The answer does not address the question"),
        "uninformative": t("QualityReason", "The answer gives no advice or explanation"),
        # Form.
        "media_only": t("QualityReason", "A photo, voice message or file without text"),
        "emoji_only": t("QualityReason", "The answer is only emoji"),
        "greeting_only": t("QualityReason", "The answer is only a greeting or thanks"),
        "link_only": t("QualityReason", "The answer is only a link"),
        "advertising": t("QualityReason", "Looks like advertising"),
        "too_short": t("QualityReason", "The answer is very short"),
        "question_too_short": t("QualityReason", "The question is very short"),
        "too_long": t("QualityReason", "The answer is very long"),
        "language_mismatch": t("QualityReason", "The question and answer are in different languages"),
        "duplicate": t("QualityReason", "The same question appears elsewhere"),
        "near_duplicate": t("QualityReason", "A very similar question appears earlier"),
        "low_confidence": t("QualityReason", "Paired by time, not by a reply"),
        # Codes of earlier versions.
        "short_answer": t("QualityReason", "The answer is very short"),
        "long_answer": t("QualityReason", "The answer is very long"),
        "short_question": t("QualityReason", "The question is very short"),
        "media": t("QualityReason", "The answer refers to a photo or a file"),
        "forwarded": t("QualityReason", "The answer is a forwarded message"),
        "implicit": t("QualityReason", "Paired by time, not by a reply"),
        "pii": t("QualityReason", "Contains personal data"),
        "personal_data": t("QualityReason", "Contains personal data"),
        "greeting": t("QualityReason", "The answer is only a greeting or thanks"),
        "thanks": t("QualityReason", "The answer is only a greeting or thanks"),
        "multi_message": t("QualityReason", "The answer was joined from several messages"),
        "edited_later": t("QualityReason", "The message was edited after sending"),
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
