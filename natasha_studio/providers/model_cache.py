"""The base models a cloud can tune, as its API last listed them, kept between runs.

Together AI and Fireworks AI change which open models they tune from month to month, so the
app asks them (``list_base_models`` of their providers) instead of carrying a list of its own.
The answer is kept in the app's cache folder, so the launch form can suggest the models at
once and offline; until a first answer the catalog's one suggestion stands in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from natasha_studio.paths import app_paths
from natasha_studio.providers.catalog import provider_info

CACHE_NAME = "tunable-models.json"


def _cache_file() -> Path:
    return app_paths().cache_dir / CACHE_NAME


def _read() -> dict:
    try:
        data = json.loads(_cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def cached_base_models(kind: str) -> list[str]:
    """The models ``kind`` listed last time, or [] if it was never asked."""
    entry = _read().get(kind)
    models = entry.get("models") if isinstance(entry, dict) else None
    return [str(m) for m in models] if isinstance(models, list) else []


def cached_at(kind: str) -> str:
    """When ``kind``'s list was fetched (ISO, UTC), or ""."""
    entry = _read().get(kind)
    return str(entry.get("fetched", "")) if isinstance(entry, dict) else ""


def remember_base_models(kind: str, models: list[str]) -> None:
    """Keep ``models`` as ``kind``'s list (written atomically: a crash leaves the old one)."""
    data = _read()
    data[kind] = {"models": list(models),
                  "fetched": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    path = _cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".models-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def base_model_choices(kind: str) -> list[str]:
    """What the launch form suggests for ``kind``: the cached list, else the catalog's."""
    return cached_base_models(kind) or list(provider_info(kind).base_models)
