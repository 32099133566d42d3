"""The built bundle, run as a curator's machine runs it: no Python, no network, offscreen.

Runs only where a bundle was built: ``NATASHA_STUDIO_BUNDLE`` names its folder
(``dist/NatashaStudio`` on Linux and Windows, ``dist/Natasha Studio.app`` on macOS).
packaging/ci_build_and_selftest.sh and the build workflow set it after building.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import bundle_plan as plan  # noqa: E402

BUNDLE = os.environ.get("NATASHA_STUDIO_BUNDLE")
pytestmark = pytest.mark.skipif(
    not BUNDLE, reason="no bundle built here (NATASHA_STUDIO_BUNDLE is not set)")


@pytest.fixture(scope="module")
def bundle() -> Path:
    path = Path(BUNDLE or "")
    assert path.is_dir(), f"NATASHA_STUDIO_BUNDLE={path} is not a folder"
    return path


@pytest.fixture(scope="module")
def executable(bundle: Path) -> Path:
    if sys.platform == "darwin":
        exe = bundle / "Contents" / "MacOS" / plan.EXE_NAME
    elif sys.platform == "win32":
        exe = bundle / f"{plan.EXE_NAME}.exe"
    else:
        exe = bundle / plan.EXE_NAME
    assert exe.is_file(), f"no executable at {exe}"
    return exe


@pytest.fixture(scope="module")
def data_dir(bundle: Path) -> Path:
    """Where the bundle keeps modules and data (sys._MEIPASS inside the app)."""
    return bundle / "Contents" / "Frameworks" if sys.platform == "darwin" else bundle / "_internal"


def _bare_environment(home: Path) -> dict[str, str]:
    # What a fresh desktop session has: no virtual environment, no Python variables, a home
    # of its own. Windows needs its system variables to start any program at all.
    keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "COMSPEC", "PATHEXT") \
        if sys.platform == "win32" else ("TMPDIR",)
    env = {name: os.environ[name] for name in keep if name in os.environ}
    system_path = (os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
                   if sys.platform == "win32" else "/usr/bin:/bin")
    env.update({
        "PATH": system_path,
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "NATASHA_STUDIO_HOME": str(home / "natasha-studio"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    })
    return env


def _offline_prefix() -> list[str]:
    # A private network namespace has no interfaces but loopback: any attempt to reach the
    # internet fails at once. Available on Linux where user namespaces are allowed.
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare and subprocess.run(
            [unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def _run(executable: Path, tmp_path: Path, *args: str, timeout: int = 180):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    try:
        return subprocess.run(
            [*_offline_prefix(), str(executable), *args], cwd=tmp_path,
            env=_bare_environment(home), capture_output=True, text=True, encoding="utf-8",
            errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        # What it printed before hanging tells where it stopped (a modal dialog, a wait).
        printed = "".join(_text(part) for part in (exc.stdout, exc.stderr))
        pytest.fail(f"{executable.name} {' '.join(args)} hung for {timeout} s; it printed:\n"
                    f"{printed}")


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode("utf-8", errors="replace")
    return output or ""


def test_self_test_passes_offline_without_python(executable, tmp_path):
    result = _run(executable, tmp_path, "self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_bundled_libraries_find_their_data(executable, tmp_path):
    result = _run(executable, tmp_path, "--check-bundle")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bundle check passed" in result.stdout
    assert "ok   helper process" in result.stdout  # multiprocessing works in the frozen app
    for rule in plan.active_rules():
        assert f"ok   {rule.trigger}" in result.stdout


def test_version_comes_from_pyproject(executable, tmp_path):
    result = _run(executable, tmp_path, "--version")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"Natasha Studio {plan.project_info().version}"


def _tracked_resources() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "resources"], cwd=REPO, capture_output=True,
                            text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        return listed.stdout.split()
    return [p.relative_to(REPO).as_posix() for p in (REPO / "resources").rglob("*") if p.is_file()]


def test_every_resource_ships(data_dir):
    missing = [rel for rel in _tracked_resources() if not (data_dir / rel).is_file()]
    assert not missing, f"resources missing from the bundle: {missing}"


def test_the_emoji_font_of_the_build_machine_ships(data_dir):
    fonts = [Path(src).name for src, dest in plan.resource_datas() if dest == plan.FONTS_DEST]
    missing = [name for name in fonts if not (data_dir / plan.FONTS_DEST / name).is_file()]
    assert not missing, missing


def test_declared_data_files_ship(data_dir):
    missing = [f"{rule.trigger}: {rel}" for rule in plan.active_rules()
               for rel in rule.expect_in_bundle if not (data_dir / rel).exists()]
    assert not missing, missing


def test_unused_parts_are_left_out(data_dir):
    present = [p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")]
    unused_qt = [rel for rel in present if not plan.keep_in_bundle(rel)]
    assert not unused_qt, f"Qt parts the app does not use: {unused_qt[:10]}"
    excluded_packages = {name for name in plan.EXCLUDED_MODULES if "." not in name}
    shipped = [name for name in excluded_packages if (data_dir / name).is_dir()]
    assert not shipped, f"packages that should have been left out: {shipped}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the size limit is for Linux")
def test_linux_bundle_is_under_the_size_limit(bundle):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    size_mb = size / 2**20
    print(f"bundle size: {size_mb:.0f} MB")
    assert size_mb < plan.MAX_BUNDLE_MB, f"{size_mb:.0f} MB, over {plan.MAX_BUNDLE_MB} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_no_library_needs_a_left_out_qt_part(data_dir):
    # Filtering Qt parts out after the analysis must not strand a library that links to one.
    env = dict(os.environ, LD_LIBRARY_PATH=f"{data_dir}:{data_dir / 'PySide6' / 'Qt' / 'lib'}")
    stranded = []
    for lib in data_dir.rglob("*.so*"):
        if not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line and plan.UNUSED_QT_NATIVE.search(line.split()[0]):
                stranded.append(f"{lib.name} -> {line.split()[0]}")
    assert not stranded, stranded


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tarball is Linux's")
def test_linux_tarball_holds_bundle_menu_entry_and_installer(bundle):
    version = plan.project_info().version
    tarballs = sorted(bundle.parent.glob(f"NatashaStudio-{version}-linux-*.tar.gz"))
    assert tarballs, f"no tarball for {version} beside {bundle}"
    with tarfile.open(tarballs[-1]) as tar:
        names = set(tar.getnames())
        top = tarballs[-1].name.removesuffix(".tar.gz")
        for member in ("install.sh", "natasha-studio.desktop", "README.txt",
                       "icons/natasha-studio-256.png", f"NatashaStudio/{plan.EXE_NAME}"):
            assert f"{top}/{member}" in names, member
        assert tar.getmember(f"{top}/install.sh").mode & 0o111
        assert tar.getmember(f"{top}/NatashaStudio/{plan.EXE_NAME}").mode & 0o111
