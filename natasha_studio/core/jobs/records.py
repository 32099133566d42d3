"""Fine-tune jobs as the project keeps them: the ``jobs``, ``job_events`` and ``job_metrics`` rows.

Everything a provider reports is written as soon as it arrives (each update one transaction),
so closing the app in the middle of a job loses nothing: on the next start the job is read
back and tracking resumes from its saved state.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.owner import owner_alive, this_process
from natasha_studio.core.store import Project

FINAL_STATES = frozenset({"succeeded", "failed", "cancelled"})
OWNER = "owner"  # key of the job's state: the process launching it (see ``owner``)
# States before the provider knows the job: nothing remote to resume if the app closes here.
LOCAL_STATES = frozenset({"preparing", "uploading"})


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass
class JobRecord:
    id: int
    provider: str
    remote_id: str | None
    snapshot_id: int | None
    snapshot_name: str | None
    base_model: str
    display_name: str
    hyperparameters: dict[str, Any]
    status: str
    error: str | None
    tuned_model: str | None
    state: dict[str, Any]
    created_at: str
    updated_at: str
    finished_at: str | None

    @property
    def finished(self) -> bool:
        return self.status in FINAL_STATES

    @property
    def checkpoints(self) -> list[dict[str, Any]]:
        return list(self.state.get("checkpoints") or [])

    @property
    def estimated_finish(self) -> str | None:
        return self.state.get("estimated_finish")

    @property
    def last_checked_at(self) -> str | None:
        """When the provider last answered about this job (ISO 8601, UTC)."""
        return self.state.get("checked_at")

    @property
    def check_error(self) -> str | None:
        """Why the latest try to ask the provider failed; None once it answers again."""
        return self.state.get("check_error")

    def elapsed_seconds(self, now: dt.datetime | None = None) -> float:
        """Seconds from creation to the end (or to ``now`` while it runs)."""
        start = parse_iso(self.created_at)
        end = parse_iso(self.finished_at) or now or dt.datetime.now(dt.UTC)
        return max(0.0, (end - start).total_seconds()) if start else 0.0


@dataclass
class JobEventRecord:
    id: int
    at: str
    level: str
    message: str
    data: dict[str, Any] | None = None
    remote_id: str | None = None


@dataclass
class StatusChange:
    """What one provider update changed, so views refresh only what they must."""

    job_id: int
    status: str
    previous_status: str
    new_events: int = 0
    new_metrics: int = 0
    finished: bool = False
    fields: set[str] = field(default_factory=set)


_SELECT = ("SELECT jobs.*, snapshots.name AS snapshot_name FROM jobs "
           "LEFT JOIN snapshots ON snapshots.id = jobs.snapshot_id")


def _record(row: Any) -> JobRecord:
    return JobRecord(
        id=row["id"], provider=row["provider"], remote_id=row["remote_id"],
        snapshot_id=row["snapshot_id"], snapshot_name=row["snapshot_name"],
        base_model=row["base_model"], display_name=row["display_name"],
        hyperparameters=json.loads(row["hyperparameters"] or "{}"), status=row["status"],
        error=row["error"], tuned_model=row["tuned_model"],
        state=json.loads(row["state"] or "{}"), created_at=row["created_at"],
        updated_at=row["updated_at"], finished_at=row["finished_at"],
    )


def create_job(project: Project, provider: str, base_model: str, *, snapshot_id: int | None,
               display_name: str = "", hyperparameters: dict[str, Any] | None = None,
               state: dict[str, Any] | None = None) -> int:
    """Record a new job in the 'preparing' state, with ``state`` to save; returns its id."""
    if not base_model.strip():
        raise StudioError(translate("Jobs", "Choose the base model to fine-tune."))
    with project.transaction() as conn:
        # The process that prepares and uploads is recorded, so that another window or
        # command opening the project never takes its launch for an abandoned one.
        cur = conn.execute(
            "INSERT INTO jobs(provider, snapshot_id, base_model, display_name, hyperparameters,"
            " status, state, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'preparing', ?, ?, ?)",
            (provider, snapshot_id, base_model.strip(), display_name.strip(),
             json.dumps(hyperparameters or {}, ensure_ascii=False),
             json.dumps({**(state or {}), OWNER: this_process()}, ensure_ascii=False),
             now_iso(), now_iso()))
        return int(cur.lastrowid)


def get_job(project: Project, job_id: int) -> JobRecord:
    row = project.conn.execute(_SELECT + " WHERE jobs.id = ?", (job_id,)).fetchone()
    if row is None:
        raise StudioError(translate("Jobs", "There is no fine-tune job #{id} in this project.")
                          .format(id=job_id))
    return _record(row)


def list_jobs(project: Project) -> list[JobRecord]:
    """Every job, newest first."""
    return [_record(r) for r in project.conn.execute(_SELECT + " ORDER BY jobs.id DESC")]


def find_job(project: Project, ref: str | int) -> JobRecord:
    """A job by its number or its provider's id."""
    text = str(ref).strip().lstrip("#")
    if text.isdigit():
        return get_job(project, int(text))
    row = project.conn.execute(_SELECT + " WHERE jobs.remote_id = ?", (text,)).fetchone()
    if row is None:
        raise StudioError(translate("Jobs", "There is no fine-tune job “{ref}” in this project.")
                          .format(ref=ref))
    return _record(row)


def job_states(project: Project) -> dict[int, str]:
    """Every job's status by its id (cheaper than :func:`list_jobs` for watching changes)."""
    return {int(job_id): status
            for job_id, status in project.conn.execute("SELECT id, status FROM jobs")}


def unfinished_jobs(project: Project) -> list[JobRecord]:
    """Jobs a provider is still running (they have a remote id and no final state)."""
    return [job for job in list_jobs(project)
            if not job.finished and job.remote_id and job.status not in LOCAL_STATES]


def add_event(project: Project, job_id: int, message: str, *, level: str = "info",
              data: dict[str, Any] | None = None, remote_id: str | None = None,
              at: str | None = None) -> bool:
    """Add one event (ignored when its remote id was recorded before); True if added."""
    with project.transaction() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO job_events(job_id, remote_id, at, level, message, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (job_id, remote_id, at or now_iso(), level, message,
             json.dumps(data, ensure_ascii=False) if data else None))
        return cur.rowcount > 0


def set_status(project: Project, job_id: int, status: str, *, error: str | None = None) -> None:
    """Set a job's state from our side (preparing, uploading, or failed before it started)."""
    with project.transaction() as conn:
        conn.execute(
            "UPDATE jobs SET status = ?, error = COALESCE(?, error), updated_at = ?,"
            " finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?",
            (status, error, now_iso(), status in FINAL_STATES, now_iso(), job_id))


def apply_status(project: Project, job_id: int, status: Any) -> StatusChange:
    """Save a provider's ``JobStatus``: state, error, model, events, metrics, checkpoints.

    Events are kept once each (by their remote id), metrics once per step and name; the
    status's ``resume`` data is merged into the job's saved state.
    """
    job = get_job(project, job_id)
    change = StatusChange(job_id, status.state, job.status)
    state = dict(job.state)
    state.update(status.resume or {})
    if status.checkpoints:
        state["checkpoints"] = status.checkpoints
    if status.estimated_finish:
        state["estimated_finish"] = status.estimated_finish
    if status.raw_state:
        state["raw_state"] = status.raw_state
    state["checked_at"] = now_iso()
    state.pop("check_error", None)
    finished = status.state in FINAL_STATES
    with project.transaction() as conn:
        for event in status.events:
            cur = conn.execute(
                "INSERT OR IGNORE INTO job_events(job_id, remote_id, at, level, message, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (job_id, event.remote_id, event.at or now_iso(), event.level, event.message,
                 json.dumps(event.data, ensure_ascii=False) if event.data else None))
            change.new_events += cur.rowcount
        for step, name, value in status.metrics:
            cur = conn.execute(
                "INSERT OR REPLACE INTO job_metrics(job_id, step, name, value) VALUES (?, ?, ?, ?)",
                (job_id, int(step), name, float(value)))
            change.new_metrics += cur.rowcount
        conn.execute(
            "UPDATE jobs SET status = ?, remote_id = COALESCE(?, remote_id),"
            " error = COALESCE(?, error), tuned_model = COALESCE(?, tuned_model), state = ?,"
            " updated_at = ?, finished_at = CASE WHEN ? AND finished_at IS NULL THEN ?"
            " ELSE finished_at END WHERE id = ?",
            (status.state, status.remote_id or None, status.error, status.tuned_model,
             json.dumps(state, ensure_ascii=False), now_iso(), finished, now_iso(), job_id))
    change.finished = finished and not job.finished
    if status.state != job.status:
        change.fields.add("status")
    if status.tuned_model and status.tuned_model != job.tuned_model:
        change.fields.add("tuned_model")
    if status.checkpoints and status.checkpoints != job.checkpoints:
        change.fields.add("checkpoints")
    return change


def update_state(project: Project, job_id: int, values: dict[str, Any]) -> None:
    """Merge ``values`` into the job's saved state (the curator's choices, what was done)."""
    with project.transaction() as conn:
        row = conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        state = json.loads(row["state"] or "{}") if row is not None else {}
        state.update(values)
        conn.execute("UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?",
                     (json.dumps(state, ensure_ascii=False), now_iso(), job_id))


def job_events(project: Project, job_id: int) -> list[JobEventRecord]:
    """A job's events, oldest first.

    The app stamps its own events to the microsecond; providers mostly give whole seconds
    ("…:35Z"), which as text sort after every "…:35.1Z" of that second. A whole second sorts
    as its start instead, so that what a provider reported comes before what the app did
    about it (the model ready, then its training data deleted)."""
    rows = project.conn.execute(
        "SELECT * FROM job_events WHERE job_id = ? ORDER BY"
        " CASE WHEN length(at) = 20 THEN substr(at, 1, 19) || '.000000Z' ELSE at END, id",
        (job_id,))
    return [JobEventRecord(r["id"], r["at"], r["level"], r["message"],
                           json.loads(r["data"]) if r["data"] else None, r["remote_id"])
            for r in rows]


def job_metrics(project: Project, job_id: int) -> dict[str, list[tuple[int, float]]]:
    """A job's metrics as series: name -> [(step, value), ...] in step order."""
    series: dict[str, list[tuple[int, float]]] = {}
    for row in project.conn.execute(
            "SELECT step, name, value FROM job_metrics WHERE job_id = ? ORDER BY name, step",
            (job_id,)):
        series.setdefault(row["name"], []).append((row["step"], row["value"]))
    return series


def note_check_failed(project: Project, job_id: int, reason: str) -> None:
    """Keep why the provider could not be asked (shown until it answers again)."""
    update_state(project, job_id, {"check_error": reason})


def mark_interrupted(project: Project) -> list[int]:
    """Jobs left 'preparing' or 'uploading' by a closed app never reached the provider:
    mark them failed with a message that says so. Returns their ids.

    A launch whose process is still running (another window or command uploading right now)
    is left alone."""
    rows = project.conn.execute(
        "SELECT id, state FROM jobs WHERE status IN ('preparing', 'uploading')"
        " AND remote_id IS NULL").fetchall()
    ids = [r["id"] for r in rows
           if not owner_alive(json.loads(r["state"] or "{}").get(OWNER))]
    message = translate("Jobs", "The app was closed before the job reached the provider. "
                                "Launch it again.")
    for job_id in ids:
        set_status(project, job_id, "failed", error=message)
        add_event(project, job_id, message, level="error")
    return ids


def state_label(state: str) -> str:
    """A job's state in the reader's words ("Training", «Обучение»), for the window and the
    command line alike."""
    words = {
        "preparing": translate("Finetune", "Preparing"),
        "uploading": translate("Finetune", "Uploading"),
        "validating": translate("Finetune", "Checking files"),
        "queued": translate("Finetune", "Queued"),
        "running": translate("Finetune", "Training"),
        "succeeded": translate("Finetune", "Finished"),
        "failed": translate("Finetune", "Failed"),
        "cancelling": translate("Finetune", "Cancelling"),
        "cancelled": translate("Finetune", "Cancelled"),
        "done": translate("Finetune", "Done"),
    }
    return words.get(state, state)
