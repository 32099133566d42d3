"""Loading translations for the window and the command line.

Each area of the app has its own ``resources/translations/<area>_<lang>.qm``; all of them are
loaded, plus Qt's own translations (standard buttons and dialogs) where Qt ships them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from natasha_studio.core import i18n as core_i18n
from natasha_studio.paths import resource

# Qt's own Russian file lacks two labels of its file dialog (Qt 6 gave them shortcut keys, so
# the old translations no longer match): listed here, the app's translation supplies them and
# the Open and Save dialogs are not half English.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def load_translators(language: str) -> list[QTranslator]:
    translators: list[QTranslator] = []
    folder = resource("translations")
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            translators.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase",):
        translator = QTranslator()
        if translator.load(QLocale(language), base, "_", qt_dir):
            translators.append(translator)
    return translators


def install_app_translation(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators on ``app`` and route the core's ``translate`` through Qt."""
    translators = load_translators(language)
    for translator in translators:
        app.installTranslator(translator)
    # Numbers, dates and Qt's own widgets (spin boxes) follow the app's language, not the
    # system's: a Russian window writes "43,2".
    QLocale.setDefault(QLocale(language))
    core_i18n.set_language(language)
    core_i18n.install(
        lambda ctx, text, disamb, n: QCoreApplication.translate(ctx, text, disamb, n)
    )
    return translators


def remove_app_translation(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def install_cli_translation(language: str | None = None) -> list[QTranslator]:
    """Translate the core's messages on the command line (no QApplication needed)."""
    if language is None:
        from natasha_studio.settings import AppSettings

        language = AppSettings().effective_language
    translators = load_translators(language)
    core_i18n.set_language(language)

    def translate(ctx: str, text: str, disamb: str | None, n: int) -> str:
        for translator in translators:
            found = translator.translate(ctx, text, disamb, n)
            if found:
                # QTranslator leaves %n to QCoreApplication.translate, which is not used here.
                return found.replace("%n", str(n)) if n >= 0 else found
        return text.replace("%n", str(n)) if n >= 0 else text

    core_i18n.install(translate)
    return translators
