"""The README's "Which provider to choose, for whom" keeps up with the providers the app offers."""

from __future__ import annotations

import re
from pathlib import Path

from natasha_studio.providers.catalog import PROVIDER_KINDS, TUNING_PROVIDERS, provider_info

ROOT = Path(__file__).resolve().parent.parent.parent
# How the paragraph names a provider where its label reads differently in a sentence.
NAMED = {"local": "local training"}


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"### Which provider to choose, for whom\n\n(.*?)\n\n", text, flags=re.S)
    assert match, "the README has no 'Which provider to choose, for whom' paragraph"
    return match.group(1)


def test_the_paragraph_names_every_provider_in_bold():
    section = _section()
    for kind in PROVIDER_KINDS:
        name = NAMED.get(kind, provider_info(kind).label)
        assert f"**{name}**" in section, name


def test_the_command_lines_offer_every_tuning_provider():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines()
              if line.startswith("natasha-studio finetune PROJECT.nstudio --provider")]
    offered = line.split("--provider ", 1)[1].split()[0].split("|")
    assert sorted(offered) == sorted(TUNING_PROVIDERS)
