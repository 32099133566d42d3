"""What the frozen app must carry is declared in packaging/bundle_plan.py, which the spec uses.

These checks need no PyInstaller and no build: they compare the plan with the code and the
installed dependencies, so a resource or a data-carrying dependency added later cannot go
missing only in the frozen app.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import build_steps  # noqa: E402
import bundle_check  # noqa: E402
import bundle_plan as plan  # noqa: E402

SPEC = REPO / "packaging" / "natasha_studio.spec"
PACKAGE = REPO / "natasha_studio"
RESOURCE_FUNCTIONS = {"resource", "resources_dir"}
CODE_SUFFIXES = {".py", ".pyc", ".pyi", ".so", ".pyd", ".dylib", ".dll"}
BUILD_ONLY_SUFFIXES = {".h", ".c", ".cpp", ".pxd", ".pyx", ".md", ".rst", ".proto", ".bash",
                       ".zsh", ".keep", ".cfg", ".js", ".typed"}


def _resource_references() -> list[tuple[str, tuple[str, ...]]]:
    """(file:line, literal leading path parts) of every resource(...) call in the app."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else None
            if name not in RESOURCE_FUNCTIONS:
                continue
            parts: list[str] = []
            for arg in node.args:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    break  # a computed part: check the literal prefix only
                parts.append(arg.value)
            found.append((f"{path.relative_to(REPO)}:{node.lineno}", tuple(parts)))
    return found


def test_the_code_loads_resources_through_the_resources_module():
    refs = _resource_references()
    assert refs, "no resource(...) calls found: the scan no longer matches the code"
    assert any(parts[:1] == ("translations",) for _where, parts in refs)


@pytest.mark.parametrize("where,parts", _resource_references(), ids=lambda v: str(v))
def test_every_resource_the_code_loads_exists_and_ships(where, parts):
    if not parts:
        return  # resources_dir() itself, or a fully computed path: the whole tree ships
    path = REPO / "resources" / Path(*parts)
    assert path.exists(), f"{where} loads resources/{'/'.join(parts)}, which does not exist"
    rel = path.relative_to(REPO).as_posix()
    assert any(rel == src or rel.startswith(src + "/") for src, _dest in plan.RESOURCE_TREES), \
        f"{where}: {rel} is outside the trees the spec copies"
    assert plan.keep_in_bundle(rel)
    ignored = subprocess.run(["git", "check-ignore", "-q", rel], cwd=REPO)
    assert ignored.returncode != 0, f"{rel} is git-ignored, so a clean checkout would lack it"


def test_frozen_app_looks_for_resources_where_the_spec_puts_them(monkeypatch, tmp_path):
    from natasha_studio.core import resources

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / dict(plan.RESOURCE_TREES)["resources"]


def test_spec_copies_the_whole_resources_tree():
    datas = plan.resource_datas()
    assert (str(REPO / "resources"), "resources") in datas


def test_the_linux_bundle_carries_an_emoji_font_where_the_build_machine_has_one(monkeypatch,
                                                                                tmp_path):
    font = tmp_path / "NotoColorEmoji.ttf"
    font.write_bytes(b"font")
    monkeypatch.setattr(plan, "EMOJI_FONTS", (tmp_path / "missing.ttf", font))
    assert (str(font), plan.FONTS_DEST) in plan.resource_datas(platform="linux")
    assert all(dest != plan.FONTS_DEST for _src, dest in plan.resource_datas(platform="win32"))
    monkeypatch.setattr(plan, "EMOJI_FONTS", (tmp_path / "missing.ttf",))
    assert all(dest != plan.FONTS_DEST for _src, dest in plan.resource_datas(platform="linux"))


def test_name_and_version_come_from_pyproject_only():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = plan.project_info()
    assert (info.name, info.version) == (project["name"], project["version"])
    spec = SPEC.read_text(encoding="utf-8")
    assert "plan.project_info()" in spec
    assert project["version"] not in spec, "the spec repeats the version instead of reading it"


def test_version_tuple_for_windows_resources():
    info = plan.ProjectInfo("x", "1.2.3rc1", "", "")
    assert info.version_tuple == (1, 2, 3, 1)
    assert plan.ProjectInfo("x", "2", "", "").version_tuple == (2, 0, 0, 0)


def test_generated_metadata_reports_the_version(tmp_path):
    from importlib.metadata import PathDistribution

    folder, name = build_steps.write_dist_info(tmp_path, plan.ProjectInfo("natasha-studio", "9.8.7",
                                                                   "d", "MIT"))
    assert name == "natasha_studio-9.8.7.dist-info"
    assert PathDistribution(Path(folder)).version == "9.8.7"


def _runtime_data_files(dist) -> list[str]:
    files = []
    for f in dist.files or []:
        text = str(f).replace("\\", "/")
        if ".dist-info/" in text or "__pycache__" in text or text.startswith(".."):
            continue
        if f.suffix in CODE_SUFFIXES or f.suffix in BUILD_ONLY_SUFFIXES:
            continue
        if re.search(r"(^|/)(tests?|testing)/", text) or ".libs/" in text or "LICENSE" in text:
            continue
        files.append(text)
    return files


def test_every_dependency_with_data_files_has_a_decision():
    closure = plan.dependency_closure()
    assert "keyring" in closure and "pyside6" in closure
    rules = plan.active_rules(closure=closure)
    collected = {pkg for rule in rules for pkg in rule.collect_data}
    triggers = {plan.normalize(rule.trigger) for rule in rules}
    undecided = {}
    for name, dist in closure.items():
        data = _runtime_data_files(dist)
        if not data or name in plan.DATA_NOT_NEEDED or name in triggers:
            continue
        tops = {path.split("/")[0] for path in data}
        if tops <= collected:
            continue
        undecided[name] = data[:3]
    assert not undecided, (
        "these dependencies ship data files the spec neither collects nor explains; add a "
        f"DataRule or a DATA_NOT_NEEDED entry in packaging/bundle_plan.py: {undecided}")


def test_rules_follow_the_code():
    triggers = {rule.trigger for rule in plan.active_rules()}
    imports = plan.app_imports()
    assert "keyring" in triggers  # natasha_studio/secrets.py imports it
    for rule in plan.DATA_RULES:
        if not rule.indirect and rule.trigger in imports:
            assert rule.trigger in triggers


def test_every_rule_is_proved_inside_the_bundle():
    missing = [rule.trigger for rule in plan.DATA_RULES if rule.trigger not in bundle_check.PROBES]
    assert not missing, f"bundle_check.py has no probe for {missing}"


def test_bundle_check_passes_from_source(capsys):
    # The same probes the built bundle runs: they must hold in a source checkout first.
    assert bundle_check.main() == 0, capsys.readouterr().out


def test_the_app_uses_no_qt_module_the_bundle_leaves_out():
    used: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for name in names:
                if name.startswith("PySide6.Qt"):
                    used[name.split(".")[1]] = str(path.relative_to(REPO))
    left_out = {m: where for m, where in used.items() if m in plan.UNUSED_QT_MODULES}
    assert not left_out, f"used by the app but excluded from the bundle: {left_out}"


def test_only_optional_features_import_what_the_bundle_leaves_out():
    excluded = {name for name in plan.EXCLUDED_MODULES if "." not in name}
    offending = {}
    for path in PACKAGE.rglob("*.py"):
        bad = (plan.file_imports(path) & excluded) - plan.OPTIONAL_IMPORTS
        if bad:
            offending[str(path.relative_to(REPO))] = sorted(bad)
    assert not offending, f"imports of modules left out of the bundle: {offending}"


@pytest.mark.parametrize("dest,kept", [
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Charts.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/translations/qtbase_ru.qm", True),
    ("resources/translations/app_ru.qm", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6QmlModels.so.6", False),
    ("PySide6/Qt6WebEngineCore.dll", False),
    ("PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("faker/providers/person/de_DE/__init__.py", False),
    ("faker/providers/person/ru_RU/__init__.py", True),
])
def test_bundle_filter(dest, kept):
    assert plan.keep_in_bundle(dest) is kept


@pytest.mark.parametrize("module,kept", [
    ("faker.providers.person.ru_RU", True), ("faker.providers.person.en_US", True),
    ("faker.providers.address.en", True), ("faker.providers.color.color", True),
    ("faker.providers.isbn.rules", True), ("faker.providers.person", True),
    ("faker.providers.sbn.sbn", True), ("faker/providers/sbn/sbn.py", True),
    ("faker.providers.person.fr_FR", False), ("faker.providers.address.fil_PH", False),
])
def test_faker_locales_filter(module, kept):
    assert plan.keep_module(module) is kept


def test_orphaned_libraries_are_only_those_removed_parts_needed():
    links = {
        "/q/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libQt6Gui.so.6"],
        "/q/libqxcb.so": ["libX11.so.6", "libQt6Gui.so.6"],
        "/s/libcairo.so.2": ["libpixman-1.so.0", "libX11.so.6"],
        "/s/libpixman-1.so.0": [],
        "/s/libX11.so.6": [],
        "/s/libQt6Gui.so.6": [],
    }
    kept = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
            ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
            ("libpixman-1.so.0", "/s/libpixman-1.so.0", "BINARY"),
            ("libX11.so.6", "/s/libX11.so.6", "BINARY"),
            ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY")]
    removed = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY")]
    assert build_steps.orphaned_libraries(kept, removed, links.__getitem__) == {
        "libcairo.so.2", "libpixman-1.so.0"}


def test_strip_debug_copy_keeps_what_it_cannot_shrink(tmp_path):
    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("plain text")
    assert build_steps.strip_debug_copy(str(not_a_library), tmp_path / "out") == \
        str(not_a_library)
    # Asked again, it remembers the answer instead of copying once more.
    assert build_steps.strip_debug_copy(str(not_a_library), tmp_path / "out") == \
        str(not_a_library)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="GNU strip on ELF files")
def test_strip_debug_copy_shrinks_a_library_with_debug_sections(tmp_path):
    import regex._regex as with_debug_info  # shipped with DWARF sections in its wheel

    src = with_debug_info.__file__
    copy = build_steps.strip_debug_copy(src, tmp_path / "out")
    assert copy != src and Path(copy).stat().st_size < Path(src).stat().st_size
    assert Path(src).read_bytes()[:4] == Path(copy).read_bytes()[:4] == b"\x7fELF"


def test_the_open_model_providers_never_load_the_sdk_parts_left_out():
    # The Together AI and Fireworks AI providers, their SDK clients and every resource they
    # call: none of it may load a part of the SDKs that the bundle leaves out.
    code = (
        "import sys\n"
        "sys.path.insert(0, 'packaging')\n"
        "import bundle_check, bundle_plan\n"
        "from natasha_studio.providers.fireworks_provider import FireworksProvider\n"
        "from natasha_studio.providers.together_provider import TogetherProvider\n"
        "from together.lib.types.error import FileTypeError\n"
        "bundle_check._together()\n"
        "FireworksProvider('k', 'a', base_url='http://127.0.0.1:9')._fireworks()\n"
        "TogetherProvider('k', 'http://127.0.0.1:9')._together()\n"
        "left = [n for n in bundle_plan.EXCLUDED_MODULES if n.split('.')[0] in "
        "('fireworks', 'together')]\n"
        "print([m for m in sys.modules for n in left if m == n or m.startswith(n + '.')])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"
