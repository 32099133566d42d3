#!/usr/bin/env python3
"""Render the fine-tune views a curator meets on the way to a tuned model, offscreen, to PNG files.

    python scripts/screenshots_finetune.py OUT_DIR [--lang ru|en] [--theme light|dark]

It saves every provider's set-up page (``setup-<kind>``), Yandex's page with its Advanced part
open and after a "Test connection" with a wrong key (``setup-yandex-advanced``,
``setup-yandex-wrong-key``), the launch form with Yandex's options (``launch-yandex-options``),
the launch confirmation (``confirm-yandex``) and the Fine-tune tab
while a Yandex job trains and once it has ended (``job-yandex-running``, with its events
``job-yandex-running-events``, ``job-yandex-done-events``). The job runs on the demo project
against the loopback stand-in of Yandex AI Studio that the tests use
(``tests/fakes/yandex_server.py``); nothing leaves the computer, and secrets live in memory only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--size", default="1280x820")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="natasha-shots-"))
    os.environ["NATASHA_STUDIO_HOME"] = str(tmp / "home")
    os.environ["NATASHA_STUDIO_LANGUAGE"] = args.lang
    import keyring
    from fakes.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # every secret this script sets stays in memory

    import asyncio

    from fakes.yandex_server import FakeYandex
    from PySide6.QtWidgets import QDialog, QScrollArea
    from screenshots import open_window

    from natasha_studio.core import jobs
    from natasha_studio.operations.demo import create_demo_project
    from natasha_studio.ui.finetune import launch_panel
    from natasha_studio.ui.finetune.providers_dialog import ProviderSettingsDialog
    from natasha_studio.ui.finetune.setup_pages import setup_pages

    app, loop, studio = open_window(args.theme, args.size)
    window = studio.window
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = f"{args.lang}-{args.theme}"
    saved: list[Path] = []

    def settle(rounds: int = 30) -> None:
        for _ in range(rounds):
            loop.run_until_complete(asyncio.sleep(0.02))
            app.processEvents()

    def until(condition, what: str, limit: float = 30.0) -> None:
        deadline = time.monotonic() + limit
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            settle(5)

    def save(widget, name: str) -> None:
        path = args.out / f"{name}-{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    with FakeYandex() as server:
        ctx = window.ctx
        ctx.secrets.set("yandex_api_key", server.api_key)
        ctx.secrets.set("yandex_folder_id", server.folder_id)
        ctx.secrets.set("yandex_endpoint", f"http://{server.endpoint}")
        ctx.secrets.set("yandex_chat_url", server.chat_url)
        project_path = tmp / "demo.nstudio"
        create_demo_project(project_path).close()
        window.open_project(project_path)
        settle()

        # Every provider's set-up page, as "Providers…" opens it.
        for page in setup_pages():
            dialog = ProviderSettingsDialog(ctx, window, kind=page.kind)
            if page.kind == "yandex":
                # Addresses are set (the stand-in's), so Advanced is open: close it first.
                dialog.advanced_toggles["yandex"].setChecked(False)
            dialog.show()
            settle()
            save(dialog, f"setup-{page.kind}")
            if page.kind == "yandex":
                dialog.advanced_toggles["yandex"].setChecked(True)
                settle()
                save(dialog, "setup-yandex-advanced")
                dialog.advanced_toggles["yandex"].setChecked(False)
                dialog.edits["yandex_api_key"].setText("AQVN-wrong-key")
                dialog.test_buttons["yandex"].click()
                until(lambda d=dialog: d.results["yandex"].text().startswith("✖"),
                      "the connection test")
                settle()
                save(dialog, "setup-yandex-wrong-key")
            dialog.reject()
            dialog.deleteLater()
            settle(5)

        # A Yandex launch from the Fine-tune tab: its confirmation, then the job training.
        tab = window.tab_widgets["finetune"]
        tab.poll_interval = 0.2
        window.tabs.setCurrentWidget(tab)
        settle()
        panel = tab.launch_panel
        panel.provider.setCurrentIndex(panel.provider.findData("yandex"))
        if panel.snapshot.currentData() is None:
            panel.freeze_button.click()
        until(lambda: panel.launch_button.isEnabled(), "the pre-flight check", 120)
        # The launch form whole (the tab shows it in a scroll area): Yandex's own options.
        save(panel.findChild(QScrollArea).widget(), "launch-yandex-options")

        def confirm(dialog) -> int:
            dialog.show()
            settle()
            save(dialog, "confirm-yandex")
            dialog.hide()
            return QDialog.DialogCode.Accepted

        launch_panel.LaunchConfirmDialog.exec = confirm
        panel.launch_button.click()
        until(lambda: server.tunings, "the tuning task")
        until(lambda: jobs.list_jobs(ctx.project)[0].remote_id is not None, "the job's id")
        job_id = jobs.list_jobs(ctx.project)[0].id
        server.advance(3)
        until(lambda: jobs.job_metrics(ctx.project, job_id).get("progress"), "a step")
        until(lambda: tab.job_view.steps.isVisibleTo(tab.job_view), "the steps line")
        settle()
        save(window, "job-yandex-running")
        view = tab.job_view
        view.tabs.setCurrentWidget(view.events)
        settle()
        save(window, "job-yandex-running-events")
        # The job ends: its model, its events in order, the datasets deleted from Yandex.
        server.advance_on_poll = True
        until(lambda: jobs.get_job(ctx.project, job_id).finished, "the job's end")
        until(lambda: not server.datasets, "the datasets' deletion")
        settle(40)
        save(window, "job-yandex-done-events")
        window.close()
        loop.run_until_complete(studio.shutdown())
    print("\n".join(str(p) for p in saved))
    loop.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
