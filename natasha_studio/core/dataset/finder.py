"""Finding pairs in a helper process, for a run that shares its process with a window.

Finding pairs walks every message in Python (turns, reply chains, the tally): on a big chat
that is seconds of the interpreter. Beside a window (``pipeline.run_extraction`` with
``beside_window``) it runs here, in a helper process of its own reading the project through
a read-only connection, while the scoring runs in another: the window's process only takes
the found pairs in batches, hands them to the scoring and writes what comes back, so its
own thread (the window's) rarely waits for the interpreter.

The helper reads what is committed, a few thousand messages at a time (see
``extract._messages_in_order``); extraction writes only pairs, so the messages it reads are
those the run would read itself. It stops when its parent goes (see
``helper``), and a cancel stops it at once.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path

from natasha_studio.core.dataset.extract import ExtractedPair, pairs_from
from natasha_studio.core.dataset.helper import (
    HelperFailed,
    HelperProcess,
    extraction_stopped,
    put_result,
    start_helper,
)
from natasha_studio.core.dataset.settings import ExtractionSettings
from natasha_studio.core.dataset.tally import ExtractionTally
from natasha_studio.core.i18n import translate

_BATCH = 200  # pairs handed over at a time
_AHEAD = 8  # batches the helper may hold ready: memory stays flat
_STEP_S = 0.005  # how long a wait for the helper goes before letting a waiting writer in


def _find(path: str, persona: list[int], settings: ExtractionSettings, _tasks, results) -> None:
    """The helper process: find the pairs and hand them over in batches, in order, with each
    chat's start (progress) and, at the end, the tally."""
    gc.disable()  # see bulk.gc_paused: this process only ever does this bulk work
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                           isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute(f"PRAGMA cache_size = {-64 * 1024}")
    tally = ExtractionTally()
    batch: list[ExtractedPair] = []

    def on_chat(index: int, total: int, name: str) -> None:
        if batch:
            put_result(results, ("pairs", batch[:]))
            batch.clear()
        put_result(results, ("chat", (index, total, name)))

    try:
        for pair in pairs_from(conn, set(persona), settings, on_chat=on_chat, tally=tally):
            batch.append(pair)
            if len(batch) >= _BATCH:
                put_result(results, ("pairs", batch[:]))
                batch.clear()
    finally:
        conn.close()
    if batch:
        put_result(results, ("pairs", batch))
    put_result(results, ("done", tally))


class Finder:
    """The pairs of every included chat, found in a helper process (see the module's note)."""

    def __init__(self, helper: HelperProcess) -> None:
        self._helper = helper

    @classmethod
    def start(cls, path: Path | str, persona: set[int],
              settings: ExtractionSettings) -> Finder | None:
        """A finder with its helper started, or None where no process can be started (the
        caller then finds the pairs itself)."""
        helper = start_helper(_find, (str(path), sorted(persona), settings),
                              name="natasha-studio-finding", max_results=_AHEAD)
        return None if helper is None else cls(helper)

    def pairs(self, on_chat: Callable[[int, int, str], None], tally: ExtractionTally,
              pause: Callable[[], object]) -> Iterator[ExtractedPair]:
        """The pairs in the order ``extract_pairs`` gives them, calling ``on_chat`` as each
        chat starts; ``tally`` gets the helper's counts at the end. While the helper is
        behind, ``pause`` is called every few milliseconds (``Project.pause_point``: a
        writer waiting meanwhile goes first)."""
        helper = self._helper
        while True:
            try:
                while not helper.wait(_STEP_S):
                    pause()
                kind, value = helper.get()
            except HelperFailed as exc:
                raise extraction_stopped(
                    translate("Extraction", "Finding pairs stopped unexpectedly."),
                    "finding pairs", exc) from None
            if kind == "pairs":
                yield from value
            elif kind == "chat":
                on_chat(*value)
            elif kind == "done":
                for name in (f.name for f in fields(ExtractionTally)):
                    setattr(tally, name, getattr(value, name))
                return
            else:
                raise RuntimeError(f"unexpected {kind!r} from the finding helper")

    def close(self, *, finished: bool) -> None:
        """Stop the helper: it has ended by itself when ``finished``, else at once."""
        self._helper.close(finished=finished)
