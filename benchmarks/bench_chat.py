"""Test-chat figures: streaming overhead with four columns, win rates and DPO export at scale.

    .venv/bin/python benchmarks/bench_chat.py [--votes 50000] [--questions 200]

Prints figures; asserts nothing. Streaming runs against the local fake OpenAI server from
tests/fakes (loopback HTTP through the real openai SDK), so it measures our overhead plus the
SDK's, not a real model.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from natasha_studio.providers.base import ChatMessage, ChatOptions  # noqa: E402

from natasha_studio.core.chat.blind import win_rates  # noqa: E402
from natasha_studio.core.chat.dpo import export_dpo, validate_dpo_file  # noqa: E402
from natasha_studio.core.chat.heldout import (  # noqa: E402
    create_run,
    run_heldout,
    run_summary,
    run_table,
)
from natasha_studio.core.chat.models import add_model  # noqa: E402
from natasha_studio.core.chat.streaming import ReplyStream  # noqa: E402
from natasha_studio.core.store import Project  # noqa: E402
from natasha_studio.providers.compatible_provider import CompatibleProvider  # noqa: E402


def bench_streaming(columns: int = 4, words: int = 200) -> None:
    from fakes.openai_server import FakeOpenAI

    with FakeOpenAI() as server:
        server.api_key = "not-needed"
        server.reply_for = lambda model, messages: "слово " * words
        provider = CompatibleProvider(server.base_url)
        messages = [ChatMessage("user", "Привет")]

        async def one() -> ReplyStream:
            stream = ReplyStream(provider, "gpt-4.1-mini", messages, ChatOptions())
            await stream.run(lambda piece: None)
            return stream

        asyncio.run(one())  # warm up: SDK import, tokenizer load
        start = time.perf_counter()
        streams = asyncio.run(_gather([one() for _ in range(columns)]))
        wall = time.perf_counter() - start
    ttfts = [s.reply.metrics.ttft for s in streams]
    rates = [s.reply.metrics.tokens_per_second for s in streams]
    print(f"streaming: {columns} columns x {words} pieces in {wall:.2f} s wall; "
          f"TTFT {min(ttfts) * 1000:.0f}-{max(ttfts) * 1000:.0f} ms; "
          f"{min(rates):.0f}-{max(rates):.0f} tokens/s per column (fake server, no delay)")


async def _gather(coros):
    return await asyncio.gather(*coros)


def bench_votes(project: Project, n: int) -> None:
    ids = [add_model(project, f"model {i}", "openai", f"m{i}") for i in range(4)]
    rng = random.Random(1)
    start = time.perf_counter()
    # The rows record_vote writes, inserted in one batch to build a large history fast.
    with project.transaction() as conn:
        conn.executemany(
            "INSERT INTO votes(prompt, model_a, model_b, answer_a, answer_b, winner)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(json.dumps([{"role": "user", "content": f"Вопрос {i}"}]), *rng.sample(ids, 2),
              f"Ответ A {i}", f"Ответ B {i}", rng.choice(["a", "b", "a", "tie", "both_bad"]))
             for i in range(n)])
    print(f"votes: stored {n} in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    rates = win_rates(project)
    print(f"win rates over {n} votes: {(time.perf_counter() - start) * 1000:.0f} ms "
          f"(top: {rates[0].name} {rates[0].rate:.1%})")
    out = Path(tempfile.mkdtemp()) / "prefs.jsonl"
    start = time.perf_counter()
    written = export_dpo(project, out)
    exported = time.perf_counter() - start
    start = time.perf_counter()
    report = validate_dpo_file(out)
    print(f"DPO: exported {written} pairs in {exported:.2f} s, validated in "
          f"{time.perf_counter() - start:.2f} s ({'ok' if report.ok else report.errors[:3]})")


def bench_heldout(project: Project, questions: int) -> None:
    class Echo:
        async def stream_chat(self, model, messages, options):
            for word in ("Начни ", "с ", "ходьбы."):
                yield word

    with project.transaction() as conn:
        sid = conn.execute("INSERT INTO snapshots(name, content_hash) VALUES ('bench', 'h')"
                           ).lastrowid
        conn.executemany(
            "INSERT INTO snapshot_pairs(snapshot_id, pair_id, split, content) VALUES (?, ?, ?, ?)",
            [(sid, i, "heldout", json.dumps({"turns": [
                {"role": "user", "text": f"Вопрос {i}?"},
                {"role": "assistant", "text": f"Начни с ходьбы, вариант {i}."}]}))
             for i in range(questions)])
    models = [add_model(project, f"held-out {i}", "openai", f"h{i}") for i in range(3)]
    run_id = create_run(project, sid, models)
    start = time.perf_counter()
    asyncio.run(run_heldout(project, run_id, lambda entry: Echo()))
    ran = time.perf_counter() - start
    start = time.perf_counter()
    run_table(project, run_id)
    summary = run_summary(project, run_id)
    print(f"held-out: {questions} questions x 3 models stored in {ran:.2f} s; table and "
          f"summary in {(time.perf_counter() - start) * 1000:.0f} ms "
          f"(wording like hers {summary[0].similarity:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--votes", type=int, default=50_000)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    bench_streaming()
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "bench.nstudio", "Наташа", "Ты — Наташа.")
        bench_votes(project, args.votes)
        bench_heldout(project, args.questions)
        project.close()


if __name__ == "__main__":
    main()
