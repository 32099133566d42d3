"""The [local] extra installs only what local training imports, and the hint fits the computer."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from natasha_studio.local import CPU_TORCH_INDEX, REQUIRED_PACKAGES, install_command

ROOT = Path(__file__).resolve().parents[2]


def test_the_local_extra_lists_only_packages_the_code_needs():
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower()
             for spec in extra["project"]["optional-dependencies"]["local"]}
    assert names == set(REQUIRED_PACKAGES)
    code = "\n".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "natasha_studio").rglob("*.py"))
    for unused in ("trl", "datasets"):  # ~170 MB that nothing imports
        assert unused not in names
        assert not re.search(rf"^\s*(import|from) {unused}\b", code, re.M)


def test_install_hint_picks_the_cpu_build_without_an_nvidia_gpu():
    assert install_command(cuda=False, platform="linux").endswith(
        f"--extra-index-url {CPU_TORCH_INDEX}")
    assert install_command(cuda=False, platform="win32").endswith(CPU_TORCH_INDEX)
    assert install_command(cuda=True, platform="linux") == 'pip install "natasha-studio[local]"'
    assert install_command(cuda=False, platform="darwin") == 'pip install "natasha-studio[local]"'
