"""Bringing a cloud-tuned LoRA adapter home: download it beside the project and offer it in
the test chat through the local back end.

Providers that can hand over the adapter of a finished job have a ``download_adapter(remote_id,
folder, progress)`` coroutine (Together AI does). The adapter goes to the project's models
folder, ``<project name>-models/`` next to the ``.nstudio`` file, so it travels with the
project; the job keeps where it went, and a model entry of the ``local`` provider points at
it, so the test chat answers with it on this computer (with local training installed).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from natasha_studio.core.chat.models import add_model, list_models
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs import records
from natasha_studio.core.provider import ProgressCallback
from natasha_studio.core.store import Project

ADAPTER_DIR = "adapter_dir"


def models_folder(project: Project) -> Path:
    """Where the project's downloaded adapters live: ``<name>-models`` beside the project."""
    path = Path(project.path)
    return path.with_name(f"{path.stem}-models")


def can_bring_home(provider: Any) -> bool:
    return callable(getattr(provider, "download_adapter", None))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:48] or "adapter"


async def bring_adapter_home(project: Project, provider: Any, job_id: int, *,
                             progress: ProgressCallback | None = None) -> int | None:
    """Download the adapter of the finished job ``job_id`` (once) and add a local model entry
    for it; returns the entry's id, or None where the provider or the job has no adapter.

    Errors are raised in plain words (``StudioError``); the job itself stays succeeded.
    """
    job = records.get_job(project, job_id)
    if job.status != "succeeded" or not job.remote_id or not can_bring_home(provider):
        return None
    saved = job.state.get(ADAPTER_DIR)
    folder = Path(saved) if saved else \
        models_folder(project) / f"job-{job.id}-{_slug(job.tuned_model or job.remote_id)}"
    if not (folder / "adapter_config.json").is_file():
        folder = await provider.download_adapter(job.remote_id, folder, progress)
        records.update_state(project, job_id, {ADAPTER_DIR: str(folder)})
        records.add_event(project, job_id, translate(
            "Providers", "The LoRA adapter was downloaded to {path}; the test chat can run it on "
                         "this computer.").format(path=folder))
    for entry in list_models(project):
        if entry.provider == "local" and entry.model_id == str(folder):
            return entry.id
    name = translate("Providers", "{name} (on this computer)").format(
        name=job.display_name or job.tuned_model or f"#{job.id}")
    return add_model(project, name, "local", str(folder), unique=True,
                     settings={"kind": "tuned", "adapter_of": job.provider,
                               "remote_model": job.tuned_model or ""})
