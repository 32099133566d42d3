"""What the network-fault tests share (``integration/test_network_faults.py`` for Vertex AI and
OpenAI, ``integration/test_fault_matrix.py`` for the other providers): the retry policy shrunk
to a second or so, a fault lifted later, a job followed, and the check that it rode one out."""

from __future__ import annotations

import asyncio
import threading

import pytest

from natasha_studio.core import jobs
from natasha_studio.core.retry import RetryPolicy

FAST = RetryPolicy(connect_timeout=0.5, read_timeout=1.0, first_token_timeout=1.0,
                   call_attempts=2, call_first_delay=0.05, call_max_delay=0.1,
                   first_delay=0.05, max_delay=0.3, jitter=0.1)


def later(seconds, action):
    timer = threading.Timer(seconds, action)
    timer.daemon = True
    timer.start()
    return timer


def follow(project, provider, job_id, notices, limit=30.0):
    """Track the job to its end with ``FAST``, each retry notice added to ``notices``."""
    async def run():
        return await asyncio.wait_for(
            jobs.track(project, provider, job_id, interval=0.05, policy=FAST,
                       on_retry=notices.append), limit)
    return asyncio.run(run())


def assert_recovered(project, job_id, notices, label):
    """The job succeeded after the curator was told, in plain words, that ``label`` could not
    be reached; its events say so and that the provider answered again."""
    job = jobs.get_job(project, job_id)
    assert job.status == "succeeded" and job.tuned_model
    assert notices, "the curator was told about the retries"
    assert notices[0].text().startswith(f"No connection to {label}, trying again in")
    assert "Traceback" not in notices[0].reason
    events = [e.message for e in jobs.job_events(project, job_id)]
    assert any("Cannot reach the provider" in m for m in events)
    assert any("answers again" in m for m in events)
    assert job.check_error is None and job.last_checked_at
    return job


def tracked_across_a_restart(project, provider, job_id, restore):
    """A job tracked while the network is down until the app is closed, then (``restore``
    brings the network back) tracked again in the project opened anew, where it is still
    unfinished. Returns the reason it was kept with, and the job as the second tracking
    left it."""
    from natasha_studio.core.store import Project

    async def interrupted():
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(jobs.track(project, provider, job_id, interval=0.05,
                                              policy=FAST), 2.0)
    asyncio.run(interrupted())  # the app is closed while the network is down
    reason = jobs.get_job(project, job_id).check_error
    assert reason
    restore()
    with Project.open(project.path) as reopened:
        assert [j.id for j in jobs.unfinished_jobs(reopened)] == [job_id]
        job = asyncio.run(jobs.track(reopened, provider, job_id, interval=0.05, policy=FAST))
    return reason, job
