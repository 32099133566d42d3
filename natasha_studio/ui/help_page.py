"""Help → Getting started: the whole flow in plain words, and the glossary of its terms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from natasha_studio.core import glossary


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GettingStartedDialog(QDialog):
    """A readable page: one section per step, then every term the app uses, explained."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.page_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def steps(self) -> list[tuple[str, str]]:
        return [
            (self.tr("1. Sources"), self.tr(
                "Bring in the conversations. In Telegram Desktop open a chat’s menu → Export chat "
                "history, choose the machine-readable JSON format, and drop the folder "
                "(or its result.json) on the window. Or log in with your Telegram account on "
                "this tab and fetch the chats directly.")),
            (self.tr("2. Persona"), self.tr(
                "Still on Sources: tick the persona’s accounts in the list of the most active "
                "people (she may have several, and a channel may sign her posts). The app then "
                "finds every question a member asked and her answer to it: these are the pairs.")),
            (self.tr("3. Pairs"), self.tr(
                "Read each pair with the conversation around it. Press A to approve, R to "
                "reject, W if it needs work; fix a typo right in the text. Only approved pairs "
                "go into training. Nothing needs saving: every change is kept at once, and "
                "Ctrl+Z undoes it.")),
            (self.tr("4. Statistics"), self.tr(
                "See where the pairs come from, their topics and lengths, and whether one "
                "member asks most of the questions. When the set looks right, freeze a "
                "snapshot: the exact pairs a fine-tune will learn from.")),
            (self.tr("5. Fine-tune"), self.tr(
                "Choose a provider (set up once in Settings), a snapshot and a base model. The "
                "check says whether the provider will accept the file, how many tokens it has "
                "and what it costs; nothing is paid before you confirm. The job card then "
                "follows the training, even if you close the app.")),
            (self.tr("6. Test chat"), self.tr(
                "Ask the tuned model what members really ask, beside its base model. Vote "
                "blind to learn which sounds more like her, and run the held-out questions to "
                "see each answer beside her real one. A good answer can be saved as a new pair.")),
        ]

    def page_html(self) -> str:
        heading = self.tr("Getting started")
        words = self.tr("Words you will meet")
        parts = [f"<h2>{_escape(heading)}</h2>",
                 "<p>" + _escape(self.tr(
                     "Natasha Studio turns one person’s answers in Telegram chats into a "
                     "dataset, tunes a model on it, and tests whether the model sounds like "
                     "her. The tabs follow the work from left to right; the row of steps "
                     "under them shows what is done and what comes next. To look around "
                     "first, open the demo project (File → Open the demo project): every tab "
                     "has something in it.")) + "</p>"]
        for title, text in self.steps():
            parts.append(f"<h3>{_escape(title)}</h3><p>{_escape(text)}</p>")
        parts.append(f"<h2>{_escape(words)}</h2><dl>")
        for term, text in glossary.entries():
            parts.append(f"<dt><b>{_escape(term)}</b></dt><dd>{_escape(text)}</dd>")
        parts.append("</dl>")
        return "".join(parts)
