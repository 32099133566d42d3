"""Local model entries: a base model (folder or Hugging Face id) with an optional LoRA adapter.

The entry's ``model_id`` is what ``LocalProvider.stream_chat`` loads: the adapter folder when
there is one (the adapter remembers its base model), else the base model itself. Its
``settings`` keep both for the form.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.local import check_base_model, normalize_base_model


def adapter_folder(text: str) -> Path | None:
    """The folder holding ``adapter_config.json`` for ``text`` (a job folder or the adapter)."""
    path = Path(text.strip()).expanduser()
    for candidate in (path / "adapter", path):
        if (candidate / "adapter_config.json").is_file():
            return candidate.resolve()
    return None


def adapter_base_model(folder: Path) -> str:
    """The base model the adapter in ``folder`` was trained on (from its own config)."""
    config = json.loads((folder / "adapter_config.json").read_text(encoding="utf-8"))
    return str(config.get("base_model_name_or_path") or "")


def local_entry(base_model: str, adapter: str = "") -> tuple[str, dict[str, Any]]:
    """The ``model_id`` and ``settings`` of a local entry; raises StudioError in plain words."""
    base_model, adapter = base_model.strip(), adapter.strip()
    if adapter:
        folder = adapter_folder(adapter)
        if folder is None:
            raise StudioError(
                translate("Chat", "The folder {path} holds no LoRA adapter.").format(path=adapter),
                translate("Chat", "Choose the folder with adapter_config.json (a local job's "
                                  "“adapter” folder)."))
        trained_on = adapter_base_model(folder)
        if base_model and normalize_base_model(base_model) != trained_on:
            raise StudioError(
                translate("Chat", "This adapter was trained on {model}, not on the base model "
                                  "chosen.").format(model=trained_on),
                translate("Chat", "Leave the base model empty, or choose that model."))
        return str(folder), {"base_model": trained_on, "adapter": str(folder), "kind": "tuned"}
    problem = check_base_model(base_model)
    if problem is not None:
        raise problem
    base = normalize_base_model(base_model)
    return base, {"base_model": base, "kind": "base"}
