"""The project's privacy settings: the persona's name kept or replaced, allow- and deny-lists,
placeholders or fake names, and which kinds a bulk redaction replaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from natasha_studio.core.privacy.findings import KINDS
from natasha_studio.core.store import Project

MODES = ("placeholders", "fake_names")

# Keys in the project's settings table.
_KEYS = {
    "allow_list": "privacy_allow_list",
    "deny_list": "privacy_deny_list",
    "replace_persona": "privacy_replace_persona",
    "mode": "privacy_mode",
    "kinds": "privacy_kinds",
    "use_ner": "privacy_use_ner",
}


@dataclass(frozen=True)
class PrivacySettings:
    """Privacy settings of one project (stored in its settings table)."""

    allow_list: tuple[str, ...] = ()
    deny_list: tuple[str, ...] = ()
    replace_persona: bool = False
    mode: str = "placeholders"
    kinds: tuple[str, ...] = KINDS
    use_ner: bool = True

    def detection_key(self) -> list:
        """What detection depends on (the mode and kinds only matter when redacting)."""
        return [sorted(self.allow_list), sorted(self.deny_list), self.replace_persona, self.use_ner]


def _words(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    seen: dict[str, None] = {}
    for item in value:
        if isinstance(item, str) and item.strip():
            seen.setdefault(item.strip(), None)
    return tuple(seen)


def load_settings(project: Project) -> PrivacySettings:
    """The project's privacy settings; missing or malformed values fall back to defaults."""
    get = project.get_setting
    mode = get(_KEYS["mode"], "placeholders")
    kinds = tuple(k for k in (get(_KEYS["kinds"], list(KINDS)) or []) if k in KINDS)
    return PrivacySettings(
        allow_list=_words(get(_KEYS["allow_list"], [])),
        deny_list=_words(get(_KEYS["deny_list"], [])),
        replace_persona=bool(get(_KEYS["replace_persona"], False)),
        mode=mode if mode in MODES else "placeholders",
        kinds=kinds or KINDS,
        use_ner=bool(get(_KEYS["use_ner"], True)),
    )


def save_settings(project: Project, settings: PrivacySettings) -> None:
    """Store the settings in one transaction."""
    if settings.mode not in MODES:
        raise ValueError(settings.mode)
    with project.transaction():
        project.set_setting(_KEYS["allow_list"], list(settings.allow_list))
        project.set_setting(_KEYS["deny_list"], list(settings.deny_list))
        project.set_setting(_KEYS["replace_persona"], settings.replace_persona)
        project.set_setting(_KEYS["mode"], settings.mode)
        project.set_setting(_KEYS["kinds"], [k for k in KINDS if k in settings.kinds])
        project.set_setting(_KEYS["use_ner"], settings.use_ner)
