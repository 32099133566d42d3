"""The layers import only downwards, and core/ never imports Qt (in the source and in a fresh
interpreter)."""

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


# The layers, each importing only those below it:
#   ui/, app.py, cli.py, cli_commands/, selftest.py   the window and the command line
#   operations/                                       the curator's actions
#   telegram/, providers/, local/                     sources and back ends
#   core/                                             pure Python
# The modules beside them (paths, settings, secrets, logs, i18n, tasks) serve the top layer.
PACKAGE = CORE.parent
TOP = ("ui", "app", "cli", "cli_commands", "selftest")
APP_SERVICES = ("paths", "settings", "secrets", "logs", "i18n", "tasks")
LAYERS = ("telegram", "providers", "local")
FORBIDDEN = {
    "core": (*TOP, "operations", *LAYERS, *APP_SERVICES),
    **{layer: (*TOP, "operations") for layer in LAYERS},
    "operations": TOP,
    "cli.py": ("ui",),
    "cli_commands": ("ui", "app"),
}
# The command line reaches the window in two places only: with no command (or a project file)
# it opens the window, and ``project self-test`` checks that the window can start.
ALLOWED = {
    ("cli.py", "natasha_studio.app"),
    ("cli_commands/project.py", "natasha_studio.selftest"),
}
QT = ("PySide6", "shiboken6", "qasync")


def _module_of(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Every module ``path`` imports, at any depth of the code, relative imports resolved."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = _module_of(path)
                base = base if path.name == "__init__.py" else base[:-1]
                base = base[:len(base) - (node.level - 1)]
                module = ".".join([*base, *([module] if module else [])])
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names]
    return found


def _files(layer: str) -> list[Path]:
    path = PACKAGE / layer
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _layer_offenders(imports=_imports) -> list[str]:
    offenders = []
    for layer, forbidden in FORBIDDEN.items():
        names = (*(f"natasha_studio.{f}" for f in forbidden), *QT)
        for path in _files(layer):
            where = path.relative_to(PACKAGE).as_posix()
            for line, name in imports(path):
                if (where, name) in ALLOWED:
                    continue
                if any(name == f or name.startswith(f + ".") for f in names):
                    offenders.append(f"{where}:{line} imports {name}")
    return offenders


def test_layers_import_only_downwards():
    assert not _layer_offenders(), _layer_offenders()


def test_every_package_has_a_layer():
    """A new package or module must be placed in the layers before it can be checked."""
    known = {*FORBIDDEN, *TOP, *APP_SERVICES, "__init__", "__main__"}
    unplaced = [p.name for p in PACKAGE.iterdir()
                if (p.is_dir() and (p / "__init__.py").exists() or p.suffix == ".py")
                and p.name.removesuffix(".py") not in {k.removesuffix(".py") for k in known}]
    assert not unplaced, unplaced


def test_the_command_line_loads_no_qt():
    code = (
        "import importlib, sys\n"
        "import natasha_studio.cli as cli\n"
        "for name in cli.COMMAND_MODULES:\n"
        "    importlib.import_module(f'natasha_studio.cli_commands.{name}')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "       or m.startswith('natasha_studio.ui')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr


def test_the_layer_check_sees_function_level_and_relative_imports():
    nested = "def f():\n    from natasha_studio.providers.registry import x\n"
    assert (2, "natasha_studio.providers.registry") in _imports(CORE / "store.py", nested)
    relative = "from ...ui import theme\nfrom .. import store\n"
    found = _imports(CORE / "export" / "formats.py", relative)
    assert (1, "natasha_studio.ui.theme") in found and (2, "natasha_studio.core.store") in found
    assert (1, "natasha_studio.core.i18n") in _imports(CORE / "export" / "__init__.py",
                                                       "from ..i18n import translate\n")


def test_the_layer_check_catches_a_module_that_reaches_up():
    def planted(path: Path) -> list[tuple[int, str]]:
        extra = {CORE / "store.py": [(1, "natasha_studio.paths")],
                 PACKAGE / "providers" / "registry.py": [(1, "natasha_studio.operations.demo")],
                 PACKAGE / "cli_commands" / "pairs.py": [(1, "PySide6.QtCore")]}
        return _imports(path) + extra.get(path, [])

    offenders = _layer_offenders(planted)
    assert offenders == ["core/store.py:1 imports natasha_studio.paths",
                         "providers/registry.py:1 imports natasha_studio.operations.demo",
                         "cli_commands/pairs.py:1 imports PySide6.QtCore"]


# SQL lives in core/ only: above it, modules call named core functions and never run a
# statement of their own.
SQL_CALLS = ("execute", "executemany", "executescript")


def _is_sql_text(node: ast.expr) -> bool:
    """A string literal, an f-string, or a concatenation (``+``, ``%``) built from one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_sql_text(node.left) or _is_sql_text(node.right)
    return False


def _sql_offenders(source_of=lambda path: path.read_text(encoding="utf-8")) -> list[str]:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if CORE in path.parents:
            continue
        lines = sorted(node.lineno for node in ast.walk(ast.parse(source_of(path)))
                       if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                       and node.func.attr in SQL_CALLS and node.args
                       and _is_sql_text(node.args[0]))
        offenders += [f"{path.relative_to(PACKAGE).as_posix()}:{line}" for line in lines]
    return offenders


def test_sql_runs_in_core_only():
    offenders = _sql_offenders()
    assert not offenders, "SQL outside natasha_studio/core/ (move it into a core function): " \
        + ", ".join(offenders)


def test_the_sql_check_catches_literals_f_strings_and_concatenations():
    planted = {
        PACKAGE / "ui" / "main_window.py":
            'conn.execute("SELECT 1")\nx.executemany(f"DELETE FROM {t}", rows)\n',
        PACKAGE / "operations" / "learning.py":
            'q.executescript("BEGIN;" + body)\nself.runner.execute(self, forward)\n',
        CORE / "store.py": 'conn.execute("SELECT 1")\n',
    }

    def source_of(path: Path) -> str:
        return planted.get(path, "")

    assert _sql_offenders(source_of) == ["operations/learning.py:1", "ui/main_window.py:1",
                                         "ui/main_window.py:2"]
