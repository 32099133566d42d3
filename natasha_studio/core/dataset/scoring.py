"""Scoring extracted pairs (quality, duplicates, topics), in this process or in a helper process.

Scoring costs about as much as everything else extraction does together (finding the pairs,
writing them). On a large run it goes to a helper process, so that the two halves share the
machine's cores: this process finds and writes batch *n* while the helper scores batch *n + 1*.

The helper gets batches in order and keeps the duplicate finder's state, so it gives exactly
what scoring in this process gives (a test compares the two). It stops when told, when its
parent goes away (a killed app leaves no process behind), or on an error, which it reports.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import queue
import traceback
from collections import deque
from collections.abc import Sequence

from natasha_studio.core.dataset.quality import DuplicateFinder, add_reason, assess
from natasha_studio.core.dataset.topics import Lexicon, Topic
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate

log = logging.getLogger(__name__)

# A turn as plain values, in Turn's field order: role, text, sender id, sender name,
# message ids, date (plain tuples cross to the helper far cheaper than objects).
TurnValues = Sequence  # [str, str, int | None, str | None, list[int], int | None]
# One pair to score: its turns, question media-only, answer media-only, confidence, whether
# to tag it with topics (pairs a curator labelled keep the curator's topics).
Item = tuple[list[TurnValues], bool, bool, float, bool]
# What comes back: the turns as JSON, their message ids as JSON, score, reasons as JSON,
# topic ids.
Scored = tuple[str, str, float, str, tuple[int, ...]]

_POLL_S = 1.0  # how often a waiting side checks that the other is still there

_encode_str = json.encoder.encode_basestring  # json.dumps' own escaping (ensure_ascii=False)


def _json_int(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def turns_json(turns: Sequence[TurnValues]) -> str:
    """Exactly what ``pairs.turns_to_json`` writes (the same text, so edits compare equal),
    written field by field: ``dataclasses.asdict`` and the generic encoder cost more than
    the rest of extraction. A test checks the two agree."""
    return "[" + ", ".join(
        f'{{"role": {_encode_str(role)}, "text": {_encode_str(text)}, '
        f'"sender_id": {_json_int(sender_id)}, "sender_name": '
        f'{"null" if sender_name is None else _encode_str(sender_name)}, '
        f'"message_ids": [{", ".join(map(str, message_ids))}], "date": {_json_int(date)}}}'
        for role, text, sender_id, sender_name, message_ids, date in turns) + "]"


def question_and_answer(turns: Sequence[TurnValues]) -> tuple[str, str]:
    """``pairs.question_and_answer`` on plain turn values."""
    answer = turns[-1][1] if turns and turns[-1][0] == "assistant" else ""
    question = next((t[1] for t in reversed(turns[:-1]) if t[0] == "user"), "")
    return question, answer


class _Scoring:
    """The scoring state: the lexicon and the questions seen so far."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.lexicon = Lexicon(topics)
        self.duplicates = DuplicateFinder()

    def score(self, items: Sequence[Item]) -> list[Scored]:
        texts = [question_and_answer(item[0]) for item in items]
        dups = self.duplicates.check_many([question for question, _answer in texts])
        ids = self.lexicon.ids
        tag = self.lexicon.tag
        dumps = json.dumps
        out: list[Scored] = []
        for (turns, q_media, a_media, confidence, tag_it), (question, answer), dup in zip(
                items, texts, dups, strict=True):
            scored = assess(question, answer, question_media_only=q_media,
                            answer_media_only=a_media, confidence=confidence)
            if dup:
                scored = add_reason(scored, dup)
            topics = tuple(ids[name] for name in tag(question + "\n" + answer)) if tag_it else ()
            ids_json = "[" + ", ".join(str(i) for turn in turns for i in turn[4]) + "]"
            out.append((turns_json(turns), ids_json, scored[0], dumps(scored[1]), topics))
        return out


def _serve(topics: list[Topic], tasks, results) -> None:
    """The helper process: score each batch as it comes, until told to stop."""
    parent = multiprocessing.parent_process()
    try:
        scoring = _Scoring(topics)
    except BaseException:  # noqa: BLE001 — reported to the parent, which raises it
        results.put(("error", traceback.format_exc()))
        return
    while True:
        try:
            items = tasks.get(timeout=_POLL_S)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return
            continue
        if items is None:
            return
        try:
            results.put(("ok", scoring.score(items)))
        except BaseException:  # noqa: BLE001
            results.put(("error", traceback.format_exc()))
            return


class Scorer:
    """Scores batches in order: ``submit`` each batch, then ``result`` gives their scores
    oldest first. In this process unless ``helper`` is true; then in a helper process."""

    def __init__(self, topics: Sequence[Topic], helper: bool = False) -> None:
        self._process = None
        self._pending: deque[list[Item] | None] = deque()
        if helper:
            try:
                self._start(list(topics))
            except OSError as exc:  # no processes to be had: score here, only slower
                log.warning("pair scoring stays in this process: %s", exc)
                self._process = None
        self._local = None if self._process is not None else _Scoring(topics)

    def _start(self, topics: list[Topic]) -> None:
        # "spawn": a fresh interpreter. Forking a process that runs Qt and threads is unsafe.
        context = multiprocessing.get_context("spawn")
        self._tasks = context.Queue()
        self._results = context.Queue()
        self._process = context.Process(target=_serve, args=(topics, self._tasks, self._results),
                                        name="natasha-studio-scoring", daemon=True)
        self._process.start()

    @property
    def in_helper(self) -> bool:
        return self._process is not None

    def submit(self, items: list[Item]) -> None:
        """Queue one batch (the helper starts on it at once)."""
        if self._process is not None:
            self._tasks.put(items)
            self._pending.append(None)
        else:
            self._pending.append(items)

    def result(self) -> list[Scored]:
        """The scores of the oldest batch not yet returned (waits for the helper)."""
        items = self._pending.popleft()
        if self._process is None:
            return self._local.score(items)
        while True:
            try:
                status, value = self._results.get(timeout=_POLL_S)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise StudioError(
                        translate("Extraction", "Pair scoring stopped unexpectedly."),
                        translate("Extraction", "Nothing was changed. Run the extraction again."),
                    ) from None
        if status != "ok":
            log.error("pair scoring failed in its helper process:\n%s", value)
            raise StudioError(
                translate("Extraction", "Pair scoring failed."),
                translate("Extraction", "Nothing was changed. The log file has the details."),
            )
        return value

    def close(self) -> None:
        """Stop the helper (at once when work is left over, e.g. after a cancel)."""
        process, self._process = self._process, None
        if process is None:
            return
        if self._pending or not process.is_alive():
            process.terminate()
        else:
            self._tasks.put(None)
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
        for q in (self._tasks, self._results):
            q.close()
            q.cancel_join_thread()  # nothing left in them matters once the helper is gone
        self._pending.clear()

    def __enter__(self) -> Scorer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
