"""The whole dataset's privacy check in a helper process.

A first scan of a large project runs the NER model over every pair for minutes. In the
window's process that costs the model's memory (about 75 MB) and, worse, its Python work
competes with the window's thread for the interpreter lock and triggers garbage collections
that stop every thread: the window then stutters for as long as the scan lasts. A helper
process (see ``core.dataset.helper``) has its own interpreter and memory, and both end with
it. It writes the scan cache through its own connection, as a worker thread would (WAL lets
it share the file; short transactions, ``ScanBusy`` when another change holds the file).

Small checks stay in the calling process: starting a helper takes about a second.
"""

from __future__ import annotations

import dataclasses
import logging
import queue

from natasha_studio.core.dataset.helper import HelperFailed, parent_gone, put_result, start_helper
from natasha_studio.core.errors import Cancelled
from natasha_studio.core.i18n import translate
from natasha_studio.core.privacy.scan import Progress, ScanBusy, ScanSummary, refresh_summary
from natasha_studio.core.store import Project

log = logging.getLogger(__name__)

# From this many pairs to look at, the check runs in a helper process.
HELPER_FROM = 2000


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _helper_main(path: str, with_ids: bool, tasks, results) -> None:
    """In the helper: check the whole dataset, reporting progress; any message from the
    parent means stop."""
    def progress(done: int, total: int, _detail: str = "") -> None:
        try:
            tasks.get_nowait()
        except queue.Empty:
            pass
        else:
            raise Cancelled()
        if parent_gone():
            raise SystemExit(0)
        put_result(results, ("progress", (done, total)))

    with Project.open(path) as project:
        try:
            summary = refresh_summary(project, None, progress, with_ids)
        except ScanBusy:
            put_result(results, ("busy", None))
            return
        except Cancelled:
            put_result(results, ("cancelled", None))
            return
    summary.helper_peak_mb = _peak_mb()
    put_result(results, ("done", dataclasses.asdict(summary)))


def refresh_dataset_in_helper(path: str, with_ids: bool,
                              progress: Progress | None = None) -> ScanSummary | None:
    """``refresh_summary`` over every pair, run by a helper process; None when no helper
    could do it (none could start, or it failed: the caller then checks in this process).

    ``progress`` may raise ``Cancelled``: the helper is stopped and that is raised here.
    Raises ``ScanBusy`` as the check in this process would.
    """
    try:
        helper = start_helper(_helper_main, (str(path), with_ids), name="privacy-check")
    except RuntimeError as exc:  # e.g. a script without a __main__ guard cannot spawn
        log.warning("no helper process for the privacy check (%s): checking here", exc)
        helper = None
    if helper is None:
        return None
    finished = False
    try:
        while True:
            kind, value = helper.get()
            if kind == "progress":
                if progress is not None:
                    progress(*value)
                continue
            finished = True
            if kind == "done":
                return ScanSummary(**value)
            if kind == "busy":
                raise ScanBusy(
                    translate("Privacy", "The project is busy with another change, so the "
                                         "check for personal data could not save its results."),
                    translate("Privacy", "It goes on by itself once that change is written."))
            raise Cancelled()
    except HelperFailed as exc:
        log.warning("the privacy check's helper failed; checking in this process: %s", exc)
        return None
    finally:
        helper.close(finished=finished)
