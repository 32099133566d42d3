"""Fine-tune jobs: records in the project and the launch/track/cancel logic (no Qt).

    from natasha_studio.core import jobs

    plan = jobs.LaunchPlan("openai", "gpt-4.1-mini-2025-04-14", train_path, validation_path,
                           snapshot_id=3, display_name="v1",
                           hyperparameters={"epochs": 3, "learning_rate_multiplier": None})
    job_id = jobs.record_launch(project, plan)          # saved before anything is sent
    await jobs.launch(project, provider, job_id, plan, progress=on_bytes)
    await jobs.track(project, provider, job_id, on_update=on_change)   # until it ends
    await jobs.cancel(project, provider, job_id)

    jobs.list_jobs(project); jobs.get_job(project, job_id); jobs.unfinished_jobs(project)
    jobs.job_events(project, job_id); jobs.job_metrics(project, job_id)  # {name: [(step, v)]}
    jobs.mark_interrupted(project)      # on open: launches cut short by a closed app

A launch is confirmed first (``confirm.launch_summary``) and refused before any upload when
the provider takes no new jobs (``confirm.tuning_refusal``: OpenAI from 2027-01-06). When a job
ends, the tracker deletes the training file it uploaded unless ``LaunchPlan.keep_uploaded_data``.

Hyperparameters use one set of names for every provider: ``epochs``,
``learning_rate_multiplier``, ``batch_size`` (OpenAI), ``adapter_size`` (Vertex AI),
``suffix`` and ``seed`` (OpenAI); None or a missing key means the provider's default.
Local training (``natasha_studio.local``) takes ``epochs``, ``learning_rate`` (absolute),
``batch_size``, ``lora_r``, ``lora_alpha``, ``lora_dropout``, ``target_modules``,
``max_length``, ``load_in_4bit``, ``device`` and ``max_steps``; its pre-flight, base-model
check and merge target are in ``natasha_studio.core.jobs.local``.
"""

from natasha_studio.core.jobs.records import (
    FINAL_STATES,
    JobEventRecord,
    JobRecord,
    StatusChange,
    add_event,
    apply_status,
    create_job,
    find_job,
    get_job,
    job_events,
    job_metrics,
    list_jobs,
    mark_interrupted,
    note_check_failed,
    set_status,
    unfinished_jobs,
    update_state,
)
from natasha_studio.core.jobs.tracker import (
    POLL_INTERVALS,
    LaunchPlan,
    RetryNotice,
    cancel,
    delete_training_data,
    launch,
    poll_once,
    record_launch,
    track,
)

__all__ = [
    "FINAL_STATES", "POLL_INTERVALS", "JobEventRecord", "JobRecord", "LaunchPlan",
    "RetryNotice", "note_check_failed",
    "StatusChange", "add_event", "apply_status", "cancel", "create_job",
    "delete_training_data", "find_job", "get_job",
    "job_events", "job_metrics", "launch", "list_jobs", "mark_interrupted", "poll_once",
    "record_launch", "set_status", "track", "unfinished_jobs", "update_state",
]
