"""Model entries: the named models a curator chats with, kept in the project's ``models`` table.

An entry is a tuned model from one of the project's jobs, a provider's base model, or any
OpenAI-compatible server (Ollama, LM Studio, vLLM, Moonshot/Kimi) given by base URL and model
name. API keys never go in the project: a compatible server's key lives in the secret store
under a name derived from its base URL, so every project that talks to that server shares it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

PROVIDERS = ("openai", "vertex", "yandex", "together", "fireworks", "compatible", "local")
KINDS = ("tuned", "base", "custom")


@dataclass
class ModelEntry:
    id: int
    name: str
    provider: str
    model_id: str
    base_url: str | None = None
    job_id: int | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """'tuned' (from a job), 'base' or 'custom' (a compatible server)."""
        if self.job_id is not None:
            return self.settings.get("kind", "tuned")
        return self.settings.get("kind", "custom" if self.provider == "compatible" else "base")

    @property
    def api_key_name(self) -> str | None:
        """The secret-store name of this entry's API key (compatible servers only)."""
        return api_key_name(self.base_url) if self.provider == "compatible" else None


def api_key_name(base_url: str | None) -> str:
    """The secret-store name for the key of the server at ``base_url``."""
    return f"compatible_api_key:{(base_url or '').rstrip('/')}"


def _row_to_entry(row: sqlite3.Row) -> ModelEntry:
    return ModelEntry(
        id=row["id"], name=row["name"], provider=row["provider"], model_id=row["model_id"],
        base_url=row["base_url"], job_id=row["job_id"],
        settings=json.loads(row["settings"] or "{}"),
    )


def list_models(project: Project) -> list[ModelEntry]:
    """All model entries: tuned first (newest job first), then the others by name."""
    rows = project.conn.execute(
        "SELECT * FROM models ORDER BY job_id IS NULL, job_id DESC, name COLLATE NOCASE"
    )
    return [_row_to_entry(r) for r in rows]


def get_model(project: Project, model_entry_id: int) -> ModelEntry | None:
    row = project.conn.execute("SELECT * FROM models WHERE id = ?", (model_entry_id,)).fetchone()
    return _row_to_entry(row) if row else None


def _check_entry(name: str, provider: str, model_id: str, base_url: str | None) -> None:
    if not name.strip():
        raise StudioError(translate("Chat", "The model needs a name."),
                          translate("Chat", "Type a name you will recognise, e.g. “Наташа v2”."))
    if provider not in PROVIDERS:
        raise StudioError(translate("Chat", "Unknown provider “{provider}”.").format(provider=provider))
    if not model_id.strip():
        raise StudioError(translate("Chat", "The model name on the server is empty."),
                          translate("Chat", "Type the model's name as the server knows it, e.g. llama3.1."))
    if provider == "compatible":
        parsed = urlparse((base_url or "").strip())
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise StudioError(
                translate("Chat", "“{url}” is not a server address.").format(url=base_url or ""),
                translate("Chat", "Type the address with http:// or https://, e.g. "
                                  "http://localhost:11434/v1 for Ollama."),
            )


def _unique_name(project: Project, wanted: str, exclude_id: int | None = None) -> str:
    name, n = wanted.strip(), 2
    while project.conn.execute(
        "SELECT 1 FROM models WHERE name = ? AND id IS NOT ?", (name, exclude_id)
    ).fetchone():
        name = f"{wanted.strip()} ({n})"
        n += 1
    return name


def add_model(
    project: Project,
    name: str,
    provider: str,
    model_id: str,
    *,
    base_url: str | None = None,
    job_id: int | None = None,
    settings: dict[str, Any] | None = None,
    unique: bool = False,
) -> int:
    """Save a model entry; returns its id.

    With ``unique`` a taken name gets a number appended; otherwise a taken name is an error.
    """
    _check_entry(name, provider, model_id, base_url)
    if unique:
        name = _unique_name(project, name)
    try:
        with project.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO models(name, provider, model_id, base_url, job_id, settings)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (name.strip(), provider, model_id.strip(),
                 (base_url or "").strip().rstrip("/") or None, job_id,
                 json.dumps(settings or {}, ensure_ascii=False)),
            )
            return int(cur.lastrowid)
    except sqlite3.IntegrityError as exc:
        raise StudioError(
            translate("Chat", "A model named “{name}” already exists.").format(name=name.strip()),
            translate("Chat", "Choose another name."),
        ) from exc


def update_model(project: Project, model_entry_id: int, *, name: str, provider: str,
                 model_id: str, base_url: str | None = None,
                 settings: dict[str, Any] | None = None) -> None:
    """Change a model entry (its votes, sessions and held-out answers stay with it)."""
    _check_entry(name, provider, model_id, base_url)
    try:
        with project.transaction() as conn:
            conn.execute(
                "UPDATE models SET name = ?, provider = ?, model_id = ?, base_url = ?,"
                " settings = COALESCE(?, settings) WHERE id = ?",
                (name.strip(), provider, model_id.strip(),
                 (base_url or "").strip().rstrip("/") or None,
                 json.dumps(settings, ensure_ascii=False) if settings is not None else None,
                 model_entry_id),
            )
    except sqlite3.IntegrityError as exc:
        raise StudioError(
            translate("Chat", "A model named “{name}” already exists.").format(name=name.strip()),
            translate("Chat", "Choose another name."),
        ) from exc


def delete_model(project: Project, model_entry_id: int) -> None:
    """Remove an entry; votes and messages keep their text with the model left blank."""
    with project.transaction() as conn:
        conn.execute("DELETE FROM models WHERE id = ?", (model_entry_id,))


def job_entry_id(project: Project, job_id: int, provider: str) -> int | None:
    """The first entry that chats with job ``job_id``'s tuned model through ``provider``."""
    row = project.conn.execute("SELECT id FROM models WHERE job_id = ? AND provider = ? "
                               "ORDER BY id LIMIT 1", (job_id, provider)).fetchone()
    return int(row[0]) if row is not None else None


def sync_job_models(project: Project) -> list[int]:
    """Add an entry for every finished job's tuned model and its base model, if missing.

    Returns the ids of the entries added. Base models are added once per provider and model,
    so a tuned model always has its base model to be compared with.
    """
    added: list[int] = []
    jobs = project.conn.execute(
        "SELECT id, provider, base_model, display_name, tuned_model FROM jobs"
        " WHERE status = 'succeeded' AND tuned_model IS NOT NULL AND tuned_model != ''"
        " ORDER BY id"
    ).fetchall()
    with project.transaction() as conn:
        for job in jobs:
            if job["provider"] not in PROVIDERS:
                continue
            if not conn.execute("SELECT 1 FROM models WHERE job_id = ?", (job["id"],)).fetchone():
                name = job["display_name"] or translate("Chat", "Tune #{id}").format(id=job["id"])
                added.append(add_model(project, name, job["provider"], job["tuned_model"],
                                       job_id=job["id"], settings={"kind": "tuned"}, unique=True))
            if job["base_model"] and not conn.execute(
                "SELECT 1 FROM models WHERE provider = ? AND model_id = ? AND job_id IS NULL",
                (job["provider"], job["base_model"]),
            ).fetchone():
                name = translate("Chat", "{model} (base)").format(model=job["base_model"])
                added.append(add_model(project, name, job["provider"], job["base_model"],
                                       settings={"kind": "base"}, unique=True))
    return added


def base_entry_for(project: Project, entry: ModelEntry) -> int | None:
    """The entry of the base model ``entry`` was tuned from, added if missing; None if unknown.

    "Test in chat" puts a tuned model beside its base model: the comparison that says
    whether tuning helped.
    """
    if entry.job_id is None:
        return None
    job = project.conn.execute("SELECT base_model FROM jobs WHERE id = ?",
                               (entry.job_id,)).fetchone()
    if job is None or not job["base_model"]:
        return None
    row = project.conn.execute(
        "SELECT id FROM models WHERE provider = ? AND model_id = ? AND job_id IS NULL"
        " ORDER BY id LIMIT 1", (entry.provider, job["base_model"])).fetchone()
    if row is not None:
        return int(row[0])
    return add_model(project, translate("Chat", "{model} (base)").format(model=job["base_model"]),
                     entry.provider, job["base_model"], settings={"kind": "base"}, unique=True)
