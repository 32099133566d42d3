"""Local fine-tuning (LoRA) and chat on the curator's own machine.

Everything heavy (torch, transformers, peft) runs in a separate worker process
(``python -m natasha_studio.local.worker``), so the window stays responsive and a crash of
the training cannot take the app with it. The app itself only needs these packages to be
installed: ``missing_packages()`` says which are not, and ``INSTALL_COMMAND`` adds them.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

REQUIRED_PACKAGES = ("torch", "transformers", "peft", "accelerate", "zstandard")
# PyTorch's own index of CPU-only builds: PyPI's Linux torch carries the CUDA libraries
# (gigabytes) whether or not there is an NVIDIA card to use them.
CPU_TORCH_INDEX = "https://download.pytorch.org/whl/cpu"


def has_nvidia_gpu() -> bool:
    """Whether an NVIDIA driver is installed, found without importing torch."""
    return shutil.which("nvidia-smi") is not None or Path("/proc/driver/nvidia/version").exists()


def install_command(*, cuda: bool | None = None, platform: str = sys.platform) -> str:
    """The pip command that installs local training here: the CPU build of torch on a Linux
    or Windows computer without an NVIDIA GPU (macOS wheels have no CUDA anyway)."""
    command = 'pip install "natasha-studio[local]"'
    if platform == "darwin":
        return command
    if cuda is None:
        cuda = has_nvidia_gpu()
    return command if cuda else f"{command} --extra-index-url {CPU_TORCH_INDEX}"


INSTALL_COMMAND = install_command()


def missing_packages() -> list[str]:
    """The packages of the ``[local]`` extra that are not installed."""
    return [name for name in REQUIRED_PACKAGES if importlib.util.find_spec(name) is None]


def is_available() -> bool:
    return not missing_packages()
