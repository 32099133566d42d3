"""The files around the bundle: icons, the Linux menu entry and installer, the Windows
installer script, the macOS scripts, the CI workflow and the launcher."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_plan as plan  # noqa: E402
import launcher  # noqa: E402

DESKTOP = PACKAGING / "linux" / "natasha-studio.desktop"
INSTALL_SH = PACKAGING / "linux" / "install.sh"
ISS = PACKAGING / "windows" / "natasha_studio.iss"
WORKFLOW = REPO / ".github" / "workflows" / "build.yml"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", plan.ICON_PNG_SIZES)
def test_png_icon_in_every_size(size):
    path = plan.ICONS / f"natasha-studio-{size}.png"
    assert _png_size(path) == (size, size)


def test_ico_holds_every_windows_size():
    data = plan.ICON_ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height = data[6 + 16 * i], data[7 + 16 * i]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an ICO directory
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= sizes


def test_icns_holds_retina_sizes():
    data = plan.ICON_ICNS.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset:offset + 8])
        kinds.add(kind.decode("ascii"))
        offset += length
    # 128, 256, 512 and 1024 px (ic07-ic10) and the Retina pairs for 16, 32, 128 and 256
    # points (ic11-ic14): every size Finder, the Dock and the app switcher ask for.
    assert {"ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"} <= kinds


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_complete():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == plan.DISPLAY_NAME
    assert entry["Exec"] == f"{plan.EXE_NAME} %f"  # %f: a project file opened from a file manager
    assert entry["TryExec"] == plan.EXE_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert (plan.ICONS / f"{entry['Icon']}-256.png").is_file()
    assert "Comment[ru]" in entry and "GenericName[ru]" in entry
    mime = (PACKAGING / "linux" / "natasha-studio-mime.xml").read_text(encoding="utf-8")
    declared_type = re.search(r'<mime-type type="([^"]+)"', mime).group(1)
    assert entry["MimeType"] == f"{declared_type};"
    assert '<glob pattern="*.nstudio"' in mime


def test_desktop_entry_matches_what_the_app_declares():
    # Wayland shells find the window's icon through the desktop file name the app sets, X11
    # ones through the window class, which Qt takes from the application name.
    app_py = (REPO / "natasha_studio" / "app.py").read_text(encoding="utf-8")
    declared = re.search(r'setDesktopFileName\("([^"]+)"\)', app_py)
    assert declared and declared.group(1) == DESKTOP.stem
    assert "app.setApplicationName(APP_NAME)" in app_py
    assert _desktop_entry()["StartupWMClass"] == plan.DISPLAY_NAME


def test_desktop_entry_validates():
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        return  # the parser checks above still ran
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _fake_unpacked_tarball(root: Path) -> Path:
    top = root / "NatashaStudio-0.0.0-linux-x86_64"
    (top / "NatashaStudio" / "_internal").mkdir(parents=True)
    exe = top / "NatashaStudio" / plan.EXE_NAME
    exe.write_text("#!/bin/sh\necho started\n")
    exe.chmod(0o755)
    (top / "icons").mkdir()
    for png in plan.ICONS.glob("natasha-studio-*.png"):
        shutil.copy(png, top / "icons" / png.name)
    shutil.copy(DESKTOP, top / DESKTOP.name)
    shutil.copy(PACKAGING / "linux" / "natasha-studio-mime.xml", top / "natasha-studio-mime.xml")
    shutil.copy(INSTALL_SH, top / "install.sh")
    return top


@posix_only
def test_linux_installer_adds_menu_entry_and_icons_then_removes_them(tmp_path):
    top = _fake_unpacked_tarball(tmp_path / "unpacked")
    data_home = tmp_path / "home folder" / ".local" / "share"  # a space, as real homes may have
    env = {**os.environ, "HOME": str(tmp_path / "home folder"), "XDG_DATA_HOME": str(data_home)}

    result = subprocess.run(["sh", str(top / "install.sh")], env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    installed = data_home / "natasha-studio" / plan.EXE_NAME
    assert installed.is_file()
    entry = (data_home / "applications" / "natasha-studio.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed}" %f' in entry
    assert f"TryExec={installed}\n" in entry
    assert (data_home / "mime" / "packages" / "natasha-studio.xml").is_file()
    assert "Comment[ru]=" in entry
    for size in plan.ICON_PNG_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "natasha-studio.png"
        assert _png_size(icon) == (size, size)

    # Installing again (an update) replaces the app in place.
    assert subprocess.run(["sh", str(top / "install.sh")], env=env,
                          capture_output=True).returncode == 0
    assert not (data_home / "natasha-studio.new").exists()

    result = subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not installed.exists()
    assert not (data_home / "applications" / "natasha-studio.desktop").exists()
    assert not (data_home / "mime" / "packages" / "natasha-studio.xml").exists()
    assert "kept" in result.stdout


@posix_only
def test_linux_installer_explains_a_partly_unpacked_archive(tmp_path):
    top = _fake_unpacked_tarball(tmp_path)
    shutil.rmtree(top / "NatashaStudio")
    result = subprocess.run(["sh", str(top / "install.sh")], capture_output=True, text=True,
                            env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")})
    assert result.returncode == 1
    assert "unpack the whole archive" in result.stderr
    assert not (tmp_path / "share" / "natasha-studio").exists()


def test_inno_setup_script_installs_the_bundle_with_a_start_menu_entry():
    text = ISS.read_text(encoding="utf-8-sig")
    assert f'#define AppExe "{plan.EXE_NAME}.exe"' in text
    assert "{autoprograms}\\{#AppName}" in text  # the Start-menu entry
    assert 'Source: "{#Root}\\dist\\NatashaStudio\\*"' in text
    assert "PrivilegesRequired=lowest" in text
    assert "compiler:Languages\\Russian.isl" in text
    assert "AppVersion={#AppVersion}" in text and "#error" in text  # no version written in
    icon = re.search(r"SetupIconFile=\{#Root\}\\(.+)", text).group(1).strip()
    assert (REPO / Path(*icon.split("\\"))) == plan.ICON_ICO
    assert plan.project_info().version not in text
    # Double-clicking a project file starts the app with its path, which cli.main opens.
    assert 'Subkey: "Software\\Classes\\.nstudio\\OpenWithProgids"' in text
    assert '"""{app}\\{#AppExe}"" ""%1"""' in text


def test_build_scripts_exist_for_each_platform_and_are_executable():
    for script in ("build_linux.sh", "build_macos.sh", "ci_build_and_selftest.sh",
                   "macos/make_dmg.sh", "linux/install.sh"):
        path = PACKAGING / script
        assert path.read_text(encoding="utf-8").startswith("#!"), script
        if sys.platform != "win32":
            assert os.access(path, os.X_OK), f"{script} is not executable"
    assert "natasha_studio.iss" in (PACKAGING / "build_windows.ps1").read_text(encoding="utf-8")
    assert "hdiutil create" in (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")


def test_ci_workflow_builds_and_checks_on_three_systems():
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner, script in (("ubuntu-", "packaging/build_linux.sh"),
                           ("windows-", "packaging\\build_windows.ps1"),
                           ("macos-", "packaging/build_macos.sh")):
        assert f"os: {runner}" in text
        assert script in text
    assert "tests/integration/test_packaging_bundle.py" in text
    assert "NATASHA_STUDIO_BUNDLE" in text


def test_packaging_extra_declares_pyinstaller():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = project["optional-dependencies"]["packaging"]
    assert any(req.lower().startswith("pyinstaller") for req in extra)


def test_launcher_drops_finder_process_serial_number(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["NatashaStudio", "-psn_0_12345", "self-test"])
    assert launcher._arguments() == ["self-test"]


def test_linux_tarball_build_copies_every_file_install_sh_uses():
    build = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    install = INSTALL_SH.read_text(encoding="utf-8")
    for name in re.findall(r'"\$here/([\w.-]+)', install):
        if name not in ("NatashaStudio", "icons"):
            assert f"packaging/linux/{name}" in build, name


def test_launcher_runs_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, str(PACKAGING / "launcher.py"), "--version"],
                            cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("Natasha Studio ")
