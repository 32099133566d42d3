"""Translatable text for the core, without Qt.

Core code marks user-visible text with ``translate("Context", "Text")``; Qt's lupdate finds
these calls like any other. The app installs Qt's translator at start-up (see ``install``), so
the same strings come out in Russian or English in the window and on the command line; until
then the English source text is returned.
"""

from __future__ import annotations

from collections.abc import Callable

_Translator = Callable[[str, str, str | None, int], str]
_translator: _Translator | None = None


def install(translator: _Translator | None) -> None:
    """Route ``translate`` through ``translator(context, text, disambiguation, n)``."""
    global _translator
    _translator = translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The translation of ``text``; ``%n`` is replaced by ``n`` when ``n`` is given."""
    if _translator is not None:
        return _translator(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def translate_noop(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined; translate it later where shown."""
    return text
