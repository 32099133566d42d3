"""Blind votes as preference pairs for DPO fine-tuning (OpenAI's preference JSONL format).

Each line: ``{"input": {"messages": [...]}, "preferred_output": [{"role": "assistant", ...}],
"non_preferred_output": [{"role": "assistant", ...}]}``. Only votes with a winner give a
pair; ties and "both bad" say nothing about which answer is preferred.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

_INPUT_ROLES = {"system", "user", "assistant"}


def dpo_records(project: Project) -> list[dict]:
    """The preference pairs from the project's decisive votes, oldest first."""
    records = []
    for row in project.conn.execute(
        "SELECT prompt, answer_a, answer_b, winner FROM votes WHERE winner IN ('a', 'b')"
        " ORDER BY id"
    ):
        messages = [{"role": m["role"], "content": m["content"]}
                    for m in json.loads(row["prompt"]) if m.get("content")]
        preferred, other = ((row["answer_a"], row["answer_b"]) if row["winner"] == "a"
                            else (row["answer_b"], row["answer_a"]))
        if not preferred.strip() or not other.strip() or preferred == other:
            continue  # an empty or identical answer teaches nothing
        records.append({
            "input": {"messages": messages},
            "preferred_output": [{"role": "assistant", "content": preferred}],
            "non_preferred_output": [{"role": "assistant", "content": other}],
        })
    return records


def export_dpo(project: Project, path: Path | str) -> int:
    """Write the preference pairs to ``path`` (JSONL); returns how many were written."""
    records = dpo_records(project)
    if not records:
        raise StudioError(
            translate("Chat", "There are no votes with a winner to export yet."),
            translate("Chat", "Vote for A or B in blind comparison first; ties and “both bad” "
                              "are not exported."),
        )
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StudioError(
            translate("Chat", "The file {path} could not be written: {reason}").format(
                path=path, reason=exc.strerror or exc),
            translate("Chat", "Choose another folder."),
        ) from exc
    return len(records)


@dataclass
class DpoReport:
    lines: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.lines > 0


def _check_output(value: object, key: str, n: int, errors: list[str]) -> str | None:
    if (not isinstance(value, list) or len(value) != 1 or not isinstance(value[0], dict)
            or value[0].get("role") != "assistant"
            or not isinstance(value[0].get("content"), str) or not value[0]["content"].strip()):
        errors.append(translate("Chat", "Line {n}: “{key}” must be one assistant message with "
                                        "text.").format(n=n, key=key))
        return None
    return value[0]["content"]


def validate_dpo_file(path: Path | str) -> DpoReport:
    """Check a preference JSONL file line by line, as the fine-tuning service would."""
    report = DpoReport()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.errors.append(translate("Chat", "The file cannot be read: {reason}").format(reason=exc))
        return report
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        report.lines += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            report.errors.append(translate("Chat", "Line {n} is not valid JSON.").format(n=n))
            continue
        if not isinstance(record, dict) or set(record) - {"input", "preferred_output",
                                                           "non_preferred_output"}:
            report.errors.append(translate("Chat", "Line {n} has unexpected keys.").format(n=n))
            continue
        messages = (record.get("input") or {}).get("messages") if isinstance(
            record.get("input"), dict) else None
        if (not isinstance(messages, list) or not messages
                or any(not isinstance(m, dict) or m.get("role") not in _INPUT_ROLES
                       or not isinstance(m.get("content"), str) for m in messages)
                or messages[-1].get("role") != "user"):
            report.errors.append(translate("Chat", "Line {n}: the input must be a list of messages "
                                                   "ending with the user's.").format(n=n))
        good = _check_output(record.get("preferred_output"), "preferred_output", n, report.errors)
        bad = _check_output(record.get("non_preferred_output"), "non_preferred_output", n,
                            report.errors)
        if good is not None and good == bad:
            report.errors.append(translate("Chat", "Line {n}: both answers are the same.").format(n=n))
    if report.lines == 0:
        report.errors.append(translate("Chat", "The file has no preference pairs."))
    return report
