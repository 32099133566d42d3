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


class TranslationContext:
    """One context's text, for plurals: ``Validation.tr("%n pairs", None, n)``.

    pyside6-lupdate reads a name in the fourth argument of ``translate()`` as PyQt4's old
    "encoding" argument, so ``translate(ctx, "%n pairs", None, n)`` lands in the .ts file
    without its plural forms (and ``translate(ctx, text, None, obj.count)`` not at all). It
    reads ``Name.tr(text, disambiguation, n)`` as a plural whose context is ``Name``: bind the
    object to a variable spelled exactly like its context.
    """

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self.context, text, disambiguation, n)


# Numbers as the reader's language writes them: "11 088" and "43,2" in Russian (a no-break
# space groups thousands), "11,088" and "43.2" in English.
_SEPARATORS = {"ru": ("\u00a0", ","), "en": (",", ".")}
_language = "en"


def set_language(language: str) -> None:
    """The language numbers are written in (set with the translations)."""
    global _language
    _language = language if language in _SEPARATORS else "en"


def language() -> str:
    """The language the app speaks now ("ru" or "en"), for content chosen by language."""
    return _language


def number(value: float, decimals: int = 0) -> str:
    """``value`` with grouped thousands and ``decimals`` digits, in the current language."""
    group, point = _SEPARATORS[_language]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)
