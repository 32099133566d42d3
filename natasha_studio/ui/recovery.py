"""Offering to recover a damaged project when the window opens it.

The store opens a damaged project for reading only (see ``core.store.Project.open``); here the
curator is told so and offered to copy what can be read into a new file, which then opens in
its place. The damaged file is never written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from natasha_studio.core.errors import StudioError
from natasha_studio.core.store import Project
from natasha_studio.ui.errors import show_error


def recovered_path(path: Path) -> Path:
    """A free name beside ``path`` for the recovered copy."""
    candidate = path.with_name(f"{path.stem}-recovered{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-recovered-{n}{path.suffix}")
        n += 1
    return candidate


class RecoveryOffer:
    """Asks what to do with a damaged project; ``ask`` and ``choose_target`` are replaceable
    (tests answer them without showing a dialog)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def tr(self, text: str) -> str:
        return QApplication.translate("RecoveryOffer", text)

    def ask(self, path: Path) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The project is damaged"), self.tr(
            "Part of “{name}” cannot be read. Nothing was written into it, so that nothing makes "
            "it worse.").format(name=path.name), parent=self.parent)
        box.setInformativeText(self.tr(
            "Natasha Studio can copy everything that can still be read into a new project file "
            "and open that one. The damaged file stays as it is."))
        recover = box.addButton(self.tr("Recover into a new file…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover

    def choose_target(self, path: Path) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(
            self.parent, self.tr("Save the recovered project as"), str(recovered_path(path)),
            self.tr("Natasha Studio projects (*.nstudio)"))
        return Path(target) if target else None

    def handle(self, project: Project) -> Project | None:
        """The recovered copy, opened in place of the damaged ``project``; None when the
        curator declines (the tabs would meet unreadable pages at every turn, so the window
        does not show a damaged project: the command line can still read what it can)."""
        source = project.path
        project.close()
        if not self.ask(source):
            return None
        target = self.choose_target(source)
        if target is None:
            return None
        from natasha_studio.core.recovery import recover_project

        try:
            report = recover_project(source, target)
            return Project.open(report.path)
        except StudioError as exc:
            show_error(self.parent, self.tr("The project could not be recovered"), exc)
            return None
