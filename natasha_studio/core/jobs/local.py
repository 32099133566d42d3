"""What a fine-tune on this computer needs besides the provider: checks and helpers (no Qt).

- ``check_base_model(text)``: is it a model folder or a Hugging Face model id? (no I/O beyond
  a look at the folder, so the window can call it while typing);
- ``local_preflight(...)``: the snapshot's train/validation parts in the Hugging Face
  ``messages`` format, checked like the cloud files (structure, tokens, privacy), without
  the cloud limits and prices that do not apply here;
- ``merge_target(folder, name)``: where a merged model goes without overwriting anything.

What PyTorch can train on here is asked by ``natasha_studio.local.device``; the training and
the merge of an adapter into its base model run in the worker (``natasha_studio.local``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.export.operations import private_training_folder
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

LOCAL_FORMAT = "hf"
# "owner/name" as the Hugging Face Hub spells model ids.
HF_MODEL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Instruct models that fit a consumer GPU (the list only suggests; any id or folder works).
SUGGESTED_MODELS = ["Qwen/Qwen2.5-0.5B-Instruct", "Qwen/Qwen2.5-1.5B-Instruct",
                    "Qwen/Qwen2.5-3B-Instruct", "meta-llama/Llama-3.2-1B-Instruct",
                    "google/gemma-2-2b-it"]
# Cloud-only findings: local training has no file-size, example-count or per-example limits
# (long examples are shortened to the chosen maximum length, oldest turns first).
_CLOUD_ONLY = {"too_many_examples", "file_too_large", "validation_too_large",
               "over_token_limit", "example_too_long"}


def check_base_model(text: str) -> StudioError | None:
    """Why ``text`` cannot be a base model (None when it can: a model folder or a Hub id)."""
    text = text.strip()
    if not text:
        return StudioError(
            translate("LocalJobs", "Choose the base model: a folder with a Hugging Face model, or "
                                   "a model id such as Qwen/Qwen2.5-0.5B-Instruct."))
    path = Path(text).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            return StudioError(
                translate("LocalJobs", "The folder {path} holds no model (there is no "
                                       "config.json in it).").format(path=path),
                translate("LocalJobs", "Choose the folder where the model's config.json and "
                                       "weights are."))
        return None
    if HF_MODEL_ID.match(text):
        return None
    if path.is_absolute() or text.startswith(("~", ".")) or "\\" in text or text.count("/") > 1:
        return StudioError(translate("LocalJobs", "The folder {path} does not exist.").format(
            path=path), translate("LocalJobs", "Choose the model's folder with “Browse…”."))
    return StudioError(
        translate("LocalJobs", "“{text}” is neither a model folder nor a Hugging Face model "
                               "id.").format(text=text),
        translate("LocalJobs", "A model id looks like Qwen/Qwen2.5-0.5B-Instruct."))


def normalize_base_model(text: str) -> str:
    """A model folder as an absolute path (the worker runs elsewhere); a Hub id as it is."""
    text = text.strip()
    path = Path(text).expanduser()
    return str(path.resolve()) if path.is_dir() else text


def local_preflight(project: Project, snapshot_id: int, model: str, *,
                    out_dir: Path | str | None = None, check_privacy: bool = True,
                    progress: Any = None) -> export.Preflight:
    """Write the snapshot's parts in the ``messages`` format and check them for local training.

    The records are the OpenAI chat records, so the same structural checks apply; tokens are
    counted with tiktoken (the base model's own tokenizer counts somewhat differently). The
    cloud's limits (file size, example count and length) and prices do not apply here.
    """
    snapshot = export.get_snapshot(project, snapshot_id)
    temporary = None if out_dir else private_training_folder()
    try:
        return _local_preflight(project, snapshot, model, Path(out_dir or temporary), temporary,
                                check_privacy=check_privacy, progress=progress)
    except BaseException:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        raise


def _local_preflight(project: Project, snapshot: export.Snapshot, model: str, folder: Path,
                     temporary: Path | None, *, check_privacy: bool,
                     progress: Any) -> export.Preflight:
    stem = f"snapshot-{snapshot.id}-messages"
    train = export.export_snapshot(project, snapshot.id, LOCAL_FORMAT, folder / f"{stem}-train.jsonl",
                                   "train", progress=progress)
    validation = None
    if snapshot.split_counts.get("validation"):
        validation = export.export_snapshot(project, snapshot.id, LOCAL_FORMAT,
                                            folder / f"{stem}-validation.jsonl", "validation")
    if progress:
        progress(0, 0, translate("LocalJobs", "Checking the files\u2026"))
    report = export.validate_file(train, "openai", None, validation_path=validation)
    report.format, report.model = LOCAL_FORMAT, model.strip()
    if report.validation is not None:
        report.validation.format = LOCAL_FORMAT
    report.errors = [i for i in report.errors if i.code not in _CLOUD_ONLY]
    report.warnings = [i for i in report.warnings if i.code not in _CLOUD_ONLY]
    if any(i.code == "too_few_examples" for i in report.errors):
        # The cloud's minimum: locally any number trains, though a handful teaches little.
        report.errors = [i for i in report.errors if i.code != "too_few_examples"]
        report.add("few_examples", report.n_examples, error=False)
    report.cost = None
    report.token_limit = None
    report.n_over_limit = 0
    report.epochs = report.billed_tokens = 0
    if validation is None and snapshot.split_counts.get("train", 0) >= 50:
        report.add("validation_empty", error=False)
    privacy: dict[str, Any] = {}
    if check_privacy:
        privacy = export.privacy_findings(project, snapshot.id)
        if privacy.get("pairs"):
            report.add("personal_data", privacy["pairs"], error=False)
    return export.Preflight(snapshot.id, "local", model.strip(), train, validation, report,
                            privacy, temporary)


def local_report_lines(pre: export.Preflight) -> list[str]:
    """The pre-flight report in plain words, with what differs for training on this computer."""
    lines = export.report_lines(pre.report)
    lines.append(translate("LocalJobs", "Training on this computer costs nothing; token counts "
                                        "are close to, not exactly, the base model's own."))
    return lines


# -- merged model ---------------------------------------------------------------------------------

Progress = Callable[..., None]


def merge_target(folder: Path | str, name: str) -> Path:
    """Where to write a merged model chosen as ``folder``: itself when empty, else a new
    sub-folder named after the job, so nothing already there is overwritten."""
    folder = Path(folder)
    if not folder.exists() or not any(folder.iterdir()):
        return folder
    stem = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.") or "model"
    target, n = folder / f"{stem}-merged", 2
    while target.exists():
        target, n = folder / f"{stem}-merged-{n}", n + 1
    return target
