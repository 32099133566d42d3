"""Steps of the PyInstaller build beyond what the spec declares: how, where bundle_plan says what.

Used by natasha_studio.spec and tested without PyInstaller (the binary inspector is passed in).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from bundle_plan import ProjectInfo, project_info

TocEntry = tuple[str, str, str]  # PyInstaller's (destination, source, kind)
PROTECTED_LIBRARY = re.compile(r"python", re.IGNORECASE)


def write_dist_info(build_dir: Path, info: ProjectInfo | None = None) -> tuple[str, str]:
    """Write our own minimal .dist-info so ``importlib.metadata.version()`` works when frozen.

    The app is frozen from a source tree, not from an installed wheel, so without this the
    bundle would report whatever fallback version the code carries.
    """
    info = info or project_info()
    folder = build_dir / f"{info.name.replace('-', '_')}-{info.version}.dist-info"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {info.name}\nVersion: {info.version}\n"
        f"Summary: {info.description}\nLicense: {info.license}\n",
        encoding="utf-8",
    )
    return str(folder), folder.name


def strip_debug_copy(src: str, folder: Path) -> str:
    """A copy of the library ``src`` without debug sections, or ``src`` when that gains little.

    Copies go to ``folder`` and are reused while newer than the original; a library without
    debug information, or one ``strip`` cannot handle, is used as it is.
    """
    source = Path(src)
    target = folder / hashlib.sha1(str(source).encode()).hexdigest()[:12] / source.name
    marker = target.with_name(target.name + ".unchanged")
    for done in (target, marker):
        if done.exists() and done.stat().st_mtime >= source.stat().st_mtime:
            return str(target) if done is target else src
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    target.chmod(0o755)
    try:
        subprocess.run(["strip", "--strip-debug", str(target)], check=True,
                       capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        saved = 0
    else:
        saved = source.stat().st_size - target.stat().st_size
    if saved < max(64 * 1024, source.stat().st_size // 20):
        target.unlink()
        marker.touch()
        return src
    return str(target)


def orphaned_libraries(kept: Iterable[TocEntry], removed: Iterable[TocEntry],
                       imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Names of shared libraries in the bundle's top folder that only ``removed`` needed.

    PyInstaller adds the libraries a plug-in links to while analysing; dropping the plug-in
    afterwards leaves them behind. ``imports_of(source)`` lists the library names a binary
    links to (PyInstaller's bindepend.get_imports in the spec).
    """
    kept = list(kept)
    top = {dest: src for dest, src, kind in kept
           if "/" not in dest.replace("\\", "/") and kind == "BINARY"}

    def reach(entries: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        stack = [src for _dest, src, kind in entries if kind in ("BINARY", "EXTENSION")]
        while stack:
            try:
                names = list(imports_of(stack.pop()))
            except Exception:  # an unreadable binary only means we keep what it may need
                continue
            for name in names:
                base = Path(name).name
                if base in top and base not in seen:
                    seen.add(base)
                    stack.append(top[base])
        return seen

    candidates = reach(removed)
    roots = [entry for entry in kept if entry[0] not in candidates]
    return {name for name in candidates - reach(roots) if not PROTECTED_LIBRARY.search(name)}
