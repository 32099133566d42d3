"""The fine-tuning side of the fake OpenAI server: jobs that move on a test-controlled clock.

A job is created ``validating_files``; each ``advance()`` tick moves it one stage:
validating_files -> queued -> running (one training step per tick, with a metrics event,
a checkpoint at each epoch's end) -> succeeded (fine-tuned model, result-file CSV). A job
fails instead when its training file is not chat JSONL, or at ``fail_at_step``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

CLOCK_START = 1_767_225_600  # 2026-01-01T00:00:00Z
TICK_SECONDS = 60


@dataclass
class FakeFile:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "object": "file", "bytes": len(self.content),
                "created_at": self.created_at, "filename": self.filename,
                "purpose": self.purpose, "status": "processed", "expires_at": None,
                "status_details": None}


@dataclass
class FakeJob:
    id: str
    model: str
    training_file: str
    validation_file: str | None
    suffix: str | None
    seed: int
    hyperparameters: dict[str, Any]
    created_at: int
    total_steps: int
    steps_per_epoch: int
    status: str = "validating_files"
    step: int = 0
    finished_at: int | None = None
    fine_tuned_model: str | None = None
    error: dict[str, Any] | None = None
    result_files: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    checkpoints: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    metrics: list[dict[str, Any]] = field(default_factory=list)  # one per step
    fail_at_step: int | None = None
    fail_message: str = ""
    trained_tokens: int | None = None
    metadata: dict[str, str] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "object": "fine_tuning.job", "created_at": self.created_at,
            "model": self.model, "organization_id": "org-natasha-test",
            "training_file": self.training_file, "validation_file": self.validation_file,
            "status": self.status, "fine_tuned_model": self.fine_tuned_model,
            "finished_at": self.finished_at, "error": self.error,
            "hyperparameters": self.hyperparameters, "result_files": self.result_files,
            "seed": self.seed, "trained_tokens": self.trained_tokens,
            "estimated_finish": None if self.finished_at else
            self.created_at + (self.total_steps + 3) * TICK_SECONDS,
            "integrations": None, "metadata": self.metadata, "suffix": self.suffix,
            "method": {"type": "supervised",
                       "supervised": {"hyperparameters": self.hyperparameters}},
        }


def training_loss(step: int) -> float:
    """A loss curve that falls like a real one, so charts look plausible."""
    return round(2.4 * math.exp(-step / 4) + 0.35, 4)


def validate_chat_jsonl(content: bytes) -> str | None:
    """The first problem OpenAI's validator would report, or None for a good file."""
    lines = [line for line in content.decode("utf-8", "replace").splitlines() if line.strip()]
    if len(lines) < 10:
        return (f"Training file has {len(lines)} example(s), but must have at least 10 examples")
    for number, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            return f"Invalid file format. Line {number} is not valid JSON."
        messages = item.get("messages") if isinstance(item, dict) else None
        if not isinstance(messages, list) or not messages:
            return f"Invalid file format. Example {number} is missing key \"messages\"."
        if not any(isinstance(m, dict) and m.get("role") == "assistant" for m in messages):
            return f"Invalid file format. Example {number} has no assistant message."
    return None


class JobSimulator:
    """Moves fake jobs; every method runs under the server's lock."""

    def __init__(self, server) -> None:
        self.server = server
        self.now = CLOCK_START
        self.steps_per_epoch = 2
        self.fail_at_step: int | None = None  # the next created job fails at this step
        self.fail_message = "The job failed due to an internal error."

    def create(self, job_id: str, body: dict[str, Any]) -> FakeJob:
        method = body.get("method") or {}
        hyper = dict(((method.get("supervised") or {}).get("hyperparameters")) or
                     body.get("hyperparameters") or {})
        epochs = hyper.get("n_epochs", "auto")
        n_epochs = 3 if epochs in (None, "auto") else int(epochs)
        resolved = {"n_epochs": n_epochs,
                    "batch_size": 1 if hyper.get("batch_size", "auto") == "auto"
                    else hyper["batch_size"],
                    "learning_rate_multiplier": 1.8 if hyper.get(
                        "learning_rate_multiplier", "auto") == "auto"
                    else hyper["learning_rate_multiplier"]}
        job = FakeJob(
            id=job_id, model=body["model"], training_file=body["training_file"],
            validation_file=body.get("validation_file"), suffix=body.get("suffix"),
            seed=int(body.get("seed") or 42), hyperparameters=resolved,
            created_at=self.now, total_steps=n_epochs * self.steps_per_epoch,
            steps_per_epoch=self.steps_per_epoch, fail_at_step=self.fail_at_step,
            fail_message=self.fail_message, metadata=body.get("metadata"),
        )
        self.fail_at_step = None
        self._event(job, f"Validating training file: {job.training_file}")
        return job

    def _event(self, job: FakeJob, message: str, *, level: str = "info",
               data: dict[str, Any] | None = None) -> None:
        kind = "metrics" if data else "message"
        job.events.append({"id": f"ftevent-{job.id[-6:]}-{len(job.events) + 1:04d}",
                           "object": "fine_tuning.job.event", "created_at": self.now,
                           "level": level, "message": message, "type": kind,
                           "data": data or {}})

    def advance(self, ticks: int = 1) -> None:
        for _ in range(ticks):
            self.now += TICK_SECONDS
            for job in list(self.server.jobs.values()):
                self._tick(job)

    def _tick(self, job: FakeJob) -> None:
        if job.status == "validating_files":
            problem = validate_chat_jsonl(self.server.files[job.training_file].content)
            if problem:
                self._fail(job, "invalid_training_file", problem, param="training_file")
                return
            job.status = "queued"
            self._event(job, "Files validated, moving job to queued state")
        elif job.status == "queued":
            job.status = "running"
            self._event(job, "Fine-tuning job started")
        elif job.status == "running":
            job.step += 1
            if job.fail_at_step is not None and job.step >= job.fail_at_step:
                self._fail(job, "server_error", job.fail_message)
                return
            metrics = {"step": job.step, "train_loss": training_loss(job.step),
                       "train_mean_token_accuracy": round(0.5 + job.step * 0.04, 4),
                       "total_steps": job.total_steps}
            if job.validation_file and job.step % 2 == 0:
                metrics["valid_loss"] = round(training_loss(job.step) + 0.12, 4)
                metrics["valid_mean_token_accuracy"] = round(0.45 + job.step * 0.04, 4)
            job.metrics.append(metrics)
            self._event(job, f"Step {job.step}/{job.total_steps}: training loss="
                        f"{metrics['train_loss']:.4f}", data=metrics)
            if job.step % job.steps_per_epoch == 0:
                self._checkpoint(job, metrics)
            if job.step >= job.total_steps:
                self._succeed(job)

    def _checkpoint(self, job: FakeJob, metrics: dict[str, Any]) -> None:
        epoch = job.step // job.steps_per_epoch
        name = f"ft:{job.model}:natasha-test:{job.suffix or ''}:{job.id[-8:]}:ckpt-step-{job.step}"
        job.checkpoints.append({
            "id": f"ftckpt_{job.id[-6:]}{epoch}", "object": "fine_tuning.job.checkpoint",
            "created_at": self.now, "fine_tuned_model_checkpoint": name,
            "fine_tuning_job_id": job.id, "step_number": job.step,
            "metrics": {k: v for k, v in metrics.items() if k != "total_steps"},
        })
        job.checkpoints = job.checkpoints[-3:]  # OpenAI keeps the last three epochs only

    def _succeed(self, job: FakeJob) -> None:
        job.status = "succeeded"
        job.finished_at = self.now
        job.fine_tuned_model = f"ft:{job.model}:natasha-test:{job.suffix or ''}:{job.id[-8:]}"
        job.trained_tokens = 1234 * job.total_steps
        rows = ["step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"]
        for m in job.metrics:
            rows.append(f"{m['step']},{m['train_loss']},{m['train_mean_token_accuracy']},"
                        f"{m.get('valid_loss', '')},{m.get('valid_mean_token_accuracy', '')}")
        result = self.server.add_file("step_metrics.csv", "fine-tune-results",
                                      ("\n".join(rows) + "\n").encode())
        job.result_files = [result.id]
        self.server.tuned_models.append(job.fine_tuned_model)
        self._event(job, f"New fine-tuned model created: {job.fine_tuned_model}")
        self._event(job, "The job has successfully completed")

    def _fail(self, job: FakeJob, code: str, message: str, param: str | None = None) -> None:
        job.status = "failed"
        job.finished_at = self.now
        job.error = {"code": code, "message": message, "param": param}
        self._event(job, message, level="error")

    def cancel(self, job: FakeJob) -> None:
        if job.status in ("succeeded", "failed", "cancelled"):
            return
        job.status = "cancelled"
        job.finished_at = self.now
        self._event(job, "Fine-tuning job cancelled")
