"""The ``local`` provider: LoRA training and chat in a worker process on this machine.

A job is a folder under the app's data folder (``local-jobs/<id>``) holding its config, a copy
of the training files, the worker's event log and, at the end, the adapter. The worker runs
detached, so closing the app does not stop the training: on the next start the job is
tracked again from its event log.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import secrets as pyrandom
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import number, translate
from natasha_studio.core.provider import (
    ChatMessage,
    ChatOptions,
    JobEvent,
    JobStatus,
    ProgressCallback,
    TuneRequest,
)
from natasha_studio.local import INSTALL_COMMAND, missing_packages
from natasha_studio.local.config import config_from_request
from natasha_studio.local.worker import CANCEL_FILE, CONFIG_FILE, EVENTS_FILE, PID_FILE
from natasha_studio.paths import app_paths
from natasha_studio.providers.catalog import provider_info

# Worker states -> the protocol's job states.
_STATES = {"loading": "preparing", "running": "running", "saving": "running",
           "cancelled": "cancelled"}
# Ids of local jobs as launch_job makes them: local-<stamp>-<hex>.
_JOB_ID = re.compile(r"local-[0-9A-Za-z_-]{1,64}")
_METRICS = ("train_loss", "valid_loss", "tokens_per_second", "learning_rate")


def worker_command(*args: str) -> list[str]:
    """How to start the worker: through Python, or through the frozen app's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "local-worker", *args]
    return [sys.executable, "-m", "natasha_studio.local.worker", *args]


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # query limited info
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a finished child that nobody waited for is a zombie: not alive
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return True


def error_message(kind: str, detail: str = "") -> StudioError:
    """A worker failure in plain words, with what to do."""
    if kind == "oom":
        return StudioError(
            translate("LocalTraining", "The model did not fit in memory."),
            translate("LocalTraining", "Lower the batch size or the maximum length, use a smaller "
                                       "LoRA rank or model, or turn on 4-bit loading (CUDA)."))
    if kind == "no_examples":
        return StudioError(
            translate("LocalTraining", "The training file has no example with an answer to learn."),
            translate("LocalTraining", "Approve some pairs and freeze a new snapshot."))
    if kind == "model_not_found":
        return StudioError(
            translate("LocalTraining", "The base model could not be loaded: {detail}").format(
                detail=detail),
            translate("LocalTraining", "Choose a folder that holds a Hugging Face model, or a "
                                       "model id, and check the internet connection for a download."))
    if kind in ("cuda_missing", "mps_missing"):
        return StudioError(
            translate("LocalTraining", "The chosen device is not available on this computer."),
            translate("LocalTraining", "Choose “Automatic” or “CPU” as the device."))
    if kind == "crashed":
        return StudioError(
            translate("LocalTraining", "The training process stopped unexpectedly."),
            detail)
    return StudioError(translate("LocalTraining", "Training failed: {detail}").format(detail=detail))


def _event_text(event: dict[str, Any]) -> str:
    kind = event.get("type")
    if kind == "status":
        state = event.get("state")
        device = str(event.get("device", "")).upper()
        if state == "loading":
            return translate("LocalTraining", "Loading the base model on {device}.").format(
                device=device)
        if state == "running":
            return translate("LocalTraining", "Training on {device}.").format(device=device)
        if state == "saving":
            return translate("LocalTraining", "Saving the adapter.")
        if state == "cancelled":
            return translate("LocalTraining", "Training was cancelled.")
        return str(state)
    if kind == "log" and event.get("code") == "prepared":
        return translate(
            "LocalTraining",
            "{examples} training and {validation} validation examples; {steps} steps; "
            "{trainable} of {parameters} parameters are trained.").format(
                examples=event.get("examples"), validation=event.get("validation"),
                steps=event.get("total_steps"), trainable=number(event.get('trainable', 0)),
                parameters=number(event.get('parameters', 0)))
    if kind == "log" and event.get("code") == "loading":
        return translate("LocalTraining", "Base model: {model}").format(model=event.get("model"))
    if kind == "metrics":
        text = translate("LocalTraining", "Step {step} of {total}: loss {loss:.4f}").format(
            step=event["step"], total=event["total_steps"], loss=event["train_loss"])
        if "valid_loss" in event:
            text += translate("LocalTraining", ", validation loss {loss:.4f}").format(
                loss=event["valid_loss"])
        return text
    if kind == "download":
        if not event.get("total"):
            return translate("LocalTraining", "Downloading {model}…").format(model=event["model"])
        return translate("LocalTraining", "Downloading {model}: {done} of {total} files.").format(
            model=event["model"], done=event["done"], total=event["total"])
    if kind == "done":
        return translate("LocalTraining", "The adapter is saved in {path}.").format(
            path=event.get("adapter_dir"))
    if kind == "error":
        return error_message(event.get("kind", "error"), event.get("message", "")).message
    return event.get("message", "")


class LocalProvider:
    """The ``Provider`` protocol for training and chatting on this machine."""

    name = "local"
    info = provider_info("local")
    can_tune = True

    def __init__(self, jobs_root: Path | None = None, device: str = "auto") -> None:
        self.jobs_root = Path(jobs_root) if jobs_root else app_paths().data_dir / "local-jobs"
        self.device = device
        self._chat_workers: dict[str, _ChatWorker] = {}

    def _require(self) -> None:
        missing = missing_packages()
        if not missing:
            return
        if getattr(sys, "frozen", False):
            # The installers leave PyTorch out (it is larger than the whole app).
            raise StudioError(
                translate("LocalTraining", "This installation of Natasha Studio has no local "
                                           "training: PyTorch is not included."),
                translate("LocalTraining", "Install Natasha Studio with Python as the README "
                                           "describes, then run: {command}").format(
                    command=INSTALL_COMMAND))
        raise StudioError(
            translate("LocalTraining", "Local training is not installed."),
            translate("LocalTraining", "Install it with: {command}").format(
                command=INSTALL_COMMAND))

    def job_dir(self, remote_id: str) -> Path:
        """The job's folder under ``jobs_root``. The id comes from the project file, which
        anyone may hand over: an id that is not one this app makes, or that would lead out of
        the jobs folder, is refused before any file is read, written or any process signalled."""
        folder = self.jobs_root / str(remote_id)
        if not _JOB_ID.fullmatch(str(remote_id)) or folder.resolve().parent != self.jobs_root.resolve():
            raise StudioError(
                translate("LocalTraining", "The project names a local job \u201c{job}\u201d that "
                          "this app did not make.").format(job=str(remote_id)[:80]),
                translate("LocalTraining", "Nothing was done with it. Start a new local job from "
                          "the Fine-tune tab."))
        return folder

    # -- the protocol --------------------------------------------------------------------------

    async def test_connection(self) -> str:
        self._require()
        code = ("import torch, json; print(json.dumps({'torch': torch.__version__, "
                "'cuda': torch.cuda.is_available(), 'mps': bool(getattr(torch.backends, 'mps', "
                "None) and torch.backends.mps.is_available())}))")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", code, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise StudioError(translate("LocalTraining", "PyTorch does not start: {detail}").format(
                detail=err.decode(errors="replace").strip().splitlines()[-1:]))
        info = json.loads(out)
        device = "CUDA" if info["cuda"] else "Apple MPS" if info["mps"] else "CPU"
        text = translate("LocalTraining", "PyTorch {version}, training on {device}.").format(
            version=info["torch"], device=device)
        if device == "CPU":
            text += " " + translate("LocalTraining", "Training on the CPU is slow: expect hours "
                                                     "for a small model.")
        return text

    async def list_models(self) -> list[str]:
        if not self.jobs_root.exists():
            return []
        return sorted(str(p.parent) for p in self.jobs_root.glob("*/adapter/adapter_config.json"))

    async def start_job(self, request: TuneRequest,
                        progress: ProgressCallback | None = None) -> JobStatus:
        self._require()
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        remote_id = f"local-{stamp}-{pyrandom.token_hex(3)}"
        folder = self.job_dir(remote_id)
        folder.mkdir(parents=True)
        train = folder / "train.jsonl"
        shutil.copyfile(request.train_file, train)
        validation = None
        if request.validation_file:
            validation = folder / "validation.jsonl"
            shutil.copyfile(request.validation_file, validation)
        if progress is not None:
            size = train.stat().st_size
            progress(size, size)
        hyper = {"device": self.device, **request.hyperparameters}
        config = config_from_request(request.base_model, str(train),
                                     str(validation) if validation else None, str(folder), hyper)
        config.save(folder / CONFIG_FILE)
        log = (folder / "worker.log").open("w", encoding="utf-8")
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
        else:
            kwargs["start_new_session"] = True
        process = subprocess.Popen(worker_command("train", str(folder)), stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=log, **kwargs)
        log.close()
        (folder / PID_FILE).write_text(str(process.pid), encoding="utf-8")
        return JobStatus(state="preparing", remote_id=remote_id, raw_state="started",
                         resume={"offset": 0})

    async def poll_job(self, remote_id: str, state: dict[str, Any]) -> JobStatus:
        folder = self.job_dir(remote_id)
        if not folder.exists():
            raise StudioError(translate("LocalTraining", "The files of local job {job} are gone.")
                              .format(job=remote_id))
        offset = int(state.get("offset", 0))
        current = state.get("state", "preparing")
        tuned = state.get("tuned_model")
        error = state.get("error")
        eta = None
        events: list[JobEvent] = []
        metrics: list[tuple[int, str, float]] = []
        path = folder / EVENTS_FILE
        if path.exists():
            with path.open("rb") as fh:
                fh.seek(offset)
                data = fh.read()
            complete = data.rsplit(b"\n", 1)[0] + b"\n" if b"\n" in data else b""
            offset += len(complete)
            for number, line in enumerate(complete.decode("utf-8").splitlines()):
                if not line.strip():
                    continue
                event = json.loads(line)
                kind = event.get("type")
                if kind == "status":
                    current = _STATES.get(event.get("state"), current)
                elif kind == "metrics":
                    current = "running"
                    for name in _METRICS:
                        if name in event:
                            metrics.append((int(event["step"]), name, float(event[name])))
                    eta = (dt.datetime.now(dt.UTC) + dt.timedelta(
                        seconds=float(event.get("eta_seconds", 0)))).strftime("%Y-%m-%dT%H:%M:%SZ")
                elif kind == "done":
                    current, tuned = "succeeded", event.get("adapter_dir")
                elif kind == "error":
                    current = "failed"
                    error = _event_text(event)
                level = "error" if kind == "error" else "info"
                events.append(JobEvent(remote_id=f"{offset}-{number}", at=event.get("at", ""),
                                       level=level, message=_event_text(event),
                                       data={k: v for k, v in event.items() if k != "trace"}))
        if current not in ("succeeded", "failed", "cancelled"):
            if (folder / CANCEL_FILE).exists() and current != "cancelled":
                current = "cancelling"
            pid = int((folder / PID_FILE).read_text() or 0) if (folder / PID_FILE).exists() else 0
            if not _pid_alive(pid):
                log = (folder / "worker.log")
                tail = log.read_text(encoding="utf-8", errors="replace")[-600:] if log.exists() else ""
                if (folder / CANCEL_FILE).exists():
                    current = "cancelled"
                else:
                    current = "failed"
                    error = error_message("crashed", tail.strip()).message
                    events.append(JobEvent(remote_id=f"{offset}-exit", at=_iso_now(),
                                           level="error", message=error))
        return JobStatus(state=current, remote_id=remote_id, error=error, tuned_model=tuned,
                         events=events, metrics=metrics, estimated_finish=eta,
                         raw_state=current,
                         resume={"offset": offset, "state": current, "tuned_model": tuned,
                                 "error": error})

    async def cancel_job(self, remote_id: str) -> JobStatus:
        folder = self.job_dir(remote_id)
        (folder / CANCEL_FILE).write_text(_iso_now(), encoding="utf-8")
        return await self.poll_job(remote_id, {"offset": 0})

    async def delete_training_data(self, state: dict[str, Any]) -> list[str]:
        """Nothing left this computer: the job folder's copies stay with its adapter."""
        return []

    async def stream_chat(self, model: str, messages: Sequence[ChatMessage],
                          options: ChatOptions) -> AsyncIterator[str]:
        self._require()
        worker = self._chat_workers.get(model)
        if worker is None or not worker.alive:
            worker = _ChatWorker(model, self.device)
            self._chat_workers[model] = worker
        async for piece in worker.stream(messages, options):
            yield piece

    async def aclose(self) -> None:
        for worker in self._chat_workers.values():
            await worker.close()
        self._chat_workers.clear()


def _iso_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _ChatWorker:
    """One worker process holding one model; requests are answered one at a time."""

    def __init__(self, model: str, device: str) -> None:
        path = Path(model)
        if (path / "adapter" / "adapter_config.json").exists():
            path = path / "adapter"
        if (path / "adapter_config.json").exists():
            self.args = ["", str(path), device]
        else:
            self.args = [model, "", device]
        self.process: asyncio.subprocess.Process | None = None
        self.lock = asyncio.Lock()
        self.counter = 0

    @property
    def alive(self) -> bool:
        return self.process is None or self.process.returncode is None

    async def _start(self) -> asyncio.subprocess.Process:
        if self.process is not None and self.process.returncode is None:
            return self.process
        self.process = await asyncio.create_subprocess_exec(
            *worker_command("chat", *self.args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, limit=1 << 22)
        line = await self.process.stdout.readline()
        message = json.loads(line) if line else {"error": "no answer", "fatal": True}
        if not message.get("ready"):
            await self.close()
            raise StudioError(
                translate("LocalTraining", "The local model could not be loaded: {detail}").format(
                    detail=message.get("error", "")))
        return self.process

    async def stream(self, messages: Sequence[ChatMessage],
                     options: ChatOptions) -> AsyncIterator[str]:
        async with self.lock:
            process = await self._start()
            self.counter += 1
            rid = str(self.counter)
            request = {"id": rid, "messages": [{"role": m.role, "content": m.content}
                                               for m in messages],
                       "temperature": options.temperature, "max_tokens": options.max_tokens}
            process.stdin.write((json.dumps(request, ensure_ascii=False) + "\n").encode())
            await process.stdin.drain()
            finished = False
            try:
                while True:
                    line = await process.stdout.readline()
                    if not line:
                        raise StudioError(translate(
                            "LocalTraining", "The local model stopped while answering."))
                    message = json.loads(line)
                    if message.get("id") != rid:
                        continue
                    if "delta" in message:
                        yield message["delta"]
                    elif message.get("done"):
                        finished = True
                        return
                    elif "error" in message:
                        finished = True
                        raise StudioError(translate(
                            "LocalTraining", "The local model failed to answer: {detail}").format(
                                detail=message["error"]))
            finally:
                if not finished and process.returncode is None:
                    # Stopped by the user: tell the worker, then drain to the end of the reply.
                    process.stdin.write((json.dumps({"cancel": rid}) + "\n").encode())
                    await process.stdin.drain()
                    while True:
                        line = await process.stdout.readline()
                        if not line:
                            break
                        message = json.loads(line)
                        if message.get("id") == rid and ("done" in message or "error" in message):
                            break

    async def close(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.stdin.close()
            try:
                await asyncio.wait_for(self.process.wait(), 5)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
