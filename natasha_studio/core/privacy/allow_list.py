"""Marking a word as "not personal" (and taking it back), as undoable changes.

A community talks about things that look like names and places ("Хатхор", a goddess) and
are nobody's personal data. Once a word is on the project's allow-list it is neither
highlighted nor replaced, in any inflected form, in any pair or export. Each change returns
what it did, so the window's Undo and the command line can revert exactly that.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.privacy.names import normalise
from natasha_studio.core.privacy.settings import load_settings, save_settings
from natasha_studio.core.store import Project


@dataclass(frozen=True)
class AllowListChange:
    """One change of the allow-list.

    ``not_personal``: True when ``entries`` were added (the word is now not personal), False
    when they were removed (personal again). ``entries`` is empty when nothing changed: the
    word already was (or was not) on the list.
    """

    word: str
    not_personal: bool
    entries: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.entries)


def _keys(phrase: str) -> set[str]:
    return {phrase.strip().lower(), normalise(phrase)}


def _forms_of(word: str, entries: tuple[str, ...]) -> tuple[str, ...]:
    """The entries that are ``word`` in some form."""
    keys = _keys(word)
    return tuple(e for e in entries if keys & _keys(e))


def _checked(word: str) -> str:
    word = " ".join(word.split())
    if not word:
        raise StudioError(translate("Privacy", "No word was given."),
                          translate("Privacy", "Give the word or name exactly as it is written "
                                               "in a pair, for example Хатхор."))
    return word


def is_not_personal(project: Project, word: str) -> bool:
    """True when ``word`` (in any form) is on the project's allow-list."""
    return bool(_forms_of(word, load_settings(project).allow_list))


def mark_not_personal(project: Project, word: str) -> AllowListChange:
    """Put ``word`` on the allow-list; nothing changes when it already is, in any form."""
    word = _checked(word)
    with project.transaction():
        settings = load_settings(project)
        if _forms_of(word, settings.allow_list):
            return AllowListChange(word, True, ())
        save_settings(project, dataclasses.replace(
            settings, allow_list=(*settings.allow_list, word)))
    return AllowListChange(word, True, (word,))


def mark_personal_again(project: Project, word: str) -> AllowListChange:
    """Take ``word`` off the allow-list, with every entry that is a form of it."""
    word = _checked(word)
    with project.transaction():
        settings = load_settings(project)
        removed = _forms_of(word, settings.allow_list)
        if removed:
            save_settings(project, dataclasses.replace(
                settings, allow_list=tuple(e for e in settings.allow_list if e not in removed)))
    return AllowListChange(word, False, removed)


def revert_allow_change(project: Project, change: AllowListChange) -> AllowListChange:
    """Undo ``change`` exactly: remove what it added, or add back what it removed."""
    with project.transaction():
        settings = load_settings(project)
        if change.not_personal:
            kept = tuple(e for e in settings.allow_list if e not in change.entries)
            done = tuple(e for e in change.entries if e in settings.allow_list)
        else:
            done = tuple(e for e in change.entries if e not in settings.allow_list)
            kept = (*settings.allow_list, *done)
        if done:
            save_settings(project, dataclasses.replace(settings, allow_list=kept))
    return AllowListChange(change.word, not change.not_personal, done)
