"""Qt's own file dialog speaks the window's language in full (its Russian file lacks two of
the labels, which the app's translation supplies)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from natasha_studio.core import i18n as core_i18n
from natasha_studio.i18n import install_app_translation, remove_app_translation


def test_the_russian_file_dialog_has_no_english_labels(qtbot):
    app = QApplication.instance()
    translators = install_app_translation(app, "ru")
    try:
        dialog = QFileDialog(None, "", "", "*.nstudio")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and not any(c.isascii() and c.isalpha() for text in labels for c in text), \
            labels
    finally:
        remove_app_translation(app, translators)
        QLocale.setDefault(QLocale("en"))
        core_i18n.set_language("en")
        core_i18n.install(None)
