"""Import time and peak memory of one export in different JSON layouts (prints figures).

    python benchmarks/bench_layouts.py                      # 100k and 300k messages, 200 MB text
    python benchmarks/bench_layouts.py --sizes 100000 --text-mb 20

The same generated chat (see ``bench_import.generate``) is written in Telegram Desktop's
pretty-printed layout, with each message on one line (as other tools write JSON), and
minified; then one message whose text alone is ``--text-mb`` megabytes, on one line. Each
import runs in its own process; peak memory is that of the whole process tree (the import's
reading helper included), sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def relayout(source: Path, target: Path, layout: str) -> None:
    """Write ``source``'s chat in ``layout``: "one-line" (a message per line) or "minified"."""
    import orjson

    data = orjson.loads(source.read_bytes())
    messages = data.pop("messages")
    head = orjson.dumps(data)[:-1]
    sep = b",\n" if layout == "one-line" else b","
    with target.open("wb") as fh:
        fh.write(head + b',"messages":[' + (b"\n" if layout == "one-line" else b""))
        for i, message in enumerate(messages):
            if i:
                fh.write(sep)
            fh.write(orjson.dumps(message))
        fh.write((b"\n" if layout == "one-line" else b"") + b"]}")


def long_text(target: Path, megabytes: int) -> None:
    """One chat with a question and an answer whose text is ``megabytes`` MB of Russian."""
    piece = "Очень длинный ответ про медитацию и дыхание, с подробностями. "
    chars = megabytes * (1 << 20) // len(piece.encode())
    with target.open("w", encoding="utf-8") as fh:
        fh.write('{"name":"Длинный текст","type":"public_supergroup","id":42,"messages":[\n')
        fh.write(json.dumps({"id": 1, "type": "message", "date_unixtime": "1600000000",
                             "from": "Участница", "from_id": "user1000", "text": "Вопрос?"},
                            ensure_ascii=False) + ",\n")
        fh.write('{"id":2,"type":"message","date_unixtime":"1600000060","from":"Наташа",'
                 '"from_id":"user100","reply_to_message_id":1,"text":"')
        for _ in range(chars // 10_000):
            fh.write(piece * 10_000)
        fh.write('"}\n]}')


def measure(export: str, project: str) -> dict:
    """One import, in a child process (see ``main``)."""
    from bench_import import PeakMemory

    from natasha_studio.core.store import Project
    from natasha_studio.telegram.export.importer import import_exports

    sampler = PeakMemory()
    started = time.perf_counter()
    with Project.create(project, "Наташа") as p:
        report = import_exports(p, [export])
    seconds = time.perf_counter() - started
    errors = [str(f.error) for f in report.errors]
    return {"messages": report.added, "seconds": round(seconds, 2),
            "peak_mb": round(sampler.stop()), "errors": errors}


def run(export: Path, folder: Path) -> dict:
    project = folder / f"{export.stem}-{time.monotonic_ns()}.nstudio"
    out = subprocess.run([sys.executable, __file__, "--measure", str(export), str(project)],
                         check=True, capture_output=True, text=True)
    project.unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 300_000])
    parser.add_argument("--text-mb", type=int, default=200)
    parser.add_argument("--measure", nargs=2, metavar=("EXPORT", "PROJECT"))
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    from bench_import import generate

    with tempfile.TemporaryDirectory(prefix="bench-layouts-") as tmp:
        folder = Path(tmp)
        print(f"{'input':<34}{'MB':>7}{'messages':>10}{'seconds':>9}{'peak MB':>9}")
        for size in args.sizes:
            telegram = folder / f"telegram-{size}.json"
            generate(telegram, size)
            for layout in ("telegram", "one-line", "minified"):
                export = telegram if layout == "telegram" else folder / f"{layout}-{size}.json"
                if layout != "telegram":
                    relayout(telegram, export, layout)
                r = run(export, folder)
                mb = export.stat().st_size / (1 << 20)
                print(f"{f'{size:,} messages, {layout}':<34}{mb:>7.0f}{r['messages']:>10,}"
                      f"{r['seconds']:>9.1f}{r['peak_mb']:>9}" + (f"  {r['errors']}" if r["errors"] else ""),
                      flush=True)
                if layout != "telegram":
                    export.unlink()
            telegram.unlink()
        if args.text_mb:
            export = folder / "long-text.json"
            long_text(export, args.text_mb)
            r = run(export, folder)
            mb = export.stat().st_size / (1 << 20)
            print(f"{f'one text of {args.text_mb} MB, one line':<34}{mb:>7.0f}{r['messages']:>10,}"
                  f"{r['seconds']:>9.1f}{r['peak_mb']:>9}" + (f"  {r['errors']}" if r["errors"] else ""),
                  flush=True)


if __name__ == "__main__":
    main()
