"""The job view says when the provider cannot be reached and when it is asked again."""

from __future__ import annotations

from test_finetune_tab import confirmations, open_project  # noqa: F401
from test_finetune_tab import tab as tab  # noqa: F401 - the fixture

from natasha_studio.core import jobs
from natasha_studio.core.provider import JobStatus

pytest_plugins = ["fakes.fixtures"]


def test_the_job_view_shows_the_retry_then_clears_it(tab, ctx, tmp_path):
    project = open_project(ctx, tmp_path / "retry.nstudio")
    job_id = jobs.create_job(project, "openai", "gpt-4.1-mini-2025-04-14", snapshot_id=None)
    jobs.apply_status(project, job_id, JobStatus("running", "ftjob-1"))
    tab.reload_jobs()
    tab.job_view.show_job(project, job_id)
    tab.selected_job_id = lambda: job_id
    view = tab.job_view
    assert view.connection.isHidden()

    reason = "Cannot reach http://127.0.0.1:9/v1."
    jobs.note_check_failed(project, job_id, reason)
    tab._on_retry(jobs.RetryNotice(job_id, "OpenAI", 19.6, 1, reason))
    assert view.connection.text() == f"No connection to OpenAI, trying again in 20 s. ({reason})"
    view.show_job(project, job_id)  # a refresh keeps the live line
    assert not view.connection.isHidden() and "20 s" in view.connection.text()

    jobs.apply_status(project, job_id, JobStatus("running", "ftjob-1"))  # it answers again
    view.show_job(project, job_id)
    assert view.connection.isHidden()

    # Opened later, a job that could not be checked says why.
    jobs.note_check_failed(project, job_id, reason)
    view.clear()
    view.show_job(project, job_id)
    assert view.connection.text() == f"Could not check the job: {reason}"
