"""Import + extraction speed and memory on generated exports (prints figures; asserts nothing).

    python benchmarks/bench_import.py                 # 100k and 1M messages
    python benchmarks/bench_import.py --sizes 100000  # only 100k

Each measurement runs in its own process so that peak memory is its own. Import and extraction
use a helper process each for part of the work (two cores): peak memory is sampled as the sum
over the measuring process and its helpers, and CPU time counts both.
The exports are written in Telegram Desktop's layout: a forum-less community group where
members ask, the persona answers in reply threads (several turns deep) or right after,
with Russian text, media-only messages and service messages. The text draws on a real chat's
vocabulary (see ``vocabulary``): what costs per distinct word (lemmas, caches, near-duplicate
buckets) costs here what it costs on a real chat.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The most frequent words of Russian chat talk, most frequent first (the head of the
# distribution), then the community's own subjects.
COMMON = ("и в не я что на с а это как то все у так он мне но ты по же да вот она меня еще "
          "уже только бы если мы за вы о из его нет было когда есть очень для тоже может их "
          "сейчас там себя просто можно надо даже потом ну чтобы тебя тут где было будет кто "
          "всё себе больше хорошо знаю думаю хочу спасибо день время жизнь человек люди год "
          "раз сегодня всегда теперь здесь вообще сказать говорит делать понимаю правда").split()
WORDS = ("как мне начать медитировать каждый день если нет времени энергия уходит вечером "
         "отношения с мужем стали холоднее что делать спасибо за ответ практика дыхания помогает "
         "прошлые жизни карма бизнес клиенты деньги страх перемен уверенность в себе душа").split()
TAIL_WORDS = 300_000  # distinct rarer word forms: a big chat uses hundreds of thousands


def vocabulary(seed: int) -> tuple[list[str], list[float]]:
    """The generated chats' words and their cumulative weights, as real chat text has them:
    a few hundred frequent words make most of the text, and a long tail of real word forms
    (a sample of pymorphy3's dictionary, so that lemmatizing them costs what real words cost)
    gives the distinct words of a big chat. The n-th most frequent word is drawn about 1/n
    as often as the first (Zipf's law)."""
    import itertools

    import pymorphy3

    forms = pymorphy3.MorphAnalyzer().dictionary.words.iterkeys("")
    stride = 5_140_000 // TAIL_WORDS  # the dictionary holds some 5.1 million forms
    tail = [w for w in itertools.islice(forms, 0, None, stride) if w.isalpha()][:TAIL_WORDS]
    random.Random(seed).shuffle(tail)
    words = list(dict.fromkeys(COMMON + WORDS + tail))
    return words, list(itertools.accumulate(1.0 / (rank + 2) for rank in range(len(words))))


def generate(path: Path, count: int, seed: int = 1) -> None:
    from natasha_studio.telegram.export.synth import message, service, write_export

    rnd = random.Random(seed)
    persona = ("Наташа", "user100")
    members = [(f"Участница {i}", f"user{1000 + i}") for i in range(2000)]
    words, weights = vocabulary(seed)

    def text(n: int) -> str:
        return " ".join(rnd.choices(words, cum_weights=weights, k=n)).capitalize()

    def messages():
        t = 1_600_000_000
        msg_id = 0
        last_persona = None
        while msg_id < count:
            t += rnd.randint(5, 400)
            msg_id += 1
            roll = rnd.random()
            if roll < 0.01:
                yield service(msg_id, t, "Участница", "user1001", "join_group_by_link")
                continue
            member = members[rnd.randrange(len(members))]
            if roll < 0.04:
                yield message(msg_id, t, member[0], member[1], "", photo="(File not included.)")
                continue
            reply = last_persona if last_persona and rnd.random() < 0.3 else None
            yield message(msg_id, t, member[0], member[1], text(rnd.randint(5, 30)) + "?",
                          reply_to=reply)
            question = msg_id
            if msg_id < count and rnd.random() < 0.6:
                t += rnd.randint(30, 900)
                msg_id += 1
                explicit = rnd.random() < 0.75
                yield message(msg_id, t, *persona, text(rnd.randint(10, 80)) + ".",
                              reply_to=question if explicit else None)
                last_persona = msg_id

    write_export(path, "Большое сообщество", "public_supergroup", 1234567890, messages())


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants (Linux /proc), in MB."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _rss_mb(int(child))
    except OSError:
        pass  # a helper that just ended
    return total


class PeakMemory:
    """Samples the memory of this process and its helpers every 50 ms."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import os

        while not self._stop.wait(0.05):
            self.peak = max(self.peak, _rss_mb(os.getpid()))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def phase(kind: str, export: str, project: str) -> dict:
    """One measurement, run in a child process."""
    sampler = PeakMemory() if Path("/proc/self/status").exists() else None
    started = time.perf_counter()
    result: dict = {}
    if kind == "orjson":
        import orjson

        data = orjson.loads(Path(export).read_bytes())
        result["messages"] = len(data["messages"])
    else:
        from natasha_studio.core.dataset.pipeline import run_extraction
        from natasha_studio.core.dataset.settings import set_persona_ids
        from natasha_studio.core.store import Project
        from natasha_studio.telegram.export.importer import import_exports

        p = Project.create(project, "Наташа")
        report = import_exports(p, [export])
        result["messages"] = report.added
        result["import_s"] = time.perf_counter() - started
        set_persona_ids(p, [100])
        before = resource.getrusage(resource.RUSAGE_SELF)
        # "window": as the window's task runs it (the scoring all in the helper process).
        extraction = run_extraction(p, beside_window=kind == "window")
        result["pairs"] = extraction.total
        result["from_replies"] = extraction.from_replies
        result["by_proximity"] = extraction.by_proximity
        result["extract_s"] = time.perf_counter() - started - result["import_s"]
        after = resource.getrusage(resource.RUSAGE_SELF)
        # The CPU time extraction took in this process (the window's, for "window").
        result["extract_cpu_s"] = (after.ru_utime + after.ru_stime
                                   - before.ru_utime - before.ru_stime)
        p.close()
    result["seconds"] = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    own_peak = usage.ru_maxrss / 1024
    # Sampled: this process and its helpers together (else this process's own peak).
    result["peak_mb"] = max(sampler.stop(), own_peak) if sampler is not None else own_peak
    result["cpu_s"] = usage.ru_utime + usage.ru_stime  # what the machine's load does not inflate
    result["helper_cpu_s"] = helpers.ru_utime + helpers.ru_stime
    return result


def run_child(kind: str, export: Path, project: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", kind, str(export), str(project)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--phase", nargs=3, metavar=("KIND", "EXPORT", "PROJECT"))
    parser.add_argument("--exports", type=Path, default=None,
                        help="keep generated exports in this folder and reuse them on later runs")
    parser.add_argument("--repeat", type=int, default=1, help="measure each size this many times")
    parser.add_argument("--no-orjson", action="store_true", help="skip the orjson.loads baseline")
    parser.add_argument("--window", action="store_true",
                        help="also measure the extraction as the window runs it (all scoring in"
                             " the helper process, none in the window's)")
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(*args.phase)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = args.exports or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            export = folder / f"chat-{size}.json"
            t = time.perf_counter()
            if not export.exists():
                generate(export, size)
            mb = export.stat().st_size / 2**20
            print(f"\n== {size:,} messages: {mb:,.0f} MB export (ready in {time.perf_counter() - t:.1f} s)")
            # The baseline runs between the measured runs: O, P, O, P, O... Parsing allocates
            # gigabytes and a shared machine's speed drifts by tens of percent within minutes,
            # so each measured run is compared with the fastest of the two baseline runs beside
            # it (same conditions), and with the fastest baseline of all (the strictest ratio).
            unused = Path(tmp) / "unused"
            baselines = [] if args.no_orjson else [run_child("orjson", export, unused)]
            measured: list[tuple[dict, dict | None]] = []
            windowed: list[dict] = []
            for _ in range(args.repeat):
                project = Path(tmp) / f"p-{size}.nstudio"
                for leftover in Path(tmp).glob(f"p-{size}.nstudio*"):
                    leftover.unlink()
                full = run_child("import", export, project)
                if args.window:
                    for leftover in Path(tmp).glob(f"p-{size}.nstudio*"):
                        leftover.unlink()
                    windowed.append(run_child("window", export, project))
                if baselines:
                    baselines.append(run_child("orjson", export, unused))
                beside = min(baselines[-2:], key=lambda r: r["seconds"]) if baselines else None
                measured.append((full, beside))
            fastest = min(baselines, key=lambda r: r["seconds"]) if baselines else None
            if fastest is not None:
                times = ", ".join(f"{run['seconds']:.2f}" for run in baselines)
                print(f"orjson.loads alone:      {fastest['seconds']:6.2f} s (fastest of {times}),"
                      f" peak {fastest['peak_mb']:6.0f} MB")
            for full, beside in measured:
                report(full, beside, fastest)
            for run in windowed:
                print(f"as the window runs it:   extraction {run['extract_s']:6.2f} s ->"
                      f" {run['pairs']:,} pairs, CPU {run['extract_cpu_s']:.1f} s in this"
                      f" process; import + extraction {run['seconds']:6.2f} s"
                      f" (CPU {run['cpu_s']:.1f} s here + {run['helper_cpu_s']:.1f} s in"
                      f" helpers), peak {run['peak_mb']:6.0f} MB")


def report(full: dict, beside: dict | None, fastest: dict | None) -> None:
    print(f"import (stream + store): {full['import_s']:6.2f} s "
          f"({full['messages'] / full['import_s']:,.0f} messages/s)")
    print(f"extraction:              {full['extract_s']:6.2f} s -> {full['pairs']:,} pairs "
          f"({full['from_replies']:,} from replies, {full['by_proximity']:,} by proximity),"
          f" CPU {full['extract_cpu_s']:.1f} s in this process")
    print(f"import + extraction:     {full['seconds']:6.2f} s (CPU {full['cpu_s']:.1f} s here"
          f" + {full.get('helper_cpu_s', 0):.1f} s in helpers), peak {full['peak_mb']:6.0f} MB")
    if beside is not None and fastest is not None:
        print(f"ratio to orjson.loads:   import {full['import_s'] / beside['seconds']:.1f}x, "
              f"import + extraction {full['seconds'] / beside['seconds']:.2f}x against the"
              f" runs beside it ({beside['seconds']:.2f} s), "
              f"{full['seconds'] / fastest['seconds']:.2f}x against the fastest")


if __name__ == "__main__":
    main()
