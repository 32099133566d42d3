"""The launch panel: snapshot, provider, base model, hyperparameters, pre-flight check, Launch.

The pre-flight (export + validation + cost, from ``core.export``) runs in a worker thread
whenever the choice changes; Launch stays disabled until it passes for exactly what is chosen.
Each provider's own options are rows of their own modules (``yandex_options``,
``cloud_options`` for Vertex AI and OpenAI, ``open_options`` for Together AI and Fireworks AI,
``local_options``), shown for that provider only; the base model row is ``base_model_choice``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.core import export, glossary
from natasha_studio.core.jobs import LaunchPlan
from natasha_studio.core.jobs.confirm import launch_summary, tuning_refusal
from natasha_studio.core.jobs.local import check_base_model, local_report_lines
from natasha_studio.operations.changes import Changes
from natasha_studio.providers.catalog import (
    TUNING_PROVIDERS,
    country_name,
    provider_info,
    provider_label,
)
from natasha_studio.ui.context import AppContext
from natasha_studio.ui.finetune.base_model_choice import BaseModelChoice
from natasha_studio.ui.finetune.cloud_options import CloudOptions
from natasha_studio.ui.finetune.confirm_dialog import LaunchConfirmDialog
from natasha_studio.ui.finetune.local_options import LocalOptions, compact, help_label
from natasha_studio.ui.finetune.open_options import KINDS as OPEN_MODEL_KINDS
from natasha_studio.ui.finetune.open_options import OpenModelOptions
from natasha_studio.ui.finetune.preflight_check import (
    ERROR_STYLE,
    freeze_approved,
    run_preflight,
    verdict,
)
from natasha_studio.ui.finetune.texts import provider_text
from natasha_studio.ui.finetune.yandex_options import YandexOptions

_help = help_label


class LaunchPanel(QWidget):
    launch_requested = Signal(object)  # a LaunchPlan
    # The day launches are judged by (None: today); tests set it to try a provider's end date.
    today = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preflight: export.Preflight | None = None
        self._privacy_ids: list[int] = []
        self._preflight_key: tuple | None = None
        self._busy = False
        self._launching: list[export.Preflight] = []  # checks whose files a launch is sending
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The choices scroll; the check result and Launch stay in sight below them.
        fields = QWidget()
        form = QFormLayout(fields)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow panel (or with longer Russian labels) a field goes under its label
        # rather than making the form scroll sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.snapshot = compact(QComboBox(), 12)
        # A narrow panel cuts a long snapshot name: the whole name is a hover away.
        self.snapshot.currentTextChanged.connect(self.snapshot.setToolTip)
        self.freeze_button = QPushButton(self.tr("Freeze approved pairs"))
        self.freeze_button.setToolTip(self.tr("Make a snapshot of the approved pairs as they are "
                                              "now (an identical existing one is reused)."))
        self.freeze_button.clicked.connect(self._on_freeze_clicked)
        # The button under the list: beside it, it left the snapshot's name a dozen letters.
        row = QVBoxLayout()
        row.addWidget(self.snapshot)
        row.addWidget(self.freeze_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Snapshot:"), row)

        self.provider = QComboBox()
        for kind in TUNING_PROVIDERS:  # Yandex AI Studio first: the one most curators can pay
            self.provider.addItem(self.tr("Local (this computer)") if kind == "local" else
                                  provider_text(kind), kind)
        self.provider_note = _help("")
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow("", self.provider_note)

        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Наташа v2"))
        form.addRow(self.tr("Name:"), self.display_name)

        self.base_model = BaseModelChoice(ctx, lambda: self.provider_kind, self)
        # The parts tests and the launch read directly.
        self.model, self.model_help = self.base_model.combo, self.base_model.help
        self.refresh_models_button, self.model_row = (self.base_model.refresh_button,
                                                      self.base_model.row)
        form.addRow(self.tr("Base model:"), self.model_row)
        form.addRow("", self.model_help)

        self.cloud = CloudOptions(form, self)
        # The rows tests and the launch read directly.
        self.epochs, self.lr, self.batch, self.adapter = (self.cloud.epochs, self.cloud.lr,
                                                          self.cloud.batch, self.cloud.adapter)
        self.yandex = YandexOptions(ctx, form, self)
        self.open_model = OpenModelOptions(ctx, form, self)
        self.keep_uploaded = QCheckBox(self.tr("Keep the uploaded file at the provider"))
        self.keep_uploaded_help = _help(self.tr("By default the training file is deleted from "
                                                "the provider when the job ends. Keep it only "
                                                "if you mean to launch there again."))
        form.addRow("", self.keep_uploaded)
        form.addRow("", self.keep_uploaded_help)
        self._form = form
        # Rows of every provider that sends the dataset away (not of local training).
        self._cloud_rows = [self.keep_uploaded, self.keep_uploaded_help, self.model_row,
                            self.model_help]
        self.local = LocalOptions(ctx, form, self)
        self.local.model_changed.connect(self.schedule_check)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(fields)
        layout.addWidget(scroll, 3)

        self.check_status = QLabel()
        self.check_status.setWordWrap(True)
        layout.addWidget(self.check_status)
        # Leftover personal data: a link to exactly those pairs on the Pairs tab.
        self.privacy_link = QLabel()
        self.privacy_link.setWordWrap(True)
        self.privacy_link.setVisible(False)
        self.privacy_link.linkActivated.connect(self._on_privacy_link)
        layout.addWidget(self.privacy_link)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumBlockCount(400)
        self.report.setMinimumHeight(70)
        self.report.setToolTip(glossary.tooltip("tokens", "o200k_base", "p10_p90", "temp_file"))
        self.report.setVisible(False)  # until a check has something to say
        layout.addWidget(self.report, 2)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.clicked.connect(self.schedule_check)
        self.launch_button = QPushButton(self.tr("Launch fine-tune"))
        self.launch_button.setDefault(True)
        self.launch_button.setProperty("primary", True)
        self.launch_button.clicked.connect(self._on_launch_clicked)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.launch_button)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._start_check)
        self.provider.currentIndexChanged.connect(self._on_provider_changed)
        for signal in (self.snapshot.currentIndexChanged, self.model.currentTextChanged,
                       self.cloud.epochs_changed, self.open_model.epochs_changed):
            signal.connect(self.schedule_check)
        saved = str(ctx.settings.value("finetune/provider", TUNING_PROVIDERS[0]))
        self.provider.setCurrentIndex(max(0, self.provider.findData(saved)))
        self._on_provider_changed()

    # -- state ---------------------------------------------------------------------------------

    @property
    def provider_kind(self) -> str:
        return self.provider.currentData()

    def _key(self) -> tuple:
        if self.provider_kind == "local":
            return (self.snapshot.currentData(), "local", self.local.base_model(), None)
        # Yandex tunes by samples, not epochs: its pre-flight takes none.
        kind = self.provider_kind
        epochs = (None if kind == "yandex" else self.open_model.epochs_value()
                  if kind in OPEN_MODEL_KINDS else self.cloud.epochs_value())
        return (self.snapshot.currentData(), self.provider_kind, self.model.currentText().strip(),
                epochs)

    def reload_snapshots(self, select: int | None = None) -> None:
        project = self.ctx.project
        current = select if select is not None else self.snapshot.currentData()
        self.snapshot.blockSignals(True)
        self.snapshot.clear()
        if project is not None:
            for snap in reversed(export.list_snapshots(project)):
                self.snapshot.addItem(self.tr("{name} — {n} pairs").format(
                    name=snap.name, n=snap.pair_count), snap.id)
        if self.snapshot.count() == 0:
            self.snapshot.addItem(self.tr("No snapshots yet: freeze the approved pairs"), None)
        index = self.snapshot.findData(current) if current is not None else -1
        self.snapshot.setCurrentIndex(max(0, index))
        self.snapshot.blockSignals(False)
        self.schedule_check()

    def set_busy(self, busy: bool) -> None:
        """While a launch uploads, the panel shows progress and takes no second launch."""
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self._update_launch_button()

    def show_upload_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Uploading: %p%"))

    def _update_launch_button(self) -> None:
        ready = (self.ctx.project is not None and self.preflight is not None
                 and self.preflight.ok and self._preflight_key == self._key() and not self._busy)
        self.launch_button.setEnabled(ready)

    # -- reactions -----------------------------------------------------------------------------

    def _on_provider_changed(self) -> None:
        kind = self.provider_kind
        is_local = kind == "local"
        for widget in self._cloud_rows:
            self._form.setRowVisible(widget, not is_local)
        self.cloud.show_rows(self._form, kind if kind in ("vertex", "openai") else None)
        self.yandex.show_rows(self._form, kind == "yandex")
        self.open_model.show_rows(self._form, kind if kind in OPEN_MODEL_KINDS else None)
        self.local.show_rows(self._form, is_local)
        self.provider_note.setText(self._provider_note(kind))
        if not is_local:
            self.reload_base_models()
        self.schedule_check()

    def reload_base_models(self) -> None:
        """Offer the chosen provider's base models (as its API listed them last)."""
        self.base_model.reload()

    def _provider_note(self, kind: str) -> str:
        if kind == "local":
            return self.tr("Trains a LoRA adapter on this computer: free, and the dataset never "
                           "leaves it. A graphics card (NVIDIA or Apple) makes it fast.")
        if kind == "yandex":
            return self.tr("Tunes YandexGPT Lite in Yandex Cloud, paid in rubles; training is "
                           "free while Yandex offers it as a Preview. Set the API key and folder "
                           "under “Providers…”.")
        if kind == "together":
            return self.tr("Tunes open models (Qwen, Llama) in the USA, paid in dollars; the "
                           "trained adapter comes back to this computer for free chat. Set the "
                           "API key under “Providers…”.")
        if kind == "fireworks":
            return self.tr("Tunes open models (Qwen, Llama, Kimi K2) in the USA, paid in "
                           "dollars; chatting with the result needs a paid deployment. Set the "
                           "API key and account under “Providers…”.")
        if kind == "openai":
            return self.tr("OpenAI no longer takes new fine-tuning customers and stops new jobs "
                           "on 6 January 2027; if it refuses, use Vertex AI.")
        return self.tr("Set the Google Cloud project, region and bucket under “Providers…”.")

    def _drop_preflight(self) -> None:
        """Forget the current check and remove its training files, unless a launch sends them."""
        if self.preflight is not None and self.preflight not in self._launching:
            self.preflight.discard()
        self.preflight = None

    def _show_report(self, lines: list[str] | None) -> None:
        """The check's report, or (None) no box at all: an empty frame read as something
        missing, and the options above get its room."""
        if lines:
            self.report.setPlainText("\n".join(lines))
        else:
            self.report.clear()
        self.report.setVisible(bool(lines))

    def forget_check(self) -> None:
        """The project closed: its last check's training files go now, not at the next check
        (closing the project is also what quitting does)."""
        self._debounce.stop()
        self._drop_preflight()
        self._preflight_key = None
        self._show_report(None)

    def launch_finished(self, plan: LaunchPlan) -> None:
        """A launch sent (or failed to send) ``plan``'s files: they are removed, and a new
        check writes them again if the curator launches once more."""
        for pre in [p for p in self._launching if Path(p.train_path) == plan.train_file]:
            self._launching.remove(pre)
            pre.discard()
            if pre is self.preflight:
                self.schedule_check()

    def schedule_check(self) -> None:
        self._drop_preflight()
        self.privacy_link.setVisible(False)
        self._update_launch_button()
        self._debounce.start()

    def _start_check(self) -> None:
        project = self.ctx.project
        snapshot_id, provider, model, epochs = self._key()
        if project is None:
            return
        if snapshot_id is None:
            self.check_status.setText(self.tr("Freeze a snapshot of the approved pairs to "
                                              "launch a fine-tune."))
            self._show_report(None)
            return
        if provider == "local":
            missing = self.local.missing
            problem = check_base_model(model) if not missing else None
            if missing or problem:
                self.check_status.setText(
                    self.tr("Install local training to launch here.") if missing else
                    f"{problem.message} {problem.hint}".strip())
                self.check_status.setStyleSheet(ERROR_STYLE)
                self._show_report(None)
                return
        if not model:
            self.check_status.setText(self.tr("Type the base model to tune."))
            return
        refusal = tuning_refusal(provider_info(provider), self.today)
        if refusal is not None:
            # Refused before the dataset is even prepared: nothing can be launched there.
            self.check_status.setText(f"✖ {refusal.message} {refusal.hint}")
            self.check_status.setStyleSheet(ERROR_STYLE)
            self._show_report(None)
            return
        self.check_status.setText(self.tr("Checking the dataset…"))
        self.check_status.setStyleSheet("")
        key = self._key()
        self.ctx.tasks.run_in_thread(
            "finetune:preflight", run_preflight, str(project.path), snapshot_id, provider, model,
            epochs, title=self.tr("Checking the dataset"), owner=project, with_progress=True,
            on_done=lambda pre: self._on_checked(key, pre))

    def _on_checked(self, key: tuple, pre: export.Preflight) -> None:
        if key != self._key():
            pre.discard()
            return  # the choice changed while checking; a newer check is on its way
        if self.preflight is not pre:
            self._drop_preflight()
        self.preflight, self._preflight_key = pre, key
        lines = local_report_lines(pre) if pre.provider == "local" else export.report_lines(
            pre.report)
        self._show_report(lines)
        self._show_privacy(pre.privacy or {})
        text, style = verdict(pre)
        self.check_status.setText(text)
        self.check_status.setStyleSheet(style)
        self._update_launch_button()

    def _show_privacy(self, privacy: dict) -> None:
        self._privacy_ids = list(privacy.get("pair_ids") or [])
        count = int(privacy.get("pairs") or 0)
        self.privacy_link.setVisible(count > 0)
        if count:
            text = self.tr("⚠ %n pair(s) still contain members' personal data.", "", count)
            link = self.tr("Show them on the Pairs tab")
            self.privacy_link.setText(f'{text} <a href="pairs">{link}</a>')

    def _on_privacy_link(self, _href: str) -> None:
        if self._privacy_ids:
            self.ctx.navigate.emit("pairs", list(self._privacy_ids))

    def _on_freeze_clicked(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        self.ctx.tasks.run_in_thread("finetune:freeze", freeze_approved, str(project.path),
                                     title=self.tr("Freezing the approved pairs"), owner=project,
                                     on_done=self._on_frozen)

    def _on_frozen(self, result: tuple[export.Snapshot, bool, Changes]) -> None:
        snapshot, created, changes = result
        self.reload_snapshots(select=snapshot.id)
        self.ctx.apply(changes)
        self.ctx.show_status((self.tr("Snapshot “{name}” frozen.") if created else
                              self.tr("Snapshot “{name}” already has these pairs.")).format(
            name=snapshot.name))

    def _on_launch_clicked(self) -> None:
        pre = self.preflight
        if pre is None or not pre.ok or self._preflight_key != self._key():
            return
        snapshot_id, provider, model, epochs = self._key()
        name = self.display_name.text().strip() or self.snapshot.currentText().split(" — ")[0]
        if provider == "local":
            self.local.save()
            self.ctx.settings.set_value("finetune/provider", provider)
            hyper = {**self.local.hyperparameters(), "snapshot_id": snapshot_id,
                     "snapshot_name": self.snapshot.currentText().split(" — ")[0]}
            plan = LaunchPlan(provider, model, Path(pre.train_path),
                              Path(pre.validation_path) if pre.validation_path else None,
                              snapshot_id=snapshot_id, display_name=name, hyperparameters=hyper)
            if self.confirm_launch(plan, pre):
                self._launching.append(pre)
                self.launch_requested.emit(plan)
            return
        if provider == "yandex":
            hyper: dict[str, Any] = self.yandex.hyperparameters()
            self.yandex.save()
        elif provider in OPEN_MODEL_KINDS:
            hyper = self.open_model.hyperparameters(provider)
            self.open_model.save()
        else:
            hyper = self.cloud.hyperparameters(provider)
        self.ctx.settings.set_value("finetune/provider", provider)
        self.ctx.settings.set_value(f"finetune/model_{provider}", model)
        plan = LaunchPlan(
            provider, model, Path(pre.train_path),
            Path(pre.validation_path) if pre.validation_path else None, snapshot_id=snapshot_id,
            display_name=name, hyperparameters=hyper, keep_uploaded_data=self.keep_uploaded.isChecked())
        if self.confirm_launch(plan, pre):
            self._launching.append(pre)
            self.launch_requested.emit(plan)

    def confirm_launch(self, plan: LaunchPlan, pre: export.Preflight) -> bool:
        """Ask, with the facts of what is sent where, before anything leaves the computer."""
        refusal = tuning_refusal(provider_info(plan.provider), self.today)
        if refusal is not None:
            self.check_status.setText(f"✖ {refusal.message} {refusal.hint}")
            return False
        info = provider_info(plan.provider)
        summary = launch_summary(info, pre, label=provider_label(plan.provider),
                                 country=country_name(info.country),
                                 keep_uploaded_data=plan.keep_uploaded_data)
        dialog = LaunchConfirmDialog(summary, self)
        return dialog.exec() == QDialog.DialogCode.Accepted

