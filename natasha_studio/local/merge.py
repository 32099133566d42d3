"""Folding a local job's adapter into its base model, in the worker process (no Qt)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.local import Progress
from natasha_studio.local.provider import worker_command


def merge_in_worker(adapter_dir: str, out_dir: str, progress: Progress | None = None) -> Path:
    """Fold the adapter into its base model in the worker process; returns the model folder.

    Blocks until the worker ends (call it from a worker thread); ``progress`` is called
    every half second and stops the merge when it raises ``Cancelled``.
    """
    if not (Path(adapter_dir) / "adapter_config.json").is_file():
        raise StudioError(
            translate("LocalJobs", "There is no adapter in {path}.").format(path=adapter_dir),
            translate("LocalJobs", "The job's files may have been moved or deleted."))
    process = subprocess.Popen(worker_command("merge", adapter_dir, out_dir),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    started = time.monotonic()
    try:
        while process.poll() is None:
            if progress is not None:
                progress(0, 0, translate("LocalJobs", "Merging the adapter into the model: "
                                                      "{s} s").format(
                    s=int(time.monotonic() - started)))
            time.sleep(0.5)
    except Cancelled:
        process.kill()
        process.wait()
        raise
    out, err = process.communicate()
    result: dict[str, Any] = {}
    for line in reversed(out.splitlines()):
        try:
            result = json.loads(line)
            break
        except ValueError:
            continue
    if "done" in result:
        return Path(result["done"])
    detail = result.get("error") or (err.strip().splitlines() or [""])[-1]
    if "out of memory" in detail.lower() or "memoryerror" in detail.lower():
        raise StudioError(
            translate("LocalJobs", "The model did not fit in memory while merging."),
            translate("LocalJobs", "Close other programs and try again; merging needs the whole "
                                   "model in memory."))
    raise StudioError(translate("LocalJobs", "The merged model could not be written: "
                                             "{detail}").format(detail=detail))
