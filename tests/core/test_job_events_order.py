"""A job's events read in the order they happened, whatever precision their times have."""

from __future__ import annotations

from pathlib import Path

from natasha_studio.core import jobs


def test_a_whole_second_sorts_as_its_start(project):
    job_id = jobs.record_launch(project, jobs.LaunchPlan("together", "m", Path("train.jsonl")))
    # The app stamps its own events to the microsecond; most providers give whole seconds.
    jobs.add_event(project, job_id, "uploading", at="2026-12-07T09:08:34.120943Z")
    jobs.add_event(project, job_id, "queued", at="2026-12-07T09:08:34Z", remote_id="q")
    jobs.add_event(project, job_id, "deleted", at="2026-12-07T09:08:35.116022Z")
    # Saved after the deletion (the provider's event came in the same poll), but earlier.
    jobs.add_event(project, job_id, "ready", at="2026-12-07T09:08:35Z", remote_id="r")
    jobs.add_event(project, job_id, "later", at="2026-12-07T09:08:36Z", remote_id="l")
    assert [e.message for e in jobs.job_events(project, job_id)] == [
        "queued", "uploading", "ready", "deleted", "later"]
