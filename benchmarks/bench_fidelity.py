"""Style-fidelity figures: a whole run of 100 held-out questions asked of 3 models and scored.

    .venv/bin/python benchmarks/bench_fidelity.py [--questions 100] [--models 3] [--concurrency 4]

Prints figures; asserts nothing. The models are the local OpenAI-compatible stand-in from
tests/fakes answering at once from scripts (loopback HTTP through the real openai SDK), so the
time is the app's own: asking and storing the answers, loading the meaning model, scoring,
the bootstrap and storing the report card, not the models' thinking.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from natasha_studio.core import meaning  # noqa: E402
from natasha_studio.core.chat import fidelity  # noqa: E402
from natasha_studio.core.chat.models import add_model  # noqa: E402
from natasha_studio.core.fidelity import storage  # noqa: E402
from natasha_studio.core.store import Project  # noqa: E402
from natasha_studio.providers.registry import provider_for  # noqa: E402

KINDS = ("persona", "generic", "offtopic")


def _fill(project: Project, questions: int) -> tuple[int, dict[str, dict[str, str]]]:
    """A snapshot of ``questions`` held-out questions (the test personas' questions, numbered
    past the first round), approved pairs for the profile, and each stand-in's answers."""
    data = json.loads((ROOT / "tests" / "fixtures" / "fidelity" / "personas.json").read_text(
        encoding="utf-8"))["natasha"]
    scripts: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    with project.transaction() as conn:
        for i, (q, a) in enumerate(data["train"]):
            turns = json.dumps([{"role": "user", "text": q}, {"role": "assistant", "text": a}],
                               ensure_ascii=False)
            conn.execute("INSERT INTO pairs(id, key, turns_original, question, answer, status)"
                         " VALUES (?, ?, ?, ?, ?, 'approved')", (10_000 + i, f"t{i}", turns, q, a))
        sid = conn.execute("INSERT INTO snapshots(name, system_prompt, content_hash) VALUES"
                           " ('bench', 'Ты — Наташа.', 'h')").lastrowid
        for n in range(questions):
            h = data["heldout"][n % len(data["heldout"])]
            q = h["q"] if n < len(data["heldout"]) else f"{h['q']} ({n})"
            content = {"turns": [{"role": "user", "text": q}, {"role": "assistant", "text": h["real"]}]}
            conn.execute("INSERT INTO snapshot_pairs(snapshot_id, pair_id, split, content)"
                         " VALUES (?, ?, 'heldout', ?)", (sid, n + 1, json.dumps(content, ensure_ascii=False)))
            scripts["persona"][q] = h["persona"]
            scripts["generic"][q] = h["generic"]
            scripts["offtopic"][q] = data["offtopic"][n % len(data["offtopic"])]
    return sid, scripts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--models", type=int, default=3, choices=(1, 2, 3))
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    from fakes.openai_server import FakeOpenAI
    from fakes.scripted_models import serve_scripts

    from natasha_studio.secrets import secret_store

    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI() as server:
        server.api_key = "not-needed"
        project = Project.create(Path(tmp) / "bench.nstudio", "Наташа")
        sid, scripts = _fill(project, args.questions)
        kinds = KINDS[:args.models]
        serve_scripts(server, {kind: scripts[kind] for kind in kinds})
        ids = [add_model(project, kind, "compatible", kind, base_url=server.base_url)
               for kind in kinds]
        secrets = secret_store()
        stages: dict[str, float] = {}
        start = time.perf_counter()

        def progress(stage: str, done: int, total: int) -> None:
            stages.setdefault(stage, time.perf_counter() - start)

        run_id = fidelity.start_run(project, sid, ids,
                                    fidelity.FidelityOptions(concurrency=args.concurrency))
        results = asyncio.run(fidelity.run_fidelity(
            project, run_id, lambda e: provider_for(e, secrets), meaning.model, progress))
        wall = time.perf_counter() - start
        requests = len(server.chat_requests)
        t0 = time.perf_counter()
        storage.run_results(project, run_id)
        reload = time.perf_counter() - t0
        project.close()

    answers = args.questions * len(kinds)
    print(f"fidelity run: {args.questions} questions x {len(kinds)} models = {answers} answers "
          f"({requests} requests), concurrency {args.concurrency}")
    print(f"  whole run (ask, store, load meaning model, score, bootstrap, save): {wall:.2f} s")
    asked = stages.get("scoring", wall)
    print(f"  asking and storing the answers: {asked:.2f} s "
          f"({1000 * asked / max(answers, 1):.1f} ms per answer)")
    print(f"  scoring and saving the report card: {wall - asked:.2f} s")
    print(f"  reading the report card back: {1000 * reload:.1f} ms")
    for r in results:
        print(f"  {r.name:10s} score {r.score:5.1f} [{r.low:5.1f}-{r.high:5.1f}]  style "
              f"{r.style:5.1f}  meaning {r.meaning:5.1f}  n {r.n}")


if __name__ == "__main__":
    main()
