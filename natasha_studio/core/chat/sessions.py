"""Chat sessions: side-by-side conversations kept in the project, reopened and exported.

A session has up to four columns, each a model with its own system prompt, temperature and
maximum answer length; every message is committed as it is sent or received, so a session
is never "unsaved". Column settings live in ``chat_sessions.config`` (JSON).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from natasha_studio.core.chat.streaming import ReplyMetrics
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

MAX_COLUMNS = 4
MODES = ("side_by_side", "blind")


@dataclass
class ColumnConfig:
    model_id: int | None = None
    system_prompt: str = ""
    temperature: float = 0.7
    max_tokens: int = 1024

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnConfig:
        return cls(model_id=data.get("model_id"), system_prompt=data.get("system_prompt", ""),
                   temperature=float(data.get("temperature", 0.7)),
                   max_tokens=int(data.get("max_tokens", 1024)))


@dataclass
class StoredMessage:
    id: int
    column: int
    role: str
    content: str
    model_id: int | None
    metrics: ReplyMetrics | None
    created_at: str
    error: str | None = None  # why the answer failed, if it did
    stopped: bool = False


@dataclass
class Session:
    id: int
    title: str
    mode: str
    columns: list[ColumnConfig]
    messages: list[StoredMessage] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""

    def column_messages(self, column: int) -> list[StoredMessage]:
        return [m for m in self.messages if m.column == column]


@dataclass
class SessionInfo:
    id: int
    title: str
    mode: str
    created_at: str
    updated_at: str
    message_count: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_title() -> str:
    return translate("Chat", "Chat of {date}").format(date=dt.datetime.now().strftime("%Y-%m-%d %H:%M"))


def create_session(project: Project, columns: list[ColumnConfig], *, title: str = "",
                   mode: str = "side_by_side") -> int:
    """Start a session with the given columns; returns its id."""
    if mode not in MODES:
        raise ValueError(mode)
    if not 1 <= len(columns) <= MAX_COLUMNS:
        raise StudioError(translate("Chat", "A chat has from one to four columns."))
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO chat_sessions(title, mode, config) VALUES (?, ?, ?)",
            (title.strip() or default_title(), mode,
             json.dumps({"columns": [asdict(c) for c in columns]}, ensure_ascii=False)),
        )
        return int(cur.lastrowid)


def set_columns(project: Project, session_id: int, columns: list[ColumnConfig]) -> None:
    """Store the session's column settings (model, system prompt, temperature, max tokens)."""
    with project.transaction() as conn:
        row = conn.execute("SELECT config FROM chat_sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(session_id)
        config = json.loads(row[0] or "{}")
        config["columns"] = [asdict(c) for c in columns]
        conn.execute("UPDATE chat_sessions SET config = ?, updated_at = ? WHERE id = ?",
                     (json.dumps(config, ensure_ascii=False), _now(), session_id))


def rename_session(project: Project, session_id: int, title: str) -> None:
    if not title.strip():
        raise StudioError(translate("Chat", "The chat needs a name."))
    with project.transaction() as conn:
        conn.execute("UPDATE chat_sessions SET title = ?, updated_at = ? WHERE id = ?",
                     (title.strip(), _now(), session_id))


def delete_session(project: Project, session_id: int) -> None:
    with project.transaction() as conn:
        conn.execute("DELETE FROM chat_sessions WHERE id = ?", (session_id,))


def add_message(project: Project, session_id: int, column: int, role: str, content: str, *,
                model_id: int | None = None, metrics: ReplyMetrics | None = None,
                extra: dict[str, Any] | None = None) -> int:
    """Append one message to a column's conversation; returns its id."""
    data = metrics.to_dict() if metrics else {}
    data.update(extra or {})
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO chat_messages(session_id, column_index, model_id, role, content, metrics)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, column, model_id, role, content,
             json.dumps(data, ensure_ascii=False) if data else None),
        )
        conn.execute("UPDATE chat_sessions SET updated_at = ? WHERE id = ?", (_now(), session_id))
        return int(cur.lastrowid)


def list_sessions(project: Project, mode: str | None = "side_by_side") -> list[SessionInfo]:
    """Sessions, most recently used first."""
    rows = project.conn.execute(
        "SELECT s.id, s.title, s.mode, s.created_at, s.updated_at,"
        " (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id) AS n"
        " FROM chat_sessions s WHERE (? IS NULL OR s.mode = ?) ORDER BY s.updated_at DESC, s.id DESC",
        (mode, mode),
    )
    return [SessionInfo(r["id"], r["title"], r["mode"], r["created_at"], r["updated_at"], r["n"])
            for r in rows]


def load_session(project: Project, session_id: int) -> Session:
    row = project.conn.execute("SELECT * FROM chat_sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise StudioError(translate("Chat", "This chat no longer exists."))
    config = json.loads(row["config"] or "{}")
    columns = [ColumnConfig.from_dict(c) for c in config.get("columns", [])] or [ColumnConfig()]
    messages = []
    for m in project.conn.execute(
            "SELECT * FROM chat_messages WHERE session_id = ? ORDER BY id", (session_id,)):
        data = json.loads(m["metrics"]) if m["metrics"] else None
        messages.append(StoredMessage(
            id=m["id"], column=m["column_index"], role=m["role"], content=m["content"],
            model_id=m["model_id"], metrics=ReplyMetrics.from_dict(data) if data else None,
            created_at=m["created_at"], error=(data or {}).get("error"),
            stopped=bool((data or {}).get("stopped")),
        ))
    return Session(row["id"], row["title"], row["mode"], columns, messages,
                   row["created_at"], row["updated_at"])


def _model_names(project: Project) -> dict[int, str]:
    return {r[0]: r[1] for r in project.conn.execute("SELECT id, name FROM models")}


def export_session(project: Project, session_id: int, path: Path | str) -> Path:
    """Write the session to ``path``: Markdown (.md, .txt) or JSON (.json)."""
    path = Path(path)
    session = load_session(project, session_id)
    names = _model_names(project)
    if path.suffix.lower() == ".json":
        data = {
            "title": session.title, "created_at": session.created_at,
            "columns": [
                {**asdict(col), "model": names.get(col.model_id or -1),
                 "messages": [{"role": m.role, "content": m.content,
                               "metrics": m.metrics.to_dict() if m.metrics else None}
                              for m in session.column_messages(i)]}
                for i, col in enumerate(session.columns)
            ],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        lines = [f"# {session.title}", ""]
        for i, col in enumerate(session.columns):
            model = names.get(col.model_id or -1, translate("Chat", "(no model)"))
            lines += [f"## {i + 1}. {model}", ""]
            if col.system_prompt:
                lines += [f"> {col.system_prompt}", ""]
            for m in session.column_messages(i):
                who = translate("Chat", "Question") if m.role == "user" else model
                lines += [f"**{who}:** {m.content}", ""]
        text = "\n".join(lines)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StudioError(
            translate("Chat", "The chat could not be written to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc),
            translate("Chat", "Choose another folder."),
        ) from exc
    return path
