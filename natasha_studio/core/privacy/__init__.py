"""Privacy: find community members' personal data in pairs and pseudonymise it.

Detection combines labelled sources (participants' names in every inflected form, the
persona, a deny-list, patterns for phones/e-mails/@mentions/profile links/cards/addresses,
natasha's Russian NER, and name dictionaries); results are cached per pair.

For other parts of the app:

- ``privacy_check(project, pair_ids) -> PrivacyReport``: run before an export or a fine-tune
  launch; warn when ``not report.clean`` with ``report.summary()`` (counts per kind) and a link
  to ``report.pair_ids``. Runs in a worker thread with its own ``Project.open(path)``.
- ``findings_for_pair`` / ``flagged_pair_ids`` / ``HAS_PERSONAL_DATA_SQL``: for highlights and a
  "has personal data" filter; ``refresh_scan`` / ``iter_findings`` for the whole dataset in
  flat memory (``ScanBusy``: another change held the file, try again later).
- ``redact`` / ``preview_redaction`` / ``undo_redaction`` / ``audit_log``.
- ``mark_not_personal`` / ``mark_personal_again`` / ``revert_allow_change``: the allow-list,
  one undoable word at a time.
"""

from natasha_studio.core.privacy.allow_list import (
    AllowListChange,
    is_not_personal,
    mark_not_personal,
    mark_personal_again,
    revert_allow_change,
)
from natasha_studio.core.privacy.findings import KINDS, SOURCES, Finding, kind_label, source_label
from natasha_studio.core.privacy.redact import (
    AuditEntry,
    PairRedaction,
    RedactionResult,
    UndoResult,
    audit_log,
    last_operation,
    plan_redaction,
    preview_redaction,
    redact,
    undo_redaction,
)
from natasha_studio.core.privacy.scan import (
    HAS_PERSONAL_DATA_SQL,
    PrivacyReport,
    ScanBusy,
    ScanSummary,
    findings_for_pair,
    flagged_pair_ids,
    iter_findings,
    privacy_check,
    refresh_scan,
    refresh_summary,
    report_from,
    scan_pairs,
)
from natasha_studio.core.privacy.settings import (
    MODES,
    PrivacySettings,
    load_settings,
    save_settings,
)

__all__ = [
    "HAS_PERSONAL_DATA_SQL", "AllowListChange", "is_not_personal", "mark_not_personal",
    "mark_personal_again", "revert_allow_change", "KINDS", "MODES", "SOURCES", "AuditEntry", "Finding", "PairRedaction",
    "PrivacyReport", "PrivacySettings", "RedactionResult", "ScanBusy", "ScanSummary",
    "UndoResult", "audit_log", "findings_for_pair", "flagged_pair_ids", "iter_findings",
    "kind_label", "last_operation", "load_settings", "plan_redaction", "preview_redaction",
    "privacy_check", "redact", "refresh_scan", "refresh_summary", "report_from",
    "save_settings", "scan_pairs", "source_label", "undo_redaction",
]
