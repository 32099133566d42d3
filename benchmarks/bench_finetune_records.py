"""How fast job updates are saved and read back (a long OpenAI job: thousands of steps).

    .venv/bin/python benchmarks/bench_finetune_records.py [steps]

Prints the time to save each poll's update (events + metrics, one transaction) and to load
the chart's series and the events list, which the Fine-tune tab does on every update.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from natasha_studio.providers.base import JobEvent, JobStatus

from natasha_studio.core import jobs
from natasha_studio.core.store import Project


def main() -> None:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    per_poll = 20  # steps reported between two polls
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "bench.nstudio", "Наташа")
        job_id = jobs.create_job(project, "openai", "gpt-4.1-mini", snapshot_id=None)
        started = time.perf_counter()
        polls = 0
        for first in range(1, steps + 1, per_poll):
            batch = range(first, min(first + per_poll, steps + 1))
            status = JobStatus(
                state="running", remote_id="ftjob-bench",
                events=[JobEvent(f"ev-{s}", "2026-01-01T00:00:00Z", "info",
                                 f"Step {s}/{steps}", {"step": s, "train_loss": 1 / s})
                        for s in batch],
                metrics=[(s, name, 1 / s) for s in batch
                         for name in ("train_loss", "valid_loss", "train_mean_token_accuracy")],
                resume={"last_event_id": f"ev-{batch[-1]}"})
            jobs.apply_status(project, job_id, status)
            polls += 1
        saved = time.perf_counter() - started
        started = time.perf_counter()
        series = jobs.job_metrics(project, job_id)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        events = jobs.job_events(project, job_id)
        listed = time.perf_counter() - started
        project.close()
    print(f"steps: {steps}, polls: {polls}, events: {len(events)}, "
          f"metric points: {sum(len(v) for v in series.values())}")
    print(f"save one poll's update: {saved / polls * 1000:.2f} ms")
    print(f"load chart series: {loaded * 1000:.1f} ms")
    print(f"load events list: {listed * 1000:.1f} ms")


if __name__ == "__main__":
    main()
