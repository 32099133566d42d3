"""What this computer can train on (CUDA, Apple MPS, bitsandbytes), asked in a separate
process so torch never loads into the window's process."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import Any

_PROBE_CODE = """
import importlib.util, json
info = {"torch": None, "cuda": False, "cuda_name": "", "mps": False,
        "bitsandbytes": importlib.util.find_spec("bitsandbytes") is not None}
try:
    import torch
    info["torch"] = torch.__version__
    info["cuda"] = bool(torch.cuda.is_available())
    if info["cuda"]:
        info["cuda_name"] = torch.cuda.get_device_name(0)
    mps = getattr(torch.backends, "mps", None)
    info["mps"] = bool(mps is not None and mps.is_available())
except Exception as exc:
    info["error"] = f"{type(exc).__name__}: {exc}"
print(json.dumps(info))
"""
_probe_lock = threading.Lock()
_probe_cache: dict[str, Any] | None = None


def probe_device(*, refresh: bool = False, timeout: float = 120.0) -> dict[str, Any]:
    """What PyTorch sees here: ``{"torch", "cuda", "cuda_name", "mps", "bitsandbytes"}``.

    Runs a short Python process (seconds: it imports torch), once per app run; call it from a
    worker thread. ``four_bit`` in the result says whether 4-bit loading can be offered.
    """
    global _probe_cache
    with _probe_lock:
        if _probe_cache is not None and not refresh:
            return dict(_probe_cache)
        try:
            done = subprocess.run([sys.executable, "-c", _PROBE_CODE], capture_output=True,
                                  text=True, timeout=timeout, stdin=subprocess.DEVNULL)
            info = json.loads(done.stdout.strip().splitlines()[-1])
        except (OSError, subprocess.TimeoutExpired, ValueError, IndexError) as exc:
            info = {"torch": None, "cuda": False, "cuda_name": "", "mps": False,
                    "bitsandbytes": False, "error": str(exc)}
        info["four_bit"] = bool(info.get("cuda") and info.get("bitsandbytes"))
        _probe_cache = info
        return dict(info)
