"""From a finished cloud job to the test chat, where chatting with the tuned model costs money.

Fireworks AI answers with a tuned model only on a dedicated deployment, billed per GPU-second
while it runs: "Test in chat" says so first and deploys only when the curator agrees (one that
scales to zero after five idle minutes). Together AI serves a tuned model on a dedicated
endpoint billed per minute: "Test in chat" says so and offers the LoRA adapter instead,
downloaded beside the project and run on this computer by the local back end.

Each step ends in ``open_entry(entry_id)``: the model entry shown in the test chat. The test
chat offers the same deployment (``deploy``) when a Fireworks tuned model could not answer, and
the adapter (``bring_adapter_home``) when a Together one could not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from natasha_studio.core import jobs
from natasha_studio.core.chat.models import ModelEntry, add_model, job_entry_id
from natasha_studio.core.store import Project
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.registry import build_provider
from natasha_studio.ui.context import AppContext

# What the Together choice returns.
ON_THIS_COMPUTER, ON_ENDPOINT = "local", "endpoint"


class TunedChat(QObject):
    """The Fireworks and Together steps of "Test in chat"; ``parent`` hosts the questions."""

    def __init__(self, ctx: AppContext, parent: QWidget,
                 open_entry: Callable[[int], None]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._open_entry = open_entry

    # -- the questions (tests answer them) -----------------------------------------------------

    def ask_deploy(self, model: str, cost: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Deploy the tuned model?"),
                          self.tr("{model} needs a deployment at Fireworks AI to answer.").format(
                              model=model), parent=self._parent)
        box.setInformativeText(cost)
        deploy = box.addButton(self.tr("Deploy"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter must not start a paid deployment
        box.exec()
        return box.clickedButton() is deploy

    def ask_where_to_chat(self, model: str, cost: str) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Where should the model answer?"),
                          self.tr("{model} is ready. Together AI answers with it only on a "
                                  "dedicated endpoint.").format(model=model),
                          parent=self._parent)
        box.setInformativeText(cost)
        local = box.addButton(self.tr("On this computer (free)"),
                              QMessageBox.ButtonRole.AcceptRole)
        remote = box.addButton(self.tr("On my Together AI endpoint"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(local)
        box.exec()
        clicked = box.clickedButton()
        return ON_THIS_COMPUTER if clicked is local else ON_ENDPOINT if clicked is remote else None

    # -- the steps -----------------------------------------------------------------------------

    def start(self, project: Project, job: jobs.JobRecord,
              remote_entry: Callable[[], int | None]) -> None:
        """Begin "Test in chat" for a succeeded Fireworks or Together job; ``remote_entry``
        saves (or finds) the entry that chats through the provider's endpoint."""
        if job.provider == "fireworks":
            self._fireworks(project, job, remote_entry)
        elif job.provider == "together":
            self._together(project, job, remote_entry)

    def _fireworks(self, project: Project, job: jobs.JobRecord,
                   remote_entry: Callable[[], int | None]) -> None:
        self.deploy(project, job.tuned_model or "", lambda: self._open(remote_entry()))

    def deploy(self, project: Project, model: str, on_ready: Callable[[], None]) -> None:
        """Find the Fireworks deployment of the tuned ``model``, or make one once the curator
        has read its cost and agreed; then ``on_ready()``. Declined: nothing happens."""
        from natasha_studio.providers.fireworks_provider import deployment_cost_text

        provider = build_provider("fireworks", self.ctx.secrets)
        short = model.rsplit("/", 1)[-1]

        def found(deployment: str | None) -> None:
            if deployment is not None:
                on_ready()
            elif self.ask_deploy(short, deployment_cost_text()):
                self.ctx.tasks.start(
                    f"fireworks:deploy:{short}", provider.create_deployment(model),
                    owner=project, title=self.tr("Deploying the tuned model at Fireworks AI"),
                    on_done=lambda _name: self._deployed(on_ready))

        self.ctx.tasks.start(f"fireworks:deployment:{short}", provider.deployment_for(model),
                             owner=project, title=self.tr("Looking for the model's deployment"),
                             on_done=found)

    def _deployed(self, on_ready: Callable[[], None]) -> None:
        self.ctx.show_status(self.tr("The deployment is made. The first answer may take a few "
                                     "minutes while Fireworks AI loads the model; it stops "
                                     "after five minutes without questions."), 15000)
        on_ready()

    def _together(self, project: Project, job: jobs.JobRecord,
                  remote_entry: Callable[[], int | None]) -> None:
        from natasha_studio.providers.together_provider import not_deployed_hint

        choice = self.ask_where_to_chat(job.tuned_model or "", not_deployed_hint())
        if choice == ON_ENDPOINT:
            self._open(remote_entry())
            return
        if choice != ON_THIS_COMPUTER:
            return
        self.bring_adapter_home(project, job.id, self._open)

    def bring_adapter_home(self, project: Project, job_id: int,
                           on_done: Callable[[int | None], None]) -> None:
        """Download the Together job's LoRA adapter beside the project (once) and save its
        local model entry; then ``on_done(entry_id)``."""
        from natasha_studio.providers.adapters import bring_adapter_home

        provider = build_provider("together", self.ctx.secrets)
        self.ctx.show_status(self.tr("Downloading the adapter…"), 5000)

        def progress(done: int, total: int) -> None:
            if total:
                self.ctx.show_status(self.tr("Downloading the adapter: {percent}%").format(
                    percent=done * 100 // total), 5000)

        def done(entry_id: int | None) -> None:
            self.ctx.apply(Changes(models=True))
            on_done(entry_id)

        self.ctx.tasks.start(f"together:adapter:{job_id}",
                             bring_adapter_home(project, provider, job_id, progress=progress),
                             owner=project, title=self.tr("Downloading the adapter"),
                             on_done=done)

    def _open(self, entry_id: int | None) -> None:
        if entry_id is not None:
            self._open_entry(entry_id)


def needs_deployment(entry: ModelEntry | None) -> bool:
    """Whether ``entry`` is a model tuned at Fireworks AI, which answers only once deployed."""
    if entry is None or entry.provider != "fireworks" or "#" in entry.model_id:
        return False
    return entry.model_id.startswith("accounts/") and not entry.model_id.startswith(
        "accounts/fireworks/")


def has_adapter_to_bring(entry: ModelEntry | None) -> bool:
    """Whether ``entry`` is a Together AI tuned model from a job of this project, whose
    adapter can answer on this computer instead of a paid endpoint."""
    return entry is not None and entry.provider == "together" and entry.job_id is not None


def remote_entry_for(project: Project, job: jobs.JobRecord, name: str) -> int:
    """The model entry that chats with ``job``'s tuned model through its provider (saved once)."""
    entry_id = job_entry_id(project, job.id, job.provider)
    if entry_id is not None:
        return entry_id
    return add_model(project, name, job.provider, job.tuned_model or "", job_id=job.id,
                     settings={"kind": "tuned"}, unique=True)
