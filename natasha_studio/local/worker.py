"""The worker process: ``python -m natasha_studio.local.worker train|chat|merge ...``.

train JOB_DIR       reads JOB_DIR/config.json, appends JSON events to JOB_DIR/events.jsonl,
                    stops when JOB_DIR/cancel appears.
chat BASE [ADAPTER] reads requests as JSON lines on stdin, writes replies as JSON lines.
merge ADAPTER OUT   writes a full model folder.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

EVENTS_FILE = "events.jsonl"
CONFIG_FILE = "config.json"
CANCEL_FILE = "cancel"
PID_FILE = "pid"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def run_train(job_dir: Path) -> int:
    from natasha_studio.local.config import TrainConfig
    from natasha_studio.local.training import is_out_of_memory, train

    events = (job_dir / EVENTS_FILE).open("a", encoding="utf-8")
    (job_dir / PID_FILE).write_text(str(os.getpid()), encoding="utf-8")

    def emit(event: dict[str, Any]) -> None:
        events.write(json.dumps({"at": _now(), **event}, ensure_ascii=False) + "\n")
        events.flush()

    try:
        config = TrainConfig.load(job_dir / CONFIG_FILE)
        train(config, emit, lambda: (job_dir / CANCEL_FILE).exists())
        return 0
    except BaseException as exc:  # every failure becomes an event the app can explain
        if isinstance(exc, KeyboardInterrupt):
            emit({"type": "status", "state": "cancelled"})
            return 0
        kind = "oom" if is_out_of_memory(exc) else {
            "no-examples": "no_examples", "cuda-missing": "cuda_missing",
            "mps-missing": "mps_missing"}.get(str(exc), "error")
        if kind == "error" and (isinstance(exc, OSError) or type(exc).__name__ in (
                "HFValidationError", "RepositoryNotFoundError", "GatedRepoError",
                "LocalEntryNotFoundError")):
            kind = "model_not_found"
        emit({"type": "error", "kind": kind, "message": f"{type(exc).__name__}: {exc}",
              "trace": traceback.format_exc(limit=5)})
        return 1
    finally:
        events.close()


def run_chat(base: str | None, adapter: str | None, device: str) -> int:
    from natasha_studio.local.generation import LocalChatModel

    out_lock = threading.Lock()

    def send(message: dict[str, Any]) -> None:
        with out_lock:
            sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    try:
        model = LocalChatModel(base or None, adapter or None, device)
    except BaseException as exc:  # the app shows it in plain words
        send({"error": f"{type(exc).__name__}: {exc}", "fatal": True})
        return 1
    send({"ready": True, "device": model.device})
    stops: dict[str, threading.Event] = {}
    requests: list[dict[str, Any]] = []
    available = threading.Condition()

    def reader() -> None:
        for line in sys.stdin:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            with available:
                if "cancel" in message:
                    stop = stops.get(str(message["cancel"]))
                    if stop is not None:
                        stop.set()
                else:
                    stops[str(message["id"])] = threading.Event()
                    requests.append(message)
                available.notify()
        with available:
            requests.append({"quit": True})
            available.notify()

    threading.Thread(target=reader, daemon=True).start()
    while True:
        with available:
            while not requests:
                available.wait()
            request = requests.pop(0)
        if request.get("quit"):
            return 0
        rid = str(request["id"])
        produced = 0
        try:
            for piece in model.stream(request["messages"], float(request.get("temperature", 0.7)),
                                      int(request.get("max_tokens", 256)), stops[rid]):
                produced += 1
                send({"id": rid, "delta": piece})
            send({"id": rid, "done": True, "pieces": produced})
        except BaseException as exc:  # one failed reply must not end the worker
            send({"id": rid, "error": f"{type(exc).__name__}: {exc}"})
        finally:
            stops.pop(rid, None)


def run_merge(adapter: str, out: str) -> int:
    from natasha_studio.local.generation import merge_adapter

    try:
        path = merge_adapter(adapter, out)
    except BaseException as exc:  # reported as a line the app reads
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
        return 1
    print(json.dumps({"done": str(path)}), flush=True)
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "train" and len(args) == 1:
        return run_train(Path(args[0]))
    if command == "chat" and 1 <= len(args) <= 3:
        base = args[0]
        adapter = args[1] if len(args) > 1 else ""
        device = args[2] if len(args) > 2 else "auto"
        return run_chat(base, adapter, device)
    if command == "merge" and len(args) == 2:
        return run_merge(args[0], args[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
