"""Translations: complete in Russian, placeholders kept, compiled files current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations as ut  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%\d|<[a-z/][^>]*>")
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))


def _messages(ts: Path):
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        yield message, message.findtext("source") or "", translation, texts


def test_there_are_russian_and_english_files():
    areas = {p.stem.rsplit("_", 1)[0] for p in TS_FILES}
    assert "app" in areas
    for area in areas:
        assert (TRANSLATIONS / f"{area}_ru.ts").exists()
        assert (TRANSLATIONS / f"{area}_en.ts").exists()


@pytest.mark.parametrize("ts", [p for p in TS_FILES if p.stem.endswith("_ru")], ids=lambda p: p.name)
def test_russian_is_complete(ts):
    unfinished = [source for _m, source, translation, texts in _messages(ts)
                  if translation.get("type") == "unfinished" or not all(t.strip() for t in texts)]
    assert not unfinished, f"{len(unfinished)} unfinished in {ts.name}: {unfinished[:5]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_placeholders(ts):
    bad = []
    for message, source, _translation, texts in _messages(ts):
        expected = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            if not text:
                continue
            found = sorted(set(PLACEHOLDER.findall(text)))
            if message.get("numerus") == "yes":
                # A plural form may spell the number out ("одна пара") but adds nothing new.
                if not set(found) <= set(expected) | {"%n"}:
                    bad.append((source, text))
            elif found != expected:
                bad.append((source, text))
    assert not bad, bad[:5]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_files_are_current(ts, tmp_path):
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run scripts/update_translations.py"
    fresh = tmp_path / qm.name
    subprocess.run([ut._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)],
                   check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run lrelease"


def test_every_translatable_string_is_in_its_area(tmp_path):
    """lupdate over each area's sources finds nothing that the committed file lacks."""
    missing = {}
    for area in ut.AREAS:
        sources = [str(p.relative_to(ROOT)) for p in ut.area_sources(area)]
        if not sources:
            continue
        fresh = tmp_path / f"{area}.ts"
        subprocess.run([ut._tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations",
                        "none", "-ts", str(fresh)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        wanted = {(s) for _m, s, _t, _x in _messages(fresh)}
        committed = TRANSLATIONS / f"{area}_ru.ts"
        have = {s for _m, s, _t, _x in _messages(committed)} if committed.exists() else set()
        if wanted - have:
            missing[area] = sorted(wanted - have)[:5]
    assert not missing, f"run scripts/update_translations.py: {missing}"


def test_every_file_with_text_belongs_to_an_area():
    covered = {p.resolve() for area in ut.AREAS for p in ut.area_sources(area)}
    pattern = re.compile(r"\b(self\.tr|translate|QCoreApplication\.translate)\(")
    orphans = [str(p.relative_to(ROOT)) for p in (ROOT / "natasha_studio").rglob("*.py")
               if pattern.search(p.read_text(encoding="utf-8")) and p.resolve() not in covered
               and p.name != "i18n.py"]
    assert not orphans, orphans


def test_lupdate_is_available():
    assert shutil.which(ut._tool("pyside6-lupdate")) or Path(ut._tool("pyside6-lupdate")).exists()


def test_every_literal_in_the_code_reaches_a_translation_file():
    """Catches calls lupdate cannot read (e.g. a call nested in the arguments)."""
    import ast

    sources = {s for ts in TS_FILES if ts.stem.endswith("_ru") for _m, s, _t, _x in _messages(ts)}
    missing = []
    for path in (ROOT / "natasha_studio").rglob("*.py"):
        if path.name == "i18n.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "translate" and len(node.args) >= 2:
                literal = node.args[1]
            elif name == "tr" and isinstance(func, ast.Attribute) and node.args:
                literal = node.args[0]
            else:
                continue
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str) \
                    and literal.value not in sources:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal.value[:60]!r}")
    assert not missing, missing
