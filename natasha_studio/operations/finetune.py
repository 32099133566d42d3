"""A fine-tune: record it, send it, cancel it.

The Fine-tune tab and the ``finetune`` and ``cancel`` commands call these. The job is recorded
before anything leaves the computer, so a launch cut off half-way is never lost; each returns
the ``Changes`` it made (the jobs list). Following a job (``core.jobs.track``) reports each
state change through its own callback.
"""

from __future__ import annotations

import datetime as dt

from natasha_studio.core import jobs
from natasha_studio.core.jobs import JobRecord, LaunchPlan
from natasha_studio.core.provider import ProgressCallback, Provider
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes

JOBS = Changes(jobs=True)


def record_launch(project: Project, plan: LaunchPlan) -> tuple[int, Changes]:
    """The job's record, made before anything is sent; returns its id."""
    return jobs.record_launch(project, plan), JOBS


async def launch(project: Project, provider: Provider, job_id: int, plan: LaunchPlan, *,
                 progress: ProgressCallback | None = None,
                 today: dt.date | None = None) -> tuple[JobRecord, Changes]:
    """Upload the training files and start the recorded job at the provider. A refusal or a
    failure marks the job failed in plain words and is raised for the caller to show."""
    job = await jobs.launch(project, provider, job_id, plan, progress=progress, today=today)
    return job, JOBS


async def cancel(project: Project, provider: Provider, job_id: int) -> tuple[JobRecord, Changes]:
    """Ask the provider to stop the job (a job never sent is cancelled here at once)."""
    return await jobs.cancel(project, provider, job_id), JOBS
