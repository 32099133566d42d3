"""core/ never imports Qt: checked in the source and in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "natasha_studio" / "core"


def _core_modules() -> list[str]:
    root = CORE.parent.parent
    return [".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
            for p in sorted(CORE.rglob("*.py"))]


def test_core_sources_do_not_import_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "qasync", "shiboken6") for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert not offenders, offenders


def test_importing_all_of_core_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for m in {_core_modules()!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=CORE.parent.parent)
    assert result.returncode == 0, result.stderr


# Layers: the core knows no back end and no window; back ends and sources know no window.
FORBIDDEN = {
    "core": ("natasha_studio.ui", "natasha_studio.providers", "natasha_studio.local"),
    "providers": ("natasha_studio.ui",),
    "local": ("natasha_studio.ui",),
    "telegram": ("natasha_studio.ui",),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def test_layers_import_only_downwards():
    package = CORE.parent
    offenders = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (package / layer).rglob("*.py"):
            for line, name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    offenders.append(f"{path.relative_to(package)}:{line} imports {name}")
    assert not offenders, offenders


def test_the_layer_check_sees_function_level_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from natasha_studio.providers.registry import x\n",
                      encoding="utf-8")
    assert (2, "natasha_studio.providers.registry") in _imports(sample)
