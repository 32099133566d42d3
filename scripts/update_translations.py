#!/usr/bin/env python3
"""Keep the translation files current.

The strings are split into areas (one pair of .ts files each, so that work on different parts
of the app never edits the same file). For each area this runs pyside6-lupdate over the area's
sources into ``resources/translations/<area>_ru.ts`` (every string) and ``<area>_en.ts``
(plural forms only: English text is the source), then pyside6-lrelease into ``.qm``.

    python scripts/update_translations.py              # every area
    python scripts/update_translations.py pairs        # one area
    python scripts/update_translations.py --fill pairs ru.json
        # fill unfinished Russian entries from a JSON object {source: translation};
        # a plural entry takes a list of forms ["1 пара", "2 пары", "5 пар"].
    python scripts/update_translations.py --check      # list unfinished Russian entries
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"

# area -> source paths (files or folders) relative to the repository root
AREAS: dict[str, list[str]] = {
    "app": [
        "natasha_studio/app.py", "natasha_studio/i18n.py", "natasha_studio/selftest.py",
        "natasha_studio/settings.py", "natasha_studio/secrets.py", "natasha_studio/tasks.py",
        "natasha_studio/ui/main_window.py", "natasha_studio/ui/welcome.py",
        "natasha_studio/ui/settings_dialog.py", "natasha_studio/ui/context.py",
        "natasha_studio/ui/errors.py", "natasha_studio/ui/theme.py", "natasha_studio/ui/widgets",
        "natasha_studio/ui/notifications.py",
        "natasha_studio/cli.py", "natasha_studio/cli_commands/project.py",
        "natasha_studio/core/store.py", "natasha_studio/core/pairs.py",
        "natasha_studio/core/writer.py",
        "natasha_studio/core/errors.py", "natasha_studio/core/storage.py",
        "natasha_studio/core/recovery.py", "natasha_studio/ui/recovery.py",
        "natasha_studio/core/glossary.py", "natasha_studio/core/flow.py",
        "natasha_studio/ui/guide.py", "natasha_studio/ui/help_page.py",
    ],
    "dataset": [
        "natasha_studio/core/dataset", "natasha_studio/telegram/export",
        "natasha_studio/ui/sources", "natasha_studio/cli_commands/dataset.py",
        "natasha_studio/operations/demo.py",
    ],
    "telegram": [
        "natasha_studio/telegram/live", "natasha_studio/ui/telegram",
        "natasha_studio/cli_commands/telegram.py",
    ],
    "pairs": [
        "natasha_studio/core/curation", "natasha_studio/ui/pairs",
        "natasha_studio/cli_commands/pairs.py",
    ],
    "privacy": [
        "natasha_studio/core/privacy", "natasha_studio/ui/privacy",
        "natasha_studio/cli_commands/privacy.py",
    ],
    "export": [
        "natasha_studio/core/export", "natasha_studio/core/stats", "natasha_studio/ui/statistics",
        "natasha_studio/cli_commands/export.py",
    ],
    "finetune": [
        "natasha_studio/providers", "natasha_studio/core/jobs", "natasha_studio/ui/finetune",
        "natasha_studio/cli_commands/finetune.py", "natasha_studio/cli_commands/jobs.py",
    ],
    "chat": [
        "natasha_studio/core/chat", "natasha_studio/ui/testchat",
        "natasha_studio/cli_commands/chat.py", "natasha_studio/core/fidelity",
        "natasha_studio/cli_commands/fidelity.py",
    ],
    "local": [
        "natasha_studio/local", "natasha_studio/ui/local", "natasha_studio/cli_commands/local.py",
    ],
}


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def area_sources(area: str) -> list[Path]:
    files: list[Path] = []
    for rel in AREAS[area]:
        path = ROOT / rel
        if path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
        elif path.exists():
            files.append(path)
    return files


def ts_path(area: str, lang: str) -> Path:
    return OUT / f"{area}_{lang}.ts"


def update(area: str) -> None:
    sources = [str(p.relative_to(ROOT)) for p in area_sources(area)]
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, extra in (("ru", []), ("en", ["-pluralonly"])):
        ts = ts_path(area, lang)
        if not sources:
            continue
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
             "-target-language", lang, *extra, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )
        if lang == "en":
            _fill_english_plurals(ts)
        release(ts)


def release(ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
    )


def _fill_english_plurals(ts: Path) -> None:
    """English plural forms: '%n pairs' -> ['%n pair', '%n pairs'] where obvious."""
    tree = ET.parse(ts)
    changed = False
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        source = message.findtext("source") or ""
        singular = _english_singular(source)
        texts = [f.text or "" for f in forms]
        finished = translation.get("type") != "unfinished" and all(texts)
        # A finished entry is kept, unless it gives the plural for one too where the phrase
        # has a singular ("Topic for 1 selected pairs").
        if finished and not (len(set(texts)) < 2 and singular != source):
            continue
        values = [singular, source]
        for form, value in zip(forms, values, strict=False):
            form.text = value
        translation.attrib.pop("type", None)
        changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)


# Words after the count that end the search for its noun ("%n of the pairs", "%n are listed").
_NOT_BEFORE_THE_NOUN = {"of", "the", "a", "are", "is", "was", "were", "in", "to", "no", "and",
                        "or", "for", "with", "by"}


def _english_singular(text: str) -> str:
    """The form for one of a counted phrase: the first plural noun within three words after
    "%n" made singular ("%n more pairs" -> "%n more pair", "%n new messages" -> "%n new
    message"); the text as it is when there is none."""
    words = text.split(" ")
    counts = [i for i, word in enumerate(words) if word.lstrip("([") == "%n"]  # "(%n chats)"
    if not counts:
        return text
    start = counts[0] + 1
    for i in range(start, min(start + 3, len(words))):
        word = words[i]
        stem = word.rstrip(".,:;)…")
        tail = word[len(stem):]
        if stem.lower() in _NOT_BEFORE_THE_NOUN:
            break
        if len(stem) < 3 or not stem.endswith("s") or stem.endswith(("ss", "us", "is", "as")):
            continue
        if stem.endswith("ies"):
            stem = stem[:-3] + "y"
        elif stem.endswith(("ches", "shes", "sses", "xes")):
            stem = stem[:-2]
        else:
            stem = stem[:-1]
        words[i] = stem + tail
        break
    return " ".join(words)


def unfinished(area: str) -> list[str]:
    ts = ts_path(area, "ru")
    if not ts.exists():
        return []
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if translation.get("type") == "unfinished" or not all(texts):
            missing.append(message.findtext("source") or "")
    return missing


def fill(area: str, mapping_file: Path) -> int:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = ts_path(area, "ru")
    tree = ET.parse(ts)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        if source not in mapping:
            continue
        value = mapping[source]
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            values = value if isinstance(value, list) else [value] * len(forms)
            for form, text in zip(forms, values, strict=False):
                form.text = text
        elif isinstance(value, list):
            raise SystemExit(f"{source!r} is not a plural entry in {ts.name}: give one string")
        else:
            translation.text = value
        translation.attrib.pop("type", None)
        count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    release(ts)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="areas to update (default: all)")
    parser.add_argument("--fill", nargs=2, metavar=("AREA", "JSON"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.fill:
        n = fill(args.fill[0], Path(args.fill[1]))
        print(f"filled {n} entries in {ts_path(args.fill[0], 'ru').name}")
        return 0
    areas = args.areas or list(AREAS)
    if args.check:
        bad = 0
        for area in areas:
            for source in unfinished(area):
                print(f"{area}: {source!r}")
                bad += 1
        return 1 if bad else 0
    for area in areas:
        update(area)
        left = unfinished(area)
        print(f"{area}: {len(area_sources(area))} files, {len(left)} unfinished Russian entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
