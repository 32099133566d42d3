"""The helper processes of import and extraction: the same results as working in one process,
and failures that lose nothing and leave no process behind."""

from __future__ import annotations

import json
import multiprocessing
import random

import pytest

from natasha_studio.core.dataset.pipeline import run_extraction
from natasha_studio.core.dataset.scoring import Scorer
from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.dataset.topics import ensure_default_lexicon, list_topics
from natasha_studio.core.errors import Cancelled, StudioError
from natasha_studio.core.store import Project
from natasha_studio.telegram.export import importer
from natasha_studio.telegram.export.importer import import_exports
from natasha_studio.telegram.export.synth import message, write_export

WORDS = ("как начать медитировать каждый день если нет времени энергия уходит вечером отношения "
         "с мужем стали холоднее что делать спасибо практика дыхания карма бизнес деньги "
         "страх https://t.me/club скидка 🙏").split()
PAIRS_SELECT = (
    "SELECT key, origin, confidence, turns_original, question, answer, quality, quality_reasons,"
    " message_ids, link FROM pairs ORDER BY key")


def _export(path, answers: int, seed: int = 7):
    """A chat where the persona answers ``answers`` questions (some repeated: duplicates)."""
    rnd = random.Random(seed)
    said: list[str] = []

    def messages():
        t, msg_id = 1_700_000_000, 0
        for _ in range(answers):
            if said and rnd.random() < 0.1:
                question = rnd.choice(said)
            else:
                question = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 14))) + "?"
                said.append(question)
            t += rnd.randint(10, 300)
            msg_id += 1
            member = rnd.randint(1000, 1100)
            yield message(msg_id, t, f"Участница {member}", f"user{member}", question,
                          reply_to=msg_id - 2 if msg_id > 2 and rnd.random() < 0.3 else None)
            t += rnd.randint(10, 900)
            msg_id += 1
            answer = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 40)))
            yield message(msg_id, t, "Наташа", "user100", answer,
                          reply_to=msg_id - 1 if rnd.random() < 0.7 else None)

    return write_export(path, "Сообщество", "public_supergroup", 4242, messages())


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return _export(tmp_path_factory.mktemp("scoring") / "result.json", 2600)


def _project(tmp_path, export, name):
    project = Project.create(tmp_path / f"{name}.nstudio", "Наташа")
    assert not import_exports(project, [export]).errors
    set_persona_ids(project, [100])
    return project


def _pairs(project):
    return ([tuple(r) for r in project.conn.execute(PAIRS_SELECT)],
            [tuple(r) for r in project.conn.execute(
                "SELECT p.key, t.topic_id, t.source FROM pair_topics t JOIN pairs p"
                " ON p.id = t.pair_id ORDER BY 1, 2")])


def test_helper_process_scores_exactly_like_this_one(tmp_path, export):
    here = _project(tmp_path, export, "here")
    there = _project(tmp_path, export, "there")
    assert run_extraction(here, helper=False).total == run_extraction(there, helper=True).total
    pairs, topics = _pairs(there)
    assert len(pairs) > 2000 and topics  # several batches went through the helper
    assert any("duplicate" in row[7] for row in pairs)
    assert _pairs(here) == (pairs, topics)
    # The helper is gone once the run is over.
    assert not multiprocessing.active_children()


def test_first_big_run_keeps_references_and_search_marks(tmp_path, export):
    project = _project(tmp_path, export, "first")
    report = run_extraction(project)  # a first run of this size takes the bulk path
    conn = project.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM pair_search_dirty").fetchone()[0] == report.total
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                        " AND name = 'pair_search_ins'").fetchone()[0] == 1
    # A second run updates in place and keeps the checks on: deleting a chat cascades.
    assert run_extraction(project).new == 0
    with project.transaction():
        conn.execute("DELETE FROM pairs WHERE id IN (SELECT id FROM pairs LIMIT 5)")
    assert conn.execute("SELECT count(*) FROM pair_topics WHERE pair_id NOT IN"
                        " (SELECT id FROM pairs)").fetchone()[0] == 0


def test_a_helper_that_dies_stops_the_run_and_changes_nothing(tmp_path, export):
    project = _project(tmp_path, export, "dies")
    killed = []

    def progress(done, total, detail=""):
        if not killed and done == 0 and total == 0:  # a batch has been handed over
            for child in multiprocessing.active_children():
                child.kill()
                killed.append(child)

    with pytest.raises(StudioError) as error:
        run_extraction(project, progress, helper=True)
    assert killed and "stopped unexpectedly" in str(error.value)
    assert project.conn.execute("SELECT count(*) FROM pairs").fetchone()[0] == 0
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_cancel_leaves_no_helper_and_no_pairs(tmp_path, export):
    project = _project(tmp_path, export, "cancel")
    calls = []

    def progress(done, total, detail=""):
        calls.append(done)
        if len(calls) > 1:  # the chat started, then a batch went to the helper
            raise Cancelled()

    with pytest.raises(Cancelled):
        run_extraction(project, progress, helper=True)
    assert project.conn.execute("SELECT count(*) FROM pairs").fetchone()[0] == 0
    assert not multiprocessing.active_children()


def test_scorer_reports_a_failure_in_the_helper(project):
    ensure_default_lexicon(project)
    with Scorer(list_topics(project), helper=True) as scorer:
        assert scorer.in_helper
        scorer.submit([("Вопрос про карму?", "Ответ про карму и энергию.", False, False, 1.0,
                        True)])
        quality, reasons, topics = scorer.result()[0]
        assert 0 < quality <= 1 and isinstance(json.loads(reasons), list) and topics
        scorer.submit([("not a pair",)])  # a malformed batch fails inside the helper
        with pytest.raises(StudioError, match="stopped unexpectedly"):
            scorer.result()


MESSAGES_SELECT = "SELECT * FROM messages ORDER BY chat_id, id"


def test_import_helper_reads_exactly_like_this_process(tmp_path, export, monkeypatch):
    here = Project.create(tmp_path / "here.nstudio", "Наташа")
    import_exports(here, [export])
    started = []
    real_start = importer.start_helper

    def counting_start(*args, **kwargs):
        helper = real_start(*args, **kwargs)
        started.append(helper)
        return helper

    monkeypatch.setattr(importer, "HELPER_MIN_BYTES", 0)
    monkeypatch.setattr(importer, "start_helper", counting_start)
    there = Project.create(tmp_path / "there.nstudio", "Наташа")
    report = import_exports(there, [export])
    assert started and started[0] is not None
    assert report.added == 5200 and not report.errors
    for select in (MESSAGES_SELECT, "SELECT * FROM participants ORDER BY id"):
        assert [tuple(r) for r in here.conn.execute(select)] == \
            [tuple(r) for r in there.conn.execute(select)]
    # Texts crossed as UTF-8 bytes and were stored as text.
    assert there.conn.execute("SELECT count(*) FROM messages WHERE typeof(text) != 'text'"
                              " OR typeof(coalesce(entities, '')) != 'text'").fetchone()[0] == 0
    assert not multiprocessing.active_children()


def test_import_helper_that_dies_is_replaced_by_reading_here(tmp_path, export, monkeypatch):
    monkeypatch.setattr(importer, "HELPER_MIN_BYTES", 0)
    monkeypatch.setattr(importer, "_AHEAD", 1)  # the helper waits on us: still alive to kill
    project = Project.create(tmp_path / "p.nstudio", "Наташа")
    killed = []

    def progress(done, total, detail=""):
        if not killed:
            for child in multiprocessing.active_children():
                child.kill()
                killed.append(child)

    report = import_exports(project, [export], progress=progress)
    assert killed and not report.errors
    assert report.added == 5200 == project.counts()["messages"]
    assert not multiprocessing.active_children()


def _items(count, seed=3):
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        question = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 12))) + "?"
        answer = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 30)))
        out.append((question, answer, rnd.random() < 0.05, rnd.random() < 0.05,
                    rnd.choice([1.0, 0.45, 0.7]), rnd.random() < 0.9))
    return out


def test_scores_made_without_the_duplicate_check_complete_exactly(project):
    from natasha_studio.core.dataset.quality import DuplicateFinder
    from natasha_studio.core.dataset.scoring import _Quality, add_dup

    ensure_default_lexicon(project)
    quality = _Quality(list_topics(project))
    items = _items(400) * 2  # the second half repeats the first: duplicates
    dups = DuplicateFinder().check_many([item[0] for item in items])
    assert "duplicate" in dups
    ahead = quality.score(items, [None] * len(items))
    assert [add_dup(s, d) for s, d in zip(ahead, dups, strict=True)] == quality.score(items, dups)


def test_this_process_sharing_the_scoring_changes_nothing(project):
    ensure_default_lexicon(project)
    topics = list_topics(project)
    batches = [_items(300, seed) for seed in range(8)]
    batches.append(batches[0])  # duplicates of an early batch
    with Scorer(topics) as here:
        expected = []
        for batch in batches:
            here.submit(batch)
            expected.append(here.result())
    with Scorer(topics, helper=True) as shared:
        for batch in batches:  # all handed over at once: the helper falls behind
            shared.submit(batch)
        got = [shared.result() for _ in batches]
        assert shared.shared > 0
    assert got == expected
    # Beside a window, a second helper takes that share: the same scores again.
    with Scorer(topics, helper=True, share=False) as apart:
        for batch in batches:
            apart.submit(batch)
        got = []
        for _ in batches:
            while not apart.wait(0.005):
                pass
            got.append(apart.result())
        assert apart.shared > 0 and apart._quality is None
    assert got == expected
    assert not multiprocessing.active_children()


def _no_scoring_here(monkeypatch) -> list:
    """Record any scoring this process does (the helper process is not patched)."""
    from natasha_studio.core.dataset import scoring

    scored_here: list = []
    real_init = scoring._Quality.__init__

    def recording_init(self, *args, **kwargs):
        scored_here.append(True)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(scoring._Quality, "__init__", recording_init)
    return scored_here


def _beside_window(project, progress=None, **kwargs):
    """A run as the window's task makes it: pausable, beside the window."""
    with project.pausable():
        return run_extraction(project, progress, beside_window=True, **kwargs)


def _finders(monkeypatch) -> list:
    """Record the finding helpers started."""
    from natasha_studio.core.dataset import finder

    started: list = []
    real_start = finder.Finder.start.__func__

    def recording_start(cls, *args):
        found = real_start(cls, *args)
        started.append(found)
        return found

    monkeypatch.setattr(finder.Finder, "start", classmethod(recording_start))
    return started


def test_a_run_beside_the_window_scores_in_the_helper_only_and_the_same(
        tmp_path, export, monkeypatch):
    here = _project(tmp_path, export, "here")
    expected = run_extraction(here, helper=False)
    there = _project(tmp_path, export, "there")
    scored_here = _no_scoring_here(monkeypatch)
    finders = _finders(monkeypatch)
    got = _beside_window(there)  # the helpers by default at this size
    assert not scored_here  # not one batch prepared or scored in this process
    assert len(finders) == 1 and finders[0] is not None  # the pairs were found apart too
    assert got.total == expected.total and got.by_origin == expected.by_origin
    assert got.tally == expected.tally
    pairs, topics = _pairs(there)
    assert len(pairs) > 2000 and any("duplicate" in row[7] for row in pairs)
    assert _pairs(here) == (pairs, topics)
    # Found again beside the window, curation kept: the same as found again here.
    with here.transaction() as conn, there.transaction() as other:
        for conn_ in (conn, other):
            conn_.execute("UPDATE pairs SET status = 'approved' WHERE key IN"
                          " (SELECT key FROM pairs ORDER BY key LIMIT 50)")
    assert run_extraction(here).new == 0
    scored_here.clear()
    assert _beside_window(there).new == 0
    assert not scored_here and len(finders) == 2
    assert _pairs(here) == _pairs(there)
    assert not multiprocessing.active_children()


def test_sample_exports_come_out_the_same_beside_the_window(tmp_path, shared_exports,
                                                           monkeypatch):
    """The real samples, every author taken as the persona in turn: the same pairs and
    scores whether this process scores them or the helper does alone."""
    from natasha_studio.core.dataset.settings import ExtractionSettings

    def project(name):
        p = Project.create(tmp_path / f"{name}.nstudio", "Наташа")
        assert import_exports(p, [shared_exports]).added
        settings = ExtractionSettings.load(p)
        settings.implicit_window_s = 400 * 86_400  # the samples answer days apart
        settings.save(p)
        return p

    here, there = project("here"), project("there")
    authors = [r[0] for r in here.conn.execute(
        "SELECT DISTINCT sender_id FROM messages WHERE sender_id IS NOT NULL ORDER BY 1")]
    scored_here = _no_scoring_here(monkeypatch)
    found = 0
    for author in authors:
        for p in (here, there):
            set_persona_ids(p, [author])
        monkeypatch.undo()  # this process scores the reference
        expected = run_extraction(here, helper=False)
        scored_here = _no_scoring_here(monkeypatch)
        got = _beside_window(there, helper=True)
        assert not scored_here
        assert (got.total, got.new, got.removed) == (expected.total, expected.new,
                                                     expected.removed)
        assert got.tally == expected.tally
        assert _pairs(here) == _pairs(there)
        found += got.total
    assert found > 0


def test_a_finding_helper_that_dies_stops_the_run_in_plain_words(tmp_path, export):
    project = _project(tmp_path, export, "finder-dies")
    killed = []

    def progress(done, total, detail=""):
        if not killed and done == 0 and total == 0:  # a batch has come from the finder
            for child in multiprocessing.active_children():
                if child.name == "natasha-studio-finding":
                    child.kill()
                    killed.append(child)

    with pytest.raises(StudioError) as error:
        _beside_window(project, progress)
    assert killed and "Finding pairs stopped unexpectedly" in str(error.value)
    assert not multiprocessing.active_children()
    # What was written stays consistent, and the next run goes on from it to the same end.
    again = _beside_window(project)
    reference = _project(tmp_path, export, "finder-reference")
    assert again.total == run_extraction(reference, helper=False).total
    assert _pairs(project) == _pairs(reference)


def test_a_cancel_beside_the_window_leaves_no_helper(tmp_path, export):
    project = _project(tmp_path, export, "finder-cancel")
    calls = []

    def progress(done, total, detail=""):
        calls.append(done)
        if len(calls) > 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        _beside_window(project, progress)
    assert not multiprocessing.active_children()
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


_KILLED_MID_RUN = """
import multiprocessing, sys, time
from natasha_studio.core.dataset.pipeline import run_extraction
from natasha_studio.core.store import Project


def main():
    project = Project.open(sys.argv[1])
    told = []

    def progress(done, total, detail=""):
        if not told and done == 0 and total == 0:  # batches found and scored apart
            told.append(True)
            print(" ".join(str(c.pid) for c in multiprocessing.active_children()), flush=True)
            time.sleep(120)  # killed here, mid-run

    with project.pausable():
        run_extraction(project, progress, beside_window=True)


if __name__ == "__main__":
    main()
"""


def test_killing_the_window_mid_run_ends_its_helpers_and_keeps_the_project_whole(
        tmp_path, export):
    import subprocess
    import sys
    import time

    from natasha_studio.core.writer import _alive

    project = _project(tmp_path, export, "killed")
    path = project.path
    project.close()
    script = tmp_path / "run.py"
    script.write_text(_KILLED_MID_RUN, encoding="utf-8")
    window = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        helpers = [int(pid) for pid in window.stdout.readline().split()]
        assert len(helpers) == 2  # the finding and the scoring helper
        window.kill()
        window.wait(30)
    finally:
        if window.poll() is None:
            window.kill()
        window.stdout.close()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in helpers)
    with Project.open(path) as reopened:
        conn = reopened.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # The next run goes on from what was committed and ends where a whole run ends.
        _beside_window(reopened)
        reference = _project(tmp_path, export, "killed-reference")
        run_extraction(reference, helper=False)
        assert _pairs(reopened) == _pairs(reference)


def _dies_while_sending(tasks, results) -> None:
    """A helper that dies half-way through sending a result too big for the pipe's buffer."""
    import os
    import time

    results.put(("pairs", b"x" * 50_000_000))
    time.sleep(0.5)  # its sending thread has filled the pipe and waits for the reader
    os._exit(1)


def test_a_helper_that_dies_in_the_middle_of_a_result_is_reported_not_waited_for():
    """Killed (or out of memory) while its result was on its way: the reader used to wait for
    the rest of the message for ever, since this process held the pipe's other end."""
    import threading
    import time

    from natasha_studio.core.dataset.helper import HelperFailed, HelperProcess

    helper = HelperProcess(_dies_while_sending, (), name="dies-while-sending")
    try:
        deadline = time.monotonic() + 30
        while helper._process.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        outcome: list = []

        def read() -> None:
            try:
                outcome.append(helper.get())
            except HelperFailed as exc:
                outcome.append(exc)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(30)
        assert not reader.is_alive(), "the reader still waits for a helper that is gone"
        assert isinstance(outcome[0], HelperFailed)
    finally:
        helper.close(finished=False)
