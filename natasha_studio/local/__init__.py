"""Local fine-tuning (LoRA) and chat on the curator's own machine.

Everything heavy (torch, transformers, peft) runs in a separate worker process
(``python -m natasha_studio.local.worker``), so the window stays responsive and a crash of
the training cannot take the app with it. The app itself only needs these packages to be
installed: ``missing_packages()`` says which are not, and ``INSTALL_COMMAND`` adds them.
"""

from __future__ import annotations

import importlib.util

REQUIRED_PACKAGES = ("torch", "transformers", "peft", "accelerate")
INSTALL_COMMAND = 'pip install "natasha-studio[local]"'


def missing_packages() -> list[str]:
    """The packages of the ``[local]`` extra that are not installed."""
    return [name for name in REQUIRED_PACKAGES if importlib.util.find_spec(name) is None]


def is_available() -> bool:
    return not missing_packages()
